import { Link } from '@remix-run/react'
import { AudienceBadge } from './audience-badge.tsx'
import { LevelBadge } from './level-badge.tsx'

export type ArticleCard = {
	slug: string
	title: string
	summary: string
	category: string
	audience: string
	contentUpdatedAt: string | Date
	readingMinutes: number
	level: string
}

export function ArticleList({ articles, empty = 'No articles here yet.' }: { articles: ArticleCard[]; empty?: string }) {
	if (!articles.length) return <p className="text-slate-500">{empty}</p>
	return (
		<ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
			{articles.map((a) => (
				<li key={a.slug} className="p-4">
					<Link to={`/kb/${a.slug}`} className="font-medium">
						{a.title}
					</Link>
					<AudienceBadge audience={a.audience} />
					<LevelBadge level={a.level} />
					<p className="mt-1 text-sm text-slate-600">{a.summary}</p>
					<p className="mt-1 text-xs text-slate-500">
						{formatDate(a.contentUpdatedAt)} · {a.readingMinutes} min read
					</p>
				</li>
			))}
		</ul>
	)
}

// One formatter for every date on a page: building one per call costs more than the whole render of a list item.
const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })

export function formatDate(value: string | Date) {
	return shortDate.format(new Date(value))
}

export function categoryLabel(category: string) {
	return category.replace(/-/g, ' ').replace(/^\w/, (c) => c.toUpperCase())
}
