import { Link, useLocation } from '@remix-run/react'
import { type ReactNode } from 'react'
import { QuadrantBadge, SegmentBadge } from '#app/components/engagement/badges.tsx'
import { tierLabel } from '#app/domain/accounts-tiers/tier-rules.ts'
import { DEFAULT_DIRECTION, SORT_LABELS, type ListOrder, type SortKey } from '#app/domain/scoring/portfolio-list.ts'
import { type Quadrant } from '#app/domain/scoring/quadrant.ts'
import { type Segment, type SegmentStatus } from '#app/domain/scoring/segments.ts'

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 })
const day = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' })

export type AccountListRow = {
	id: string
	name: string
	emailDomain: string
	tier: number
	computedTier: number
	tierOverrideReason: string | null
	arr: number
	costToServe: number
	nps: number | null
	_count: { users: number }
	csmName: string | null
	lastActiveAt: string | Date | null
	score: { skill: number; will: number; segment: SegmentStatus; leaning: Segment | null; quadrant: Quadrant | null } | null
}

/** The current query with some parameters changed (null removes one). */
function withParams(search: string, changes: Record<string, string | null>): string {
	const params = new URLSearchParams(search)
	for (const [key, value] of Object.entries(changes)) {
		if (value === null) params.delete(key)
		else params.set(key, value)
	}
	const query = params.toString()
	return query ? `?${query}` : '?'
}

/** A column header that sorts by its key: first click in the column's natural direction, then the other way. */
function SortHeader({ column, order, numeric = false }: { column: SortKey; order: ListOrder; numeric?: boolean }) {
	const { search } = useLocation()
	const active = order.sort === column
	const next = active ? (order.dir === 'asc' ? 'desc' : 'asc') : DEFAULT_DIRECTION[column]
	return (
		<th className={numeric ? 'p-2 text-right' : 'p-2'} aria-sort={active ? (order.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
			<Link to={withParams(search, { sort: column, dir: next, page: null })} className="text-slate-900" data-testid={`sort-${column}`}>
				{SORT_LABELS[column]}
				<span aria-hidden="true">{active ? (order.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
				<span className="sr-only">{active ? `, sorted ${order.dir === 'asc' ? 'ascending' : 'descending'}` : ''}</span>
			</Link>
		</th>
	)
}

function Th({ children, numeric = false }: { children: ReactNode; numeric?: boolean }) {
	return <th className={numeric ? 'p-2 text-right' : 'p-2'}>{children}</th>
}

export function AccountListTable({ rows, order, showCsm }: { rows: AccountListRow[]; order: ListOrder; showCsm: boolean }) {
	return (
		<table className="mt-2 w-full border-collapse bg-white text-sm" data-testid="account-list">
			<caption className="sr-only">Accounts with tier, revenue, NPS, users, skill, will, segment, quadrant and last activity</caption>
			<thead>
				<tr className="border-b border-slate-200 text-left">
					<SortHeader column="name" order={order} />
					<Th>Tier</Th>
					<SortHeader column="arr" order={order} numeric />
					<Th numeric>Cost to serve</Th>
					<Th numeric>NPS</Th>
					<Th numeric>Users</Th>
					{showCsm ? <Th>CSM</Th> : null}
					<SortHeader column="skill" order={order} numeric />
					<SortHeader column="will" order={order} numeric />
					<Th>Segment</Th>
					<Th>Happiness × value</Th>
					<SortHeader column="lastActive" order={order} />
				</tr>
			</thead>
			<tbody>
				{rows.map((a) => (
					<tr key={a.id} className="border-b border-slate-100" data-testid="account-row">
						<td className="p-2">
							<Link to={`/console/accounts/${a.id}`}>{a.name}</Link>
							<div className="text-xs text-slate-500">{a.emailDomain}</div>
						</td>
						<td className="p-2">
							{tierLabel(a.tier)}
							{a.tierOverrideReason ? (
								<span className="ml-1 text-xs text-slate-500" title={a.tierOverrideReason}>
									(override; computed Tier {a.computedTier})
								</span>
							) : null}
						</td>
						<td className="p-2 text-right tabular-nums">{money.format(a.arr)}</td>
						<td className="p-2 text-right tabular-nums">{money.format(a.costToServe)}</td>
						<td className="p-2 text-right tabular-nums">{a.nps ?? '—'}</td>
						<td className="p-2 text-right tabular-nums">{a._count.users}</td>
						{showCsm ? <td className="p-2">{a.csmName ?? '—'}</td> : null}
						<td className="p-2 text-right tabular-nums">{a.score?.skill ?? '—'}</td>
						<td className="p-2 text-right tabular-nums">{a.score?.will ?? '—'}</td>
						<td className="p-2">{a.score ? <SegmentBadge segment={a.score.segment} leaning={a.score.leaning} /> : '—'}</td>
						<td className="p-2">{a.score?.quadrant ? <QuadrantBadge quadrant={a.score.quadrant} /> : '—'}</td>
						<td className="p-2 whitespace-nowrap">{a.lastActiveAt ? day.format(new Date(a.lastActiveAt)) : 'Never'}</td>
					</tr>
				))}
			</tbody>
		</table>
	)
}

/** Previous/next and where this page is, as links that keep the rest of the query. */
export function ListPagination({ page, pages, first, last, total }: { page: number; pages: number; first: number; last: number; total: number }) {
	const { search } = useLocation()
	if (total === 0) return null
	return (
		<nav aria-label="Account list pages" className="mt-3 flex items-center gap-4 text-sm" data-testid="account-pages">
			{page > 1 ? <Link to={withParams(search, { page: page === 2 ? null : String(page - 1) })}>Previous page</Link> : null}
			<span className="text-slate-600">
				{first}–{last} of {total} · page {page} of {pages}
			</span>
			{page < pages ? <Link to={withParams(search, { page: String(page + 1) })}>Next page</Link> : null}
		</nav>
	)
}

/** The CSV of the current view: the same query on the export route. */
export function CsvExportLink() {
	const { search } = useLocation()
	const params = new URLSearchParams(search)
	params.delete('page')
	const query = params.toString()
	return (
		<a href={`/console/accounts/export.csv${query ? `?${query}` : ''}`} download className="text-sm" data-testid="csv-export">
			Export this view as CSV
		</a>
	)
}
