import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { recordEvent, recordEvents } from '#app/domain/engagement/record.server.ts'
import { ScoringRunner } from '#app/domain/loop/runner.server.ts'
import {
	accountKey,
	ALL_KEY,
	claimScoringWork,
	completeScoringWork,
	enqueueScoring,
	failScoringWork,
	userKey,
} from '#app/domain/scoring/queue.server.ts'
import { getCurrentAccountScore } from '#app/domain/scoring/queries.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { history, NOW, world } from './helpers.ts'

const SOON = () => new Date(Date.now() + 60_000)

async function signIn(user: { id: string; accountId: string | null }, db: Parameters<typeof recordEvent>[0] = prisma) {
	await recordEvent(db, { kind: 'sign_in', userId: user.id, accountId: user.accountId, occurredAt: new Date(NOW.getTime() - 3600_000) })
}

describe('the durable queue', () => {
	test('an event and its rescore are written together: a rolled-back transaction enqueues nothing', async () => {
		const { users } = await world({ users: 1 })
		const user = users[0]!
		await expect(
			prisma.$transaction(async (tx) => {
				await signIn(user, tx)
				throw new Error('the action was refused')
			}),
		).rejects.toThrow('the action was refused')
		expect(await prisma.engagementEvent.count({ where: { userId: user.id } })).toBe(0)
		expect(await prisma.scoringWork.count({ where: { key: userKey(user.id) } })).toBe(0)

		await prisma.$transaction((tx) => signIn(user, tx))
		const row = await prisma.scoringWork.findUniqueOrThrow({ where: { key: userKey(user.id) } })
		expect(row).toMatchObject({ reason: 'event', version: 1, attempts: 0, leasedBy: null })
		// A short delay, so a burst of clicks costs one rescore.
		expect(row.runAfter.getTime()).toBeGreaterThan(Date.now() - 1000)
	})

	test('a burst coalesces: one row per user, the earliest due time kept; a batch of events costs one row per distinct user', async () => {
		const { users } = await world({ users: 3 })
		const [a, b, c] = users as [(typeof users)[0], (typeof users)[0], (typeof users)[0]]
		await signIn(a)
		const first = await prisma.scoringWork.findUniqueOrThrow({ where: { key: userKey(a.id) } })
		await signIn(a)
		await enqueueScoring(prisma, { key: userKey(a.id), reason: 'later', delayMs: 3_600_000 })
		const bumped = await prisma.scoringWork.findUniqueOrThrow({ where: { key: userKey(a.id) } })
		expect(bumped.version).toBe(3)
		expect(bumped.runAfter).toEqual(first.runAfter)
		// An earlier due time pulls it forward.
		await enqueueScoring(prisma, { key: userKey(a.id), reason: 'console' })
		expect((await prisma.scoringWork.findUniqueOrThrow({ where: { key: userKey(a.id) } })).runAfter.getTime()).toBeLessThan(first.runAfter.getTime())

		const events = Array.from({ length: 2_000 }, (_, i) => {
			const user = [b, c][i % 2]!
			return { kind: 'article_view' as const, userId: user.id, accountId: user.accountId, itemKey: `article:a-${i % 30}`, occurredAt: new Date(NOW.getTime() - i * 60_000) }
		})
		expect(await recordEvents(prisma, events)).toBe(2_000)
		const rows = await prisma.scoringWork.findMany({ where: { key: { in: [userKey(b.id), userKey(c.id)] } } })
		expect(rows.map((r) => [r.key, r.version]).sort()).toEqual([[userKey(b.id), 1], [userKey(c.id), 1]].sort())
		await expect(enqueueScoring(prisma, { key: 'nobody', reason: 'test' })).rejects.toThrow(/Not a scoring key/)
	})

	test('a queued rescore survives a restart: a new runner finds it in the database and scores it', async () => {
		const { account, users } = await world({ users: 1 })
		await signIn(users[0]!)
		// The process that recorded the event stops here; whatever it held in memory is gone.
		expect(await prisma.scoreSnapshot.count({ where: { userId: users[0]!.id } })).toBe(0)

		const restarted = new ScoringRunner({ holder: 'after-restart', recompute: { now: NOW } })
		const report = await restarted.drain({ keys: [userKey(users[0]!.id)], dueBy: SOON() })
		expect(report).toMatchObject({ claimed: 1, done: 1, failed: 0, users: 1, accounts: 1 })
		expect(await prisma.scoreSnapshot.count({ where: { userId: users[0]!.id, isCurrent: true } })).toBe(1)
		expect(await getCurrentAccountScore(account.id)).not.toBeNull()
		expect(await prisma.scoringWork.count({ where: { key: userKey(users[0]!.id) } })).toBe(0)
	})

	test("a crashed runner's lease expires and another runner takes the work", async () => {
		const { users } = await world({ users: 1 })
		const key = userKey(users[0]!.id)
		await signIn(users[0]!)
		const taken = await claimScoringWork({ token: 'crashed#1', leaseMs: 200, limit: 10, keys: [key], dueBy: SOON() })
		expect(taken.map((t) => t.key)).toEqual([key])
		// While the lease lives nobody else gets the row...
		const other = new ScoringRunner({ holder: 'other', recompute: { now: NOW } })
		expect((await other.drain({ keys: [key], dueBy: SOON() })).claimed).toBe(0)
		// ...and once it has run out, the other runner does the work.
		await new Promise((resolve) => setTimeout(resolve, 250))
		expect(await other.drain({ keys: [key], dueBy: SOON() })).toMatchObject({ claimed: 1, done: 1, users: 1 })
		expect(await prisma.scoringWork.count({ where: { key } })).toBe(0)
		// The crashed runner coming back cannot complete what it no longer holds.
		await completeScoringWork('crashed#1', taken)
		expect(await prisma.scoreSnapshot.count({ where: { userId: users[0]!.id, isCurrent: true } })).toBe(1)
	})

	test('two runners draining the same queue at once score each subject once', async () => {
		// One user per account, so each key is one user and one account to score.
		const users = []
		for (let i = 0; i < 8; i++) users.push((await world({ users: 1 })).users[0]!)
		for (const user of users) await signIn(user)
		const keys = users.map((u) => userKey(u.id))
		const a = new ScoringRunner({ holder: 'instance-a', batchSize: 2, recompute: { now: NOW } })
		const b = new ScoringRunner({ holder: 'instance-b', batchSize: 2, recompute: { now: NOW } })
		const reports = await Promise.all([a.drain({ keys, dueBy: SOON() }), b.drain({ keys, dueBy: SOON() }), a.drain({ keys, dueBy: SOON() })])
		expect(reports.reduce((sum, r) => sum + r.claimed, 0)).toBe(8)
		expect(reports.reduce((sum, r) => sum + r.users, 0)).toBe(8)
		expect(reports.reduce((sum, r) => sum + r.accounts, 0)).toBe(8)
		// Both took part (batches of two), yet no row was claimed twice.
		expect(reports[0]!.claimed + reports[2]!.claimed).toBeGreaterThan(0)
		expect(await prisma.scoringWork.count({ where: { key: { in: keys } } })).toBe(0)
		for (const user of users) expect(await prisma.scoreSnapshot.count({ where: { userId: user.id } })).toBe(1)
	})

	test('work enqueued again while it runs is not lost: the row stays for another pass', async () => {
		const { users } = await world({ users: 1 })
		const key = userKey(users[0]!.id)
		await signIn(users[0]!)
		const claimed = await claimScoringWork({ token: 'busy#1', leaseMs: 60_000, limit: 10, keys: [key], dueBy: SOON() })
		expect(claimed).toHaveLength(1)
		await signIn(users[0]!) // arrives while the runner is scoring
		await completeScoringWork('busy#1', claimed)
		const row = await prisma.scoringWork.findUniqueOrThrow({ where: { key } })
		expect(row).toMatchObject({ version: 2, leasedBy: null, leaseExpiresAt: null })
		expect(await new ScoringRunner({ recompute: { now: NOW } }).drain({ keys: [key], dueBy: SOON() })).toMatchObject({ claimed: 1, done: 1 })
		expect(await prisma.scoringWork.count({ where: { key } })).toBe(0)
	})

	test('the same through a running full recompute: a request made meanwhile runs it again', async () => {
		await world({ users: 2 })
		await enqueueScoring(prisma, { key: ALL_KEY, reason: 'test' })
		let asked: Promise<void> | undefined
		const runner = new ScoringRunner({
			recompute: {
				now: NOW,
				// Called while the recompute is under way: someone asks for another full run.
				onProgress: ({ phase }) => {
					if (phase === 'users' && !asked) asked = enqueueScoring(prisma, { key: ALL_KEY, reason: 'command' })
				},
			},
		})
		const report = await runner.drain()
		await asked
		expect(report.full).toBe(2)
		expect(await prisma.scoringWork.count({ where: { key: ALL_KEY } })).toBe(0)
	})

	test('a failure keeps the row with its error and backs off; the next enqueue does not skip the back-off', async () => {
		const { account } = await world({ users: 0 })
		const key = accountKey(account.id)
		await enqueueScoring(prisma, { key, reason: 'test' })
		const claimed = await claimScoringWork({ token: 'failing#1', leaseMs: 60_000, limit: 10, keys: [key] })
		await failScoringWork('failing#1', claimed, new Error('database is locked'))
		const row = await prisma.scoringWork.findUniqueOrThrow({ where: { key } })
		expect(row).toMatchObject({ attempts: 1, lastError: 'database is locked', leasedBy: null })
		expect(row.runAfter.getTime()).toBeGreaterThan(Date.now() + 5_000)
		await enqueueScoring(prisma, { key, reason: 'event' })
		expect((await prisma.scoringWork.findUniqueOrThrow({ where: { key } })).runAfter).toEqual(row.runAfter)
		expect((await new ScoringRunner().drain({ keys: [key] })).claimed).toBe(0)
	})
})

