/**
 * The writes that bypass Prisma on SQLite (app/utils/sqlite-write.server.ts) store what Prisma
 * would: events that read back field by field as written, and scoring-queue rows by the same rules
 * as enqueueScoring.
 */
import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { recordEvents, type EventInput } from '#app/domain/engagement/record.server.ts'
import { enqueueScoring, enqueueScoringSqlite, userKey } from '#app/domain/scoring/queue.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { newRowId, sqliteWriter } from '#app/utils/sqlite-write.server.ts'
import { createAccount, createUser } from '#test/support/requests.ts'

const eventFields = { kind: true, userId: true, accountId: true, itemKey: true, data: true, occurredAt: true, clientEventId: true } as const

// SQLite only by nature: the PostgreSQL pass of the tests (TEST_DATABASE=postgresql) has no such connection.
describe.skipIf(process.env.TEST_DATABASE === 'postgresql')('writes through the SQLite write connection', () => {
	test('recordEvents with the plain client stores the rows Prisma stores inside a transaction', async () => {
		const account = await createAccount()
		const user = await createUser('CUSTOMER', { accountId: account.id })
		const at = new Date('2026-11-02T10:11:12.345Z')
		const input = (clientEventId: string): EventInput[] => [
			{ kind: 'quiz_attempt', userId: user.id, accountId: account.id, itemKey: 'quiz:p/q', data: { score: 80, passed: true }, occurredAt: at, clientEventId },
			{ kind: 'sign_in', userId: user.id, accountId: account.id },
		]
		const raw = randomUUID()
		const viaPrisma = randomUUID()
		expect(await recordEvents(prisma, input(raw))).toBe(2)
		expect(await prisma.$transaction((tx) => recordEvents(tx, input(viaPrisma)))).toBe(2)
		const row = (clientEventId: string) => prisma.engagementEvent.findUniqueOrThrow({ where: { clientEventId }, select: eventFields })
		expect(await row(raw)).toEqual({ ...(await row(viaPrisma)), clientEventId: raw })
		expect((await row(raw)).occurredAt).toEqual(at)
		// Without a time or a client id: now, and null.
		const signIns = await prisma.engagementEvent.findMany({ where: { userId: user.id, kind: 'sign_in' }, select: eventFields })
		expect(signIns).toHaveLength(2)
		for (const signIn of signIns) expect(signIn).toMatchObject({ clientEventId: null, itemKey: null, data: '{}' })
		expect(Math.abs(signIns[0]!.occurredAt.getTime() - signIns[1]!.occurredAt.getTime())).toBeLessThan(60_000)
		// Equal times are stored as equal text: range queries through Prisma find both.
		expect(await prisma.engagementEvent.count({ where: { userId: user.id, occurredAt: { gte: at, lte: at } } })).toBe(2)
		const ids = await prisma.engagementEvent.findMany({ where: { clientEventId: raw }, select: { id: true, createdAt: true, updatedAt: true } })
		expect(ids[0]!.id).toMatch(/^c[0-9a-z]{24}$/)
		expect(ids[0]!.createdAt.getTime()).toBeGreaterThan(Date.now() - 60_000)
	})

	test('the rescoring queue follows the rules of enqueueScoring, step by step', async () => {
		const [a, b] = [await createUser('CUSTOMER'), await createUser('CUSTOMER')]
		const viaPrisma = userKey(a.id)
		const viaSqlite = userKey(b.id)
		const now = new Date('2026-11-10T08:00:00.000Z')
		const steps = [
			{ reason: 'event', delayMs: 60_000, now },
			// Later due time: keeps the earlier one, bumps the version, takes the reason.
			{ reason: 'later', delayMs: 3_600_000, now },
			// Earlier due time: moves the row earlier.
			{ reason: 'console', delayMs: 0, now },
		]
		const row = (key: string) => prisma.scoringWork.findUniqueOrThrow({ where: { key }, select: { reason: true, version: true, runAfter: true, attempts: true } })
		const writer = sqliteWriter()!
		for (const step of steps) {
			await enqueueScoring(prisma, { key: viaPrisma, ...step })
			await writer.run((tx) => enqueueScoringSqlite(tx, [viaSqlite], step))
			expect(await row(viaSqlite)).toEqual(await row(viaPrisma))
		}
		// A row backing off after a failure keeps its back-off.
		const backOff = new Date('2026-11-10T09:00:00.000Z')
		await prisma.scoringWork.updateMany({ where: { key: { in: [viaPrisma, viaSqlite] } }, data: { attempts: 2, runAfter: backOff } })
		await enqueueScoring(prisma, { key: viaPrisma, reason: 'event', now })
		await writer.run((tx) => enqueueScoringSqlite(tx, [viaSqlite], { reason: 'event', now }))
		expect(await row(viaSqlite)).toEqual(await row(viaPrisma))
		expect((await row(viaSqlite)).runAfter).toEqual(backOff)
		await expect(writer.run((tx) => enqueueScoringSqlite(tx, ['nobody'], { reason: 'event' }))).rejects.toThrow(/Not a scoring key/)
	})

	test('work that throws rolls back whole and rejects', async () => {
		const user = await createUser('CUSTOMER')
		const writer = sqliteWriter()!
		const attempt = writer.run((tx) => {
			enqueueScoringSqlite(tx, [userKey(user.id)], { reason: 'event' })
			throw new Error('changed my mind')
		})
		await expect(attempt).rejects.toThrow('changed my mind')
		expect(await prisma.scoringWork.count({ where: { key: userKey(user.id) } })).toBe(0)
	})

	test('row ids are unique and increase within a millisecond and across them', () => {
		const t = Date.now()
		const ids = [newRowId(t), newRowId(t), newRowId(t), newRowId(t + 1), newRowId(t + 86_400_000)]
		expect(new Set(ids).size).toBe(ids.length)
		expect([...ids].sort()).toEqual(ids)
		for (const id of ids) expect(id).toHaveLength(25)
	})
})
