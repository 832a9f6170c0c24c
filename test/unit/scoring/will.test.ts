import { describe, expect, test } from 'vitest'
import { parseScoringConfig } from '#app/domain/scoring/config.ts'
import { type ActivityEvent } from '#app/domain/scoring/inputs.ts'
import { scoreWill } from '#app/domain/scoring/will.ts'
import { dayString, daysAgo, event, NOW, signIns } from './activity-builders.ts'

function willOf(events: ActivityEvent[], extra: { since?: Date; productUsage?: { day: string; activeMinutes?: number }[] } = {}) {
	const result = scoreWill({ now: NOW, events, ...extra })
	const by = (key: string) => result.components.find((c) => c.key === key)!
	return { result, by }
}

/** One active day per day in [from, to) days ago. */
function everyDay(from: number, to: number, step = 1): ActivityEvent[] {
	const events: ActivityEvent[] = []
	for (let d = from; d < to; d += step) events.push(event('sign_in', d))
	return events
}

describe('scoreWill with no history', () => {
	test('is 0 and every component says there is no activity yet', () => {
		const { result } = willOf([])
		expect(result.score).toBe(0)
		expect(result.summary).toBe('No activity yet')
		expect(result.lowEvidence).toBe(true)
		expect(result.components.map((c) => [c.key, c.value, c.explanation])).toEqual([
			['activeDays', 0, 'No activity yet'],
			['recency', 0, 'No activity yet'],
			['regularity', 0, 'No activity yet'],
			['voluntary', 0, 'No self-directed learning yet'],
			['trend', 0, 'No activity yet'],
		])
	})
})

describe('will components', () => {
	test('active days count distinct days in the last 30', () => {
		const { by } = willOf([...signIns([0, 0, 0, 3, 45]), event('search', 3)])
		expect(by('activeDays').explanation).toBe('2 active days in the last 30')
		expect(by('activeDays').value).toBeCloseTo(2 / 12, 3)
	})

	test('recency decays with a 7-day half-life', () => {
		expect(willOf(signIns([0])).by('recency').value).toBe(1)
		expect(willOf(signIns([7])).by('recency').value).toBe(0.5)
		expect(willOf(signIns([14])).by('recency').value).toBe(0.25)
		expect(willOf(signIns([1])).by('recency').explanation).toBe('Last active yesterday')
		expect(willOf(signIns([14])).by('recency').explanation).toBe('Last active 14 days ago')
	})

	test('activity older than the window still says when, but earns almost nothing', () => {
		const { result, by } = willOf(signIns([200]))
		expect(by('recency').explanation).toBe('Last active 200 days ago')
		expect(by('activeDays').value).toBe(0)
		expect(result.score).toBe(0)
	})

	test('regularity is the share of weeks with activity', () => {
		expect(willOf(everyDay(0, 84, 7)).by('regularity').value).toBe(1)
		const { by } = willOf(signIns([0, 1, 2, 20]))
		expect(by('regularity').explanation).toBe('Active in 2 of the last 12 weeks')
		expect(by('regularity').value).toBeCloseTo(2 / 12, 3)
	})

	test('a user who joined ten days ago is judged on those two weeks only', () => {
		const { by } = willOf(signIns([1, 8]), { since: daysAgo(10) })
		expect(by('regularity').value).toBe(1)
		expect(by('regularity').explanation).toBe('Active in 2 of the last 2 weeks')
		expect(by('trend').value).toBe(1)
	})

	test('voluntary learning counts self-directed learning, not sign-ins or assigned work', () => {
		const events = [
			event('sign_in', 0),
			event('article_read', 0, 'article:a'),
			event('lesson_complete', 0, 'lesson:a', { voluntary: false }),
		]
		const { by } = willOf(events)
		expect(by('voluntary').explanation).toBe('1 self-directed learning action in the last 90 days')
		expect(by('voluntary').value).toBeCloseTo(1 / 10, 3)
	})

	test('trend: steady pace is 1, half the earlier pace is 0.5', () => {
		expect(willOf(everyDay(0, 90, 3)).by('trend').explanation).toBe('Activity steady or rising')
		// 30 active days in the 60 earlier days (0.5/day), 5 in the last 30 (1/6 per day): a third of the pace
		const falling = willOf([...everyDay(30, 90, 2), ...everyDay(0, 30, 6)]).by('trend')
		expect(falling.value).toBeCloseTo(1 / 3, 3)
		expect(falling.explanation).toBe('Activity in the last 30 days at 33% of the earlier pace')
		expect(willOf(signIns([2])).by('trend').explanation).toBe('New activity in the last 30 days')
		expect(willOf(signIns([40])).by('trend').value).toBe(0)
	})

	test('product usage minutes make a day active; zero minutes do not', () => {
		const { by } = willOf([], {
			productUsage: [
				{ day: dayString(0), activeMinutes: 30 },
				{ day: dayString(1), activeMinutes: 0 },
				{ day: dayString(2), activeMinutes: 12 },
			],
		})
		expect(by('activeDays').explanation).toBe('2 active days in the last 30')
		expect(by('recency').value).toBeGreaterThan(0.9)
	})
})