describe('scoring, then playbooks', () => {
	test('an Unmotivated account gets its five-whys task after the runner drains the events', async () => {
		const { account, csm, users } = await world({ users: 2, name: 'Drained Quietly Ltd' })
		for (const user of users) await history(user, 'skilled-quiet')
		const keys = users.map((u) => userKey(u.id))
		expect(await prisma.scoringWork.count({ where: { key: { in: keys } } })).toBe(2)
		const report = await new ScoringRunner({ recompute: { now: NOW } }).drain({ keys, dueBy: SOON() })
		expect(report).toMatchObject({ claimed: 2, users: 2, accounts: 1, tasksCreated: 1 })
		expect((await getCurrentAccountScore(account.id))!.segment).toBe('UNMOTIVATED')
		const task = await prisma.csmTask.findFirstOrThrow({ where: { accountId: account.id } })
		expect(task).toMatchObject({ kind: 'ROOT_CAUSE_CHECKIN', status: 'OPEN', assigneeId: csm.id })
		expect(JSON.parse(task.evidence)).toContain('0 of 2 seats active')
	})

	test('scoring imports nothing from playbooks (playbooks depend on scoring, never the reverse)', () => {
		const dir = path.resolve('app/domain/scoring')
		const offenders = fs
			.readdirSync(dir, { recursive: true, encoding: 'utf8' })
			.filter((file) => /\.tsx?$/.test(file))
			.filter((file) => /from '#app\/domain\/(playbooks|loop)\/|from '\.\.\/(playbooks|loop)\//.test(fs.readFileSync(path.join(dir, file), 'utf8')))
		expect(offenders).toEqual([])
		// The check itself can fail: the loop module does import both.
		expect(fs.readFileSync(path.resolve('app/domain/loop/runner.server.ts'), 'utf8')).toMatch(/from '#app\/domain\/playbooks\//)
	})
})
