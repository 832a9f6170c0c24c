import { describe, expect, test } from 'vitest'
import { ConfigError } from '#app/utils/config-error.ts'
import { defaultScoringConfig, eventHorizonDays, parseScoringConfig, safeParseScoringConfig } from '#app/domain/scoring/config.ts'

describe('scoring config', () => {
	test('defaults are the documented starting points', () => {
		expect(defaultScoringConfig.segments).toEqual({
			skillThreshold: 50,
			willThreshold: 50,
			hysteresis: 0,
			portfolioWillLine: { enabled: true, minAccounts: 30, lowest: 30, highest: 70 },
		})
		expect(defaultScoringConfig.will.windowDays).toBe(56)
		expect(defaultScoringConfig.will.weights).toEqual({ frequency: 0.3, product: 0.35, recency: 0.05, regularity: 0, selfDirected: 0.25, trend: 0.1 })
		expect(defaultScoringConfig.skill.quiz.passMark).toBe(70)
		expect(eventHorizonDays(defaultScoringConfig)).toBe(365)
	})

	test('defaults are frozen so no caller can change them for everyone', () => {
		expect(Object.isFrozen(defaultScoringConfig.skill.quiz.weights)).toBe(true)
		expect(() => {
			;(defaultScoringConfig.segments as { skillThreshold: number }).skillThreshold = 10
		}).toThrow()
	})

	test('a partial override keeps every other default', () => {
		const config = parseScoringConfig({ segments: { skillThreshold: 60 }, will: { weights: { trend: 0 } } })
		expect(config.segments.skillThreshold).toBe(60)
		expect(config.segments.willThreshold).toBe(50)
		expect(config.will.weights).toEqual({ ...defaultScoringConfig.will.weights, trend: 0 })
		expect(config.skill).toEqual(defaultScoringConfig.skill)
	})

	test('errors name the field and the rule', () => {
		const result = safeParseScoringConfig({
			skill: { quiz: { weights: { advanced: -1 }, halfLifeDays: 0 } },
			segments: { willThreshold: 120 },
			sklil: {},
		})
		expect(result.ok).toBe(false)
		if (result.ok) return
		expect(result.issues).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^skill\.quiz\.weights\.advanced: .*>=0/),
				expect.stringMatching(/^skill\.quiz\.halfLifeDays: .*>0/),
				expect.stringMatching(/^segments\.willThreshold: .*<=100/),
				expect.stringMatching(/sklil/),
			]),
		)
	})

	test('parseScoringConfig throws a ConfigError listing every issue', () => {
		try {
			parseScoringConfig({ will: { windowDays: 'eight weeks', weights: { frequency: 0, recency: 0, regularity: 0, selfDirected: 0, trend: 0 } } })
			expect.unreachable()
		} catch (error) {
			expect(error).toBeInstanceOf(ConfigError)
			const message = (error as ConfigError).message
			expect(message).toMatch(/^Invalid scoring config:/)
			expect(message).toContain('will.windowDays: ')
			expect(message).toContain('will.weights: at least one will weight besides product must be above 0')
		}
	})

	test('windows must fit inside each other', () => {
		const result = safeParseScoringConfig({ will: { windowDays: 28, trendRecentDays: 28, regularityWeeks: 6 } })
		expect(result.ok).toBe(false)
		if (result.ok) return
		expect(result.issues).toContain('will.trendRecentDays: must be shorter than will.windowDays (28)')
		expect(result.issues).toContain('will.regularityWeeks: must fit in will.windowDays (28)')
	})

	test('NaN and Infinity are rejected', () => {
		expect(safeParseScoringConfig({ will: { windowDays: Number.NaN } }).ok).toBe(false)
		expect(safeParseScoringConfig({ skill: { priorWeight: Number.POSITIVE_INFINITY } }).ok).toBe(false)
	})
})