describe('extreme and malformed input', () => {
	test('10,000 events on one day are one active day; voluntary learning is capped', () => {
		const events = Array.from({ length: 10_000 }, (_, i) => event('article_read', 0, `article:${i}`))
		const { result, by } = willOf(events)
		expect(by('activeDays').value).toBeCloseTo(1 / 12, 3)
		expect(by('voluntary').value).toBe(1)
		expect(result.score).toBeLessThanOrEqual(100)
		expect(result.lowEvidence).toBe(true)
	})

	test('daily learning for the whole window scores 100', () => {
		const events = Array.from({ length: 90 }, (_, d) => event('lesson_complete', d, `lesson:${d}`))
		expect(willOf(events).result.score).toBe(100)
	})

	test('invalid dates are skipped and future dates count as today', () => {
		const events: ActivityEvent[] = [
			{ kind: 'sign_in', at: new Date(Number.NaN) },
			{ kind: 'sign_in', at: new Date(NOW.getTime() + 3 * 86_400_000) },
		]
		const { by } = willOf(events, { productUsage: [{ day: 'nope', activeMinutes: 50 }, { day: dayString(0), activeMinutes: Number.NaN }] })
		expect(by('activeDays').explanation).toBe('1 active day in the last 30')
		expect(by('recency').explanation).toBe('Last active today')
	})

	test('a different window size re-sizes the day buffer and still scores correctly', () => {
		const config = parseScoringConfig({ windowDays: 28, will: { activeDaysWindow: 14, activeDaysForFull: 7, trendRecentDays: 14 } })
		const short = scoreWill({ now: NOW, events: signIns([0, 1, 2, 3, 4, 5, 6, 40]) }, config)
		expect(short.components[0]!.explanation).toBe('7 active days in the last 14')
		expect(short.components[0]!.value).toBe(1)
		const normal = scoreWill({ now: NOW, events: signIns([0, 40]) })
		expect(normal.components[0]!.explanation).toBe('1 active day in the last 30')
	})

	test('random garbage never yields NaN or a score outside 0-100', () => {
		let seed = 7
		const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647
		for (let run = 0; run < 50; run++) {
			const events: ActivityEvent[] = Array.from({ length: 40 }, () => ({
				kind: (['sign_in', 'article_read', 'search', 'quiz_attempt'] as const)[Math.floor(random() * 4)]!,
				at: new Date(NOW.getTime() - (random() - 0.1) * 200 * 86_400_000),
				data: random() < 0.2 ? null : { voluntary: random() < 0.5 },
			}))
			const result = scoreWill({ now: NOW, events, since: new Date(NOW.getTime() - random() * 1e10) })
			expect(Number.isInteger(result.score)).toBe(true)
			expect(result.score).toBeGreaterThanOrEqual(0)
			expect(result.score).toBeLessThanOrEqual(100)
			for (const c of result.components) expect(Number.isFinite(c.value)).toBe(true)
		}
	})
})
