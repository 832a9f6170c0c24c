import { describe, expect, test } from 'vitest'
import { parseScoringConfig } from '#app/domain/scoring/config.ts'
import { companyValueFor, happinessFor, npsFromResponses, quadrantFor } from '#app/domain/scoring/quadrant.ts'

describe('happinessFor', () => {
	test('maps NPS -100..100, CSAT 1..5 and the helpful ratio onto 0-100', () => {
		expect(happinessFor({ nps: -100, arr: 0, costToServe: 0 }).score).toBe(0)
		expect(happinessFor({ nps: 100, arr: 0, costToServe: 0 }).score).toBe(100)
		expect(happinessFor({ csat: 3, arr: 0, costToServe: 0 }).score).toBe(50)
		expect(happinessFor({ feedbackHelpfulRatio: 0.8, arr: 0, costToServe: 0 }).score).toBe(80)
	})

	test('weights the known signals and re-normalises over them', () => {
		// NPS 20 → 60 (weight 0.5), CSAT 4 → 75 (weight 0.3): (30 + 22.5) / 0.8 = 65.6
		const h = happinessFor({ nps: 20, csat: 4, arr: 0, costToServe: 0 })
		expect(h.score).toBe(66)
		expect(h.known).toBe(true)
		expect(h.explanation).toBe('NPS 20; CSAT 4.0 of 5')
	})

	test('computes NPS from 0-10 answers when no account NPS is given', () => {
		expect(npsFromResponses([10, 9, 8, 7, 6, 0])).toBeCloseTo(0, 10)
		expect(npsFromResponses([10, 10, 3])).toBeCloseTo(100 / 3, 10)
		expect(npsFromResponses([])).toBeUndefined()
		expect(npsFromResponses([Number.NaN, 42])).toBe(100) // NaN skipped, 42 clamped to 10
		expect(happinessFor({ npsResponses: [10, 10, 10], arr: 0, costToServe: 0 }).score).toBe(100)
		expect(happinessFor({ nps: -100, npsResponses: [10], arr: 0, costToServe: 0 }).score).toBe(0)
	})

	test('no signal at all is neutral and flagged unknown', () => {
		const h = happinessFor({ arr: 100, costToServe: 10, nps: null, csat: Number.NaN })
		expect(h).toMatchObject({ score: 50, known: false })
		expect(h.explanation).toMatch(/No NPS, CSAT or feedback yet/)
	})

	test('out-of-range signals are clamped', () => {
		expect(happinessFor({ nps: 500, csat: 9, feedbackHelpfulRatio: 3, arr: 0, costToServe: 0 }).score).toBe(100)
		expect(happinessFor({ nps: -500, csat: -2, feedbackHelpfulRatio: -1, arr: 0, costToServe: 0 }).score).toBe(0)
	})
})

describe('companyValueFor', () => {
	test('relative margin from ARR and cost to serve', () => {
		expect(companyValueFor({ arr: 100_000, costToServe: 25_000 })).toMatchObject({ margin: 75_000, relativeMargin: 0.75, score: 88, profitable: true })
		expect(companyValueFor({ arr: 10_000, costToServe: 40_000 })).toMatchObject({ relativeMargin: -1, score: 0, profitable: false })
		expect(companyValueFor({ arr: 0, costToServe: 500 })).toMatchObject({ relativeMargin: -1, profitable: false })
		expect(companyValueFor({ arr: 0, costToServe: 0 }).explanation).toBe('No revenue or cost to serve recorded')
		expect(companyValueFor({ arr: 120_000, costToServe: 30_000 }).explanation).toBe(
			'ARR 120,000 against 30,000 cost to serve (margin 75%)',
		)
	})

	test('negative and NaN money is treated as 0', () => {
		expect(companyValueFor({ arr: -5, costToServe: Number.NaN })).toMatchObject({ margin: 0, relativeMargin: 0 })
		expect(companyValueFor({ arr: Number.POSITIVE_INFINITY, costToServe: 1 }).relativeMargin).toBe(-1)
	})
})

describe('quadrantFor', () => {
	const profitable = { arr: 100_000, costToServe: 20_000 }
	const unprofitable = { arr: 10_000, costToServe: 20_000 }

	test('the four quadrants', () => {
		expect(quadrantFor({ ...profitable, nps: 60 }).quadrant).toBe('SUCCESS')
		expect(quadrantFor({ ...profitable, nps: -40 }).quadrant).toBe('FLIGHT_RISK')
		expect(quadrantFor({ ...unprofitable, nps: 60 }).quadrant).toBe('FIX_COST')
		expect(quadrantFor({ ...unprofitable, nps: -40 }).quadrant).toBe('RECONSIDER')
	})

	test('boundaries: happiness exactly at 60 is happy, margin exactly 0 is profitable', () => {
		expect(quadrantFor({ nps: 20, arr: 1000, costToServe: 1000 })).toMatchObject({ happy: true, profitable: true, quadrant: 'SUCCESS' })
		expect(quadrantFor({ nps: 18, arr: 1000, costToServe: 1000 })).toMatchObject({ happy: false, quadrant: 'FLIGHT_RISK' })
		expect(quadrantFor({ nps: 20, arr: 1000, costToServe: 1001 }).quadrant).toBe('FIX_COST')
	})

	test('a profitable customer with no feedback is neutral, so a flight risk', () => {
		const result = quadrantFor(profitable)
		expect(result.quadrant).toBe('FLIGHT_RISK')
		expect(result.label).toBe('Work to keep: flight risk')
		expect(result.explanations[0]).toMatch(/^Happiness 50: No NPS/)
	})

	test('thresholds come from the config', () => {
		const config = parseScoringConfig({ quadrant: { happinessThreshold: 40, marginThreshold: 0.5 } })
		expect(quadrantFor({ nps: -10, arr: 100, costToServe: 60 }, config).quadrant).toBe('FIX_COST')
		expect(quadrantFor({ nps: -10, arr: 100, costToServe: 50 }, config).quadrant).toBe('SUCCESS')
	})
})
