import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { ChangePasswordSchema } from '#app/domain/accounts-tiers/credentials.ts'
import { changePassword, countOtherSessions, signOutOtherSessions } from '#app/domain/accounts-tiers/recovery.server.ts'
import { getEmailNotifications, setEmailNotifications } from '#app/domain/notifications/inbox.server.ts'
import { Button, ErrorList, Field } from '#app/components/ui/field.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { getSessionId } from '#app/utils/session.server.ts'
import { plural } from '#app/utils/plural.ts'

export const meta: MetaFunction = () => [{ title: 'Account settings · Success Portal' }]

async function currentSession(request: Request) {
	const user = await requireUser(request)
	// requireUser found a live session, so the cookie holds its id.
	const sessionId = (await getSessionId(request))!
	return { user, sessionId }
}

export async function loader({ request }: LoaderFunctionArgs) {
	const { user, sessionId } = await currentSession(request)
	const [emailNotifications, otherSessions] = await Promise.all([getEmailNotifications(user.id), countOtherSessions(user.id, sessionId)])
	return { email: user.email, emailNotifications, otherSessions }
}

const INTENTS = { emails: 'email-preference', password: 'change-password', sessions: 'sign-out-others' } as const
const EmailPreferenceSchema = z.object({ intent: z.literal(INTENTS.emails), emails: z.enum(['on', 'off'], { error: 'Choose on or off' }) })

type Notice = { intent: string; message: string }

export async function action({ request }: ActionFunctionArgs) {
	const { user, sessionId } = await currentSession(request)
	const formData = await request.formData()
	switch (formData.get('intent')) {
		case INTENTS.emails: {
			const parsed = EmailPreferenceSchema.safeParse(Object.fromEntries(formData))
			if (!parsed.success) return data({ notice: null, error: parsed.error.issues[0]!.message, password: null }, { status: 400 })
			const on = parsed.data.emails === 'on'
			await setEmailNotifications(user.id, on)
			return { notice: { intent: INTENTS.emails, message: on ? 'Notifications will also come by email.' : 'Notifications now stay in the portal: no more emails.' } satisfies Notice, error: null, password: null }
		}
		case INTENTS.password: {
			const submission = parseWithZod(formData, { schema: ChangePasswordSchema })
			const hidden = { hideFields: ['currentPassword', 'password', 'confirmPassword'] }
			if (submission.status !== 'success') return data({ notice: null, error: null, password: submission.reply(hidden) }, { status: 400 })
			const result = await changePassword({ userId: user.id, sessionId, currentPassword: submission.value.currentPassword, newPassword: submission.value.password })
			if (!result.ok) {
				return data({ notice: null, error: null, password: submission.reply({ fieldErrors: { [result.field]: [result.message] }, ...hidden }) }, { status: 400 })
			}
			const ended = result.endedSessions ? ` ${plural(result.endedSessions, 'other session')} signed out.` : ''
			return { notice: { intent: INTENTS.password, message: `Password changed.${ended}` } satisfies Notice, error: null, password: submission.reply({ resetForm: true }) }
		}
		case INTENTS.sessions: {
			const ended = await signOutOtherSessions(user.id, sessionId)
			return { notice: { intent: INTENTS.sessions, message: `Signed out of ${plural(ended, 'other session')}.` } satisfies Notice, error: null, password: null }
		}
		default:
			return data({ notice: null, error: 'Unknown request.', password: null }, { status: 400 })
	}
}

function Notice({ intent }: { intent: string }) {
	const result = useActionData<typeof action>()
	if (!result?.notice || result.notice.intent !== intent) return null
	return (
		<p role="status" className="mt-3 text-sm text-green-800">
			{result.notice.message}
		</p>
	)
}

export default function AccountPage() {
	const { email, emailNotifications, otherSessions } = useLoaderData<typeof loader>()
	const result = useActionData<typeof action>()
	const navigation = useNavigation()
	const busy = navigation.state === 'submitting'
	const [form, fields] = useForm({
		id: 'change-password',
		lastResult: result?.password ?? null,
		constraint: getZodConstraint(ChangePasswordSchema),
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ChangePasswordSchema }),
		shouldRevalidate: 'onBlur',
	})
	return (
		<div className="mx-auto max-w-xl space-y-10">
			<div>
				<h1 className="text-2xl font-bold">Account settings</h1>
				<p className="mt-1 text-slate-600">Signed in as {email}.</p>
				{result?.error ? <ErrorList errors={[result.error]} /> : null}
			</div>

			<section aria-labelledby="emails-heading">
				<h2 id="emails-heading" className="text-lg font-semibold">
					Email notifications
				</h2>
				<p className="mt-1 text-sm text-slate-600">
					Notifications always appear in the portal. Password-reset emails are sent whatever you choose here.
				</p>
				<Form method="post" className="mt-3 space-y-3">
					<input type="hidden" name="intent" value={INTENTS.emails} />
					<fieldset className="space-y-2">
						<legend className="sr-only">Email notifications</legend>
						<label className="flex items-center gap-2 text-sm">
							<input type="radio" name="emails" value="on" defaultChecked={emailNotifications} /> Also send me notifications by email
						</label>
						<label className="flex items-center gap-2 text-sm">
							<input type="radio" name="emails" value="off" defaultChecked={!emailNotifications} /> Portal only: no notification emails
						</label>
					</fieldset>
					<Button type="submit" variant="secondary" disabled={busy}>
						Save email setting
					</Button>
				</Form>
				<Notice intent={INTENTS.emails} />
			</section>

			<section aria-labelledby="password-heading">
				<h2 id="password-heading" className="text-lg font-semibold">
					Change password
				</h2>
				<Form method="post" {...getFormProps(form)} className="mt-3 space-y-4">
					<input type="hidden" name="intent" value={INTENTS.password} />
					<Field label="Current password" meta={fields.currentPassword} type="password" autoComplete="current-password" />
					<Field label="New password" meta={fields.password} type="password" autoComplete="new-password" hint="At least 10 characters; long passphrases welcome." />
					<Field label="Repeat new password" meta={fields.confirmPassword} type="password" autoComplete="new-password" />
					<ErrorList id={form.errorId} errors={form.errors} />
					<p className="text-sm text-slate-600">Changing your password signs you out everywhere else.</p>
					<Button type="submit" disabled={busy}>
						Change password
					</Button>
				</Form>
				<Notice intent={INTENTS.password} />
			</section>

			<section aria-labelledby="sessions-heading">
				<h2 id="sessions-heading" className="text-lg font-semibold">
					Sessions
				</h2>
				<p className="mt-1 text-sm text-slate-600" data-testid="other-sessions">
					{otherSessions === 0
						? 'You are signed in here only.'
						: `You are also signed in on ${plural(otherSessions, 'other browser')} or device${otherSessions === 1 ? '' : 's'}.`}
				</p>
				<Form method="post" className="mt-3">
					<input type="hidden" name="intent" value={INTENTS.sessions} />
					<Button type="submit" variant="secondary" disabled={busy || otherSessions === 0}>
						Sign out of other sessions
					</Button>
				</Form>
				<Notice intent={INTENTS.sessions} />
			</section>
		</div>
	)
}
