/**
 * The group commit's behaviour, run twice: on SQLite's prepared-statement path
 * (group-commit.test.ts) and on the Prisma path PostgreSQL takes (group-commit-prisma-path.test.ts).
 */
import { randomUUID } from 'node:crypto'
import { beforeAll, expect, test } from 'vitest'
import { EventGroupCommit, type GroupEvent } from '#app/domain/engagement/group-commit.server.ts'
import { userKey } from '#app/domain/scoring/queue.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { sqliteRead } from '#app/utils/sqlite-read.server.ts'
import { createAccount, createUser } from '#test/support/requests.ts'

export function groupCommitCases() {
	let people: Array<{ id: string; accountId: string }>
	let staff: { id: string }
	beforeAll(async () => {
		const account = await createAccount()
		people = []
		for (let i = 0; i < 5; i++) people.push({ id: (await createUser('CUSTOMER', { accountId: account.id })).id, accountId: account.id })
		staff = await createUser('CSM')
	})

	const event = (user: { id: string; accountId?: string | null }, over: Partial<GroupEvent> = {}): GroupEvent => ({
		kind: 'video_play',
		userId: user.id,
		accountId: user.accountId ?? null,
		itemKey: 'video:tour',
		data: { seconds: 3 },
		occurredAt: new Date(),
		clientEventId: randomUUID(),
		...over,
	})

	const stored = (ids: string[]) => prisma.engagementEvent.count({ where: { clientEventId: { in: ids } } })
	// From another connection, which sees committed rows only: SQLite's read connection, at once; on
	// PostgreSQL (no read connection) a query from Prisma's pool, which is another connection there.
	const committed = async (id: string) => {
		const read = sqliteRead('SELECT count(*) FROM "EngagementEvent" WHERE "clientEventId" = ?')
		return read ? Number(read.pluck().get(id)) : prisma.engagementEvent.count({ where: { clientEventId: id } })
	}

	test('concurrent requests share transactions and each gets its own counts, after the commit', async () => {
		const batcher = new EventGroupCommit({ windowMs: 5, maxEvents: 500 })
		const submissions = Array.from({ length: 40 }, (_, i) => [event(people[i % people.length]!), event(people[(i + 1) % people.length]!)])
		const outcomes = await Promise.all(submissions.map((events) => batcher.submit(events)))
		expect(outcomes).toEqual(submissions.map(() => ({ recorded: 2, duplicates: 0 })))
		// Acknowledged means committed: every event is readable by another query now.
		expect(await stored(submissions.flat().map((e) => e.clientEventId!))).toBe(80)
		// 40 requests, a handful of transactions (one per window, not one per request).
		expect(batcher.stats.events).toBe(80)
		expect(batcher.stats.batches).toBeGreaterThan(0)
		expect(batcher.stats.batches).toBeLessThanOrEqual(4)
	})

	test('each request is answered only once its events are committed, in the order the requests came', async () => {
		const batcher = new EventGroupCommit({ windowMs: 1, maxEvents: 3 })
		const answered: number[] = []
		const visibleWhenAnswered: number[] = []
		// maxEvents 3: twelve requests of two events make several batches, one committing at a time.
		const submissions = Array.from({ length: 12 }, (_, i) => [event(people[i % people.length]!), event(people[(i + 2) % people.length]!)])
		await Promise.all(
			submissions.map((events, i) =>
				batcher.submit(events).then(async () => {
					answered.push(i)
					// Seen from another connection at the moment of the answer: on disk, not only in a transaction.
					const counts = await Promise.all(events.map((e) => committed(e.clientEventId!)))
					visibleWhenAnswered.push(counts.filter((count) => count === 1).length)
				}),
			),
		)
		expect(answered).toEqual(submissions.map((_, i) => i))
		expect(visibleWhenAnswered).toEqual(submissions.map(() => 2))
		expect(batcher.stats.batches).toBeGreaterThan(1)
	})

	test('a client id already stored, or twice in one batch, is a duplicate and stored once', async () => {
		const batcher = new EventGroupCommit({ windowMs: 5, maxEvents: 500 })
		const first = event(people[0]!)
		expect(await batcher.submit([first])).toEqual({ recorded: 1, duplicates: 0 })
		const again = event(people[1]!)
		const [retry, a, b] = await Promise.all([batcher.submit([first]), batcher.submit([again]), batcher.submit([{ ...again }])])
		expect(retry).toEqual({ recorded: 0, duplicates: 1 })
		// The earlier request wins the id.
		expect([a, b]).toEqual([{ recorded: 1, duplicates: 0 }, { recorded: 0, duplicates: 1 }])
		expect(await stored([first.clientEventId!, again.clientEventId!])).toBe(2)
		// Twice within one request: counted once.
		const twice = event(people[2]!)
		expect(await batcher.submit([twice, { ...twice }])).toEqual({ recorded: 1, duplicates: 1 })
	})

	test('a view counts once per visit: a repeat within the window, in the batch or already stored, is a duplicate', async () => {
		const batcher = new EventGroupCommit({ windowMs: 5, maxEvents: 500 })
		const reader = people[2]!
		const now = new Date()
		const view = (at: Date) => event(reader, { kind: 'article_view', itemKey: 'article:group-guide', occurredAt: at, onceSince: new Date(at.getTime() - 30 * 60_000) })
		const [one, two] = await Promise.all([batcher.submit([view(now)]), batcher.submit([view(now)])])
		expect([one, two]).toEqual([{ recorded: 1, duplicates: 0 }, { recorded: 0, duplicates: 1 }])
		expect(await batcher.submit([view(new Date(now.getTime() + 10 * 60_000))])).toEqual({ recorded: 0, duplicates: 1 })
		// A visit after the window counts; another article or another reader in the same batch counts too.
		const later = view(new Date(now.getTime() + 31 * 60_000))
		const other = { ...view(now), itemKey: 'article:other-guide' }
		const someoneElse = event(people[3]!, { kind: 'article_view', itemKey: 'article:group-guide', onceSince: new Date(now.getTime() - 30 * 60_000) })
		const outcomes = await Promise.all([batcher.submit([later]), batcher.submit([other]), batcher.submit([someoneElse])])
		expect(outcomes).toEqual([1, 1, 1].map((recorded) => ({ recorded, duplicates: 0 })))
		expect(await prisma.engagementEvent.count({ where: { userId: reader.id, kind: 'article_view', itemKey: 'article:group-guide' } })).toBe(2)
	})

	test('a submission that cannot be written fails alone, with its rescoring; the others in its batch are recorded', async () => {
		const batcher = new EventGroupCommit({ windowMs: 5, maxEvents: 500 })
		await prisma.scoringWork.deleteMany({})
		const good = [event(people[0]!), event(people[4]!)]
		// A real person's event and an unknown user's in one request: neither is stored.
		const mixed = [event(people[3]!), event({ id: 'no-such-user' })]
		const results = await Promise.allSettled([batcher.submit([good[0]!]), batcher.submit(mixed), batcher.submit([good[1]!])])
		expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
		expect(await stored(good.map((e) => e.clientEventId!))).toBe(2)
		expect(await stored(mixed.map((e) => e.clientEventId!))).toBe(0)
		const keys = (await prisma.scoringWork.findMany({ select: { key: true } })).map((w) => w.key).sort()
		expect(keys).toEqual([userKey(people[0]!.id), userKey(people[4]!.id)].sort())
	})

	test('customers with an account are queued for rescoring in the same transaction, once a batch; staff are not', async () => {
		const batcher = new EventGroupCommit({ windowMs: 5, maxEvents: 500 })
		await prisma.scoringWork.deleteMany({})
		await Promise.all([batcher.submit([event(people[1]!)]), batcher.submit([event(people[1]!), event(staff)]), batcher.submit([event(staff)])])
		expect(batcher.stats.batches).toBe(1)
		const rows = await prisma.scoringWork.findMany({ select: { key: true, version: true, reason: true, runAfter: true } })
		expect(rows.map((r) => r.key)).toEqual([userKey(people[1]!.id)])
		expect(rows[0]).toMatchObject({ version: 1, reason: 'event' })
		expect(rows[0]!.runAfter.getTime()).toBeGreaterThan(Date.now() - 60_000)
	})

	test('a transaction of Prisma open meanwhile (read, then write) is not disturbed, and the batch still commits', async () => {
		const batcher = new EventGroupCommit({ windowMs: 1, maxEvents: 500 })
		const events = people.map((p) => event(p))
		let answers: Promise<unknown> | undefined
		const account = await prisma.$transaction(async (tx) => {
			const before = await tx.account.findUniqueOrThrow({ where: { id: people[0]!.accountId }, select: { arr: true } })
			answers = Promise.all(events.map((e) => batcher.submit([e])))
			await new Promise((resolve) => setTimeout(resolve, 30))
			return tx.account.update({ where: { id: people[0]!.accountId }, data: { arr: before.arr + 1 } })
		})
		expect(account.arr).toBeGreaterThan(0)
		await answers
		expect(await stored(events.map((e) => e.clientEventId!))).toBe(events.length)
	})

	test('a transaction of Prisma open meanwhile that rolls back takes no acknowledged event with it', async () => {
		const batcher = new EventGroupCommit({ windowMs: 1, maxEvents: 500 })
		const events = people.map((p) => event(p))
		let answers: Promise<unknown> | undefined
		const before = await prisma.account.findUniqueOrThrow({ where: { id: people[0]!.accountId }, select: { arr: true } })
		const failing = prisma.$transaction(async (tx) => {
			await tx.account.update({ where: { id: people[0]!.accountId }, data: { arr: before.arr + 1000 } })
			answers = Promise.all(events.map((e) => batcher.submit([e])))
			await new Promise((resolve) => setTimeout(resolve, 30))
			throw new Error('rolled back on purpose')
		})
		await expect(failing).rejects.toThrow('rolled back on purpose')
		await answers
		expect(await stored(events.map((e) => e.clientEventId!))).toBe(events.length)
		expect(await prisma.account.findUniqueOrThrow({ where: { id: people[0]!.accountId }, select: { arr: true } })).toEqual(before)
	})

	test('flush writes what is waiting, also what arrives while a batch commits', async () => {
		// A window far longer than the test: only flush can write these.
		const batcher = new EventGroupCommit({ windowMs: 60_000, maxEvents: 500 })
		const events = people.map((p) => event(p))
		const answers = events.map((e) => batcher.submit([e]))
		await batcher.flush()
		expect(await stored(events.map((e) => e.clientEventId!))).toBe(events.length)
		expect(await Promise.all(answers)).toEqual(events.map(() => ({ recorded: 1, duplicates: 0 })))
	})
}
