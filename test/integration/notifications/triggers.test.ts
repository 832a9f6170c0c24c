import { beforeEach, describe, expect, test, vi } from 'vitest'
import { action as contactAction } from '#app/routes/contact.tsx'
import { agreePlan, proposePlan, requestObjectiveChanges, requestPlanChanges } from '#app/domain/plans/commands.server.ts'
import { raiseTasks } from '#app/domain/playbooks/tasks.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { clearOutbox, readOutbox } from '#test/support/outbox.ts'
import { cookieFor, createAccount, createUser } from '#test/support/requests.ts'
import { call, createPlan, statusOf, threeObjectives } from '../plans/fixtures.ts'

/** Two Tier 1 accounts with their own CSMs: everything that happens to A must leave B's people untold. */
async function world() {
	const csmA = await createUser('CSM', { name: 'Casey A' })
	const csmB = await createUser('CSM', { name: 'Bailey B' })
	const accountA = await createAccount({ name: 'Acme A', csmId: csmA.id, tierOverride: { tier: 1, reason: 'test' } })
	const accountB = await createAccount({ name: 'Beta B', csmId: csmB.id, tierOverride: { tier: 1, reason: 'test' } })
	const customersA = [await createUser('CUSTOMER', { accountId: accountA.id }), await createUser('CUSTOMER', { accountId: accountA.id })]
	const customerB = await createUser('CUSTOMER', { accountId: accountB.id })
	return { csmA, csmB, accountA, accountB, customersA, customerB }
}

async function notificationsOf(userId: string) {
	return prisma.notification.findMany({ where: { recipientId: userId }, orderBy: { createdAt: 'asc' } })
}

beforeEach(async () => {
	await clearOutbox()
	await prisma.notification.deleteMany()
	await prisma.contactRequest.deleteMany()
})

describe('success plan notifications', () => {
	test('a proposal tells every customer user of the account, in the portal and by email, and nobody else', async () => {
		const w = await world()
		const { planId } = await createPlan(threeObjectives(w.accountA.id))
		expect(await proposePlan(planId, { userId: w.csmA.id, kind: 'staff' })).toEqual({ ok: true })

		for (const customer of w.customersA) {
			const [notice, ...more] = await notificationsOf(customer.id)
			expect(more).toHaveLength(0)
			expect(notice).toMatchObject({ kind: 'PLAN_PROPOSED', link: `/plans/${planId}`, readAt: null })
			expect(notice!.title).toContain('ready for review')
			expect(notice!.body).toContain('Casey A')
		}
		expect(await prisma.notification.count()).toBe(w.customersA.length)

		const sent = await readOutbox()
		expect(sent.map((m) => m.to).flat().sort()).toEqual(w.customersA.map((c) => c.email).sort())
		expect(sent[0]!.text).toContain(`/plans/${planId}`)
		expect(sent[0]!.text).toMatch(/^http|\/account/m)
		// The email went out after the commit and is recorded on the notification.
		expect((await notificationsOf(w.customersA[0]!.id))[0]!.emailedAt).not.toBeNull()
	})

	test('a customer who turned emails off is told in the portal only', async () => {
		const w = await world()
		const [quiet, loud] = w.customersA as [(typeof w.customersA)[0], (typeof w.customersA)[0]]
		await prisma.user.update({ where: { id: quiet.id }, data: { emailNotifications: false } })
		const { planId } = await createPlan(threeObjectives(w.accountA.id))
		await proposePlan(planId, { userId: w.csmA.id, kind: 'staff' })

		expect(await notificationsOf(quiet.id)).toHaveLength(1)
		expect((await notificationsOf(quiet.id))[0]!.emailedAt).toBeNull()
		const sent = await readOutbox()
		expect(sent.map((m) => m.to).flat()).toEqual([loud.email])
	})

	test('a refused proposal (no objectives) tells nobody', async () => {
		const w = await world()
		const { planId } = await createPlan({ ...threeObjectives(w.accountA.id), objectives: [] })
		const result = await proposePlan(planId, { userId: w.csmA.id, kind: 'staff' })
		expect(result.ok).toBe(false)
		expect(await prisma.notification.count()).toBe(0)
		expect(await readOutbox()).toHaveLength(0)
	})

	test('agreeing, asking for changes to the plan and to one objective tell the account CSM only', async () => {
		const w = await world()
		const customer = w.customersA[0]!
		const actor = { userId: customer.id, kind: 'customer' as const }

		const { planId: first } = await createPlan(threeObjectives(w.accountA.id, 'PROPOSED'))
		expect(await requestPlanChanges(first, actor, 'Please add a target for the Berlin site.')).toEqual({ ok: true })
		const objective = await prisma.objective.findFirstOrThrow({ where: { planId: first }, orderBy: { position: 'asc' } })
		expect(await requestObjectiveChanges(first, actor, { objectiveId: objective.id, body: 'Ninety users is more realistic.' })).toEqual({ ok: true })

		const { planId: second } = await createPlan({
			...threeObjectives(w.accountA.id, 'PROPOSED'),
			objectives: threeObjectives(w.accountA.id).objectives.map((o) => ({ ...o, agreement: 'AGREED' as const })),
		})
		expect(await agreePlan(second, actor)).toEqual({ ok: true })

		const told = await notificationsOf(w.csmA.id)
		expect(told.map((n) => n.kind)).toEqual(['PLAN_CHANGES_REQUESTED', 'PLAN_CHANGES_REQUESTED', 'PLAN_AGREED'])
		expect(told[0]!.body).toContain('Berlin site')
		expect(told[1]!.body).toContain(objective.metric)
		expect(told[2]).toMatchObject({ link: `/console/plans/${second}`, title: 'Acme A agreed to the success plan' })
		expect(await notificationsOf(w.csmB.id)).toHaveLength(0)
		expect(await prisma.notification.count({ where: { recipientId: { not: w.csmA.id } } })).toBe(0)
		expect((await readOutbox()).map((m) => m.to).flat()).toEqual([w.csmA.email, w.csmA.email, w.csmA.email])
	})
})

