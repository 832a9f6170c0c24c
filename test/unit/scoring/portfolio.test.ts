import { describe, expect, test } from 'vitest'
import {
	filterPortfolio,
	matchesSearch,
	MAX_RADIUS,
	MAX_SEARCH_LENGTH,
	MIN_RADIUS,
	NO_FILTERS,
	parsePortfolioFilters,
	pointRadius,
	quadrantPoints,
	skillWillPoints,
	valueLineFor,
	type PortfolioAccount,
	type PortfolioScore,
} from '#app/domain/scoring/portfolio.ts'
import { companyValueFor } from '#app/domain/scoring/quadrant.ts'

function score(over: Partial<PortfolioScore> = {}): PortfolioScore {
	return {
		skill: 70,
		will: 80,
		segment: 'HIGH_PERFORMER',
		leaning: null,
		quadrant: 'SUCCESS',
		happiness: 75,
		happinessKnown: true,
		value: 80,
		relativeMargin: 0.6,
		...over,
	}
}

function account(id: string, over: Partial<PortfolioAccount> = {}): PortfolioAccount {
	return { id, name: `Account ${id}`, tier: 3, arr: 10_000, csmId: 'csm-a', score: score(), ...over }
}

const params = (q: string) => new URLSearchParams(q)

describe('parsePortfolioFilters', () => {
	test('known values are taken', () => {
		expect(parsePortfolioFilters(params('tier=1&csm=csm-b&segment=UNTRAINED&quadrant=FLIGHT_RISK&q=North'), ['csm-a', 'csm-b'])).toEqual({
			tier: 1,
			csmId: 'csm-b',
			segment: 'UNTRAINED',
			quadrant: 'FLIGHT_RISK',
			q: 'north',
		})
		expect(parsePortfolioFilters(params('segment=NOT_ENOUGH_EVIDENCE'), null).segment).toBe('NOT_ENOUGH_EVIDENCE')
	})

	test('unknown, empty or malformed values are ignored', () => {
		expect(parsePortfolioFilters(params('tier=4&csm=nobody&segment=untrained'), ['csm-a'])).toEqual(NO_FILTERS)
		expect(parsePortfolioFilters(params('tier=&csm=&segment=&quadrant=&q='), ['csm-a'])).toEqual(NO_FILTERS)
		expect(parsePortfolioFilters(params('quadrant=success&q=%20%20'), ['csm-a'])).toEqual(NO_FILTERS)
		expect(parsePortfolioFilters(params('tier=1.0'), null).tier).toBeNull()
		expect(parsePortfolioFilters(params('tier= 2'), null).tier).toBeNull()
		expect(parsePortfolioFilters(params('segment=__proto__'), null).segment).toBeNull()
		expect(parsePortfolioFilters(params('quadrant=__proto__'), null).quadrant).toBeNull()
	})

	test('a search is trimmed, lower-cased, its spaces collapsed and its length bounded', () => {
		expect(parsePortfolioFilters(params('q=%20%20Atlas%20%20%20Retail%20'), null).q).toBe('atlas retail')
		expect(parsePortfolioFilters(params(`q=${'x'.repeat(500)}`), null).q).toHaveLength(MAX_SEARCH_LENGTH)
	})

	test('a CSM cannot filter by CSM: the parameter is ignored without a list to pick from', () => {
		expect(parsePortfolioFilters(params('csm=csm-a'), null).csmId).toBeNull()
	})
})

describe('filterPortfolio', () => {
	const accounts = [
		account('a', { tier: 1, csmId: 'csm-a' }),
		account('b', { tier: 2, csmId: 'csm-b', score: score({ segment: 'UNTRAINED' }) }),
		account('c', { tier: 1, csmId: 'csm-b', score: score({ segment: 'NOT_ENOUGH_EVIDENCE' }) }),
		account('d', { tier: 3, csmId: null, score: null }),
	]
	const ids = (list: PortfolioAccount[]) => list.map((a) => a.id)

	test('no filter keeps everything, in order', () => {
		expect(ids(filterPortfolio(accounts, NO_FILTERS))).toEqual(['a', 'b', 'c', 'd'])
	})

	test('each filter narrows, and they combine', () => {
		expect(ids(filterPortfolio(accounts, { ...NO_FILTERS, tier: 1 }))).toEqual(['a', 'c'])
		expect(ids(filterPortfolio(accounts, { ...NO_FILTERS, csmId: 'csm-b' }))).toEqual(['b', 'c'])
		expect(ids(filterPortfolio(accounts, { ...NO_FILTERS, segment: 'UNTRAINED' }))).toEqual(['b'])
		expect(ids(filterPortfolio(accounts, { ...NO_FILTERS, segment: 'NOT_ENOUGH_EVIDENCE' }))).toEqual(['c'])
		expect(ids(filterPortfolio(accounts, { ...NO_FILTERS, tier: 1, csmId: 'csm-b' }))).toEqual(['c'])
		expect(ids(filterPortfolio(accounts, { ...NO_FILTERS, tier: 2, csmId: 'csm-a' }))).toEqual([])
		expect(ids(filterPortfolio(accounts, { ...NO_FILTERS, quadrant: 'SUCCESS' }))).toEqual(['a', 'b', 'c'])
		expect(ids(filterPortfolio(accounts, { ...NO_FILTERS, quadrant: 'FLIGHT_RISK' }))).toEqual([])
		expect(ids(filterPortfolio(accounts, { ...NO_FILTERS, q: 'account b' }))).toEqual(['b'])
		expect(ids(filterPortfolio(accounts, { ...NO_FILTERS, q: 'account', tier: 1 }))).toEqual(['a', 'c'])
	})

	test('a search matches every word in the name or the email domain', () => {
		const atlas = { name: 'Atlas Retail Group', emailDomain: 'atlas-retail.example' }
		expect(matchesSearch(atlas, null)).toBe(true)
		expect(matchesSearch(atlas, 'retail atlas')).toBe(true)
		expect(matchesSearch(atlas, 'atlas-retail.example')).toBe(true)
		expect(matchesSearch(atlas, 'atlas north')).toBe(false)
		expect(matchesSearch({ name: 'Northwind' }, 'north')).toBe(true)
	})
})

