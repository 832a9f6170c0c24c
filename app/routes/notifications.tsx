import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { listNotifications, markAllRead, markRead } from '#app/domain/notifications/inbox.server.ts'
import { Button } from '#app/components/ui/field.tsx'
import { requireUser } from '#app/utils/auth.server.ts'

export const meta: MetaFunction = () => [{ title: 'Notifications · Success Portal' }]

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request)
	const notifications = await listNotifications(user.id)
	return { notifications, isStaff: user.role !== 'CUSTOMER' }
}

const ActionSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('read'), id: z.string().min(1).max(64) }),
	z.object({ intent: z.literal('read-all') }),
])

/** Marks the user's own notifications read; another user's id reads as not found and changes nothing. */
export async function action({ request }: ActionFunctionArgs) {
	const user = await requireUser(request)
	const parsed = ActionSchema.safeParse(Object.fromEntries(await request.formData()))
	if (!parsed.success) return data({ error: 'Unknown request.' }, { status: 400 })
	if (parsed.data.intent === 'read-all') await markAllRead(user.id)
	else if (!(await markRead(user.id, parsed.data.id))) return data({ error: 'No such notification.' }, { status: 404 })
	return redirect('/notifications')
}

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })

/** Stored links are in-portal paths; anything else is shown without a link. */
const isPortalPath = (link: string | null): link is string => Boolean(link && link.startsWith('/') && !link.startsWith('//'))

export default function NotificationsPage() {
	const { notifications, isStaff } = useLoaderData<typeof loader>()
	const unread = notifications.filter((n) => !n.readAt).length
	return (
		<div className="mx-auto max-w-2xl">
			<div className="flex flex-wrap items-center justify-between gap-3">
				<h1 className="text-2xl font-bold">Notifications</h1>
				{unread > 0 ? (
					<Form method="post">
						<input type="hidden" name="intent" value="read-all" />
						<Button type="submit" variant="secondary">
							Mark all as read
						</Button>
					</Form>
				) : null}
			</div>
			<p className="mt-1 text-sm text-slate-600" data-testid="unread-summary">
				{unread === 0 ? 'Nothing unread.' : `${unread} unread.`} Emails about them can be turned off in your <Link to="/account">account settings</Link>.
				{isStaff ? (
					<>
						{' '}
						Your task queue is in the <Link to="/console/tasks">console</Link>.
					</>
				) : null}
			</p>
			{notifications.length === 0 ? (
				<p className="mt-8 rounded-lg border border-dashed border-slate-300 p-6 text-slate-600">No notifications yet.</p>
			) : (
				<ul className="mt-6 space-y-3" data-testid="notification-list">
					{notifications.map((n) => (
						<li
							key={n.id}
							className={`rounded-lg border p-4 ${n.readAt ? 'border-slate-200 bg-white' : 'border-brand-600 bg-brand-50'}`}
							data-unread={n.readAt ? undefined : 'true'}
						>
							<p className="text-xs text-slate-600">
								{n.readAt ? '' : <strong className="text-brand-900">New · </strong>}
								<time dateTime={new Date(n.createdAt).toISOString()}>{dateTime.format(new Date(n.createdAt))} UTC</time>
							</p>
							<h2 className="mt-1 font-medium">{isPortalPath(n.link) ? <Link to={n.link}>{n.title}</Link> : n.title}</h2>
							<p className="mt-1 whitespace-pre-line break-words text-sm text-slate-700">{n.body}</p>
							{n.readAt ? null : (
								<Form method="post" className="mt-2">
									<input type="hidden" name="intent" value="read" />
									<input type="hidden" name="id" value={n.id} />
									<button type="submit" className="text-sm text-brand-900 underline">
										Mark as read<span className="sr-only">: {n.title}</span>
									</button>
								</Form>
							)}
						</li>
					))}
				</ul>
			)}
		</div>
	)
}
