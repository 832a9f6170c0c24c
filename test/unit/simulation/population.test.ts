import { describe, expect, test } from 'vitest'
import { EventDataSchema, isEventKind, ItemKeySchema } from '#app/domain/engagement/event-kinds.ts'
import {
	ACCOUNT_KIND_SHARES,
	accountTruth,
	ARCHETYPE_SHARES,
	generatePopulation,
	segmentOf,
	type SimUser,
} from '../../../scripts/lib/population.ts'

const DAY = 86_400_000
const end = new Date('2026-06-01T18:00:00Z')
const pop = generatePopulation({ accounts: 400, days: 60, seed: 4242, end })
const byArchetype = (a: SimUser['archetype']) => pop.users.filter((u) => u.archetype === a)
const eventsBetween = (u: SimUser, fromDaysBeforeEnd: number, toDaysBeforeEnd: number) =>
	u.events.filter((e) => e.at.getTime() >= end.getTime() - fromDaysBeforeEnd * DAY && e.at.getTime() < end.getTime() - toDaysBeforeEnd * DAY).length

describe('generatePopulation', () => {
	test('is deterministic for a seed and differs between seeds', () => {
		const a = generatePopulation({ accounts: 12, days: 30, seed: 7, end })
		const b = generatePopulation({ accounts: 12, days: 30, seed: 7, end })
		const c = generatePopulation({ accounts: 12, days: 30, seed: 8, end })
		expect(JSON.stringify(a)).toBe(JSON.stringify(b))
		expect(JSON.stringify(a.users.map((u) => u.events))).not.toBe(JSON.stringify(c.users.map((u) => u.events)))
	})

	test('an account is the same whatever the population size', () => {
		const small = generatePopulation({ accounts: 3, days: 30, seed: 7, end })
		const large = generatePopulation({ accounts: 12, days: 30, seed: 7, end })
		expect(JSON.stringify(large.accounts.slice(0, 3))).toBe(JSON.stringify(small.accounts))
	})

	test('account kinds and archetypes come in roughly the configured shares', () => {
		for (const [kind, share] of Object.entries(ACCOUNT_KIND_SHARES)) {
			const seen = pop.accounts.filter((a) => a.kind === kind).length / pop.accounts.length
			expect(Math.abs(seen - share), kind).toBeLessThan(0.05)
		}
		const mixedUsers = pop.accounts.filter((a) => a.kind === 'mixed').flatMap((a) => a.users)
		for (const [archetype, share] of Object.entries(ARCHETYPE_SHARES.mixed)) {
			const seen = mixedUsers.filter((u) => u.archetype === archetype).length / mixedUsers.length
			expect(Math.abs(seen - share!), archetype).toBeLessThan(0.04)
		}
		const champions = pop.accounts.filter((a) => a.kind === 'champions')
		for (const account of champions) {
			const count = account.users.filter((u) => u.archetype === 'champion').length
			expect(count).toBeGreaterThanOrEqual(1)
			expect(count).toBeLessThanOrEqual(2)
		}
	})

	test('every segment occurs among accounts and users', () => {
		for (const segment of ['HIGH_PERFORMER', 'UNTRAINED', 'UNMOTIVATED', 'NEED_TO_EXIT'] as const) {
			expect(pop.accounts.filter((a) => a.truth.segment === segment).length, segment).toBeGreaterThan(pop.accounts.length * 0.1)
			expect(pop.users.filter((u) => u.truth.segment === segment).length, segment).toBeGreaterThan(pop.users.length * 0.1)
		}
	})

	test('a skilled user who rarely engages has high skill and low end will, shows up rarely and aces hard tests', () => {
		const experts = byArchetype('dormant_expert')
		expect(experts.length).toBeGreaterThan(50)
		for (const u of experts) {
			expect(u.skill).toBeGreaterThanOrEqual(0.6)
			expect(u.will).toBeLessThanOrEqual(0.3)
			expect(u.truth.segment).toBe('UNMOTIVATED')
		}
		const activeDays = experts.map((u) => new Set(u.events.map((e) => e.at.toISOString().slice(0, 10))).size)
		expect(median(activeDays)).toBeLessThanOrEqual(5)
		const hard = experts.flatMap((u) => u.events.filter((e) => e.kind === 'quiz_attempt' && /sim-expert|sim-admin-expert|sim-data-modelling|sim-governance/.test(e.itemKey ?? '')))
		expect(hard.length).toBeGreaterThan(experts.length * 0.3)
		expect(median(hard.map((e) => Number(e.data.score)))).toBeGreaterThanOrEqual(75)
	})

	test('a fading user is active early and quiet late; a late starter the reverse', () => {
		const fading = byArchetype('fading')
		expect(fading.length).toBeGreaterThan(50)
		for (const u of fading) expect(u.willStart).toBeGreaterThan(u.will)
		const early = fading.reduce((s, u) => s + eventsBetween(u, 60, 45), 0)
		const late = fading.reduce((s, u) => s + eventsBetween(u, 15, 0), 0)
		expect(early).toBeGreaterThan(late * 3)
		const starters = byArchetype('late_starter')
		const startersEarly = starters.reduce((s, u) => s + eventsBetween(u, 60, 45), 0)
		const startersLate = starters.reduce((s, u) => s + eventsBetween(u, 15, 0), 0)
		expect(startersLate).toBeGreaterThan(startersEarly * 5)
	})

	test('readers read much and test little; skill shows in the level of what they read', () => {
		const readers = byArchetype('reader')
		const steady = byArchetype('steady')
		const per = (users: SimUser[], kind: string) => users.reduce((s, u) => s + u.events.filter((e) => e.kind === kind).length, 0) / users.length
		expect(per(readers, 'article_view')).toBeGreaterThan(per(steady, 'article_view') * 2)
		expect(per(readers, 'quiz_attempt')).toBeLessThan(per(steady, 'quiz_attempt') / 2)
		const advancedShare = (users: SimUser[]) => {
			const views = users.flatMap((u) => u.events.filter((e) => e.kind === 'article_view'))
			return views.filter((e) => e.itemKey!.includes('-advanced-')).length / views.length
		}
		expect(advancedShare(readers.filter((u) => u.skill >= 0.7))).toBeGreaterThan(advancedShare(readers.filter((u) => u.skill < 0.3)) * 2)
	})

	test('events are valid, in time order and inside the period', () => {
		const problems: string[] = []
		for (const u of pop.users) {
			let previous = 0
			for (const e of u.events) {
				const at = e.at.getTime()
				if (!isEventKind(e.kind)) problems.push(`${u.id}: kind ${e.kind}`)
				if (e.itemKey !== null && !ItemKeySchema.safeParse(e.itemKey).success) problems.push(`${u.id}: itemKey ${e.itemKey}`)
				if (!EventDataSchema.safeParse(e.data).success) problems.push(`${u.id}: data ${JSON.stringify(e.data)}`)
				if (at < pop.start.getTime() || at > end.getTime()) problems.push(`${u.id}: ${e.at.toISOString()} outside the period`)
				if (at < previous) problems.push(`${u.id}: out of order at ${e.at.toISOString()}`)
				previous = at
			}
		}
		expect(problems.slice(0, 5)).toEqual([])
	})

	test('some rows leave out quiz difficulty and content level', () => {
		const quizzes = pop.users.flatMap((u) => u.events.filter((e) => e.kind === 'quiz_attempt'))
		const withDifficulty = quizzes.filter((e) => e.data.difficulty !== undefined).length
		expect(withDifficulty).toBeGreaterThan(quizzes.length * 0.3)
		expect(withDifficulty).toBeLessThan(quizzes.length * 0.95)
		const views = pop.users.flatMap((u) => u.events.filter((e) => e.kind === 'article_view'))
		const withLevel = views.filter((e) => e.data.level !== undefined).length
		expect(withLevel).toBeGreaterThan(0)
		expect(withLevel).toBeLessThan(views.length * 0.9)
	})

	test('activity follows local working hours, so some accounts split across UTC days', () => {
		const tokyo = pop.accounts.filter((a) => a.timeZone === 'Asia/Tokyo').flatMap((a) => a.users.flatMap((u) => u.events))
		expect(tokyo.length).toBeGreaterThan(0)
		// 09:00-18:00 in Tokyo is 00:00-09:00 UTC: few events in the UTC afternoon.
		const utcAfternoon = tokyo.filter((e) => e.at.getUTCHours() >= 12 && e.at.getUTCHours() < 20).length
		expect(utcAfternoon).toBeLessThan(tokyo.length * 0.15)
		expect(new Set(pop.accounts.map((a) => a.timeZone.split('/')[0])).size).toBe(4)
	})

	test("an account's truth: skill of the people who use it, will of every seat", () => {
		const users = [
			{ skill: 0.9, will: 0.9, archetype: 'champion' as const },
			{ skill: 0.1, will: 0.02, archetype: 'idle_seat' as const },
			{ skill: 0.1, will: 0.02, archetype: 'idle_seat' as const },
		]
		const truth = accountTruth(users)
		expect(truth.skill).toBeCloseTo(0.9)
		expect(truth.will).toBeCloseTo((0.9 + 0.04) / 3)
		expect(truth.segment).toBe('UNMOTIVATED')
		expect(segmentOf(0.5, 0.5)).toBe('HIGH_PERFORMER')
		expect(segmentOf(0.49, 0.5)).toBe('UNTRAINED')
	})

	test('product usage: skill shows in features adopted, will in how often', () => {
		const rows = pop.users.filter((u) => u.usage.some((d) => d.featuresAdopted !== undefined))
		const share = (u: SimUser) => {
			const last = [...u.usage].reverse().find((d) => d.featuresAdopted !== undefined)!
			return last.featuresAdopted! / last.featuresAvailable!
		}
		const high = rows.filter((u) => u.skill >= 0.7 && u.archetype !== 'idle_seat')
		const low = rows.filter((u) => u.skill < 0.3 && u.archetype !== 'idle_seat')
		expect(mean(high.map(share))).toBeGreaterThan(mean(low.map(share)) + 0.3)
		const usersWithUsage = pop.accounts.filter((a) => a.usageSource === 'user').flatMap((a) => a.users)
		const keen = usersWithUsage.filter((u) => u.will >= 0.7 && u.archetype === 'steady')
		const reluctant = usersWithUsage.filter((u) => u.will < 0.3 && u.archetype === 'steady')
		expect(mean(keen.map((u) => u.usage.length))).toBeGreaterThan(mean(reluctant.map((u) => u.usage.length)) * 2)
	})
})

function median(xs: number[]) {
	const s = [...xs].sort((a, b) => a - b)
	return s[Math.floor(s.length / 2)] ?? 0
}
function mean(xs: number[]) {
	return xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length)
}
