import { describe, expect, test } from 'vitest'
import { type ActivityEvent, type ProductUsageDay } from '#app/domain/scoring/inputs.ts'
import { scoreWill } from '#app/domain/scoring/will.ts'
import { dayString, daysAgo, event, NOW } from './activity-builders.ts'

const DAY = 86_400_000

/** A learning day (an article read) on every `step`-th day in [from, to) days ago. */
function days(from: number, to: number, step = 1, kind: ActivityEvent['kind'] = 'article_read'): ActivityEvent[] {
	const events: ActivityEvent[] = []
	for (let d = from; d < to; d += step) events.push(event(kind, d, `article:a-${d}`))
	return events
}

const since = daysAgo(120)

describe('scoreWill: behaviour over time', () => {
	test('no history: 0, every component says so', () => {
		const result = scoreWill({ now: NOW, events: [], since })
		expect(result.score).toBe(0)
		expect(result.summary).toBe('No activity yet')
		expect(result.signals.daysSince).toBeNull()
	})

	test('a weekly visitor is low will, not the middle', () => {
		const weekly = scoreWill({ now: NOW, events: days(0, 56, 7, 'sign_in'), since })
		expect(weekly.score).toBeLessThan(35)
	})

	test('near-daily self-directed learning is high will', () => {
		const daily = scoreWill({ now: NOW, events: days(0, 56, 1), since })
		expect(daily.score).toBeGreaterThanOrEqual(90)
	})

	test('two days a week, one of them learning, is above the line; three is higher', () => {
		const two = scoreWill({ now: NOW, events: days(0, 56, 7).concat(days(3, 56, 7, 'sign_in')), since })
		expect(two.score).toBeGreaterThanOrEqual(50)
		expect(two.score).toBeLessThanOrEqual(85)
		const three = scoreWill({ now: NOW, events: days(0, 56, 7).concat(days(2, 56, 7)).concat(days(4, 56, 7, 'sign_in')), since })
		expect(three.score).toBeGreaterThan(two.score)
		expect(three.score).toBeGreaterThanOrEqual(50)
	})

	test('self-directed learning counts for more than signing in', () => {
		const learning = scoreWill({ now: NOW, events: days(0, 56, 2), since })
		const signingIn = scoreWill({ now: NOW, events: days(0, 56, 2, 'sign_in'), since })
		expect(learning.score).toBeGreaterThan(signingIn.score)
		// Assigned learning is not self-directed.
		const assigned = scoreWill({ now: NOW, events: days(0, 56, 2).map((e) => ({ ...e, data: { voluntary: false } })), since })
		expect(assigned.score).toBe(signingIn.score)
	})

	test('a sustained decline moves a motivated user below the line within four weeks', () => {
		// Daily learning for two months, then nothing: score as the weeks of silence pass.
		const history = (quietDays: number) => {
			const now = new Date(NOW.getTime() + quietDays * DAY)
			return scoreWill({ now, events: days(0, 60, 1), since }).score
		}
		expect(history(0)).toBeGreaterThanOrEqual(80)
		const weeksToDrop = [7, 14, 21, 28].find((d) => history(d) < 50)
		expect(weeksToDrop).toBeDefined()
		expect(weeksToDrop!).toBeLessThanOrEqual(28)
	})

	test('a late starter who is busy now is high will despite a quiet start', () => {
		const result = scoreWill({ now: NOW, events: days(0, 21, 1), since })
		expect(result.score).toBeGreaterThanOrEqual(70)
	})

	test('a burst of clicks on one day is one active day', () => {
		const burst = Array.from({ length: 40 }, (_, i) => ({ ...event('article_read', 3, `article:${i}`) }))
		expect(scoreWill({ now: NOW, events: burst, since }).signals.activeDays).toBe(1)
	})

	test("active days are the account's local days", () => {
		// 23:30 UTC and 00:30 UTC the next day: two UTC days, one day in New York (19:30 and 20:30).
		const late = new Date(Date.UTC(2026, 4, 20, 23, 30))
		const early = new Date(late.getTime() + 3_600_000)
		const events: ActivityEvent[] = [
			{ kind: 'article_read', at: late, itemKey: 'article:a' },
			{ kind: 'article_read', at: early, itemKey: 'article:b' },
		]
		expect(scoreWill({ now: NOW, events, since }).signals.activeDays).toBe(2)
		expect(scoreWill({ now: NOW, events, since, timeZone: 'America/New_York' }).signals.activeDays).toBe(1)
		// An unknown zone counts as UTC rather than failing.
		expect(scoreWill({ now: NOW, events, since, timeZone: 'Mars/Olympus' }).signals.activeDays).toBe(2)
	})

	test('product use is its own channel: a weekly row marks the days it reports, portal days stay apart', () => {
		const daily: ProductUsageDay[] = Array.from({ length: 20 }, (_, d) => ({ day: dayString(d), activeMinutes: 30 }))
		const inProduct = scoreWill({ now: NOW, events: [], since, productUsage: daily }).signals
		expect(inProduct.activeDays).toBe(0)
		expect(inProduct.productFrequency).toBeGreaterThan(0.5)
		const weekly: ProductUsageDay[] = [{ day: dayString(13), periodDays: 7, activeDays: 3, activeMinutes: 90 }]
		const fromWeekly = scoreWill({ now: NOW, events: [], since, productUsage: weekly }).signals.productFrequency!
		const threeDays = scoreWill({ now: NOW, events: [], since, productUsage: [7, 9, 11].map((d) => ({ day: dayString(d), activeMinutes: 30 })) }).signals.productFrequency!
		expect(fromWeekly).toBeGreaterThan(0)
		expect(fromWeekly).toBeCloseTo(threeDays, 1)
		const zero: ProductUsageDay[] = [{ day: dayString(2), activeMinutes: 0 }]
		expect(scoreWill({ now: NOW, events: [], since, productUsage: zero }).signals.productFrequency).toBe(0)
	})

	test('without product data will reads from the portal alone, on the same scale', () => {
		const portal = days(0, 56, 4)
		const without = scoreWill({ now: NOW, events: portal, since })
		expect(without.signals.productFrequency).toBeNull()
		expect(without.components.find((c) => c.key === 'product')).toMatchObject({ available: false, weight: 0 })
		// A typical product user with the same portal habits is not more motivated just because the product reports them.
		const typical = Array.from({ length: 56 }, (_, d) => d).filter((d) => d % 2 === 0).map((d) => ({ day: dayString(d), activeMinutes: 20 }))
		const withProduct = scoreWill({ now: NOW, events: portal, since, productUsage: typical })
		expect(Math.abs(withProduct.score - without.score)).toBeLessThanOrEqual(12)
		// Daily product use on top of the same portal habits does show more will; no product use at all shows less.
		const everyDay = Array.from({ length: 56 }, (_, d) => ({ day: dayString(d), activeMinutes: 60 }))
		expect(scoreWill({ now: NOW, events: portal, since, productUsage: everyDay }).score).toBeGreaterThan(without.score)
		const never = [{ day: dayString(100), activeMinutes: 30 }]
		expect(scoreWill({ now: NOW, events: portal, since, productUsage: never }).score).toBeLessThan(without.score)
	})

	test('a new user is not judged yet: not enough evidence', () => {
		const fresh = scoreWill({ now: NOW, events: days(0, 3, 1), since: daysAgo(3) })
		expect(fresh.lowEvidence).toBe(true)
		const settled = scoreWill({ now: NOW, events: days(0, 3, 1), since: daysAgo(40) })
		expect(settled.lowEvidence).toBe(false)
	})

	test('every component explains itself', () => {
		const result = scoreWill({ now: NOW, events: days(0, 30, 3), since })
		for (const c of result.components) expect(c.explanation.length).toBeGreaterThan(5)
		expect(result.components.map((c) => c.key)).toEqual(['frequency', 'product', 'recency', 'regularity', 'selfDirected', 'trend'])
	})

	test('invalid dates are skipped', () => {
		const result = scoreWill({ now: NOW, events: [{ kind: 'sign_in', at: new Date('nope') }, ...days(0, 5, 1)], since })
		expect(Number.isFinite(result.score)).toBe(true)
		expect(result.signals.activeDays).toBe(5)
	})
})
