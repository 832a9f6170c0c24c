import { describe, expect, test } from 'vitest'
import { ConfigError } from '#app/utils/config-error.ts'
import {
	defaultScoringConfig,
	eventHorizonDays,
	parseScoringConfig,
	safeParseScoringConfig,
} from '#app/domain/scoring/config.ts'

describe('scoring config', () => {
	test('defaults are the documented starting points', () => {
		expect(defaultScoringConfig.windowDays).toBe(90)
		expect(defaultScoringConfig.segments).toEqual({ skillThreshold: 50, willThreshold: 50, hysteresis: 0 })
		expect(defaultScoringConfig.skill.weights).toEqual({ quizzes: 0.45, paths: 0.25, contentDepth: 0.15, featureAdoption: 0.15 })
		expect(defaultScoringConfig.will.recencyHalfLifeDays).toBe(7)
		expect(eventHorizonDays(defaultScoringConfig)).toBe(365)
	})

	test('defaults are frozen so no caller can change them for everyone', () => {
		expect(Object.isFrozen(defaultScoringConfig.skill.weights)).toBe(true)
		expect(() => {
			;(defaultScoringConfig.segments as { skillThreshold: number }).skillThreshold = 10
		}).toThrow()
	})

	test('a partial override keeps every other default', () => {
		const config = parseScoringConfig({ segments: { skillThreshold: 60 }, will: { weights: { trend: 0 } } })
		expect(config.segments.skillThreshold).toBe(60)
		expect(config.segments.willThreshold).toBe(50)
		expect(config.will.weights).toEqual({ activeDays: 0.3, recency: 0.2, regularity: 0.2, voluntary: 0.15, trend: 0 })
		expect(config.skill).toEqual(defaultScoringConfig.skill)
	})

	test('errors name the field and the rule', () => {
		const result = safeParseScoringConfig({
			skill: { weights: { quizzes: -1 }, quizHalfLifeDays: 0 },
			segments: { willThreshold: 120 },
			sklil: {},
		})
		expect(result.ok).toBe(false)
		if (result.ok) return
		expect(result.issues).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^skill\.weights\.quizzes: .*>=0/),
				expect.stringMatching(/^skill\.quizHalfLifeDays: .*>0/),
				expect.stringMatching(/^segments\.willThreshold: .*<=100/),
				expect.stringMatching(/sklil/),
			]),
		)
	})

	test('parseScoringConfig throws a ConfigError listing every issue', () => {
		try {
			parseScoringConfig({ windowDays: 'ninety', will: { weights: { activeDays: 0, recency: 0, regularity: 0, voluntary: 0, trend: 0 } } })
			expect.unreachable()
		} catch (error) {
			expect(error).toBeInstanceOf(ConfigError)
			const message = (error as ConfigError).message
			expect(message).toMatch(/^Invalid scoring config:/)
			expect(message).toContain('windowDays: ')
			expect(message).toContain('will.weights: at least one will weight must be above 0')
		}
	})

	test('windows must fit inside each other', () => {
		const result = safeParseScoringConfig({ windowDays: 28, will: { activeDaysWindow: 30, trendRecentDays: 28 } })
		expect(result.ok).toBe(false)
		if (result.ok) return
		expect(result.issues).toContain('will.activeDaysWindow: must not exceed windowDays (28)')
		expect(result.issues).toContain('will.trendRecentDays: must be shorter than windowDays (28)')
	})

	test('kind weights accept event kinds only', () => {
		const result = safeParseScoringConfig({ skill: { contentKindWeights: { article_read: 1, podcast: 2 } } })
		expect(result.ok).toBe(false)
		if (!result.ok) expect(result.issues.join('\n')).toMatch(/skill\.contentKindWeights/)
	})

	test('NaN and Infinity are rejected', () => {
		expect(safeParseScoringConfig({ windowDays: Number.NaN }).ok).toBe(false)
		expect(safeParseScoringConfig({ skill: { quizEvidenceForFull: Number.POSITIVE_INFINITY } }).ok).toBe(false)
	})
})
