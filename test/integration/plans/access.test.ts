import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { action as eventsAction } from '#app/routes/api.events.ts'
import { action as consoleListAction } from '#app/routes/console.plans._index.tsx'
import { action as consoleAction, loader as consoleLoader } from '#app/routes/console.plans.$planId.tsx'
import { loader as activePlanLoader } from '#app/routes/plan.tsx'
import { action as planAction, loader as planLoader } from '#app/routes/plans.$planId.tsx'
import { loader as printLoader } from '#app/routes/plans.$planId_.print.tsx'
import { prisma } from '#app/utils/db.server.ts'
import { cookieFor, createAccount, createUser } from '#test/support/requests.ts'
import { call, createPlan, planTableCounts, statusOf, threeObjectives, tier1World } from './fixtures.ts'

const CUSTOMER_FORMS = (objectiveId: string): Array<Record<string, string>> => [
	{ intent: 'agree-plan' },
	{ intent: 'request-plan-changes', body: 'Please change' },
	{ intent: 'agree-objective', objectiveId },
	{ intent: 'request-objective-changes', objectiveId, body: 'Please change' },
	{ intent: 'comment', body: 'Hello' },
	{ intent: 'comment', objectiveId, body: 'Hello' },
	{ intent: 'rate-delivery', rating: '5' },
]

const STAFF_FORMS = (objectiveId: string): Array<Record<string, string>> => [
	{ intent: 'update-details', title: 'Hijacked' },
	{ intent: 'add-objective', metric: 'M', unit: 'u', baseline: '1', target: '2', dueDate: '2099-01-01' },
	{ intent: 'edit-objective', objectiveId, metric: 'M', unit: 'u', baseline: '1', target: '2', dueDate: '2099-01-01' },
	{ intent: 'update-progress', objectiveId, current: '99' },
	{ intent: 'set-achieved', objectiveId, achieved: 'yes' },
	{ intent: 'add-initiative', title: 'T', owner: 'O', status: 'PLANNED' },
	{ intent: 'propose' },
	{ intent: 'archive' },
	{ intent: 'comment', body: 'Hello' },
]

