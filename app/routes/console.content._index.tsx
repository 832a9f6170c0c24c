import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { getContentAnalytics } from '#app/domain/content/content-analytics.server.ts'
import { isSelfPublishAllowed, listArticlesForConsole, setSelfPublishAllowed } from '#app/domain/content/publishing.server.ts'
import { INTENTS, isWorkflowState, WORKFLOW_STATE_LABELS, WORKFLOW_STATES } from '#app/domain/content/publishing.ts'
import { formatDate } from '#app/components/kb/article-list.tsx'
import { Button } from '#app/components/ui/field.tsx'
import { requireUserWithRole } from '#app/utils/auth.server.ts'
import { requireContentTeam } from './console-content.server.ts'

export const meta: MetaFunction = () => [{ title: 'Content · Console' }]

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireContentTeam(request)
	const status = new URL(request.url).searchParams.get('status')
	const filter = isWorkflowState(status) ? status : null
	const [analytics, items, selfPublish] = await Promise.all([getContentAnalytics(), listArticlesForConsole(filter), isSelfPublishAllowed()])
	return { ...analytics, items, filter, selfPublish, isAdmin: user.role === 'ADMIN' }
}

/** Admins only: whether an author may approve their own change (a one-person content team). */
export async function action({ request }: ActionFunctionArgs) {
	const admin = await requireUserWithRole(request, 'ADMIN')
	const form = await request.formData()
	if (form.get('intent') !== INTENTS.selfPublish) throw new Response('Unknown action', { status: 400 })
	await setSelfPublishAllowed(form.get('allowed') === 'true', admin.id)
	return redirect('/console/content')
}

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`)

export default function ContentConsole() {
	const { articles, zeroResultSearches, items, filter, selfPublish, isAdmin } = useLoaderData<typeof loader>()
	return (
		<div className="space-y-10">
			<header className="flex flex-wrap items-start justify-between gap-4">
				<div>
					<h1 className="text-2xl font-bold">Content</h1>
					<p className="mt-1 text-slate-600">
						Write, review and publish here, or as MDX in <code>content/articles/</code> with <code>npm run content:sync</code> (a sync never overwrites a newer console revision).
					</p>
				</div>
				<Link to="/console/content/new" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white no-underline hover:bg-brand-700">
					New article
				</Link>
			</header>
			<section aria-labelledby="workflow" className="space-y-3">
				<h2 id="workflow" className="text-lg font-semibold">
					Articles by status
				</h2>
				<nav aria-label="Filter by status" className="flex flex-wrap gap-2 text-sm">
					{[null, ...WORKFLOW_STATES].map((state) => (
						<Link
							key={state ?? 'all'}
							to={state ? `?status=${state}` : '?'}
							aria-current={filter === state ? 'true' : undefined}
							className={`rounded-full px-3 py-1 no-underline ${filter === state ? 'bg-brand-600 text-white' : 'bg-slate-100 text-slate-800'}`}
						>
							{state ? WORKFLOW_STATE_LABELS[state] : 'All'}
						</Link>
					))}
				</nav>
				<table className="w-full border-collapse bg-white text-sm" data-testid="workflow-list">
					<thead>
						<tr className="border-b border-slate-200 text-left">
							<th className="p-2">Article</th>
							<th className="p-2">Status</th>
							<th className="p-2">Audience</th>
							<th className="p-2">Newest revision</th>
						</tr>
					</thead>
					<tbody>
						{items.map((item) => (
							<tr key={item.slug} className="border-b border-slate-100">
								<td className="p-2">
									<Link to={`/console/content/${item.slug}`}>{item.title}</Link>
								</td>
								<td className="p-2">
									{WORKFLOW_STATE_LABELS[item.state]}
									{item.scheduledFor ? ` for ${new Date(item.scheduledFor).toISOString().slice(0, 16).replace('T', ' ')} UTC` : ''}
									{item.head?.hasProblems ? <span className="ml-1 text-red-700">(has problems)</span> : null}
								</td>
								<td className="p-2">{item.audience}</td>
								<td className="p-2 text-slate-600">
									{item.head ? `${item.head.number} · ${item.head.author ?? item.head.origin} (${item.head.origin}) · ${formatDate(item.head.at)}` : '—'}
								</td>
							</tr>
						))}
					</tbody>
				</table>
				{items.length === 0 ? <p className="text-slate-500">No articles with this status.</p> : null}
				{isAdmin ? (
					<Form method="post" className="flex items-center gap-3 text-sm">
						<input type="hidden" name="intent" value={INTENTS.selfPublish} />
						<input type="hidden" name="allowed" value={selfPublish ? 'false' : 'true'} />
						<span>
							Self-publishing is <strong>{selfPublish ? 'allowed' : 'off'}</strong>: {selfPublish ? 'authors may approve their own changes.' : 'another editor or an admin approves each change.'}
						</span>
						<Button type="submit" variant="secondary">
							{selfPublish ? 'Require another reviewer' : 'Allow self-publishing'}
						</Button>
					</Form>
				) : null}
			</section>
			<section aria-labelledby="gaps">
				<h2 id="gaps" className="text-lg font-semibold">
					Searches that found nothing
				</h2>
				{zeroResultSearches.length ? (
					<ul className="mt-2 flex flex-wrap gap-2" data-testid="search-gaps">
						{zeroResultSearches.map((g) => (
							<li key={g.query} className="rounded-full bg-amber-50 px-3 py-1 text-sm">
								{g.query} <span className="text-slate-500">×{g.count}</span>
							</li>
						))}
					</ul>
				) : (
					<p className="mt-2 text-slate-500">No zero-result searches yet.</p>
				)}
			</section>
			<section aria-labelledby="articles">
				<h2 id="articles" className="text-lg font-semibold">
					Articles
				</h2>
				<table className="mt-3 w-full border-collapse bg-white text-sm">
					<thead>
						<tr className="border-b border-slate-200 text-left">
							<th className="p-2">Article</th>
							<th className="p-2">Audience</th>
							<th className="p-2">Status</th>
							<th className="p-2 text-right">Views</th>
							<th className="p-2 text-right">Read through</th>
							<th className="p-2 text-right">Helpful</th>
							<th className="p-2">Updated</th>
						</tr>
					</thead>
					<tbody>
						{articles.map((a) => (
							<tr key={a.id} className="border-b border-slate-100">
								<td className="p-2">
									{a.status === 'published' ? <Link to={`/kb/${a.slug}`}>{a.title}</Link> : a.title}
								</td>
								<td className="p-2">{a.audience}</td>
								<td className="p-2">{a.status}</td>
								<td className="p-2 text-right">{a.views}</td>
								<td className="p-2 text-right">{percent(a.readThroughRate)}</td>
								<td className="p-2 text-right">
									{percent(a.helpfulRate)} <span className="text-xs text-slate-500">({a.helpfulYes}/{a.helpfulYes + a.helpfulNo})</span>
								</td>
								<td className="p-2">{formatDate(a.contentUpdatedAt)}</td>
							</tr>
						))}
					</tbody>
				</table>
			</section>
		</div>
	)
}
