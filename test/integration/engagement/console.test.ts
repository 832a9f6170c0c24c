import fs from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { syncAllContent } from '#app/domain/content/sync-all.server.ts'
import { recomputeAllAndApply } from '#app/domain/loop/runner.server.ts'
import { accountKey } from '#app/domain/scoring/queue.server.ts'
import { loader as homeLoader } from '#app/routes/_index.tsx'
import { action as accountAction, loader as accountLoader } from '#app/routes/console.accounts.$accountId.tsx'
import { loader as accountsLoader } from '#app/routes/console.accounts._index.tsx'
import { action as tasksAction, loader as tasksLoader } from '#app/routes/console.tasks.tsx'
import { prisma } from '#app/utils/db.server.ts'
import { cookieFor, createUser } from '#test/support/requests.ts'
import { FILES, writeContent } from '../learning/fixture.ts'
import { call, history, NOW, statusOf, world } from './helpers.ts'

let dir: string
let quiet: Awaited<ReturnType<typeof world>>
let busy: Awaited<ReturnType<typeof world>>
let adminCookie: string
beforeAll(async () => {
	dir = await writeContent(FILES)
	expect((await syncAllContent(dir)).errors).toEqual([])
	quiet = await world({ users: 2, name: 'Quiet Co' })
	busy = await world({ users: 1, name: 'Busy Co' })
	for (const u of quiet.users) await history(u, 'skilled-quiet')
	await history(busy.users[0]!, 'unskilled-active')
	await recomputeAllAndApply({ now: NOW })
	adminCookie = await cookieFor((await createUser('ADMIN')).id)
})
afterAll(() => fs.rm(dir, { recursive: true, force: true }))

type TaskList = { tasks: Array<{ id: string; title: string; evidence: string[]; account: { name: string } }> }

describe('the CSM task queue', () => {
	test('a CSM sees the open tasks of their accounts with evidence; another CSM does not; an admin sees all', async () => {
		const mine = (await call(tasksLoader, '/console/tasks', {}, { cookie: quiet.csmCookie })) as TaskList
		expect(mine.tasks.map((t) => t.account.name)).toEqual(['Quiet Co'])
		expect(mine.tasks[0]!.evidence.length).toBeGreaterThan(2)
		const theirs = (await call(tasksLoader, '/console/tasks', {}, { cookie: busy.csmCookie })) as TaskList
		expect(theirs.tasks).toEqual([])
		const all = (await call(tasksLoader, '/console/tasks', {}, { cookie: adminCookie })) as TaskList
		expect(all.tasks.map((t) => t.account.name)).toContain('Quiet Co')
		const customer = await cookieFor(quiet.users[0]!.id)
		expect(statusOf(await call(tasksLoader, '/console/tasks', {}, { cookie: customer }))).toBe(403)
	})

	test('marking done: another CSM gets 404, the owner succeeds once, the queue empties', async () => {
		const { tasks } = (await call(tasksLoader, '/console/tasks', {}, { cookie: quiet.csmCookie })) as TaskList
		const form = { intent: 'complete-task', taskId: tasks[0]!.id, outcome: 'RESOLVED' }
		expect(statusOf(await call(tasksAction, '/console/tasks', {}, { cookie: busy.csmCookie, form }))).toBe(404)
		const done = (await call(tasksAction, '/console/tasks', {}, { cookie: quiet.csmCookie, form })) as Response
		expect(done.status).toBe(302)
		expect(done.headers.get('Location')).toMatch(/^\/console\/tasks\?done=/)
		expect(statusOf(await call(tasksAction, '/console/tasks', {}, { cookie: quiet.csmCookie, form }))).toBe(409)
		expect(statusOf(await call(tasksAction, '/console/tasks', {}, { cookie: quiet.csmCookie, form: { intent: 'delete', taskId: 'x' } }))).toBe(400)
		const after = (await call(tasksLoader, '/console/tasks', {}, { cookie: quiet.csmCookie })) as TaskList
		expect(after.tasks).toEqual([])
		expect(await prisma.csmTask.findUniqueOrThrow({ where: { id: tasks[0]!.id } })).toMatchObject({ status: 'DONE', openCause: null })
	})
})

