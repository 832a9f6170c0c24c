import { describe, expect, test } from 'vitest'
import { recordEvent } from '#app/domain/engagement/record.server.ts'
import { importSignals } from '#app/domain/engagement/signals-import.server.ts'
import { completeTask } from '#app/domain/playbooks/tasks.server.ts'
import { FULL_RECOMPUTE_JOB, flushRescores, queueRescore, runScheduledRecompute } from '#app/domain/scoring/jobs.server.ts'
import { getCurrentAccountScore, getCurrentUserScore } from '#app/domain/scoring/queries.server.ts'
import { recomputeAll, rescoreUsers } from '#app/domain/scoring/recompute.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { history, NOW, world } from './helpers.ts'

const DAY = 86_400_000

async function allSnapshots() {
	return prisma.scoreSnapshot.findMany({
		select: { subjectType: true, userId: true, accountId: true, skill: true, will: true, segment: true, quadrant: true, breakdown: true, isCurrent: true },
		orderBy: [{ subjectType: 'asc' }, { userId: 'asc' }, { accountId: 'asc' }, { computedAt: 'asc' }],
	})
}

describe('full recompute', () => {
	test('is deterministic: the same data at the same instant gives the same scores, and a rerun writes nothing', async () => {
		const { users } = await world({ users: 3 })
		await history(users[0]!, 'skilled-active')
		await history(users[1]!, 'unskilled-active')
		await history(users[2]!, 'idle')
		const first = await recomputeAll({ now: NOW })
		expect(first.snapshotsCreated).toBeGreaterThan(0)
		const stored = await allSnapshots()

		const rerun = await recomputeAll({ now: NOW })
		expect(rerun).toMatchObject({ snapshotsCreated: 0, snapshotsUpdated: 0, tasksCreated: 0, tasksUpdated: 0 })
		expect(await allSnapshots()).toEqual(stored)

		// From nothing again: identical scores and explanations.
		await prisma.scoreSnapshot.deleteMany()
		await recomputeAll({ now: NOW })
		expect(await allSnapshots()).toEqual(stored)
	})

	test('segments follow behaviour; the account rolls its users up; the breakdown says why', async () => {
		const { users } = await world({ users: 2 })
		await history(users[0]!, 'skilled-active')
		await history(users[1]!, 'unskilled-active')
		await rescoreUsers(users.map((u) => u.id), { now: NOW })
		const skilled = (await getCurrentUserScore(users[0]!.id))!
		const unskilled = (await getCurrentUserScore(users[1]!.id))!
		expect(skilled.segment).toBe('HIGH_PERFORMER')
		expect(unskilled.segment).toBe('UNTRAINED')
		expect(skilled.breakdown!.skill.components.find((c) => c.key === 'quizzes')!.explanation).toMatch(/Quiz average 90% over 4 quizzes/)
		expect(unskilled.breakdown!.will.summary).toMatch(/active day/)
		const account = (await getCurrentAccountScore(users[0]!.accountId!))!
		expect(account.skill).toBeGreaterThan(unskilled.skill)
		expect(account.skill).toBeLessThan(skilled.skill)
		expect(account.breakdown!.explanations[0]).toBe('2 of 2 users active in the last 30 days')
		expect(account.quadrant).not.toBeNull()
	})
})

describe('playbook tasks', () => {
	test('an Unmotivated account gets one check-in task with evidence, never duplicated; done means not re-raised at once', async () => {
		const { csm, account, users } = await world({ users: 2, name: 'Quietly Skilled Ltd' })
		for (const user of users) await history(user, 'skilled-quiet')
		await recomputeAll({ now: NOW })
		expect((await getCurrentAccountScore(account.id))!.segment).toBe('UNMOTIVATED')
		const tasks = await prisma.csmTask.findMany({ where: { accountId: account.id } })
		expect(tasks).toHaveLength(1)
		const task = tasks[0]!
		expect(task).toMatchObject({ kind: 'ROOT_CAUSE_CHECKIN', status: 'OPEN', assigneeId: csm.id, openCause: `UNMOTIVATED:${account.id}` })
		expect(task.title).toBe('Five-whys check-in with Quietly Skilled Ltd: find why engagement dropped')
		const evidence = JSON.parse(task.evidence) as string[]
		expect(evidence[0]).toMatch(/^Skill \d+, will \d+ \(Unmotivated\)$/)
		expect(evidence).toContain('0 of 2 seats active')
		expect(evidence).toContain('Quiz average 90%')

		// Later recomputes, full or incremental, refresh it but never add a second one.
		await recomputeAll({ now: new Date(NOW.getTime() + DAY) })
		await rescoreUsers([users[0]!.id], { now: new Date(NOW.getTime() + 2 * DAY) })
		expect(await prisma.csmTask.count({ where: { accountId: account.id } })).toBe(1)

		expect((await completeTask(csm, task.id)).ok).toBe(true)
		await recomputeAll({ now: new Date(NOW.getTime() + 3 * DAY) })
		expect(await prisma.csmTask.count({ where: { accountId: account.id } })).toBe(1)
	})

	test('Need to Exit gets an exit review with usage against expectation; an account with too little evidence gets none', async () => {
		const leaving = await world({ users: 1 })
		await history(leaving.users[0]!, 'idle')
		const d = leaving.account.emailDomain
		const usage = [0, 7, 14, 21].map((ago) =>
			JSON.stringify({ account: d, day: new Date(NOW.getTime() - ago * DAY).toISOString().slice(0, 10), metric: 'active_minutes', value: 20 }),
		)
		expect((await importSignals(usage.join('\n'))).created).toBe(4)
		const silent = await world({ users: 1 })
		await recomputeAll({ now: NOW })
		const review = await prisma.csmTask.findFirstOrThrow({ where: { accountId: leaving.account.id } })
		expect(review.kind).toBe('EXIT_REVIEW')
		expect(JSON.parse(review.evidence)).toContain('Usage 20 active minutes/week against 120 expected')
		expect(await prisma.csmTask.count({ where: { accountId: silent.account.id } })).toBe(0)
	})
})

