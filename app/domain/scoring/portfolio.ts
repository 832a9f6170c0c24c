import { QUADRANT_LABELS, QUADRANTS, type Quadrant } from '#app/domain/scoring/quadrant.ts'
import { NOT_ENOUGH_EVIDENCE, SEGMENT_STATUS_LABELS, SEGMENT_STATUSES, type Segment, type SegmentStatus } from '#app/domain/scoring/segments.ts'

/**
 * The console's portfolio view: which accounts a filter keeps, and the points of the skill/will
 * matrix and of the happiness × value quadrant. Pure, so the shaping is tested without a database;
 * the rows come from portfolio.server.ts, already limited to the accounts the user may see.
 */

export type PortfolioScore = {
	skill: number
	will: number
	segment: SegmentStatus
	leaning: Segment | null
	quadrant: Quadrant | null
	/** 0-100 from NPS, CSAT and helpful votes; null when the snapshot holds no breakdown. */
	happiness: number | null
	/** False when nothing was known and happiness was taken as neutral. */
	happinessKnown: boolean
	/** 0-100 from the relative margin (-100%..100%). */
	value: number | null
	relativeMargin: number | null
}

export type PortfolioAccount = {
	id: string
	name: string
	tier: number
	arr: number
	csmId: string | null
	score: PortfolioScore | null
}

export const TIERS = [1, 2, 3] as const

export type PortfolioFilters = {
	tier: 1 | 2 | 3 | null
	csmId: string | null
	segment: SegmentStatus | null
	quadrant: Quadrant | null
	/** Words the account's name or email domain must contain (lower case, trimmed); null for none. */
	q: string | null
}

export const NO_FILTERS: PortfolioFilters = { tier: null, csmId: null, segment: null, quadrant: null, q: null }

/** Longer searches are cut: no account name or domain is longer. */
export const MAX_SEARCH_LENGTH = 100

/**
 * Filters from the query string. A value that is not one of the known options is ignored (no
 * filter), never trusted: `csmIds` is the list an admin may pick from, null for a CSM, whose list
 * is their own accounts whatever the query says.
 */
export function parsePortfolioFilters(params: URLSearchParams, csmIds: readonly string[] | null): PortfolioFilters {
	const tierText = params.get('tier')
	const tier = TIERS.find((t) => String(t) === tierText) ?? null
	const csm = params.get('csm')
	const csmId = csmIds && csm && csmIds.includes(csm) ? csm : null
	const segmentText = params.get('segment')
	const segment = SEGMENT_STATUSES.find((s) => s === segmentText) ?? null
	const quadrantText = params.get('quadrant')
	const quadrant = QUADRANTS.find((q) => q === quadrantText) ?? null
	const q = (params.get('q') ?? '').trim().toLowerCase().replace(/\s+/g, ' ').slice(0, MAX_SEARCH_LENGTH).trim()
	return { tier, csmId, segment, quadrant, q: q || null }
}

/** Every word of the search appears in the name or the email domain, case-insensitively. */
export function matchesSearch(account: { name: string; emailDomain?: string }, q: string | null): boolean {
	if (!q) return true
	const haystack = `${account.name} ${account.emailDomain ?? ''}`.toLowerCase()
	return q.split(' ').every((word) => haystack.includes(word))
}

/** The accounts that pass every set filter. A segment or quadrant filter keeps scored accounts only. */
export function filterPortfolio<
	T extends Pick<PortfolioAccount, 'name' | 'tier' | 'csmId'> & { emailDomain?: string; score: Pick<PortfolioScore, 'segment' | 'quadrant'> | null },
>(
	accounts: readonly T[],
	filters: PortfolioFilters,
): T[] {
	return accounts.filter(
		(a) =>
			(filters.tier === null || a.tier === filters.tier) &&
			(filters.csmId === null || a.csmId === filters.csmId) &&
			(filters.segment === null || a.score?.segment === filters.segment) &&
			(filters.quadrant === null || a.score?.quadrant === filters.quadrant) &&
			matchesSearch(a, filters.q),
	)
}