describe('console account pages', () => {
	test('the list shows each account’s segment and quadrant; the detail page explains them', async () => {
		const list = (await call(accountsLoader, '/console/accounts', {}, { cookie: quiet.csmCookie })) as {
			page: { rows: Array<{ name: string; score: { segment: string; quadrant: string } | null }> }
		}
		expect(list.page.rows).toEqual([expect.objectContaining({ name: 'Quiet Co', score: expect.objectContaining({ segment: 'UNMOTIVATED' }) })])

		const page = (await call(accountLoader, `/console/accounts/${quiet.account.id}`, { accountId: quiet.account.id }, { cookie: quiet.csmCookie })) as {
			score: { segment: string; breakdown: { explanations: string[]; drivers: { will: Array<{ key: string }> } } }
			users: Array<{ score: { segment: string } | null; summary: { will: string } | null }>
			history: unknown[]
			tasks: Array<{ kind: string }>
		}
		expect(page.score.segment).toBe('UNMOTIVATED')
		expect(page.score.breakdown.explanations.join(' ')).toMatch(/0 of 2 users active in the last 30 days/)
		expect(page.score.breakdown.drivers.will.map((d) => d.key)).toContain('regularity')
		expect(page.users).toHaveLength(2)
		expect(page.users.every((u) => u.score?.segment === 'UNMOTIVATED')).toBe(true)
		expect(page.history.length).toBeGreaterThanOrEqual(1)
		expect(page.tasks.map((t) => t.kind)).toEqual(['ROOT_CAUSE_CHECKIN'])
		expect((page as unknown as { timeline: unknown[] }).timeline).toHaveLength(12)
		expect((page as unknown as { plans: unknown[] }).plans).toEqual([])

		const recompute = (await call(accountAction, `/console/accounts/${quiet.account.id}`, { accountId: quiet.account.id }, {
			cookie: quiet.csmCookie,
			form: { intent: 'recompute' },
		})) as Response
		expect(recompute.status).toBe(302)
		// Through the queue, drained before the answer: scored at the clock, nothing left queued.
		expect(await prisma.scoringWork.count({ where: { key: accountKey(quiet.account.id) } })).toBe(0)
		const rescored = await prisma.scoreSnapshot.findFirstOrThrow({ where: { subjectType: 'ACCOUNT', accountId: quiet.account.id, isCurrent: true } })
		expect(rescored.computedAt.getTime()).toBeGreaterThan(Date.now() - 60_000)
		const missing = await call(accountLoader, '/console/accounts/nope', { accountId: 'nope' }, { cookie: quiet.csmCookie })
		expect(statusOf(missing)).toBe(404)
	})
})

describe('customer home', () => {
	test('an Untrained customer is recommended the path that closes their gap, without naming their segment', async () => {
		const cookie = await cookieFor(busy.users[0]!.id)
		const home = (await call(homeLoader, '/', {}, { cookie })) as { nextSteps: Array<{ kind: string; href: string; title: string; reason: string }> }
		expect(home.nextSteps[0]).toMatchObject({ kind: 'path', href: '/paths/basics', title: 'Basics of Prism' })
		expect(home.nextSteps[0]!.reason).toMatch(/Builds your skills in getting started/)
		// The Tier 1 path is not offered to a Tier 3 customer.
		expect(home.nextSteps.map((s) => s.href)).not.toContain('/paths/vip')
		expect(JSON.stringify(home)).not.toMatch(/Untrained|UNTRAINED/)
	})

	test('an Unmotivated customer is offered short wins first', async () => {
		// The "recompute now" above ran at the real clock; score at the fixture's instant again.
		await recomputeAllAndApply({ now: NOW })
		const cookie = await cookieFor(quiet.users[0]!.id)
		const home = (await call(homeLoader, '/', {}, { cookie })) as { nextSteps: Array<{ kind: string }> }
		expect(home.nextSteps[0]!.kind).toBe('short-win')
	})
})
