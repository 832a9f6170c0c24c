import { beforeAll, describe, expect, test } from 'vitest'
import { raiseTasks } from '#app/domain/playbooks/tasks.server.ts'
import { loader as homeLoader } from '#app/routes/console._index.tsx'
import { action as accountAction } from '#app/routes/console.accounts.$accountId.tsx'
import { action as tasksAction, loader as tasksLoader } from '#app/routes/console.tasks.tsx'
import { prisma } from '#app/utils/db.server.ts'
import { DAY_MS } from '#app/utils/time.ts'
import { cookieFor, createAccount, createUser } from '#test/support/requests.ts'
import { call, statusOf } from './helpers.ts'

// The task queue's actions through the real route: complete with an outcome, snooze, assign, the
// filters and the home count, and who may do each (a CSM their own accounts' tasks only).

type Queue = { tasks: Array<{ id: string; title: string; dueAt: Date; snoozedUntil: Date | null; assignee: { id: string } | null }> }
type Csm = { id: string; cookie: string; accountId: string }

let ada: Csm
let bo: Csm
let admin: { id: string; cookie: string }
let editorCookie: string
let customerCookie: string
let seq = 0

async function csm(name: string): Promise<Csm> {
	const user = await createUser('CSM', { name })
	const account = await createAccount({ csmId: user.id, name: `${name}'s account` })
	return { id: user.id, cookie: await cookieFor(user.id), accountId: account.id }
}

/** An open task as a playbook raises it, `ageDays` old. */
async function task(owner: Csm, ageDays = 0, title = `Task ${++seq}`) {
	const cause = `test:${owner.accountId}:${seq}:${title}`
	return prisma.csmTask.create({
		data: {
			accountId: owner.accountId,
			assigneeId: owner.id,
			kind: 'ROOT_CAUSE_CHECKIN',
			cause,
			openCause: cause,
			title,
			createdAt: new Date(Date.now() - ageDays * DAY_MS),
		},
	})
}

const queue = async (cookie: string, query = '') => (await call(tasksLoader, `/console/tasks${query}`, {}, { cookie })) as Queue
const post = (cookie: string, form: Record<string, string>) => call(tasksAction, '/console/tasks', {}, { cookie, form })
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10)

beforeAll(async () => {
	ada = await csm('Ada CSM')
	bo = await csm('Bo CSM')
	const a = await createUser('ADMIN')
	admin = { id: a.id, cookie: await cookieFor(a.id) }
	editorCookie = await cookieFor((await createUser('EDITOR')).id)
	customerCookie = await cookieFor((await createUser('CUSTOMER', { accountId: ada.accountId })).id)
})

