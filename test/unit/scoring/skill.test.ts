import { describe, expect, test } from 'vitest'
import { parseScoringConfig } from '#app/domain/scoring/config.ts'
import { type ActivityEvent } from '#app/domain/scoring/inputs.ts'
import { scoreSkill } from '#app/domain/scoring/skill.ts'
import { dayString, event, NOW, quiz } from './activity-builders.ts'

/** Only the quiz component counts, and one quiz is enough evidence: isolates the quiz average. */
const quizOnly = parseScoringConfig({
	skill: { weights: { quizzes: 1, paths: 0, contentDepth: 0, featureAdoption: 0 }, quizEvidenceForFull: 0.001 },
})

function component(events: ActivityEvent[], key: string, config = parseScoringConfig({})) {
	const result = scoreSkill({ now: NOW, events }, config)
	const found = result.components.find((c) => c.key === key)
	if (!found) throw new Error(`no component ${key}`)
	return found
}

describe('scoreSkill with no history', () => {
	test('is 0 with explanations saying nothing happened yet', () => {
		const result = scoreSkill({ now: NOW, events: [] })
		expect(result.score).toBe(0)
		expect(result.summary).toBe('No activity yet')
		expect(result.lowEvidence).toBe(true)
		expect(result.components.map((c) => c.explanation)).toEqual([
			'No quiz attempts yet',
			'No paths completed yet',
			'No articles, lessons or videos used yet',
			'No product usage data',
		])
		for (const c of result.components) expect(c.value).toBe(0)
	})
})

describe('quiz component', () => {
	test('weights recent quizzes more: an attempt one half-life old counts half', () => {
		// 100% today and 0% 90 days ago (one quiz half-life): (1*1 + 0.5*0) / 1.5 = 66.7%
		const result = scoreSkill({ now: NOW, events: [quiz(0, 'quiz:a', 100), quiz(90, 'quiz:b', 0)] }, quizOnly)
		expect(result.score).toBe(67)
		// The same results the other way round: (0.5*1) / 1.5 = 33.3%
		const older = scoreSkill({ now: NOW, events: [quiz(90, 'quiz:a', 100), quiz(0, 'quiz:b', 0)] }, quizOnly)
		expect(older.score).toBe(33)
	})

	test('weights hard quizzes more than easy ones', () => {
		const hardPassed = scoreSkill({ now: NOW, events: [quiz(1, 'quiz:h', 100, 3), quiz(1, 'quiz:e', 0, 1)] }, quizOnly)
		const easyPassed = scoreSkill({ now: NOW, events: [quiz(1, 'quiz:h', 0, 3), quiz(1, 'quiz:e', 100, 1)] }, quizOnly)
		// hard 1.5, easy 0.6: 1.5/2.1 = 71% against 0.6/2.1 = 29%
		expect(hardPassed.score).toBe(71)
		expect(easyPassed.score).toBe(29)
	})

	test('a retake replaces the earlier attempt of the same quiz', () => {
		const result = scoreSkill({ now: NOW, events: [quiz(1, 'quiz:a', 90), quiz(10, 'quiz:a', 30)] }, quizOnly)
		expect(result.score).toBe(90)
		expect(result.components[0]!.explanation).toBe('Quiz average 90% over 1 quiz')
	})

	test('a later attempt that was started but never scored does not hide the earlier result', () => {
		const events = [quiz(5, 'quiz:a', 80), event('quiz_attempt', 1, 'quiz:a', { passed: false })]
		expect(scoreSkill({ now: NOW, events }, quizOnly).score).toBe(80)
	})

	test('one lucky quiz is scaled down until there is enough evidence', () => {
		const one = component([quiz(0, 'quiz:a', 100)], 'quizzes')
		expect(one.value).toBeCloseTo(1 / 3, 3) // 1 medium quiz of the 3 needed
		expect(one.explanation).toBe('Quiz average 100% over 1 quiz; more recent quizzes would make it count in full')
		const three = component([quiz(0, 'quiz:a', 100), quiz(0, 'quiz:b', 100), quiz(0, 'quiz:c', 100)], 'quizzes')
		expect(three.value).toBe(1)
		expect(three.explanation).toBe('Quiz average 100% over 3 quizzes')
	})

	test('knowledge checks count as small quizzes', () => {
		const events = [
			event('check_answer', 0, 'check:a', { correct: true }),
			event('check_answer', 0, 'check:b', { correct: false }),
		]
		const c = component(events, 'quizzes', quizOnly)
		expect(c.value).toBeCloseTo(0.5, 6)
		expect(c.explanation).toBe('Quiz average 50% over 2 knowledge checks')
	})
})