describe('history and incremental rescoring', () => {
	test('a new event rescored a moment later moves the scores and keeps the old snapshot as history', async () => {
		const { account, users } = await world({ users: 1 })
		const user = users[0]!
		await history(user, 'unskilled-active')
		await rescoreUsers([user.id], { now: NOW })
		const before = (await getCurrentUserScore(user.id))!
		for (const [i, quiz] of ['x', 'y', 'z'].entries()) {
			await recordEvent(prisma, {
				kind: 'quiz_attempt',
				userId: user.id,
				accountId: account.id,
				itemKey: `quiz:q${i}/${quiz}`,
				data: { score: 100, difficulty: 3, passed: true },
				occurredAt: new Date(NOW.getTime() - 3600_000),
			})
		}
		queueRescore(user.id)
		await flushRescores()
		// The queue rescores at the real clock; pin it to NOW for the comparison.
		await rescoreUsers([user.id], { now: NOW })
		const after = (await getCurrentUserScore(user.id))!
		expect(after.skill).toBeGreaterThan(before.skill)
		const rows = await prisma.scoreSnapshot.findMany({ where: { userId: user.id }, orderBy: { computedAt: 'asc' } })
		expect(rows.filter((r) => r.isCurrent)).toHaveLength(1)
		expect(rows.length).toBeGreaterThanOrEqual(2)
		expect(rows[0]!.skill).toBe(before.skill)
		expect(rows[0]!.isCurrent).toBe(false)
		const accountRows = await prisma.scoreSnapshot.count({ where: { subjectType: 'ACCOUNT', accountId: account.id } })
		expect(accountRows).toBeGreaterThanOrEqual(2)
	})

	test('staff and users without an account are not scored', async () => {
		const { csm } = await world({ users: 0 })
		const report = await rescoreUsers([csm.id], { now: NOW })
		expect(report.users).toBe(0)
		expect(await prisma.scoreSnapshot.count({ where: { userId: csm.id } })).toBe(0)
	})
})

describe('the schedule lease', () => {
	test('one runner at a time; the lease also says when the next run is due', async () => {
		const first = await runScheduledRecompute({ intervalMinutes: 60, holder: 'instance-a', recompute: { now: NOW } })
		expect(first.ran).toBe(true)
		const second = await runScheduledRecompute({ intervalMinutes: 60, holder: 'instance-b', recompute: { now: NOW } })
		expect(second).toMatchObject({ ran: false, reason: 'not-due' })
		// A manual run may start early, but never beside a live run.
		expect((await runScheduledRecompute({ intervalMinutes: 60, holder: 'cli', force: true, recompute: { now: NOW } })).ran).toBe(true)
		await prisma.jobLease.update({ where: { name: FULL_RECOMPUTE_JOB }, data: { holder: 'instance-c', expiresAt: new Date(Date.now() + 60_000) } })
		expect(await runScheduledRecompute({ intervalMinutes: 60, holder: 'cli', force: true })).toMatchObject({ ran: false, reason: 'held' })
		// A crashed runner's lease expires and another instance takes over.
		await prisma.jobLease.update({ where: { name: FULL_RECOMPUTE_JOB }, data: { expiresAt: new Date(Date.now() - 1000) } })
		expect((await runScheduledRecompute({ intervalMinutes: 60, holder: 'instance-b', recompute: { now: NOW } })).ran).toBe(true)
	})
})
