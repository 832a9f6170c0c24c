import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getContentAnalytics } from '#app/domain/content/content-analytics.server.ts'
import { formatDate } from '#app/components/kb/article-list.tsx'
import { requireUserWithRole } from '#app/utils/auth.server.ts'

export const meta: MetaFunction = () => [{ title: 'Content · Console' }]

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUserWithRole(request, 'EDITOR', 'ADMIN')
	return getContentAnalytics()
}

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`)

export default function ContentConsole() {
	const { articles, zeroResultSearches } = useLoaderData<typeof loader>()
	return (
		<div className="space-y-10">
			<header>
				<h1 className="text-2xl font-bold">Content</h1>
				<p className="mt-1 text-slate-600">
					Articles are written as MDX in <code>content/articles/</code> and published with <code>npm run content:sync</code>. Last 30 days.
				</p>
			</header>
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