describe('paths, content and feature adoption', () => {
	test('paths count by level, certificates add credit, a repeated completion counts once', () => {
		const events = [
			event('path_complete', 1, 'path:fundamentals', { level: 'beginner' }),
			event('path_complete', 2, 'path:fundamentals', { level: 'beginner' }),
			event('certificate_issued', 1, 'path:fundamentals'),
		]
		const c = component(events, 'paths')
		// (0.6 + 0.5) decayed a day on a 365-day half-life, over 2 credits for full
		expect(c.value).toBeCloseTo(((0.6 + 0.5) * Math.pow(0.5, 1 / 365)) / 2, 3)
		expect(c.explanation).toBe('1 path completed and 1 certificate earned')
	})

	test('content depth counts distinct items, each at its best', () => {
		const events = [
			event('article_view', 1, 'article:a'),
			event('article_read', 1, 'article:a'),
			event('article_read', 2, 'article:a'),
			event('lesson_complete', 1, 'lesson:p/l1'),
		]
		const c = component(events, 'contentDepth')
		expect(c.explanation).toBe('2 articles, lessons or videos used')
		expect(c.value).toBeCloseTo((2 * Math.pow(0.5, 1 / 180)) / 20, 3)
	})

	test('without a product usage source, feature adoption is left out and the other weights fill the score', () => {
		const result = scoreSkill({ now: NOW, events: [quiz(0, 'q:1', 100), quiz(0, 'q:2', 100), quiz(0, 'q:3', 100)] })
		const adoption = result.components.find((c) => c.key === 'featureAdoption')!
		expect(adoption.available).toBe(false)
		expect(adoption.weight).toBe(0)
		const weights = result.components.reduce((sum, c) => sum + c.weight, 0)
		expect(weights).toBeCloseTo(1, 3)
		expect(result.components[0]!.weight).toBeCloseTo(0.45 / 0.85, 3)
	})

	test('with a source, the most recent day that reports features is used and clamped', () => {
		const result = scoreSkill({
			now: NOW,
			events: [],
			productUsage: [
				{ day: dayString(10), featuresAdopted: 2, featuresAvailable: 20 },
				{ day: dayString(1), featuresAdopted: 6, featuresAvailable: 20 },
				{ day: dayString(0), activeMinutes: 30 },
			],
		})
		const adoption = result.components.find((c) => c.key === 'featureAdoption')!
		expect(adoption.value).toBe(0.3)
		expect(adoption.explanation).toBe('Uses 6 of 20 product features (30%)')
		expect(result.score).toBe(5) // 0.15 * 0.3 * 100 = 4.5
		const over = scoreSkill({ now: NOW, events: [], productUsage: [{ day: dayString(0), featuresAdopted: 50, featuresAvailable: 20 }] })
		expect(over.components.find((c) => c.key === 'featureAdoption')!.value).toBe(1)
	})

	test('an empty usage source counts as no adoption rather than unknown', () => {
		const result = scoreSkill({ now: NOW, events: [], productUsage: [] })
		const adoption = result.components.find((c) => c.key === 'featureAdoption')!
		expect(adoption.available).toBe(true)
		expect(adoption.weight).toBe(0.15)
		expect(result.summary).toBe('No activity yet')
	})
})

