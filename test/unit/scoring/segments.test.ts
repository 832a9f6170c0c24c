import { describe, expect, test } from 'vitest'
import { parseScoringConfig } from '#app/domain/scoring/config.ts'
import { rollUpAccount, SEGMENT_LABELS, segmentFor, SEGMENTS } from '#app/domain/scoring/segments.ts'
import { scoreUser } from '#app/domain/scoring/score-user.ts'
import { dayString, daysAgo, event, NOW, quiz, signIns } from './activity-builders.ts'

describe('segmentFor', () => {
	test('the four quadrants of skill × will', () => {
		expect(segmentFor(80, 80)).toBe('HIGH_PERFORMER')
		expect(segmentFor(20, 80)).toBe('UNTRAINED')
		expect(segmentFor(80, 20)).toBe('UNMOTIVATED')
		expect(segmentFor(20, 20)).toBe('NEED_TO_EXIT')
	})

	test('exactly at the threshold is high; just below is low', () => {
		expect(segmentFor(50, 50)).toBe('HIGH_PERFORMER')
		expect(segmentFor(49.99, 50)).toBe('UNTRAINED')
		expect(segmentFor(50, 49.99)).toBe('UNMOTIVATED')
		expect(segmentFor(49, 49)).toBe('NEED_TO_EXIT')
	})

	test('thresholds come from the config', () => {
		const config = parseScoringConfig({ segments: { skillThreshold: 70, willThreshold: 30 } })
		expect(segmentFor(69, 30, config)).toBe('UNTRAINED')
		expect(segmentFor(70, 29, config)).toBe('UNMOTIVATED')
	})

	test('extremes and NaN', () => {
		expect(segmentFor(Number.NaN, Number.NaN)).toBe('NEED_TO_EXIT')
		expect(segmentFor(1e9, -1e9)).toBe('UNMOTIVATED')
		expect(segmentFor(0, 100)).toBe('UNTRAINED')
	})

	test('hysteresis keeps the previous side until the score crosses the band', () => {
		const config = parseScoringConfig({ segments: { hysteresis: 3 } })
		expect(segmentFor(48, 60, config, 'HIGH_PERFORMER')).toBe('HIGH_PERFORMER')
		expect(segmentFor(46.9, 60, config, 'HIGH_PERFORMER')).toBe('UNTRAINED')
		expect(segmentFor(52, 60, config, 'UNTRAINED')).toBe('UNTRAINED')
		expect(segmentFor(53, 60, config, 'UNTRAINED')).toBe('HIGH_PERFORMER')
		// Without a previous segment the plain threshold applies.
		expect(segmentFor(50, 50, config)).toBe('HIGH_PERFORMER')
	})

	test('every segment has a label', () => {
		expect(SEGMENTS.map((s) => SEGMENT_LABELS[s])).toEqual(['High Performers', 'Untrained', 'Unmotivated', 'Need to Exit'])
	})
})

describe('scoreUser', () => {
	test('a quiz-strong, daily-active user is a High Performer; the same user gone quiet is Unmotivated', () => {
		const learning = [
			quiz(1, 'quiz:a', 95, 3),
			quiz(2, 'quiz:b', 90, 2),
			quiz(3, 'quiz:c', 88, 2),
			event('path_complete', 5, 'path:fundamentals', { level: 'beginner' }),
			event('path_complete', 6, 'path:advanced', { level: 'advanced' }),
			...Array.from({ length: 12 }, (_, i) => event('article_read', i * 7, `article:${i}`)),
		]
		const active = scoreUser({ now: NOW, events: [...learning, ...signIns(Array.from({ length: 30 }, (_, i) => i * 3))] })
		expect(active.segment).toBe('HIGH_PERFORMER')
		expect(active.lastActiveAt).toEqual(NOW)
		const later = new Date(NOW.getTime() + 80 * 86_400_000)
		const quiet = scoreUser({ now: later, events: learning })
		expect(quiet.skill.score).toBeGreaterThanOrEqual(50)
		expect(quiet.will.score).toBeLessThan(50)
		expect(quiet.segment).toBe('UNMOTIVATED')
	})

	test('nobody yet: Need to Exit, no last activity', () => {
		const empty = scoreUser({ now: NOW, events: [] })
		expect(empty.segment).toBe('NEED_TO_EXIT')
		expect(empty.lastActiveAt).toBeNull()
	})

	test('last activity includes product usage days', () => {
		const result = scoreUser({ now: NOW, events: signIns([10]), productUsage: [{ day: dayString(2), activeMinutes: 5 }] })
		expect(result.lastActiveAt?.toISOString().slice(0, 10)).toBe(dayString(2))
	})
})