describe('new CSM tasks', () => {
	const task = (cause: string, title: string) => ({ cause, kind: 'ROOT_CAUSE_CHECKIN' as const, title, evidence: ['Will dropped'] })

	test('a run that raises tasks tells each owner once, listing their tasks; a refresh of an open task tells nobody', async () => {
		const w = await world()
		const now = new Date()
		await raiseTasks(
			[
				{ accountId: w.accountA.id, assigneeId: w.csmA.id, task: task('a:1', 'Find the root cause at Acme') },
				{ accountId: w.accountA.id, assigneeId: w.csmA.id, task: task('a:2', 'Call the Acme sponsor') },
				{ accountId: w.accountB.id, assigneeId: w.csmB.id, task: task('b:1', 'Exit review for Beta') },
			],
			now,
		)
		const toA = await notificationsOf(w.csmA.id)
		expect(toA).toHaveLength(1)
		expect(toA[0]).toMatchObject({ kind: 'TASKS_RAISED', title: '2 new tasks in your queue', link: '/console/tasks' })
		expect(toA[0]!.body).toContain('Call the Acme sponsor (Acme A)')
		expect(toA[0]!.body).not.toContain('Beta')
		const toB = await notificationsOf(w.csmB.id)
		expect(toB.map((n) => n.title)).toEqual(['New task: Exit review for Beta'])

		// Same causes again while open: evidence refreshed, no new task, no new notification.
		const again = await raiseTasks([{ accountId: w.accountA.id, assigneeId: w.csmA.id, task: { ...task('a:1', 'Find the root cause at Acme'), evidence: ['New'] } }], now)
		expect(again).toEqual({ created: 0, updated: 1 })
		expect(await prisma.notification.count()).toBe(2)
	})

	test('a task without an owner tells nobody', async () => {
		const account = await createAccount()
		await raiseTasks([{ accountId: account.id, assigneeId: null, task: task('x:1', 'Orphan task') }], new Date())
		expect(await prisma.csmTask.count({ where: { accountId: account.id } })).toBe(1)
		expect(await prisma.notification.count()).toBe(0)
	})
})

