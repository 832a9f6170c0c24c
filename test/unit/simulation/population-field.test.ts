import { describe, expect, test } from 'vitest'
import { EventDataSchema, EventKindSchema, ItemKeySchema } from '#app/domain/engagement/event-kinds.ts'
import { generateFieldPopulation } from '../../../scripts/lib/population-field.ts'
import { ARCHETYPES, ACCOUNT_KINDS, segmentOf } from '../../../scripts/lib/population.ts'

const DAY = 86_400_000
const end = new Date('2026-06-01T18:00:00Z')
const pop = generateFieldPopulation({ accounts: 300, days: 60, seed: 11, end })
const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length

describe('generateFieldPopulation', () => {
	test('is deterministic for a seed and differs between seeds', () => {
		const a = generateFieldPopulation({ accounts: 10, days: 30, seed: 5, end })
		const b = generateFieldPopulation({ accounts: 10, days: 30, seed: 5, end })
		const c = generateFieldPopulation({ accounts: 10, days: 30, seed: 6, end })
		expect(JSON.stringify(a)).toBe(JSON.stringify(b))
		expect(JSON.stringify(a.users.map((u) => u.events))).not.toBe(JSON.stringify(c.users.map((u) => u.events)))
	})

	test('the period is [end - days, end] and every event is inside it, in time order, after the user joined', () => {
		expect(pop.end.getTime()).toBe(end.getTime())
		expect(pop.start.getTime()).toBe(end.getTime() - 60 * DAY)
		const bad: string[] = []
		for (const user of pop.users) {
			for (let i = 0; i < user.events.length; i++) {
				const t = user.events[i].at.getTime()
				if (t < pop.start.getTime() || t > pop.end.getTime()) bad.push(`${user.id} #${i} outside the period`)
				if (t < user.joinedAt.getTime()) bad.push(`${user.id} #${i} before joining`)
				if (i > 0 && t < user.events[i - 1].at.getTime()) bad.push(`${user.id} #${i} out of order`)
			}
		}
		expect(bad).toEqual([])
	})

	test('event kinds, item keys and data are valid, and item keys resolve in the catalogue', () => {
		const keys = new Set<string>()
		for (const a of pop.catalogue.articles) keys.add(`article:${a.slug}`)
		const lessons = new Set<string>()
		for (const p of pop.catalogue.paths) {
			keys.add(`path:${p.slug}`)
			keys.add(`quiz:${p.slug}/${p.quizKey}`)
			expect(p.passMark).toBeGreaterThanOrEqual(60)
			expect(p.passMark).toBeLessThanOrEqual(80)
			for (const l of p.lessons) {
				keys.add(`lesson:${p.slug}/${l.slug}`)
				lessons.add(`${p.slug}.${l.slug}`)
			}
		}
		for (const a of pop.catalogue.assessments) keys.add(`assessment:${a.key}`)
		const seen = new Set<string>()
		const bad: string[] = []
		const fail = (why: string, event: { kind: string; itemKey: string | null; data: unknown }) => bad.push(`${why}: ${event.kind} ${event.itemKey} ${JSON.stringify(event.data)}`)
		for (const user of pop.users) {
			for (const event of user.events) {
				seen.add(event.kind)
				if (!EventKindSchema.safeParse(event.kind).success) fail('kind', event)
				if (!EventDataSchema.safeParse(event.data).success) fail('data', event)
				if (event.itemKey === null) {
					if (event.kind !== 'sign_in' && event.kind !== 'search') fail('no item', event)
					if (event.kind === 'search' && typeof event.data.q !== 'string') fail('search without q', event)
					continue
				}
				if (!ItemKeySchema.safeParse(event.itemKey).success) fail('item key', event)
				if (event.kind === 'check_answer') {
					// check:<pathSlug>.<lessonSlug>.q<n>: a question inside a catalogue lesson
					const match = /^check:(.+)\.(lesson-\d+)\.q\d+$/.exec(event.itemKey)
					if (!match || !lessons.has(`${match[1]}.${match[2]}`)) fail('unknown check', event)
					if (typeof event.data.correct !== 'boolean') fail('check without correct', event)
				} else if (!keys.has(event.itemKey)) fail('not in the catalogue', event)
				if (event.kind === 'quiz_attempt') {
					const score = event.data.score
					if (!/^(quiz|assessment):/.test(event.itemKey)) fail('quiz item', event)
					if (typeof score !== 'number' || score < 0 || score > 100) fail('score', event)
				}
			}
		}
		expect(bad.slice(0, 10)).toEqual([])
		for (const kind of ['sign_in', 'article_view', 'article_read', 'search', 'lesson_complete', 'quiz_attempt', 'check_answer', 'path_enrol', 'path_complete', 'certificate_issued']) {
			expect(seen.has(kind), kind).toBe(true)
		}
		const quizzes = pop.users.flatMap((u) => u.events.filter((e) => e.kind === 'quiz_attempt'))
		// Some, not all, quiz events carry difficulty, pass mark and voluntary=false; some article events their level.
		expect(quizzes.some((e) => e.data.difficulty !== undefined) && quizzes.some((e) => e.data.difficulty === undefined)).toBe(true)
		expect(quizzes.some((e) => e.data.passMark !== undefined) && quizzes.some((e) => e.data.passMark === undefined)).toBe(true)
		expect(quizzes.some((e) => e.data.voluntary === false)).toBe(true)
		const views = pop.users.flatMap((u) => u.events.filter((e) => e.kind === 'article_view'))
		expect(views.some((e) => e.data.level !== undefined) && views.some((e) => e.data.level === undefined)).toBe(true)
	})

	test('truths are computed as specified and segments follow segmentOf', () => {
		for (const user of pop.users) {
			expect(ARCHETYPES).toContain(user.archetype)
			for (const x of [user.skill, user.will, user.willStart]) {
				expect(x).toBeGreaterThanOrEqual(0)
				expect(x).toBeLessThanOrEqual(1)
			}
			expect(user.truth.segment).toBe(segmentOf(user.skill, user.will))
		}
		for (const account of pop.accounts) {
			expect(ACCOUNT_KINDS).toContain(account.kind)
			expect(account.seats).toBeGreaterThanOrEqual(account.users.length)
			const using = account.users.filter((u) => u.archetype !== 'idle_seat')
			expect(account.truth.skill).toBeCloseTo(mean(using.map((u) => u.skill)), 2)
			expect(account.truth.will).toBeCloseTo(mean(account.users.map((u) => u.will)), 2)
			expect(account.truth.segment).toBe(segmentOf(account.truth.skill, account.truth.will))
			for (const user of account.users) expect(user.accountId).toBe(account.id)
		}
	})

	test('every segment is present among at least 12% of accounts, and truths spread over the scale', () => {
		for (const segment of ['HIGH_PERFORMER', 'UNTRAINED', 'UNMOTIVATED', 'NEED_TO_EXIT'] as const) {
			expect(pop.accounts.filter((a) => a.truth.segment === segment).length, segment).toBeGreaterThan(pop.accounts.length * 0.12)
		}
		for (const axis of ['skill', 'will'] as const) {
			const values = pop.accounts.map((a) => a.truth[axis])
			const bands = [0, 0.25, 0.5, 0.75, 1.01].slice(1).map((hi, i) => values.filter((v) => v >= [0, 0.25, 0.5, 0.75][i] && v < hi).length)
			for (const band of bands) expect(band, axis).toBeGreaterThan(pop.accounts.length * 0.05)
		}
	})

	test('usage sources, local days, time zones and account rows are consistent', () => {
		const sources = new Set(pop.accounts.map((a) => a.usageSource))
		expect([...sources].sort()).toEqual(['account', 'none', 'user'])
		expect(new Set(pop.accounts.map((a) => a.timeZone)).size).toBeGreaterThan(8)
		for (const account of pop.accounts) {
			expect(() => new Intl.DateTimeFormat('en-US', { timeZone: account.timeZone })).not.toThrow()
			if (account.usageSource === 'none') expect(account.usage).toEqual([])
			if (account.usageSource !== 'user') for (const u of account.users) expect(u.usage).toEqual([])
			const days = new Set<string>()
			for (const row of account.usage) {
				expect(row.day).toMatch(/^\d{4}-\d{2}-\d{2}$/)
				expect(days.has(row.day)).toBe(false)
				days.add(row.day)
				expect(row.activeUsers).toBeLessThanOrEqual(account.users.length)
				if (row.featuresAdopted !== undefined) expect(row.featuresAdopted).toBeLessThanOrEqual(row.featuresAvailable!)
			}
			if (account.usageSource === 'user') {
				// The account's daily active users are the people with a usage row that local day.
				for (const row of account.usage) {
					const active = account.users.filter((u) => u.usage.some((d) => d.day === row.day))
					expect(row.activeUsers).toBe(active.length)
					expect(row.activeMinutes).toBe(active.reduce((s, u) => s + u.usage.find((d) => d.day === row.day)!.activeMinutes, 0))
				}
			}
			for (const user of account.users) if (user.archetype === 'idle_seat') expect(user.usage).toEqual([])
		}
	})

	test('behaviour follows the latent traits', () => {
		const active = pop.users.filter((u) => u.archetype !== 'idle_seat')
		const rate = (us: typeof active) => mean(us.map((u) => u.events.length))
		expect(rate(active.filter((u) => u.will >= 0.6))).toBeGreaterThan(2 * rate(active.filter((u) => u.will < 0.3)))
		// Fading people did most of their visiting in the first half, late starters in the second.
		const half = pop.start.getTime() + 30 * DAY
		const share = (us: typeof active) => mean(us.filter((u) => u.events.length > 4).map((u) => u.events.filter((e) => e.at.getTime() < half).length / u.events.length))
		expect(share(active.filter((u) => u.archetype === 'fading'))).toBeGreaterThan(0.6)
		expect(share(active.filter((u) => u.archetype === 'late_starter'))).toBeLessThan(0.4)
		// Quiz scores rise with skill on the same difficulty.
		const scores = (lo: number, hi: number) =>
			mean(pop.users.filter((u) => u.skill >= lo && u.skill < hi).flatMap((u) => u.events.filter((e) => e.kind === 'quiz_attempt' && e.itemKey?.startsWith('quiz:')).map((e) => e.data.score as number)))
		expect(scores(0.7, 1.01)).toBeGreaterThan(scores(0, 0.3) + 15)
	})
})