describe('rollUpAccount', () => {
	test('no users: skill 0, will 0, low evidence', () => {
		const result = rollUpAccount([], { now: NOW })
		expect(result).toMatchObject({ skill: 0, will: 0, segment: 'NEED_TO_EXIT', users: 0, activeUsers: 0, lowEvidence: true })
		expect(result.explanations).toEqual(['No users yet'])
	})

	test('active users weigh more than idle ones', () => {
		const users = [
			{ skill: 90, will: 90, lastActiveAt: daysAgo(0) },
			{ skill: 10, will: 10, lastActiveAt: daysAgo(200) },
		]
		const result = rollUpAccount(users, { now: NOW })
		// weights 1 and 0.2 + 0.8 * 0.5^(200/30) ≈ 0.208: (90 + 0.208*10) / 1.208 ≈ 76
		expect(result.skill).toBe(76)
		expect(result.activeUsers).toBe(1)
		expect(result.explanations[0]).toBe('1 of 2 users active in the last 30 days')
		expect(result.segment).toBe('HIGH_PERFORMER')
	})

	test('an account where nobody is active has low will even if old scores were high', () => {
		const users = [{ skill: 80, will: 90, lastActiveAt: daysAgo(100) }, { skill: 70, will: 85, lastActiveAt: null }]
		const result = rollUpAccount(users, { now: NOW })
		expect(result.will).toBe(49)
		expect(result.activeUsers).toBe(0)
		expect(result.segment).toBe('UNMOTIVATED')
		expect(result.explanations).toContain('Nobody active in the last 30 days: will capped below the threshold')
		// Low will scores stay as they are.
		expect(rollUpAccount([{ skill: 10, will: 12 }], { now: NOW }).will).toBe(12)
	})

	test('unused seats pull will down as never-active users', () => {
		const users = [{ skill: 80, will: 80, lastActiveAt: daysAgo(0) }]
		const alone = rollUpAccount(users, { now: NOW })
		const withSeats = rollUpAccount(users, { now: NOW, seats: 50 })
		expect(alone.will).toBe(80)
		// weight 1 for the user, 49 × 0.2 for idle seats: 80 / 10.8 ≈ 7
		expect(withSeats.will).toBe(7)
		expect(withSeats.explanations[0]).toBe('1 of 50 seats active in the last 30 days')
	})

	test('account product usage takes its configured share', () => {
		const users = [{ skill: 40, will: 40, lastActiveAt: daysAgo(0) }]
		const productUsage = [{ day: dayString(0), activeMinutes: 0, featuresAdopted: 10, featuresAvailable: 10 }]
		const result = rollUpAccount(users, { now: NOW, productUsage })
		// skill 0.7 × 40 + 0.3 × 100; will 0.7 × 40 + 0.3 × 0 (no active minutes)
		expect(result.skill).toBe(58)
		expect(result.will).toBe(28)
		expect(result.explanations).toContain('Product usage will 0; 100% of features adopted')
	})

	test('extreme and malformed user scores are clamped; NaN counts as 0', () => {
		const result = rollUpAccount(
			[
				{ skill: 1e9, will: -50, lastActiveAt: daysAgo(0) },
				{ skill: Number.NaN, will: Number.NaN, lastActiveAt: new Date(Number.NaN) },
			],
			{ now: NOW, seats: Number.NaN },
		)
		expect(Number.isInteger(result.skill) && Number.isInteger(result.will)).toBe(true)
		expect(result.skill).toBe(Math.round((100 * 1) / 1.2))
		expect(result.will).toBe(0)
	})

	test('low evidence only when no user has enough evidence', () => {
		expect(rollUpAccount([{ skill: 10, will: 10, lowEvidence: true }], { now: NOW }).lowEvidence).toBe(true)
		expect(
			rollUpAccount([{ skill: 10, will: 10, lowEvidence: true }, { skill: 10, will: 10 }], { now: NOW }).lowEvidence,
		).toBe(false)
	})
})
