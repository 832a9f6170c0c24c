import { describe, expect, test } from 'vitest'
import { canManageAccount, managedAccountsWhere } from '#app/domain/accounts-tiers/account-access.ts'
import { action as accountAction, loader as accountLoader } from '#app/routes/console.accounts.$accountId.tsx'
import { action as settingsAction, loader as settingsLoader } from '#app/routes/console.accounts.$accountId_.settings.tsx'
import { action as signalsAction } from '#app/routes/console.signals.tsx'
import { action as tasksAction } from '#app/routes/console.tasks.tsx'
import { requireAccountAccess } from '#app/utils/account-access.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { cookieFor, createAccount, createUser, makeRequest, settle } from '#test/support/requests.ts'
import { call, statusOf } from './helpers.ts'

type Report = { created: number; updated: number; accountsCreated: number; usersCreated: number; errors: Array<{ line: number; message: string }> }

function upload(cookie: string, kind: 'signals' | 'events', name: string, content: string, extra: Record<string, string> = {}) {
	const form = new FormData()
	form.set('kind', kind)
	for (const [key, value] of Object.entries(extra)) form.set(key, value)
	form.set('file', new File([content], name, { type: 'text/plain' }))
	const request = new Request('http://localhost:3000/console/signals', { method: 'POST', headers: { Cookie: cookie }, body: form })
	return settle(() => signalsAction({ request, params: {}, context: {} })) as Promise<{ ok: boolean; report: Report }>
}

/** Everything an import or a console action could change about an account. */
async function stateOf(accountId: string) {
	const [account, usage, userUsage, surveys, events, users, tasks, work] = await Promise.all([
		prisma.account.findUniqueOrThrow({ where: { id: accountId }, select: { timeZone: true, csmId: true } }),
		prisma.productUsage.findMany({ where: { accountId }, orderBy: [{ day: 'asc' }, { metric: 'asc' }] }),
		prisma.userProductUsage.findMany({ where: { accountId }, orderBy: [{ day: 'asc' }, { metric: 'asc' }] }),
		prisma.surveyResponse.findMany({ where: { accountId }, orderBy: { externalId: 'asc' } }),
		prisma.engagementEvent.count({ where: { accountId } }),
		prisma.user.count({ where: { accountId } }),
		prisma.csmTask.findMany({ where: { accountId }, select: { id: true, status: true } }),
		prisma.scoringWork.count({ where: { key: `account:${accountId}` } }),
	])
	return JSON.stringify({ account, usage, userUsage, surveys, events, users, tasks, work })
}

async function setUp() {
	const csm = await createUser('CSM')
	const otherCsm = await createUser('CSM')
	const mine = await createAccount({ csmId: csm.id })
	const created = await createAccount({ csmId: otherCsm.id })
	const theirs = await prisma.account.update({ where: { id: created.id }, data: { externalId: `crm-${created.id}` } })
	const theirUser = await createUser('CUSTOMER', { accountId: theirs.id, email: `pat@${theirs.emailDomain}` })
	const myUser = await createUser('CUSTOMER', { accountId: mine.id, email: `kim@${mine.emailDomain}` })
	await prisma.surveyResponse.create({
		data: { externalId: `their-nps-${theirs.id}`, accountId: theirs.id, kind: 'NPS', score: 3, respondedAt: new Date('2026-04-01T00:00:00Z') },
	})
	const task = await prisma.csmTask.create({
		data: { accountId: theirs.id, kind: 'ROOT_CAUSE_CHECKIN', cause: `c-${theirs.id}`, openCause: `c-${theirs.id}`, title: 'Check in with them' },
	})
	const myTask = await prisma.csmTask.create({
		data: { accountId: mine.id, kind: 'ROOT_CAUSE_CHECKIN', cause: `c-${mine.id}`, openCause: `c-${mine.id}`, title: 'Check in with mine' },
	})
	return { csm, otherCsm, mine, theirs, theirUser, myUser, task, myTask, cookie: await cookieFor(csm.id) }
}

describe('the rule', () => {
	test('an admin manages every account, a CSM their own, editors and customers none', () => {
		const account = { csmId: 'csm-1' }
		expect(canManageAccount({ id: 'a', role: 'ADMIN' }, account)).toBe(true)
		expect(canManageAccount({ id: 'csm-1', role: 'CSM' }, account)).toBe(true)
		expect(canManageAccount({ id: 'csm-2', role: 'CSM' }, account)).toBe(false)
		expect(canManageAccount({ id: 'csm-1', role: 'CSM' }, { csmId: null })).toBe(false)
		expect(canManageAccount({ id: 'csm-1', role: 'EDITOR' }, account)).toBe(false)
		expect(canManageAccount({ id: 'csm-1', role: 'CUSTOMER' }, account)).toBe(false)
		expect(managedAccountsWhere({ id: 'csm-1', role: 'CSM' })).toEqual({ csmId: 'csm-1' })
		expect(managedAccountsWhere({ id: 'x', role: 'ADMIN' })).toEqual({})
		expect(managedAccountsWhere({ id: 'x', role: 'EDITOR' })).toEqual({ id: { in: [] } })
	})
})

