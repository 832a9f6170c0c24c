import { describe, expect, test } from 'vitest'
import { parseScoringConfig } from '#app/domain/scoring/config.ts'
import { type ActivityEvent } from '#app/domain/scoring/inputs.ts'
import { relativeToMark, scoreSkill } from '#app/domain/scoring/skill.ts'
import { dayString, event, NOW, quiz } from './activity-builders.ts'

function component(events: ActivityEvent[], key: string) {
	const found = scoreSkill({ now: NOW, events }).components.find((c) => c.key === key)
	if (!found) throw new Error(`no component ${key}`)
	return found
}

function reads(count: number, level: string, kind: 'article_view' | 'article_read' = 'article_view'): ActivityEvent[] {
	return Array.from({ length: count }, (_, i) => event(kind, i % 40, `article:a-${i}`, { level }))
}

describe('scoreSkill: an estimate from the quality of evidence, not its amount', () => {
	test('no history: the prior, flagged as not enough evidence', () => {
		const result = scoreSkill({ now: NOW, events: [] })
		expect(result.score).toBe(50)
		expect(result.lowEvidence).toBe(true)
		expect(result.evidence.weight).toBe(0)
		expect(result.summary).toBe('No activity yet')
	})

	test('two hard quizzes at 90% and little else: high skill, with enough evidence', () => {
		const result = scoreSkill({ now: NOW, events: [quiz(3, 'quiz:a', 90, 3), quiz(20, 'quiz:b', 90, 3)] })
		expect(result.score).toBeGreaterThanOrEqual(75)
		expect(result.lowEvidence).toBe(false)
	})

	test('fifty views of basic articles: low skill, however many there are', () => {
		const fifty = scoreSkill({ now: NOW, events: reads(50, 'beginner') })
		expect(fifty.score).toBeLessThan(50)
		expect(fifty.lowEvidence).toBe(false)
		// Reading weighs at most content.maxWeight: five hundred views say no more than fifty.
		const fiveHundred = scoreSkill({ now: NOW, events: reads(500, 'beginner') })
		expect(fiveHundred.score).toBe(fifty.score)
	})

	test('advanced reading is evidence of skill; the same volume of basic reading is not', () => {
		const advanced = scoreSkill({ now: NOW, events: reads(20, 'advanced', 'article_read') })
		const basic = scoreSkill({ now: NOW, events: reads(20, 'beginner', 'article_read') })
		expect(advanced.score).toBeGreaterThan(50)
		expect(basic.score).toBeLessThan(50)
	})

	test('volume moves confidence, not the estimate: three strong quizzes and thirty give the same side', () => {
		const three = scoreSkill({ now: NOW, events: [1, 2, 3].map((d) => quiz(d, `quiz:${d}`, 85)) })
		const thirty = scoreSkill({ now: NOW, events: Array.from({ length: 30 }, (_, d) => quiz(d, `quiz:${d}`, 85)) })
		expect(three.score).toBeGreaterThanOrEqual(60)
		expect(thirty.score - three.score).toBeLessThan(15)
		expect(thirty.evidence.weight).toBeGreaterThan(three.evidence.weight)
	})

	test('failing quizzes means low skill even for a very active learner', () => {
		const events = [...Array.from({ length: 12 }, (_, d) => quiz(d, `quiz:${d}`, 35)), ...reads(40, 'intermediate', 'article_read')]
		expect(scoreSkill({ now: NOW, events }).score).toBeLessThan(45)
	})

	test('a quiz at its pass mark sits on the line; the quiz pass mark wins over the default', () => {
		expect(relativeToMark(0.7, 0.7)).toBe(0.5)
		expect(relativeToMark(1, 0.7)).toBe(1)
		expect(relativeToMark(0, 0.7)).toBe(0)
		const strict = component([quiz(1, 'quiz:a', 80, 2)], 'quizzes')
		const lenient = component([event('quiz_attempt', 1, 'quiz:a', { score: 80, difficulty: 2, passMark: 50 })], 'quizzes')
		expect(lenient.value).toBeGreaterThan(strict.value)
	})

	test('the same score on a harder quiz shows more skill', () => {
		expect(component([quiz(1, 'quiz:a', 80, 3)], 'quizzes').value).toBeGreaterThan(component([quiz(1, 'quiz:a', 80, 1)], 'quizzes').value)
	})

	test('retaking a quiz until passing averages in: it is not the same as passing at once', () => {
		const atOnce = component([quiz(1, 'quiz:a', 90)], 'quizzes')
		const retaken = component([quiz(5, 'quiz:a', 30), quiz(3, 'quiz:a', 50), quiz(1, 'quiz:a', 90)], 'quizzes')
		expect(retaken.value).toBeLessThan(atOnce.value)
		expect(retaken.explanation).toMatch(/^1 quiz:/)
	})

	test('a quiz started but never scored is no evidence', () => {
		const result = scoreSkill({ now: NOW, events: [event('quiz_attempt', 1, 'quiz:a', { passed: false })] })
		expect(result.evidence.weight).toBe(0)
	})

	test('knowledge checks count together and their weight is capped', () => {
		const right = Array.from({ length: 40 }, (_, i) => event('check_answer', i % 30, `check:${i}`, { correct: true }))
		const checks = component(right, 'checks')
		expect(checks.value).toBe(1)
		const result = scoreSkill({ now: NOW, events: right })
		expect(result.evidence.weight).toBeLessThanOrEqual(1)
	})

	test('feature adoption: their own usage, else the account usage at a lower weight', () => {
		const own = scoreSkill({ now: NOW, events: [], productUsage: [{ day: dayString(1), featuresAdopted: 9, featuresAvailable: 10 }] })
		const shared = scoreSkill({ now: NOW, events: [], accountUsage: [{ day: dayString(1), featuresAdopted: 9, featuresAvailable: 10 }] })
		expect(own.score).toBeGreaterThan(shared.score)
		expect(shared.score).toBeGreaterThan(50)
		expect(shared.components.find((c) => c.key === 'features')!.explanation).toMatch(/^Account: uses 9 of 10/)
	})

	test('every component explains itself and the contributions add up to the score', () => {
		const result = scoreSkill({ now: NOW, events: [quiz(2, 'quiz:a', 80), ...reads(5, 'intermediate', 'article_read')] })
		const total = result.components.reduce((sum, c) => sum + c.contribution, 0)
		expect(Math.abs(total - result.score)).toBeLessThanOrEqual(1)
		for (const c of result.components) expect(c.explanation.length).toBeGreaterThan(5)
		expect(result.summary).not.toBe('')
	})

	test('bad input never produces NaN', () => {
		const result = scoreSkill({
			now: NOW,
			events: [
				{ kind: 'quiz_attempt', at: new Date('nope'), itemKey: 'quiz:a', data: { score: 90 } },
				event('quiz_attempt', 1, 'quiz:b', { score: Number.NaN }),
				event('quiz_attempt', 1, 'quiz:c', { score: 250, difficulty: 9 }),
			],
		})
		expect(Number.isFinite(result.score)).toBe(true)
	})

	test('config: a stricter prior needs more evidence to move', () => {
		const events = [quiz(1, 'quiz:a', 95)]
		const loose = scoreSkill({ now: NOW, events }, parseScoringConfig({ skill: { priorWeight: 0.2 } }))
		const strict = scoreSkill({ now: NOW, events }, parseScoringConfig({ skill: { priorWeight: 5 } }))
		expect(loose.score).toBeGreaterThan(strict.score)
	})
})