describe('extreme and malformed input', () => {
	test('1000 quiz attempts of 100% reach exactly 100 on quizzes and never more', () => {
		const distinct = Array.from({ length: 1000 }, (_, i) => quiz(i % 30, `quiz:${i}`, 100, 3))
		const same = Array.from({ length: 1000 }, (_, i) => quiz(i % 30, 'quiz:one', 100, 3))
		const a = component(distinct, 'quizzes')
		expect(a.value).toBe(1)
		expect(a.contribution).toBeCloseTo(52.9, 1)
		const b = scoreSkill({ now: NOW, events: same }, quizOnly)
		expect(b.score).toBe(100)
	})

	test('a full record of everything scores 100 and no more', () => {
		const events: ActivityEvent[] = []
		for (let i = 0; i < 50; i++) {
			events.push(quiz(0, `quiz:${i}`, 100, 3))
			events.push(event('path_complete', 0, `path:${i}`, { level: 'advanced' }))
			events.push(event('article_read', 0, `article:${i}`))
		}
		const result = scoreSkill({
			now: NOW,
			events,
			productUsage: [{ day: dayString(0), featuresAdopted: 30, featuresAvailable: 30 }],
		})
		expect(result.score).toBe(100)
		expect(result.lowEvidence).toBe(false)
	})

	test('out-of-range scores are clamped, NaN and missing scores skipped', () => {
		expect(scoreSkill({ now: NOW, events: [quiz(0, 'quiz:a', 250)] }, quizOnly).score).toBe(100)
		expect(scoreSkill({ now: NOW, events: [quiz(0, 'quiz:a', -40)] }, quizOnly).score).toBe(0)
		const skipped = scoreSkill(
			{ now: NOW, events: [quiz(0, 'quiz:a', Number.NaN), event('quiz_attempt', 0, 'quiz:b', {}), quiz(0, 'quiz:c', 80)] },
			quizOnly,
		)
		expect(skipped.score).toBe(80)
	})

	test('invalid dates are skipped, future dates count as now, dates beyond the horizon are ignored', () => {
		const events: ActivityEvent[] = [
			{ kind: 'quiz_attempt', at: new Date('not a date'), itemKey: 'quiz:x', data: { score: 0 } },
			{ kind: 'quiz_attempt', at: new Date(NOW.getTime() + 5 * 86_400_000), itemKey: 'quiz:y', data: { score: 100 } },
			quiz(400, 'quiz:z', 0),
		]
		expect(scoreSkill({ now: NOW, events }, quizOnly).score).toBe(100)
	})

	test('random garbage never yields NaN or a score outside 0-100', () => {
		let seed = 42
		const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647
		const odd = [Number.NaN, Number.POSITIVE_INFINITY, -1e9, 1e9, -0, 0.5]
		for (let run = 0; run < 50; run++) {
			const events: ActivityEvent[] = Array.from({ length: 30 }, () => ({
				kind: (['quiz_attempt', 'path_complete', 'article_read', 'check_answer', 'certificate_issued'] as const)[Math.floor(random() * 5)]!,
				at: new Date(NOW.getTime() - (random() - 0.2) * 500 * 86_400_000),
				itemKey: random() < 0.3 ? null : `item:${Math.floor(random() * 5)}`,
				data: { score: odd[Math.floor(random() * odd.length)], difficulty: odd[Math.floor(random() * odd.length)], correct: random() < 0.5 },
			}))
			const result = scoreSkill({ now: NOW, events, productUsage: [{ day: 'garbage', featuresAdopted: Number.NaN, featuresAvailable: -3 }] })
			expect(Number.isInteger(result.score)).toBe(true)
			expect(result.score).toBeGreaterThanOrEqual(0)
			expect(result.score).toBeLessThanOrEqual(100)
			for (const c of result.components) expect(Number.isFinite(c.value) && Number.isFinite(c.contribution)).toBe(true)
		}
	})

	test('the same input always gives the same result (no state leaks between calls)', () => {
		const events = [quiz(3, 'quiz:a', 70), event('article_read', 2, 'article:a'), event('path_complete', 5, 'path:p')]
		const first = scoreSkill({ now: NOW, events })
		scoreSkill({ now: NOW, events: Array.from({ length: 200 }, (_, i) => event('article_read', 1, `article:${i}`)) })
		expect(scoreSkill({ now: NOW, events })).toEqual(first)
	})
})
