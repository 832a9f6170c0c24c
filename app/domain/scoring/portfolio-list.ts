import { QUADRANT_LABELS, type Quadrant } from '#app/domain/scoring/quadrant.ts'
import { SEGMENT_STATUS_LABELS, type SegmentStatus } from '#app/domain/scoring/segments.ts'

/**
 * The console's account list: sort order and page from the query string, the sort itself, one page,
 * and the same rows as CSV. Pure; filtering is portfolio.ts's (the charts use it too).
 */

export const SORT_KEYS = ['name', 'arr', 'skill', 'will', 'lastActive'] as const
export type SortKey = (typeof SORT_KEYS)[number]
export type SortDirection = 'asc' | 'desc'
export type ListOrder = { sort: SortKey; dir: SortDirection; page: number }

export const SORT_LABELS: Record<SortKey, string> = { name: 'Name', arr: 'ARR', skill: 'Skill', will: 'Will', lastActive: 'Last active' }

/** The direction a column sorts in when first chosen: names A to Z, figures and dates largest first. */
export const DEFAULT_DIRECTION: Record<SortKey, SortDirection> = { name: 'asc', arr: 'desc', skill: 'desc', will: 'desc', lastActive: 'desc' }

export const PAGE_SIZE = 25
export const DEFAULT_ORDER: ListOrder = { sort: 'arr', dir: 'desc', page: 1 }

/** Sort and page from the query string; anything unknown falls back to the default, a page past the end to the last page (see paginate). */
export function parseListOrder(params: URLSearchParams): ListOrder {
	const sort = SORT_KEYS.find((k) => k === params.get('sort')) ?? DEFAULT_ORDER.sort
	const dirText = params.get('dir')
	const dir: SortDirection = dirText === 'asc' || dirText === 'desc' ? dirText : DEFAULT_DIRECTION[sort]
	const pageText = params.get('page') ?? ''
	const page = /^[1-9]\d{0,5}$/.test(pageText) ? Number(pageText) : 1
	return { sort, dir, page }
}

export type ListRow = {
	id: string
	name: string
	arr: number
	lastActiveAt: Date | string | null
	score: { skill: number; will: number } | null
}

function sortValue(row: ListRow, key: SortKey): string | number | null {
	switch (key) {
		case 'name':
			return row.name.toLocaleLowerCase('en')
		case 'arr':
			return row.arr
		case 'skill':
			return row.score?.skill ?? null
		case 'will':
			return row.score?.will ?? null
		case 'lastActive':
			return row.lastActiveAt === null ? null : new Date(row.lastActiveAt).getTime()
	}
}

/**
 * Sorted by the key in the direction asked; rows without a value (not scored, never active) come
 * last either way, and ties keep name order so a page boundary never shuffles between requests.
 */
export function sortRows<T extends ListRow>(rows: readonly T[], { sort, dir }: Pick<ListOrder, 'sort' | 'dir'>): T[] {
	const sign = dir === 'asc' ? 1 : -1
	const byName = (a: T, b: T) => a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
	return [...rows].sort((a, b) => {
		const x = sortValue(a, sort)
		const y = sortValue(b, sort)
		if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1
		const order = typeof x === 'string' ? x.localeCompare(y as string, 'en') : x - (y as number)
		return order !== 0 ? sign * order : byName(a, b)
	})
}

export type Page<T> = { rows: T[]; page: number; pages: number; total: number; first: number; last: number }

/** One page; a page past the end shows the last one (a shared link outlives a shrinking list). */
export function paginate<T>(rows: readonly T[], page: number, size = PAGE_SIZE): Page<T> {
	const pages = Math.max(1, Math.ceil(rows.length / size))
	const current = Math.min(Math.max(1, page), pages)
	const start = (current - 1) * size
	const slice = rows.slice(start, start + size)
	return { rows: slice, page: current, pages, total: rows.length, first: slice.length ? start + 1 : 0, last: start + slice.length }
}

export type CsvAccount = ListRow & {
	emailDomain: string
	tier: number
	costToServe: number
	nps: number | null
	users: number
	csmName: string | null
	score: { skill: number; will: number; segment: SegmentStatus; quadrant: Quadrant | null } | null
}

export const CSV_HEADER = ['Account', 'Domain', 'Tier', 'ARR', 'Cost to serve', 'NPS', 'Users', 'CSM', 'Skill', 'Will', 'Segment', 'Quadrant', 'Last active (UTC)']

/**
 * One CSV field (RFC 4180). A text field a spreadsheet would read as a formula (=, +, -, @, tab or
 * carriage return first) gets a leading apostrophe: account names come from customers and imports.
 */
export function csvField(value: string | number | null): string {
	if (value === null) return ''
	if (typeof value === 'number') return String(value)
	const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
	return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** The rows as CSV with a header line, CRLF line ends (what spreadsheets expect). */
export function accountsCsv(rows: readonly CsvAccount[]): string {
	const lines = [CSV_HEADER, ...rows.map((a) => csvLine(a))]
	return lines.map((fields) => fields.map(csvField).join(',')).join('\r\n') + '\r\n'
}

function csvLine(a: CsvAccount): Array<string | number | null> {
	return [
		a.name,
		a.emailDomain,
		a.tier,
		a.arr,
		a.costToServe,
		a.nps,
		a.users,
		a.csmName,
		a.score?.skill ?? null,
		a.score?.will ?? null,
		a.score ? SEGMENT_STATUS_LABELS[a.score.segment] : null,
		a.score?.quadrant ? QUADRANT_LABELS[a.score.quadrant] : null,
		a.lastActiveAt === null ? null : new Date(a.lastActiveAt).toISOString(),
	]
}
