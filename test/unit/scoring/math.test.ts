import { describe, expect, test } from 'vitest'
import { clamp, clamp01, dayNumber, decayWeight, finite } from '#app/domain/scoring/math.ts'

describe('decayWeight', () => {
	test('is 1 for fresh evidence and halves every half-life', () => {
		expect(decayWeight(0, 30)).toBe(1)
		expect(decayWeight(30, 30)).toBeCloseTo(0.5, 12)
		expect(decayWeight(60, 30)).toBeCloseTo(0.25, 12)
		expect(decayWeight(90, 30)).toBeCloseTo(0.125, 12)
	})

	test('halving holds for any starting age', () => {
		for (const age of [1, 7.5, 42, 365]) {
			expect(decayWeight(age + 14, 14) / decayWeight(age, 14)).toBeCloseTo(0.5, 12)
		}
	})

	test('future evidence weighs 1, NaN age weighs 0, very old evidence tends to 0 without NaN', () => {
		expect(decayWeight(-5, 30)).toBe(1)
		expect(decayWeight(Number.NaN, 30)).toBe(0)
		expect(decayWeight(1e9, 1)).toBe(0)
		expect(decayWeight(Number.POSITIVE_INFINITY, 30)).toBe(0)
	})

	test('a non-positive half-life gives no weight to old evidence', () => {
		expect(decayWeight(3, 0)).toBe(0)
		expect(decayWeight(3, Number.NaN)).toBe(0)
		expect(decayWeight(0, 0)).toBe(1)
	})
})

describe('clamping', () => {
	test('clamp01 and clamp turn NaN into the minimum and cap the extremes', () => {
		expect(clamp01(Number.NaN)).toBe(0)
		expect(clamp01(-3)).toBe(0)
		expect(clamp01(7)).toBe(1)
		expect(clamp01(0.25)).toBe(0.25)
		expect(clamp(Number.NaN, 1, 5)).toBe(1)
		expect(clamp(Number.POSITIVE_INFINITY, 1, 5)).toBe(5)
	})

	test('finite lets through finite numbers only', () => {
		expect(finite(3)).toBe(3)
		expect(finite(Number.NaN)).toBeUndefined()
		expect(finite(Number.POSITIVE_INFINITY)).toBeUndefined()
		expect(finite('3')).toBeUndefined()
	})

	test('dayNumber reads YYYY-MM-DD as UTC days and rejects anything else', () => {
		expect(dayNumber('1970-01-02')).toBe(1)
		expect(dayNumber('2026-13-40')).toBeNaN()
		expect(dayNumber('yesterday')).toBeNaN()
	})
})