describe('completing a task', () => {
	test('needs an outcome; keeps it with the note and who; then the task leaves the queue', async () => {
		const t = await task(ada)
		const missing = await post(ada.cookie, { intent: 'complete-task', taskId: t.id })
		expect(statusOf(missing)).toBe(400)
		expect(await missing).toMatchObject({ data: { error: 'Choose how the task ended.' } })
		expect(statusOf(await post(ada.cookie, { intent: 'complete-task', taskId: t.id, outcome: 'WON' }))).toBe(400)
		expect(statusOf(await post(ada.cookie, { intent: 'complete-task', taskId: t.id, outcome: 'RESOLVED', note: 'x'.repeat(2001) }))).toBe(400)
		expect((await prisma.csmTask.findUniqueOrThrow({ where: { id: t.id } })).status).toBe('OPEN')

		const done = (await post(ada.cookie, { intent: 'complete-task', taskId: t.id, outcome: 'ESCALATED', note: '  Sponsor left; escalated to VP.  ' })) as Response
		expect(done.status).toBe(302)
		expect(decodeURIComponent(done.headers.get('Location')!.replace(/\+/g, ' '))).toContain(`done=Marked done: ${t.title}`)
		expect(await prisma.csmTask.findUniqueOrThrow({ where: { id: t.id } })).toMatchObject({
			status: 'DONE',
			openCause: null,
			outcome: 'ESCALATED',
			outcomeNote: 'Sponsor left; escalated to VP.',
			completedById: ada.id,
		})
		expect((await queue(ada.cookie)).tasks.map((x) => x.id)).not.toContain(t.id)
		expect(statusOf(await post(ada.cookie, { intent: 'complete-task', taskId: t.id, outcome: 'RESOLVED' }))).toBe(409)
	})

	test('another CSM gets a 404 and changes nothing, on the queue and on the account page', async () => {
		const t = await task(ada)
		expect(statusOf(await post(bo.cookie, { intent: 'complete-task', taskId: t.id, outcome: 'RESOLVED' }))).toBe(404)
		expect(statusOf(await post(bo.cookie, { intent: 'snooze-task', taskId: t.id, until: day(3) }))).toBe(404)
		// Bo's own account page cannot complete Ada's task either.
		const form = { intent: 'complete-task', taskId: t.id, outcome: 'RESOLVED' }
		expect(statusOf(await call(accountAction, `/console/accounts/${bo.accountId}`, { accountId: bo.accountId }, { cookie: bo.cookie, form }))).toBe(404)
		expect(await prisma.csmTask.findUniqueOrThrow({ where: { id: t.id } })).toMatchObject({ status: 'OPEN', snoozedUntil: null })
		// The owner completes it from the account page, with an outcome.
		const ok = await call(accountAction, `/console/accounts/${ada.accountId}`, { accountId: ada.accountId }, { cookie: ada.cookie, form })
		expect(statusOf(ok)).toBe(302)
		expect((await prisma.csmTask.findUniqueOrThrow({ where: { id: t.id } })).outcome).toBe('RESOLVED')
	})

	test('editors and customers cannot reach the queue or its actions', async () => {
		const t = await task(ada)
		for (const cookie of [editorCookie, customerCookie]) {
			expect(statusOf(await queue(cookie))).toBe(403)
			expect(statusOf(await post(cookie, { intent: 'complete-task', taskId: t.id, outcome: 'RESOLVED' }))).toBe(403)
		}
		expect((await prisma.csmTask.findUniqueOrThrow({ where: { id: t.id } })).status).toBe('OPEN')
	})
})

describe('snoozing', () => {
	test('moves the due date to a day after today, within 90 days; anything else is refused', async () => {
		const t = await task(ada, 10)
		for (const until of [day(0), day(-3), day(91), '2026-02-30', 'tomorrow', '']) {
			expect(statusOf(await post(ada.cookie, { intent: 'snooze-task', taskId: t.id, until }))).toBe(400)
		}
		expect((await prisma.csmTask.findUniqueOrThrow({ where: { id: t.id } })).snoozedUntil).toBeNull()
		expect((await queue(ada.cookie, '?due=overdue')).tasks.map((x) => x.id)).toContain(t.id)

		expect(statusOf(await post(ada.cookie, { intent: 'snooze-task', taskId: t.id, until: day(14) }))).toBe(302)
		const stored = await prisma.csmTask.findUniqueOrThrow({ where: { id: t.id } })
		expect(stored.snoozedUntil?.toISOString()).toBe(`${day(14)}T00:00:00.000Z`)
		expect((await queue(ada.cookie, '?due=overdue')).tasks.map((x) => x.id)).not.toContain(t.id)
		expect((await queue(ada.cookie, '?due=week')).tasks.map((x) => x.id)).not.toContain(t.id)
		const snoozed = await queue(ada.cookie, '?due=snoozed')
		expect(snoozed.tasks.map((x) => x.id)).toEqual([t.id])
		expect(new Date(snoozed.tasks[0]!.dueAt).toISOString()).toBe(`${day(14)}T00:00:00.000Z`)
	})
})