describe('who may see a plan', () => {
	test("a user of another account gets 404 for the plan page, its print view and every plan action by id; nothing changes", async () => {
		const world = await tier1World()
		const { planId, objectiveIds } = await createPlan(threeObjectives(world.account.id, 'PROPOSED'))
		const other = await createAccount({ tierOverride: { tier: 1, reason: 'another strategic account' } })
		const outsiders = {
			customer: await cookieFor((await createUser('CUSTOMER', { accountId: other.id })).id),
			otherCsm: await cookieFor((await createUser('CSM')).id),
			editor: await cookieFor((await createUser('EDITOR')).id),
		}
		const before = await planTableCounts()
		for (const cookie of Object.values(outsiders)) {
			expect(statusOf(await call(planLoader, `/plans/${planId}`, { planId }, { cookie }))).toBe(404)
			expect(statusOf(await call(printLoader, `/plans/${planId}/print`, { planId }, { cookie }))).toBe(404)
			expect(statusOf(await call(consoleLoader, `/console/plans/${planId}`, { planId }, { cookie }))).toBe(404)
			for (const form of CUSTOMER_FORMS(objectiveIds[0]!)) {
				expect(statusOf(await call(planAction, `/plans/${planId}`, { planId }, { cookie, form })), form.intent).toBe(404)
			}
			for (const form of STAFF_FORMS(objectiveIds[0]!)) {
				expect(statusOf(await call(consoleAction, `/console/plans/${planId}`, { planId }, { cookie, form })), form.intent).toBe(404)
			}
		}
		// A guessed id is a 404 as well, for members of other plans too.
		for (const planIdGuess of ['cl000000000000000000000000', 'nope']) {
			expect(statusOf(await call(planLoader, `/plans/${planIdGuess}`, { planId: planIdGuess }, { cookie: world.cookies.customer }))).toBe(404)
			expect(statusOf(await call(planAction, `/plans/${planIdGuess}`, { planId: planIdGuess }, { cookie: world.cookies.customer, form: { intent: 'agree-plan' } }))).toBe(404)
		}
		// Starting a plan for someone else's account is a 404 too.
		expect(statusOf(await call(consoleListAction, '/console/plans', {}, { cookie: outsiders.otherCsm, form: { intent: 'create-plan', accountId: world.account.id, title: 'Mine now' } }))).toBe(404)
		expect(await planTableCounts()).toEqual(before)
	})

	test('the account’s customers, its CSM and admins see the plan; customers do not see drafts', async () => {
		const world = await tier1World()
		const draft = await createPlan(threeObjectives(world.account.id, 'DRAFT'))
		const admin = await cookieFor((await createUser('ADMIN')).id)
		const forCustomer = (await call(planLoader, `/plans/${draft.planId}`, { planId: draft.planId }, { cookie: world.cookies.customer })) as Awaited<ReturnType<typeof planLoader>>
		expect(forCustomer.page.status).toBe('DRAFT')
		expect(forCustomer.page.content).toBeNull()
		const forCsm = (await call(planLoader, `/plans/${draft.planId}`, { planId: draft.planId }, { cookie: world.cookies.csm })) as Awaited<ReturnType<typeof planLoader>>
		expect(forCsm.page.content?.objectives).toHaveLength(3)
		expect(statusOf(await call(consoleLoader, `/console/plans/${draft.planId}`, { planId: draft.planId }, { cookie: admin }))).toBe(200)
		// The account's own customers are refused the console editor by role.
		expect(statusOf(await call(consoleLoader, `/console/plans/${draft.planId}`, { planId: draft.planId }, { cookie: world.cookies.customer }))).toBe(403)
	})

	test('/plan shows the active plan and the past ones; staff are sent to the console', async () => {
		const world = await tier1World()
		const past = await createPlan({ ...threeObjectives(world.account.id, 'ARCHIVED'), title: 'Old plan', createdDaysAgo: 200 })
		const current = await createPlan(threeObjectives(world.account.id, 'PROPOSED'))
		const data = (await call(activePlanLoader, '/plan', {}, { cookie: world.cookies.customer })) as Awaited<ReturnType<typeof activePlanLoader>>
		expect(data.kind).toBe('plan')
		if (data.kind !== 'plan') return
		expect(data.page.id).toBe(current.planId)
		expect(data.plans.map((p) => p.id)).toEqual([current.planId, past.planId])
		const staff = (await call(activePlanLoader, '/plan', {}, { cookie: world.cookies.csm })) as Response
		expect(staff.status).toBe(302)
		expect(staff.headers.get('Location')).toBe('/console/plans')
	})

	test('a customer looking at a plan is a plan_review at most once a day, reported by the page; staff and drafts are not', async () => {
		const world = await tier1World()
		const { planId } = await createPlan(threeObjectives(world.account.id, 'PROPOSED'))
		const draft = await createPlan({ ...threeObjectives(world.account.id, 'DRAFT'), active: false })
		const review = (id: string, cookie: string) =>
			call(eventsAction, '/api/events', {}, { cookie, json: { clientEventId: randomUUID(), kind: 'plan_review', itemKey: `plan:${id}` } })
		// The loaders only read; they tell the page whether its look counts as a review.
		for (let i = 0; i < 3; i++) {
			expect(await call(planLoader, `/plans/${planId}`, { planId }, { cookie: world.cookies.customer })).toMatchObject({ reviewBeacon: true })
		}
		expect(await call(planLoader, `/plans/${planId}`, { planId }, { cookie: world.cookies.csm })).toMatchObject({ reviewBeacon: false })
		expect(await prisma.engagementEvent.count({ where: { kind: 'plan_review', accountId: world.account.id } })).toBe(0)
		for (let i = 0; i < 3; i++) await review(planId, world.cookies.customer)
		expect(statusOf(await review(planId, world.cookies.csm))).toBe(422)
		expect(statusOf(await review(draft.planId, world.cookies.customer))).toBe(422)
		const reviews = await prisma.engagementEvent.findMany({ where: { kind: 'plan_review', accountId: world.account.id } })
		expect(reviews).toHaveLength(1)
		expect(reviews[0]).toMatchObject({ userId: world.customer.id, accountId: world.account.id, itemKey: `plan:${planId}` })
		// Yesterday's review does not stop today's.
		await prisma.engagementEvent.updateMany({ where: { kind: 'plan_review', accountId: world.account.id }, data: { occurredAt: new Date(Date.now() - 2 * 24 * 3600 * 1000) } })
		await review(planId, world.cookies.customer)
		expect(await prisma.engagementEvent.count({ where: { kind: 'plan_review', accountId: world.account.id } })).toBe(2)
	})
})
