import { describe, expect, test } from 'vitest'
import { recordEvent, recordEvents } from '#app/domain/engagement/record.server.ts'
import { importSignals } from '#app/domain/engagement/signals-import.server.ts'
import { completeTask } from '#app/domain/playbooks/tasks.server.ts'
import { enqueueScheduledRecompute, FULL_RECOMPUTE_JOB, recomputeAllAndApply, ScoringRunner } from '#app/domain/loop/runner.server.ts'
import { ALL_KEY, userKey } from '#app/domain/scoring/queue.server.ts'
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

		const rerun = await recomputeAllAndApply({ now: NOW })
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
		expect(skilled.breakdown!.skill.components.find((c) => c.key === 'quizzes')!.explanation).toMatch(/^4 quizzes: \d+% on a scale where the pass mark is 50%/)
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
		await recomputeAllAndApply({ now: NOW })
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

		// Later recomputes, full or incremental (through the queue), refresh it but never add a second one.
		await recomputeAllAndApply({ now: new Date(NOW.getTime() + DAY) })
		const later = new ScoringRunner({ recompute: { now: new Date(NOW.getTime() + 2 * DAY) } })
		expect((await later.scoreNow([userKey(users[0]!.id)], 'test')).users).toBe(1)
		expect(await prisma.csmTask.count({ where: { accountId: account.id } })).toBe(1)

		expect((await completeTask(csm, task.id, { outcome: 'RESOLVED' })).ok).toBe(true)
		await recomputeAllAndApply({ now: new Date(NOW.getTime() + 3 * DAY) })
		expect(await prisma.csmTask.count({ where: { accountId: account.id } })).toBe(1)
	})

	test('Need to Exit gets an exit review with usage against expectation; an account with too little evidence gets none', async () => {
		const leaving = await world({ users: 1 })
		// Months of showing up and failing quizzes, then nothing: enough evidence of low skill and low will.
		const user = leaving.users[0]!
		const at = (days: number) => new Date(NOW.getTime() - days * DAY - 3600_000)
		await recordEvents(prisma, [
			...[89, 86, 83, 80, 77, 74, 71, 68, 65, 62].map((d) => ({ kind: 'sign_in' as const, userId: user.id, accountId: user.accountId, occurredAt: at(d) })),
			...['a', 'b', 'c', 'd'].map((q, i) => ({
				kind: 'quiz_attempt' as const,
				userId: user.id,
				accountId: user.accountId,
				itemKey: `quiz:p${i}/${q}`,
				data: { score: 20, difficulty: 2, passed: false },
				occurredAt: at(70 + i),
			})),
		])
		const d = leaving.account.emailDomain
		const usage = [0, 7, 14, 21].map((ago) =>
			JSON.stringify({ account: d, day: new Date(NOW.getTime() - ago * DAY).toISOString().slice(0, 10), metric: 'active_minutes', value: 20 }),
		)
		expect((await importSignals(usage.join('\n'))).created).toBe(4)
		const silent = await world({ users: 1 })
		const report = await recomputeAllAndApply({ now: NOW })
		expect((await getCurrentAccountScore(leaving.account.id))!.segment).toBe('NEED_TO_EXIT')
		const review = await prisma.csmTask.findFirstOrThrow({ where: { accountId: leaving.account.id } })
		expect(review.kind).toBe('EXIT_REVIEW')
		expect(JSON.parse(review.evidence)).toContain('Usage 20 active minutes/week against 120 expected')
		expect(report.tasksCreated).toBeGreaterThanOrEqual(1)
		// Nobody did anything: "not enough evidence yet", and no play acts on a guess.
		expect((await getCurrentAccountScore(silent.account.id))!.segment).toBe('NOT_ENOUGH_EVIDENCE')
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
		// The events queued the rescore; the runner drains it (not due for a second: ask for it now).
		const drained = await new ScoringRunner({ recompute: { now: NOW } }).drain({ keys: [userKey(user.id)], dueBy: new Date(Date.now() + 60_000) })
		expect(drained).toMatchObject({ claimed: 1, done: 1, users: 1, accounts: 1 })
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

describe('the schedule', () => {
	test('enqueues the full recompute when due, once between instances; a full run moves the next due time on', async () => {
		const at = new Date()
		expect(await enqueueScheduledRecompute(60, 'instance-a', at)).toBe(true)
		// Another instance ticking at the same moment finds it not due.
		expect(await enqueueScheduledRecompute(60, 'instance-b', at)).toBe(false)
		expect(await prisma.scoringWork.findUniqueOrThrow({ where: { key: ALL_KEY } })).toMatchObject({ reason: 'schedule', version: 1 })
		const due = (await prisma.jobLease.findUniqueOrThrow({ where: { name: FULL_RECOMPUTE_JOB } })).expiresAt
		expect(due.getTime()).toBe(at.getTime() + 60 * 60_000)

		const run = await new ScoringRunner({ intervalMinutes: 60, recompute: { now: NOW } }).drain()
		expect(run.full).toBe(1)
		expect(await prisma.scoringWork.count({ where: { key: ALL_KEY } })).toBe(0)
		// Not due again until an interval after this run started.
		expect(await enqueueScheduledRecompute(60, 'instance-b', new Date(at.getTime() + 59 * 60_000))).toBe(false)
		expect(await enqueueScheduledRecompute(60, 'instance-b', new Date(Date.now() + 61 * 60_000))).toBe(true)
	})
})