describe('importing signals and events from the console', () => {
	test('a CSM’s rows about another CSM’s account are refused by line and change nothing there; their own rows load', async () => {
		const w = await setUp()
		const before = await stateOf(w.theirs.id)
		const file = [
			JSON.stringify({ account: w.mine.emailDomain, day: '2026-05-01', metric: 'active_users', value: 4 }),
			JSON.stringify({ account: w.theirs.emailDomain, day: '2026-05-01', metric: 'active_users', value: 4 }),
			JSON.stringify({ account: w.theirs.id, day: '2026-05-01', metric: 'seats', value: 9 }),
			JSON.stringify({ account: w.theirs.externalId, day: '2026-05-01', metric: 'seats', value: 9 }),
			JSON.stringify({ user: w.theirUser.email, day: '2026-05-01', metric: 'active_minutes', value: 60 }),
			JSON.stringify({ type: 'survey', id: 'new-nps', account: w.theirs.emailDomain, kind: 'NPS', score: 10, respondedAt: '2026-05-03T10:00:00Z' }),
			// An answer already stored for their account, re-sent as one of mine: it stays theirs.
			JSON.stringify({ type: 'survey', id: `their-nps-${w.theirs.id}`, account: w.mine.emailDomain, kind: 'NPS', score: 10, respondedAt: '2026-05-03T10:00:00Z' }),
		].join('\n')
		for (const createMissing of [{}, { createMissing: 'on' }] as Array<Record<string, string>>) {
			const { ok, report } = await upload(w.cookie, 'signals', 'signals.ndjson', file, createMissing)
			expect(ok).toBe(true)
			expect(report.errors.map((e) => e.line)).toEqual([2, 3, 4, 5, 6, 7])
			for (const e of report.errors) expect(e.message).toMatch(/not an account you manage|account you do not manage/)
			expect(report.accountsCreated).toBe(0)
		}
		expect(await stateOf(w.theirs.id)).toBe(before)
		expect(await prisma.productUsage.count({ where: { accountId: w.mine.id } })).toBe(1)
	})

	test('events about a user of another CSM’s account are refused and record nothing', async () => {
		const w = await setUp()
		const before = await stateOf(w.theirs.id)
		const file = [
			JSON.stringify({ id: `e1-${w.mine.id}`, kind: 'sign_in', user: w.myUser.email, occurredAt: '2026-05-01T10:00:00Z' }),
			JSON.stringify({ id: `e2-${w.theirs.id}`, kind: 'sign_in', user: w.theirUser.email, occurredAt: '2026-05-01T10:00:00Z' }),
			// A new user placed in their account by the row, or by the email domain.
			JSON.stringify({ id: `e3-${w.theirs.id}`, kind: 'sign_in', user: `new@${w.mine.emailDomain}`, account: w.theirs.emailDomain, occurredAt: '2026-05-01T10:00:00Z' }),
			JSON.stringify({ id: `e4-${w.theirs.id}`, kind: 'sign_in', user: `new@${w.theirs.emailDomain}`, occurredAt: '2026-05-01T10:00:00Z' }),
		].join('\n')
		const { report } = await upload(w.cookie, 'events', 'events.ndjson', file, { createMissing: 'on' })
		expect(report.created).toBe(1)
		expect(report.errors.map((e) => e.line)).toEqual([2, 3, 4])
		expect(report.usersCreated).toBe(0)
		expect(await stateOf(w.theirs.id)).toBe(before)
		expect(await prisma.user.count({ where: { email: { in: [`new@${w.mine.emailDomain}`, `new@${w.theirs.emailDomain}`] } } })).toBe(0)
	})

	test('an account a CSM’s import creates is theirs; an admin imports for every account', async () => {
		const w = await setUp()
		const domain = `fresh-${Math.random().toString(36).slice(2, 8)}.example.com`
		const row = JSON.stringify({ account: domain, day: '2026-05-01', metric: 'active_users', value: 2 })
		const { report } = await upload(w.cookie, 'signals', 'signals.ndjson', row, { createMissing: 'on' })
		expect(report).toMatchObject({ created: 1, accountsCreated: 1, errors: [] })
		expect(await prisma.account.findUniqueOrThrow({ where: { emailDomain: domain }, select: { csmId: true } })).toEqual({ csmId: w.csm.id })

		const admin = await cookieFor((await createUser('ADMIN')).id)
		const theirRow = JSON.stringify({ account: w.theirs.emailDomain, day: '2026-05-01', metric: 'active_users', value: 4 })
		expect((await upload(admin, 'signals', 'signals.ndjson', theirRow)).report).toMatchObject({ created: 1, errors: [] })
	})
})

