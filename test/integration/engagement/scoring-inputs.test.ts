import { describe, expect, test } from 'vitest'
import { importEvents } from '#app/domain/engagement/events-import.server.ts'
import { importSignals } from '#app/domain/engagement/signals-import.server.ts'
import { recordEvents } from '#app/domain/engagement/record.server.ts'
import { getCurrentUserScore } from '#app/domain/scoring/queries.server.ts'
import { rescoreUsers } from '#app/domain/scoring/recompute.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { articleSource, syncFixtureArticles } from '#test/support/content.ts'
import { NOW, world } from './helpers.ts'

const DAY = 86_400_000

function day(daysAgo: number) {
	return new Date(NOW.getTime() - daysAgo * DAY).toISOString().slice(0, 10)
}

describe('what the recompute feeds the scoring', () => {
	test("active days are counted in the account's time zone", async () => {
		const { account, users } = await world({ users: 1 })
		await prisma.user.update({ where: { id: users[0]!.id }, data: { createdAt: new Date(NOW.getTime() - 60 * DAY) } })
		// Twenty evenings at 23:30 and 00:30 UTC: two UTC days each, one evening in New York.
		const events = []
		for (let d = 2; d < 42; d += 2) {
			const late = new Date(Date.UTC(2026, 4, 31 - d, 23, 30))
			events.push({ kind: 'sign_in' as const, userId: users[0]!.id, accountId: account.id, occurredAt: late })
			events.push({ kind: 'sign_in' as const, userId: users[0]!.id, accountId: account.id, occurredAt: new Date(late.getTime() + 3_600_000) })
		}
		await recordEvents(prisma, events)
		await rescoreUsers([users[0]!.id], { now: NOW })
		const utc = await getCurrentUserScore(users[0]!.id)
		const utcDays = (utc!.breakdown!.will as unknown as { signals: { activeDays: number } }).signals.activeDays

		await prisma.account.update({ where: { id: account.id }, data: { timeZone: 'America/New_York' } })
		await rescoreUsers([users[0]!.id], { now: NOW })
		const local = await getCurrentUserScore(users[0]!.id)
		const localDays = (local!.breakdown!.will as unknown as { signals: { activeDays: number } }).signals.activeDays
		expect(localDays).toBeLessThan(utcDays)
		expect(localDays * 2).toBe(utcDays)
	})

	test('per-user product usage counts: feature adoption for skill, usage days for will', async () => {
		const { account, users } = await world({ users: 2 })
		const [used, silent] = users
		for (const u of users) await prisma.user.update({ where: { id: u!.id }, data: { createdAt: new Date(NOW.getTime() - 60 * DAY) } })
		const [usedRow] = await Promise.all([used, silent].map((u) => prisma.user.findUniqueOrThrow({ where: { id: u!.id }, select: { email: true } })))
		const rows = ['user,day,metric,value']
		for (let d = 0; d < 40; d++) rows.push(`${usedRow!.email},${day(d)},active_minutes,45`)
		rows.push(`${usedRow!.email},${day(1)},features_adopted,9`, `${usedRow!.email},${day(1)},features_available,10`)
		const report = await importSignals(rows.join('\n'), { format: 'csv' })
		expect(report.errors).toEqual([])
		expect(report.changedUserIds).toEqual([used!.id])

		await rescoreUsers([used!.id, silent!.id], { now: NOW })
		const withUsage = await getCurrentUserScore(used!.id)
		const without = await getCurrentUserScore(silent!.id)
		// Daily product use with no portal activity at all is its own channel: clearly there, but not the whole of will.
		expect(withUsage!.will).toBeGreaterThanOrEqual(30)
		expect(withUsage!.breakdown!.will.components.find((c) => c.key === 'product')).toMatchObject({ available: true, value: 1 })
		expect(without!.will).toBe(0)
		expect(withUsage!.skill).toBeGreaterThan(without!.skill)
		expect(withUsage!.breakdown!.skill.components.find((c) => c.key === 'features')!.explanation).toBe('Uses 9 of 10 product features (90%)')
		void account
	})

	test('the level of what someone reads comes from the content it names', async () => {
		const { report: sync } = await syncFixtureArticles({ 'deep-dive': articleSource('deep-dive').replace('productArea:', 'level: advanced\nproductArea:') })
		expect(sync.errors).toEqual([])
		const { users } = await world({ users: 1 })
		const email = (await prisma.user.findUniqueOrThrow({ where: { id: users[0]!.id }, select: { email: true } })).email
		const lines = [1, 2, 3, 4, 5, 6].map((d) => JSON.stringify({ id: `r${d}`, kind: 'article_read', user: email, occurredAt: new Date(NOW.getTime() - d * DAY).toISOString(), itemKey: 'article:deep-dive' }))
		const report = await importEvents(lines.join('\n'), { now: NOW })
		expect(report.errors).toEqual([])
		await rescoreUsers([users[0]!.id], { now: NOW })
		const score = await getCurrentUserScore(users[0]!.id)
		expect(score!.breakdown!.skill.components.find((c) => c.key === 'content')!.explanation).toBe('1 article or lesson used: 1 advanced')
	})
})
