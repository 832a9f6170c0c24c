import { describe, expect, test } from 'vitest'
import { parseScoringConfig } from '#app/domain/scoring/config.ts'
import { rollUpAccount, SEGMENT_LABELS, SEGMENT_STATUS_LABELS, segmentFor, segmentStatusFor, SEGMENTS, toSegmentStatus } from '#app/domain/scoring/segments.ts'
import { scoreUser } from '#app/domain/scoring/score-user.ts'
import { type ActivityEvent } from '#app/domain/scoring/inputs.ts'
import { dayString, daysAgo, event, NOW, quiz } from './activity-builders.ts'

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

describe('segment status', () => {
	test('thin evidence on either side says so instead of guessing, and keeps the leaning', () => {
		expect(segmentStatusFor({ score: 80, lowEvidence: true }, { score: 20, lowEvidence: false })).toEqual({ segment: 'NOT_ENOUGH_EVIDENCE', leaning: 'UNMOTIVATED' })
		expect(segmentStatusFor({ score: 80, lowEvidence: false }, { score: 20, lowEvidence: false })).toEqual({ segment: 'UNMOTIVATED', leaning: 'UNMOTIVATED' })
		expect(SEGMENT_STATUS_LABELS.NOT_ENOUGH_EVIDENCE).toBe('Not enough evidence yet')
	})

	test('an unknown stored value reads as not enough evidence (fails closed)', () => {
		expect(toSegmentStatus('HIGH_PERFORMER')).toBe('HIGH_PERFORMER')
		expect(toSegmentStatus('HACKED')).toBe('NOT_ENOUGH_EVIDENCE')
		expect(toSegmentStatus(null)).toBe('NOT_ENOUGH_EVIDENCE')
	})
})

const since = daysAgo(120)

/** A learning day on every `step`-th day in [from, to) days ago. */
function learningDays(from: number, to: number, step = 1): ActivityEvent[] {
	const events: ActivityEvent[] = []
	for (let d = from; d < to; d += step) events.push(event('article_read', d, `article:a-${d}`, { level: 'intermediate' }))
	return events
}

describe('scoreUser', () => {
	test('two hard quizzes at 90% and little else: high skill, low will, Unmotivated', () => {
		const result = scoreUser({ now: NOW, since, events: [quiz(10, 'quiz:a', 90, 3), quiz(40, 'quiz:b', 90, 3), event('sign_in', 40)] })
		expect(result.skill.score).toBeGreaterThanOrEqual(50)
		expect(result.will.score).toBeLessThan(50)
		expect(result.segment).toBe('UNMOTIVATED')
	})

	test('fifty views of basic articles: low skill', () => {
		const views = Array.from({ length: 50 }, (_, i) => event('article_view', i, `article:basic-${i}`, { level: 'beginner' }))
		const result = scoreUser({ now: NOW, since, events: views })
		expect(result.skill.score).toBeLessThan(50)
		expect(result.segment).toBe('UNTRAINED')
	})

	test('thin evidence gives "not enough evidence yet"', () => {
		const result = scoreUser({ now: NOW, since, events: [event('sign_in', 3), event('search', 3)] })
		expect(result.segment).toBe('NOT_ENOUGH_EVIDENCE')
		expect(result.skill.lowEvidence).toBe(true)
		// A new user: too early to judge will, whatever they did.
		const newcomer = scoreUser({ now: NOW, since: daysAgo(2), events: [quiz(1, 'quiz:a', 95, 3), quiz(1, 'quiz:b', 95, 3)] })
		expect(newcomer.segment).toBe('NOT_ENOUGH_EVIDENCE')
		expect(newcomer.leaning).toBe('HIGH_PERFORMER')
	})

	test('last activity includes product usage days', () => {
		const result = scoreUser({ now: NOW, since, events: [event('sign_in', 10)], productUsage: [{ day: dayString(2), activeMinutes: 5 }] })
		expect(result.lastActiveAt?.toISOString().slice(0, 10)).toBe(dayString(2))
	})
})