describe('pointRadius', () => {
	test('area in proportion to ARR, between the two bounds', () => {
		expect(pointRadius(100, 100)).toBe(MAX_RADIUS)
		expect(pointRadius(0, 100)).toBe(MIN_RADIUS)
		const quarter = pointRadius(25, 100)
		// sqrt(1/4) = half way between the bounds.
		expect(quarter).toBeCloseTo((MIN_RADIUS + MAX_RADIUS) / 2, 1)
		expect(pointRadius(50, 100)).toBeGreaterThan(quarter)
	})

	test('no revenue anywhere, or bad numbers: the smallest dot', () => {
		expect(pointRadius(0, 0)).toBe(MIN_RADIUS)
		expect(pointRadius(Number.NaN, 100)).toBe(MIN_RADIUS)
		expect(pointRadius(10, Number.NaN)).toBe(MIN_RADIUS)
		expect(pointRadius(-5, 100)).toBe(MIN_RADIUS)
	})
})

describe('skillWillPoints', () => {
	test('scored accounts are points sized by ARR; thin evidence and unscored accounts are listed apart with why', () => {
		const { points, apart } = skillWillPoints([
			account('big', { arr: 400_000, score: score({ skill: 72, will: 10, segment: 'UNMOTIVATED' }) }),
			account('small', { arr: 100_000, score: score({ skill: 30, will: 90, segment: 'UNTRAINED' }) }),
			account('thin', { arr: 900_000, score: score({ segment: 'NOT_ENOUGH_EVIDENCE', leaning: 'UNTRAINED' }) }),
			account('none', { score: null }),
		])
		expect(points.map((p) => [p.id, p.skill, p.will, p.segment, p.segmentLabel])).toEqual([
			['big', 72, 10, 'UNMOTIVATED', 'Unmotivated'],
			['small', 30, 90, 'UNTRAINED', 'Untrained'],
		])
		// The largest ARR overall (thin, not plotted) sets the scale, so sizes compare across the page.
		expect(points[0]!.r).toBe(pointRadius(400_000, 900_000))
		expect(points[0]!.r).toBeGreaterThan(points[1]!.r)
		expect(apart).toEqual([
			{ id: 'thin', name: 'Account thin', reason: 'Not enough evidence yet (leaning Untrained)' },
			{ id: 'none', name: 'Account none', reason: 'Not scored yet' },
		])
	})

	test('an empty portfolio gives no points', () => {
		expect(skillWillPoints([])).toEqual({ points: [], apart: [] })
	})
})

describe('quadrantPoints', () => {
	test('thin skill/will evidence is still placed on happiness × value; missing breakdowns are listed apart', () => {
		const { points, apart } = quadrantPoints([
			account('thin', { score: score({ segment: 'NOT_ENOUGH_EVIDENCE', quadrant: 'FLIGHT_RISK', happiness: 40, happinessKnown: false, value: 70, relativeMargin: 0.4 }) }),
			account('old', { score: score({ happiness: null, value: null, relativeMargin: null }) }),
			account('noQuadrant', { score: score({ quadrant: null }) }),
			account('none', { score: null }),
		])
		expect(points).toEqual([
			expect.objectContaining({ id: 'thin', value: 70, happiness: 40, happinessKnown: false, relativeMargin: 0.4, quadrant: 'FLIGHT_RISK', quadrantLabel: 'Work to keep: flight risk' }),
		])
		expect(apart.map((a) => [a.id, a.reason])).toEqual([
			['old', 'No happiness or value recorded'],
			['noQuadrant', 'No happiness or value recorded'],
			['none', 'Not scored yet'],
		])
	})
})

describe('valueLineFor', () => {
	test('puts the margin threshold where companyValueFor scores that margin', () => {
		for (const margin of [-1, -0.5, 0, 0.25, 1]) {
			const arr = 1000
			const atThreshold = companyValueFor({ arr, costToServe: arr * (1 - margin) })
			expect(valueLineFor(margin)).toBe(atThreshold.score)
		}
		expect(valueLineFor(5)).toBe(100)
		expect(valueLineFor(-5)).toBe(0)
	})
})