export const MIN_RADIUS = 5
export const MAX_RADIUS = 18

/** Point radius with its area in proportion to ARR, so a twice as large account is a twice as large dot. */
export function pointRadius(arr: number, maxArr: number): number {
	if (!(maxArr > 0) || !(arr > 0)) return MIN_RADIUS
	const share = Math.min(1, arr / maxArr)
	return Math.round((MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(share)) * 10) / 10
}

export type SkillWillPoint = {
	id: string
	name: string
	arr: number
	r: number
	skill: number
	will: number
	segment: Segment
	segmentLabel: string
}

export type ApartAccount = { id: string; name: string; reason: string }

/**
 * Points of the skill/will matrix. Accounts without enough evidence (or not scored yet) are listed
 * apart, not plotted: their scores would sit in a quadrant the evidence does not support.
 */
export function skillWillPoints(accounts: readonly PortfolioAccount[]): { points: SkillWillPoint[]; apart: ApartAccount[] } {
	const maxArr = Math.max(0, ...accounts.map((a) => a.arr))
	const points: SkillWillPoint[] = []
	const apart: ApartAccount[] = []
	for (const a of accounts) {
		const s = a.score
		if (!s) apart.push({ id: a.id, name: a.name, reason: 'Not scored yet' })
		else if (s.segment === NOT_ENOUGH_EVIDENCE)
			apart.push({
				id: a.id,
				name: a.name,
				reason: `${SEGMENT_STATUS_LABELS[NOT_ENOUGH_EVIDENCE]}${s.leaning ? ` (leaning ${SEGMENT_STATUS_LABELS[s.leaning]})` : ''}`,
			})
		else
			points.push({
				id: a.id,
				name: a.name,
				arr: a.arr,
				r: pointRadius(a.arr, maxArr),
				skill: s.skill,
				will: s.will,
				segment: s.segment,
				segmentLabel: SEGMENT_STATUS_LABELS[s.segment],
			})
	}
	return { points, apart }
}

export type QuadrantPoint = {
	id: string
	name: string
	arr: number
	r: number
	value: number
	relativeMargin: number
	happiness: number
	happinessKnown: boolean
	quadrant: Quadrant
	quadrantLabel: string
}

/**
 * Points of the happiness × value chart: every account with a stored quadrant and the scores it
 * came from. The quadrant does not depend on skill/will evidence, so thin evidence is plotted here.
 */
export function quadrantPoints(accounts: readonly PortfolioAccount[]): { points: QuadrantPoint[]; apart: ApartAccount[] } {
	const maxArr = Math.max(0, ...accounts.map((a) => a.arr))
	const points: QuadrantPoint[] = []
	const apart: ApartAccount[] = []
	for (const a of accounts) {
		const s = a.score
		if (!s || !s.quadrant || s.happiness === null || s.value === null || s.relativeMargin === null) {
			apart.push({ id: a.id, name: a.name, reason: s ? 'No happiness or value recorded' : 'Not scored yet' })
			continue
		}
		points.push({
			id: a.id,
			name: a.name,
			arr: a.arr,
			r: pointRadius(a.arr, maxArr),
			value: s.value,
			relativeMargin: s.relativeMargin,
			happiness: s.happiness,
			happinessKnown: s.happinessKnown,
			quadrant: s.quadrant,
			quadrantLabel: QUADRANT_LABELS[s.quadrant],
		})
	}
	return { points, apart }
}

/** Where the margin threshold (-1..1) falls on the 0-100 value axis, as companyValueFor maps it. */
export function valueLineFor(marginThreshold: number): number {
	const m = Math.max(-1, Math.min(1, marginThreshold))
	return Math.round(((m + 1) / 2) * 100)
}
