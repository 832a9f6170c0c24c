import { describe, expect, test } from 'vitest'
import { defaultScoringConfig, parseScoringConfig } from '#app/domain/scoring/config.ts'
import { NOT_ENOUGH_EVIDENCE, reclassify, segmentFor } from '#app/domain/scoring/segments.ts'
import { fixedWillLine, naturalBreak, portfolioWillLine, willLineSentence, withWillLine } from '#app/domain/scoring/will-line.ts'

const spread = (from: number, to: number, n: number) => Array.from({ length: n }, (_, i) => from + ((to - from) * i) / (n - 1))

describe('naturalBreak', () => {
	test('cuts in the middle of the empty stretch between two groups', () => {
		// Highest low score 15, lowest high score 45: any cut from 16 to 45 splits them alike.
		expect(naturalBreak([...spread(5, 15, 20), ...spread(45, 60, 20)])).toBe(31)
	})

	test('follows the groups wherever they sit on the scale', () => {
		const low = naturalBreak([...spread(2, 10, 30), ...spread(20, 35, 30)])!
		expect(low).toBeGreaterThan(10)
		expect(low).toBeLessThanOrEqual(20)
		const high = naturalBreak([...spread(30, 45, 30), ...spread(70, 90, 30)])!
		expect(high).toBeGreaterThan(45)
		expect(high).toBeLessThanOrEqual(70)
	})

	test('weighs group sizes: a few outliers do not pull the cut to them', () => {
		const cut = naturalBreak([...spread(10, 20, 50), ...spread(60, 70, 50), 100])!
		expect(cut).toBeGreaterThan(20)
		expect(cut).toBeLessThanOrEqual(60)
	})

	test('is null when there is nothing to split', () => {
		expect(naturalBreak([])).toBeNull()
		expect(naturalBreak([42, 42, 42])).toBeNull()
	})
})

describe('portfolioWillLine', () => {
	const compressed = [...spread(10, 20, 20), ...spread(45, 60, 20)]

	test('draws the line from the portfolio when there are enough accounts', () => {
		const line = portfolioWillLine(compressed)
		expect(line.source).toBe('portfolio')
		expect(line.accounts).toBe(40)
		expect(line.line).toBe(line.naturalBreak)
		expect(line.line).toBeGreaterThan(30)
		expect(line.line).toBeLessThan(45)
	})

	test('keeps the line within its bounds, and says where the break was', () => {
		const line = portfolioWillLine([...spread(1, 5, 20), ...spread(12, 20, 20)])
		expect(line).toMatchObject({ source: 'portfolio', line: 30 })
		expect(line.naturalBreak).toBeLessThan(12)
		const high = portfolioWillLine([...spread(60, 70, 20), ...spread(90, 100, 20)])
		expect(high).toMatchObject({ source: 'portfolio', line: 70 })
	})

	test('falls back to the fixed line below the minimum of accounts, or when turned off', () => {
		expect(portfolioWillLine(compressed.slice(0, 29))).toEqual(fixedWillLine(defaultScoringConfig, 29))
		const off = parseScoringConfig({ segments: { willThreshold: 55, portfolioWillLine: { enabled: false } } })
		expect(portfolioWillLine(compressed, off)).toEqual({ line: 55, source: 'fixed', accounts: 40, naturalBreak: null })
		expect(portfolioWillLine(Array(40).fill(20))).toMatchObject({ source: 'fixed', line: 50 })
	})

	test('refuses bounds the wrong way round', () => {
		expect(() => parseScoringConfig({ segments: { portfolioWillLine: { lowest: 60, highest: 40 } } })).toThrow(/lowest must not be above highest/)
	})
})

describe('classifying with a will line', () => {
	test('withWillLine moves only the will threshold', () => {
		const config = withWillLine(defaultScoringConfig, { line: 35, source: 'portfolio', accounts: 40, naturalBreak: 35 })
		expect(config.segments).toMatchObject({ willThreshold: 35, skillThreshold: 50 })
		expect(segmentFor(70, 40, defaultScoringConfig)).toBe('UNMOTIVATED')
		expect(segmentFor(70, 40, config)).toBe('HIGH_PERFORMER')
		expect(segmentFor(30, 34, config)).toBe('NEED_TO_EXIT')
		expect(withWillLine(defaultScoringConfig, fixedWillLine())).toBe(defaultScoringConfig)
	})

	test('reclassify places scores under the new line but keeps thin evidence thin', () => {
		const config = withWillLine(defaultScoringConfig, { line: 30, source: 'portfolio', accounts: 40, naturalBreak: 30 })
		expect(reclassify({ segment: 'NEED_TO_EXIT', skill: 20, will: 40 }, config)).toEqual({ segment: 'UNTRAINED', leaning: 'UNTRAINED' })
		expect(reclassify({ segment: NOT_ENOUGH_EVIDENCE, skill: 70, will: 40 }, config)).toEqual({ segment: NOT_ENOUGH_EVIDENCE, leaning: 'HIGH_PERFORMER' })
	})

	test('the sentence says which side of the line a score is and where the line came from', () => {
		const drawn = { line: 30, source: 'portfolio' as const, accounts: 120, naturalBreak: 30 }
		expect(willLineSentence(42, drawn)).toBe("Will 42 is at or above the will line of 30 (the natural break between 120 accounts' will scores)")
		expect(willLineSentence(12, { ...drawn, naturalBreak: 18 })).toMatch(/^Will 12 is below the will line of 30 \(drawn from 120 accounts' will scores, whose natural break at 18/)
		expect(willLineSentence(50, fixedWillLine())).toMatch(/^Will 50 is at or above the will line of 50 \(the fixed line/)
	})
})