describe('console account pages', () => {
	test('another CSM gets a 404 from the account page, recompute, its tasks and its settings, and changes nothing', async () => {
		const w = await setUp()
		const before = await stateOf(w.theirs.id)
		const params = { accountId: w.theirs.id }
		const path = `/console/accounts/${w.theirs.id}`
		expect(statusOf(await call(accountLoader, path, params, { cookie: w.cookie }))).toBe(404)
		expect(statusOf(await call(accountAction, path, params, { cookie: w.cookie, form: { intent: 'recompute' } }))).toBe(404)
		expect(statusOf(await call(accountAction, path, params, { cookie: w.cookie, form: { intent: 'complete-task', taskId: w.task.id, outcome: 'RESOLVED' } }))).toBe(404)
		expect(statusOf(await call(settingsLoader, `${path}/settings`, params, { cookie: w.cookie }))).toBe(404)
		expect(statusOf(await call(settingsAction, `${path}/settings`, params, { cookie: w.cookie, form: { intent: 'set-time-zone', timeZone: 'Europe/Paris' } }))).toBe(404)
		expect(statusOf(await call(tasksAction, '/console/tasks', {}, { cookie: w.cookie, form: { intent: 'complete-task', taskId: w.task.id, outcome: 'RESOLVED' } }))).toBe(404)
		expect(await stateOf(w.theirs.id)).toBe(before)

		// Their task through my account's page: the task is not this account's.
		const mine = `/console/accounts/${w.mine.id}`
		expect(statusOf(await call(accountAction, mine, { accountId: w.mine.id }, { cookie: w.cookie, form: { intent: 'complete-task', taskId: w.task.id, outcome: 'RESOLVED' } }))).toBe(404)
		expect(await stateOf(w.theirs.id)).toBe(before)
		const done = await call(accountAction, mine, { accountId: w.mine.id }, { cookie: w.cookie, form: { intent: 'complete-task', taskId: w.myTask.id, outcome: 'RESOLVED' } })
		expect(statusOf(done)).toBe(302)
		expect(statusOf(await call(accountLoader, mine, { accountId: w.mine.id }, { cookie: w.cookie }))).toBe(200)
	})

	test('the owner and an admin get the page; an editor and a customer get a 403', async () => {
		const w = await setUp()
		const params = { accountId: w.theirs.id }
		const path = `/console/accounts/${w.theirs.id}`
		const admin = await cookieFor((await createUser('ADMIN')).id)
		for (const cookie of [await cookieFor(w.otherCsm.id), admin]) expect(statusOf(await call(accountLoader, path, params, { cookie }))).toBe(200)
		for (const cookie of [await cookieFor((await createUser('EDITOR')).id), await cookieFor(w.theirUser.id)]) {
			expect(statusOf(await call(accountLoader, path, params, { cookie }))).toBe(403)
		}
	})
})

describe('requireAccountAccess, directly (mutation testing)', () => {
	const guard = (cookie: string, accountId: string | undefined) => settle(() => requireAccountAccess(makeRequest('/console/accounts/x', { cookie }), accountId))

	test('gives the owner and an admin the user and the account; an unknown or missing id is a 404 even for an admin', async () => {
		const w = await setUp()
		const admin = await createUser('ADMIN')
		const adminCookie = await cookieFor(admin.id)
		expect(await guard(w.cookie, w.mine.id)).toMatchObject({ user: { id: w.csm.id }, account: { id: w.mine.id, csmId: w.csm.id } })
		expect(await guard(adminCookie, w.theirs.id)).toMatchObject({ user: { id: admin.id }, account: { id: w.theirs.id, csmId: w.otherCsm.id } })
		for (const id of ['no-such-account', '', undefined]) {
			const refused = await guard(adminCookie, id)
			expect(refused instanceof Response && refused.status, String(id)).toBe(404)
		}
		const other = await guard(w.cookie, w.theirs.id)
		expect(other instanceof Response && other.status).toBe(404)
		expect(other instanceof Response && (await other.text())).toBe('Not found')
	})
})