describe('the due filter and the home count', () => {
	test('a task is due a week after it is raised: overdue, within 7 days, any time', async () => {
		const fresh = await task(bo, 0)
		const old = await task(bo, 9)
		const all = await queue(bo.cookie)
		expect(all.tasks.map((x) => x.id)).toEqual(expect.arrayContaining([fresh.id, old.id]))
		// Soonest due first.
		expect(all.tasks.findIndex((x) => x.id === old.id)).toBeLessThan(all.tasks.findIndex((x) => x.id === fresh.id))
		const overdue = (await queue(bo.cookie, '?due=overdue')).tasks.map((x) => x.id)
		expect(overdue).toContain(old.id)
		expect(overdue).not.toContain(fresh.id)
		expect((await queue(bo.cookie, '?due=week')).tasks.map((x) => x.id)).toEqual(expect.arrayContaining([fresh.id, old.id]))
		expect((await queue(bo.cookie, '?due=nonsense')).tasks).toHaveLength(all.tasks.length)

		const home = (await call(homeLoader, '/console', {}, { cookie: bo.cookie })) as { tasks: { open: number; overdue: number } }
		const open = await prisma.csmTask.count({ where: { status: 'OPEN', account: { csmId: bo.id } } })
		expect(home.tasks).toEqual({ open, overdue: overdue.length })
		expect(((await call(homeLoader, '/console', {}, { cookie: editorCookie })) as { tasks: unknown }).tasks).toBeNull()
		const adminHome = (await call(homeLoader, '/console', {}, { cookie: admin.cookie })) as { tasks: { open: number } }
		expect(adminHome.tasks.open).toBe(await prisma.csmTask.count({ where: { status: 'OPEN' } }))
	})
})

describe('assigning', () => {
	test('only an admin assigns, only to a CSM; the CSM filter and the assignee’s queue follow', async () => {
		const t = await task(ada, 0, 'Hand over to Bo')
		expect(statusOf(await post(ada.cookie, { intent: 'assign-task', taskId: t.id, assigneeId: bo.id }))).toBe(404)
		expect(statusOf(await post(admin.cookie, { intent: 'assign-task', taskId: t.id, assigneeId: admin.id }))).toBe(400)
		expect(statusOf(await post(admin.cookie, { intent: 'assign-task', taskId: t.id, assigneeId: 'nobody' }))).toBe(400)
		expect(statusOf(await post(admin.cookie, { intent: 'assign-task', taskId: t.id, assigneeId: '' }))).toBe(400)
		expect((await prisma.csmTask.findUniqueOrThrow({ where: { id: t.id } })).assigneeId).toBe(ada.id)

		expect(statusOf(await post(admin.cookie, { intent: 'assign-task', taskId: t.id, assigneeId: bo.id }))).toBe(302)
		expect(await prisma.csmTask.findUniqueOrThrow({ where: { id: t.id } })).toMatchObject({ assigneeId: bo.id, assignedById: admin.id })
		expect((await queue(admin.cookie, `?csm=${bo.id}`)).tasks.map((x) => x.id)).toContain(t.id)
		expect((await queue(admin.cookie, `?csm=${ada.id}`)).tasks.map((x) => x.id)).not.toContain(t.id)
		// Bo, handed the task, sees it and may close it; a CSM's csm parameter is ignored.
		expect((await queue(bo.cookie)).tasks.map((x) => x.id)).toContain(t.id)
		expect((await queue(bo.cookie, `?csm=${ada.id}`)).tasks.map((x) => x.id)).toContain(t.id)

		// The playbook refreshing the task keeps the hand assignment.
		await raiseTasks([{ accountId: ada.accountId, assigneeId: ada.id, task: { cause: t.cause, kind: 'ROOT_CAUSE_CHECKIN', title: 'Hand over to Bo', evidence: ['new'] } }], new Date())
		expect(await prisma.csmTask.findUniqueOrThrow({ where: { id: t.id } })).toMatchObject({ assigneeId: bo.id, evidence: '["new"]' })
		expect(statusOf(await post(bo.cookie, { intent: 'complete-task', taskId: t.id, outcome: 'NOT_NEEDED' }))).toBe(302)
	})

	test('without a hand assignment the task follows the account’s CSM', async () => {
		const t = await task(ada, 0, 'Follows the owner')
		await raiseTasks([{ accountId: ada.accountId, assigneeId: bo.id, task: { cause: t.cause, kind: 'ROOT_CAUSE_CHECKIN', title: t.title, evidence: [] } }], new Date())
		expect((await prisma.csmTask.findUniqueOrThrow({ where: { id: t.id } })).assigneeId).toBe(bo.id)
	})

	test('an unknown intent or task id is refused', async () => {
		expect(statusOf(await post(admin.cookie, { intent: 'delete-task', taskId: 'x' }))).toBe(400)
		expect(statusOf(await post(admin.cookie, { intent: 'complete-task', taskId: 'no-such-task', outcome: 'RESOLVED' }))).toBe(404)
	})
})