describe('rollUpAccount', () => {
	function member(events: ActivityEvent[], now = NOW) {
		const score = scoreUser({ now, since, events })
		return { skill: score.skill.score, will: score.will.score, skillEvidence: score.skill.evidence, willSignals: score.will.signals, lastActiveAt: score.lastActiveAt, willLowEvidence: score.will.lowEvidence }
	}

	test('no users: not enough evidence', () => {
		const result = rollUpAccount([], { now: NOW })
		expect(result.segment).toBe('NOT_ENOUGH_EVIDENCE')
		expect(result.explanations).toContain('No users yet')
	})

	test('skill pools the evidence of everyone; will is the mean of everyone, idle users included', () => {
		const expert = member([quiz(2, 'quiz:a', 95, 3), quiz(5, 'quiz:b', 92, 3), ...learningDays(0, 56, 1)])
		const alone = rollUpAccount([expert], { now: NOW })
		expect(alone.segment).toBe('HIGH_PERFORMER')
		// One champion among users who never come: a skilled account with low will.
		const crowd = rollUpAccount([expert, member([]), member([]), member([]), member([]), member([])], { now: NOW, seats: 8 })
		expect(crowd.skill).toBeGreaterThanOrEqual(50)
		expect(crowd.will).toBeLessThan(50)
		expect(crowd.segment).toBe('UNMOTIVATED')
		// Seats nobody was given are not people by default...
		expect(crowd.explanations[0]).toMatch(/^1 of 6 users active/)
		// ...unless the config counts them, up to one per active person: an 8-seat licence with 6 users adds one.
		const counted = rollUpAccount([expert, member([]), member([]), member([]), member([]), member([])], { now: NOW, seats: 8 }, parseScoringConfig({ rollUp: { idleSeatsMaxRatio: 1 } }))
		expect(counted.explanations[0]).toMatch(/^1 of 7 people \(1 unused seat\) active/)
		expect(counted.will).toBeLessThan(crowd.will)
	})

	test('a declining account changes segment within four weeks of the decline', () => {
		// Three skilled people learning daily for two months, then silent.
		const history = [quiz(60, 'quiz:a', 92, 3), quiz(58, 'quiz:b', 90, 2), ...learningDays(0, 60, 1)]
		const at = (quietDays: number) => {
			const now = new Date(NOW.getTime() + quietDays * 86_400_000)
			const people = [1, 2, 3].map(() => {
				const score = scoreUser({ now, since, events: history })
				return { skill: score.skill.score, will: score.will.score, skillEvidence: score.skill.evidence, willSignals: score.will.signals, lastActiveAt: score.lastActiveAt }
			})
			return rollUpAccount(people, { now }).segment
		}
		expect(at(0)).toBe('HIGH_PERFORMER')
		const changedBy = [7, 14, 21, 28].find((d) => at(d) !== 'HIGH_PERFORMER')
		expect(changedBy).toBeDefined()
		expect(at(28)).toBe('UNMOTIVATED')
	})

	test('product daily active users per person inform will when reported', () => {
		const people = [member(learningDays(0, 56, 7)), member(learningDays(0, 56, 7))]
		const quiet = rollUpAccount(people, { now: NOW })
		const busyInProduct = Array.from({ length: 40 }, (_, d) => ({ day: dayString(d), activeUsers: 2, activeMinutes: 120 }))
		const busy = rollUpAccount(people, { now: NOW, productUsage: busyInProduct })
		expect(busy.will).toBeGreaterThan(quiet.will)
		expect(busy.explanations.some((e) => e.startsWith('In the product, 100% of its people'))).toBe(true)
	})

	test('one power user does not outweigh everyone: evidence per user is capped', () => {
		const power = member(Array.from({ length: 40 }, (_, i) => quiz(i, `quiz:${i}`, 20, 2)))
		const experts = [1, 2, 3].map((i) => member([quiz(3, `quiz:x${i}`, 95, 3), quiz(4, `quiz:y${i}`, 95, 3)]))
		expect(rollUpAccount([power, ...experts], { now: NOW }).skill).toBeGreaterThanOrEqual(50)
	})

	test("the account's feature adoption counts once, not once per seat", () => {
		// Twenty people, two of them tested and weak; the product reports 95% of features in use for the
		// whole account (one champion's doing). Counted per seat, that one figure outweighed the tests.
		const accountUsage = [{ day: dayString(1), featuresAdopted: 19, featuresAvailable: 20 }]
		const weak = [1, 2].map((i) => {
			const score = scoreUser({ now: NOW, since, events: [quiz(3, `quiz:w${i}`, 30, 2), quiz(5, `quiz:v${i}`, 35, 2)], accountUsage })
			return { skill: score.skill.score, will: score.will.score, skillEvidence: score.skill.evidence, willSignals: score.will.signals, lastActiveAt: score.lastActiveAt }
		})
		const silent = Array.from({ length: 18 }, () => {
			const score = scoreUser({ now: NOW, since, events: [], accountUsage })
			// Each silent user still shows the account's figure in their own breakdown...
			expect(score.skill.components.find((c) => c.key === 'features')!.weight).toBeGreaterThan(0)
			// ...but brings no observation of their own to the account's pool.
			expect(score.skill.evidence.weight).toBe(0)
			return { skill: score.skill.score, will: score.will.score, skillEvidence: score.skill.evidence, willSignals: score.will.signals, lastActiveAt: score.lastActiveAt }
		})
		const account = rollUpAccount([...weak, ...silent], { now: NOW, productUsage: accountUsage })
		expect(account.skill).toBeLessThan(50)
		expect(account.skillEvidence).toBeLessThan(6)
	})

	test('malformed inputs never produce NaN', () => {
		const result = rollUpAccount([{ skill: 1e9, will: -50, lastActiveAt: new Date(Number.NaN) }], { now: NOW, seats: Number.NaN })
		expect(Number.isInteger(result.skill) && Number.isInteger(result.will)).toBe(true)
	})
})