describe('contact form', () => {
	test('a Tier 1 customer’s message reaches their named CSM (portal and email), not another CSM or the support address', async () => {
		const w = await world()
		const customer = w.customersA[0]!
		const result = await call(contactAction, '/contact', {}, {
			cookie: await cookieFor(customer.id),
			form: { subject: 'Dashboards are empty', message: 'The morning dashboard shows no data since Monday.', about: 'connect-a-data-warehouse' },
		})
		expect(statusOf(result)).toBe(200)
		expect(result).toMatchObject({ sentTo: { kind: 'csm', name: 'Casey A' } })

		const stored = await prisma.contactRequest.findFirstOrThrow({ where: { userId: customer.id } })
		expect(stored).toMatchObject({ accountId: w.accountA.id, csmId: w.csmA.id, aboutPath: '/kb/connect-a-data-warehouse' })
		const [notice] = await notificationsOf(w.csmA.id)
		expect(notice).toMatchObject({ kind: 'CONTACT_REQUEST', link: `/console/accounts/${w.accountA.id}` })
		expect(notice!.title).toContain('Dashboards are empty')
		expect(notice!.body).toContain('/kb/connect-a-data-warehouse')
		expect(notice!.body).toContain(customer.email)
		expect(await prisma.notification.count()).toBe(1)
		const sent = await readOutbox()
		expect(sent.map((m) => m.to)).toEqual([[w.csmA.email]])
	})

	test('without a named CSM the support address gets the email and every admin is told in the portal', async () => {
		const csm = await createUser('CSM')
		const admin = await createUser('ADMIN')
		// A Tier 3 account whose csmId is set still has no named CSM in its plan.
		const account = await createAccount({ csmId: csm.id, tierOverride: { tier: 3, reason: 'long tail' } })
		const customer = await createUser('CUSTOMER', { accountId: account.id })
		const result = await call(contactAction, '/contact', {}, {
			cookie: await cookieFor(customer.id),
			form: { subject: 'How do I export?', message: 'I cannot find the export button anywhere.', about: 'https://evil.example/phish' },
		})
		expect(result).toMatchObject({ sentTo: { kind: 'support', email: getEnv().SUPPORT_EMAIL } })
		expect(await prisma.contactRequest.findFirstOrThrow({ where: { userId: customer.id } })).toMatchObject({ csmId: null, aboutPath: null })
		expect(await notificationsOf(csm.id)).toHaveLength(0)
		const admins = await prisma.user.findMany({ where: { role: 'ADMIN' }, select: { id: true } })
		expect(await prisma.notification.count()).toBe(admins.length)
		expect((await notificationsOf(admin.id))[0]!.emailedAt).toBeNull()
		const sent = await readOutbox()
		expect(sent).toHaveLength(1)
		expect(sent[0]).toMatchObject({ to: [getEnv().SUPPORT_EMAIL], replyTo: [customer.email] })
		expect(sent[0]!.text).toContain('I cannot find the export button anywhere.')
	})

	test('bad input gets field errors and stores nothing', async () => {
		const w = await world()
		const result = await call(contactAction, '/contact', {}, { cookie: await cookieFor(w.customersA[0]!.id), form: { subject: 'x', message: 'short' } })
		expect(statusOf(result)).toBe(400)
		const errors = (result as { data: { result: { error: Record<string, string[]> } } }).data.result.error
		expect(errors.subject?.[0]).toMatch(/at least 3/)
		expect(errors.message?.[0]).toMatch(/at least 10/)
		expect(await prisma.contactRequest.count()).toBe(0)
		expect(await prisma.notification.count()).toBe(0)
	})

	test('a failing email send keeps the notification and the message, and logs one line', async () => {
		const w = await world()
		// The file transport cannot create its folder under a regular file.
		const env = getEnv()
		const original = env.MAIL_OUTBOX_DIR
		const blocker = `${original}-blocker`
		const fs = await import('node:fs')
		fs.writeFileSync(blocker, '')
		env.MAIL_OUTBOX_DIR = `${blocker}/outbox`
		const errors = vi.mocked(console.error).mockImplementation(() => {})
		try {
			const result = await call(contactAction, '/contact', {}, {
				cookie: await cookieFor(w.customersA[0]!.id),
				form: { subject: 'Mail server down?', message: 'This should still reach my CSM in the portal.' },
			})
			expect(result).toMatchObject({ sentTo: { kind: 'csm' } })
			await readOutbox()
			expect(errors).toHaveBeenCalledTimes(1)
			expect(String(errors.mock.calls[0]![0])).toMatch(/^email: sending “.*Mail server down\?” to .* failed/)
		} finally {
			env.MAIL_OUTBOX_DIR = original
			fs.rmSync(blocker, { force: true })
		}
		const [notice] = await notificationsOf(w.csmA.id)
		expect(notice).toMatchObject({ kind: 'CONTACT_REQUEST', emailedAt: null })
		expect(await prisma.contactRequest.count({ where: { userId: w.customersA[0]!.id } })).toBe(1)
	})
})
