import { describe, expect, test } from 'vitest'
import { action as consoleListAction, loader as consoleListLoader } from '#app/routes/console.plans._index.tsx'
import { action as consoleAction } from '#app/routes/console.plans.$planId.tsx'
import { action as planAction, loader as planLoader } from '#app/routes/plans.$planId.tsx'
import { prisma } from '#app/utils/db.server.ts'
import { createAccount, createUser, cookieFor } from '#test/support/requests.ts'
import { call, createPlan, errorsOf, planTableCounts, statusOf, threeObjectives, tier1World } from './fixtures.ts'

const staffPost = (planId: string, cookie: string, form: Record<string, string>) =>
	call(consoleAction, `/console/plans/${planId}`, { planId }, { cookie, form })
const customerPost = (planId: string, cookie: string, form: Record<string, string>) => call(planAction, `/plans/${planId}`, { planId }, { cookie, form })

const historyKinds = async (planId: string) =>
	(await prisma.planEvent.findMany({ where: { planId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { kind: true } })).map((e) => e.kind)

const inDays = (days: number) => new Date(Date.now() + days * 24 * 3600 * 1000).toISOString().slice(0, 10)

describe('propose, agree, ask for changes', () => {
	test('the CSM proposes; the customer agrees two measures and asks for a change on a third; the CSM sees it; history keeps every step', async () => {
		const world = await tier1World()
		const { planId, objectiveIds } = await createPlan(threeObjectives(world.account.id, 'DRAFT'))
		const [first, second, third] = objectiveIds as [string, string, string]

		expect(statusOf(await staffPost(planId, world.cookies.csm, { intent: 'propose' }))).toBe(200)
		expect(statusOf(await customerPost(planId, world.cookies.customer, { intent: 'agree-objective', objectiveId: first }))).toBe(200)
		expect(statusOf(await customerPost(planId, world.cookies.customer, { intent: 'agree-objective', objectiveId: second }))).toBe(200)
		// The plan cannot be agreed while a measure is open.
		const early = await customerPost(planId, world.cookies.customer, { intent: 'agree-plan' })
		expect(statusOf(early)).toBe(409)
		expect(errorsOf(early)['']).toEqual(["Agree to every objective's measure first (1 still open)."])
		const request = await customerPost(planId, world.cookies.customer, { intent: 'request-objective-changes', objectiveId: third, body: 'Twelve sites is too many this year: say eight.' })
		expect(statusOf(request)).toBe(200)

		const plan = await prisma.successPlan.findUniqueOrThrow({ where: { id: planId }, include: { objectives: { orderBy: { position: 'asc' } } } })
		expect(plan.status).toBe('CHANGES_REQUESTED')
		expect(plan.objectives.map((o) => o.agreement)).toEqual(['AGREED', 'AGREED', 'CHANGES_REQUESTED'])
		expect(await prisma.planComment.findFirst({ where: { objectiveId: third } })).toMatchObject({ authorId: world.customer.id, body: 'Twelve sites is too many this year: say eight.' })
		expect(await prisma.engagementEvent.count({ where: { kind: 'plan_signoff', userId: world.customer.id } })).toBe(2)

		// The CSM's list puts the plan first, with the request.
		const { rows } = (await call(consoleListLoader, '/console/plans', {}, { cookie: world.cookies.csm })) as Awaited<ReturnType<typeof consoleListLoader>>
		expect(rows[0]).toMatchObject({ needsAnswer: true, activePlan: { id: planId, changeRequests: 1, agreed: 2 } })
		expect(rows[0]!.lastRequest?.summary).toContain('Twelve sites is too many')

		expect(await historyKinds(planId)).toEqual(['PROPOSED', 'OBJECTIVE_AGREED', 'OBJECTIVE_AGREED', 'OBJECTIVE_CHANGES_REQUESTED'])
		const page = (await call(planLoader, `/plans/${planId}`, { planId }, { cookie: world.cookies.csm })) as Awaited<ReturnType<typeof planLoader>>
		expect(page.page.content?.history.map((h) => h.actorName)).toEqual([world.csm.name, world.customer.name, world.customer.name, world.customer.name])

		// The CSM changes the measure and proposes again; the customer agrees it and the plan.
		expect(statusOf(await staffPost(planId, world.cookies.csm, { intent: 'edit-objective', objectiveId: third, metric: 'Sites live', unit: 'sites', baseline: '3', target: '8', dueDate: inDays(100) }))).toBe(200)
		expect(statusOf(await staffPost(planId, world.cookies.csm, { intent: 'propose' }))).toBe(200)
		expect((await prisma.objective.findUniqueOrThrow({ where: { id: third } })).agreement).toBe('AWAITING')
		expect(statusOf(await customerPost(planId, world.cookies.customer, { intent: 'agree-objective', objectiveId: third }))).toBe(200)
		expect(statusOf(await customerPost(planId, world.cookies.customer, { intent: 'agree-plan' }))).toBe(200)
		const agreed = await prisma.successPlan.findUniqueOrThrow({ where: { id: planId } })
		expect(agreed.status).toBe('AGREED')
		expect(agreed.agreedAt).toBeInstanceOf(Date)
		expect(await prisma.engagementEvent.count({ where: { kind: 'plan_signoff', userId: world.customer.id } })).toBe(4)
		expect((await historyKinds(planId)).slice(-4)).toEqual(['OBJECTIVE_EDITED', 'PROPOSED', 'OBJECTIVE_AGREED', 'PLAN_AGREED'])
	})

	test('an agreed measure edited by the CSM returns to awaiting agreement, and the plan awaits agreement again', async () => {
		const world = await tier1World()
		const spec = threeObjectives(world.account.id, 'AGREED')
		spec.objectives = spec.objectives.map((o) => ({ ...o, agreement: 'AGREED' as const }))
		const { planId, objectiveIds } = await createPlan(spec)
		const objectiveId = objectiveIds[0]!
		const due = (await prisma.objective.findUniqueOrThrow({ where: { id: objectiveId } })).dueDate.toISOString().slice(0, 10)
		const measure = { intent: 'edit-objective', objectiveId, metric: 'Weekly active users', unit: 'users', baseline: '40', target: '120', dueDate: due }

		// Saving the same measure changes nothing.
		const before = await planTableCounts()
		expect(statusOf(await staffPost(planId, world.cookies.csm, measure))).toBe(200)
		expect(await planTableCounts()).toEqual(before)
		expect((await prisma.objective.findUniqueOrThrow({ where: { id: objectiveId } })).agreement).toBe('AGREED')

		expect(statusOf(await staffPost(planId, world.cookies.csm, { ...measure, target: '150' }))).toBe(200)
		const objective = await prisma.objective.findUniqueOrThrow({ where: { id: objectiveId } })
		expect(objective).toMatchObject({ target: 150, agreement: 'AWAITING', agreedAt: null })
		expect((await prisma.successPlan.findUniqueOrThrow({ where: { id: planId } })).status).toBe('PROPOSED')
		const event = await prisma.planEvent.findFirstOrThrow({ where: { planId, kind: 'OBJECTIVE_EDITED' } })
		expect(event).toMatchObject({ actorId: world.csm.id, summary: 'Changed the measure of “Weekly active users”: target 120 users → 150 users; awaiting agreement again' })
		// The other measures keep their agreement.
		expect((await prisma.objective.findUniqueOrThrow({ where: { id: objectiveIds[1]! } })).agreement).toBe('AGREED')
	})

	test('a progress update keeps who, when, the old and new value, and leaves the agreement alone', async () => {
		const world = await tier1World()
		const spec = threeObjectives(world.account.id, 'AGREED')
		spec.objectives[0] = { ...spec.objectives[0]!, agreement: 'AGREED' }
		const { planId, objectiveIds } = await createPlan(spec)
		const objectiveId = objectiveIds[0]!
		await staffPost(planId, world.cookies.csm, { intent: 'update-progress', objectiveId, current: '55', note: 'Two sites trained' })
		await staffPost(planId, world.cookies.csm, { intent: 'update-progress', objectiveId, current: '61.5' })
		const updates = await prisma.objectiveUpdate.findMany({ where: { objectiveId }, orderBy: { createdAt: 'asc' } })
		expect(updates.map((u) => [u.oldValue, u.newValue, u.authorId, u.note])).toEqual([
			[40, 55, world.csm.id, 'Two sites trained'],
			[55, 61.5, world.csm.id, null],
		])
		const objective = await prisma.objective.findUniqueOrThrow({ where: { id: objectiveId } })
		expect(objective).toMatchObject({ current: 61.5, agreement: 'AGREED' })
		expect((await prisma.successPlan.findUniqueOrThrow({ where: { id: planId } })).status).toBe('AGREED')
		const page = (await call(planLoader, `/plans/${planId}`, { planId }, { cookie: world.cookies.customer })) as Awaited<ReturnType<typeof planLoader>>
		const shown = page.page.content!.objectives[0]!
		expect(shown.series.map((p) => p.value)).toEqual([40, 55, 61.5])
		expect(shown.updates.map((u) => u.authorName)).toEqual([world.csm.name, world.csm.name])
		expect(await historyKinds(planId)).toEqual(['PROGRESS_UPDATED', 'PROGRESS_UPDATED'])
	})
})

describe('bad input is refused with clear messages and changes nothing', () => {
	test('target not a number, due date in the past for a new objective, empty metric', async () => {
		const world = await tier1World()
		const { planId } = await createPlan(threeObjectives(world.account.id, 'DRAFT'))
		const good = { intent: 'add-objective', metric: 'Adoption', unit: '%', baseline: '10', target: '50', dueDate: inDays(90) }
		const before = await planTableCounts()
		const cases: Array<[Record<string, string>, string, string]> = [
			[{ ...good, target: 'fifty' }, 'target', 'Target must be a number'],
			[{ ...good, dueDate: inDays(-1) }, 'dueDate', 'Due date must be today or later'],
			[{ ...good, metric: '' }, 'metric', 'Metric is required'],
			[{ ...good, metric: '   ' }, 'metric', 'Metric is required'],
			[{ ...good, baseline: '' }, 'baseline', 'Baseline is required'],
		]
		for (const [form, field, message] of cases) {
			const result = await staffPost(planId, world.cookies.csm, form)
			expect(statusOf(result)).toBe(400)
			expect(errorsOf(result)[field]).toEqual([message])
		}
		// Editing a measure cannot move its due date into the past either.
		const objective = await prisma.objective.findFirstOrThrow({ where: { planId } })
		const past = await staffPost(planId, world.cookies.csm, {
			intent: 'edit-objective',
			objectiveId: objective.id,
			metric: objective.metric,
			unit: objective.unit,
			baseline: String(objective.baseline),
			target: String(objective.target),
			dueDate: inDays(-3),
		})
		expect(statusOf(past)).toBe(400)
		expect(errorsOf(past).dueDate).toEqual(['Due date must be today or later'])
		const progress = await staffPost(planId, world.cookies.csm, { intent: 'update-progress', objectiveId: objective.id, current: 'a lot' })
		expect(errorsOf(progress).current).toEqual(['Current value must be a number'])
		const emptyRequest = await customerPost(planId, world.cookies.customer, { intent: 'comment', body: '' })
		expect(statusOf(emptyRequest)).toBe(400)
		expect(await planTableCounts()).toEqual(before)

		// The good one goes through.
		expect(statusOf(await staffPost(planId, world.cookies.csm, good))).toBe(200)
		expect(await prisma.objective.count({ where: { planId } })).toBe(4)
	})

	test('an objective of another plan cannot be reached through this plan', async () => {
		const world = await tier1World()
		const mine = await createPlan(threeObjectives(world.account.id, 'PROPOSED'))
		const elsewhere = await tier1World()
		const theirs = await createPlan(threeObjectives(elsewhere.account.id, 'PROPOSED'))
		const before = await planTableCounts()
		const agree = await customerPost(mine.planId, world.cookies.customer, { intent: 'agree-objective', objectiveId: theirs.objectiveIds[0]! })
		expect(statusOf(agree)).toBe(404)
		const progress = await staffPost(mine.planId, world.cookies.csm, { intent: 'update-progress', objectiveId: theirs.objectiveIds[0]!, current: '1' })
		expect(statusOf(progress)).toBe(404)
		expect(await planTableCounts()).toEqual(before)
	})
})

describe('roles and read-only plans', () => {
	test('customer actions are the customer’s: the CSM cannot agree for them', async () => {
		const world = await tier1World()
		const { planId, objectiveIds } = await createPlan(threeObjectives(world.account.id, 'PROPOSED'))
		const before = await planTableCounts()
		const agree = await customerPost(planId, world.cookies.csm, { intent: 'agree-objective', objectiveId: objectiveIds[0]! })
		expect(statusOf(agree)).toBe(403)
		expect(errorsOf(agree)['']).toEqual(['Only customer users of the account can do this.'])
		expect(statusOf(await staffPost(planId, world.cookies.customer, { intent: 'propose' }))).toBe(403)
		expect(await planTableCounts()).toEqual(before)
	})

	test('an account that drops out of Tier 1 keeps read-only access to its plans', async () => {
		const world = await tier1World()
		const { planId, objectiveIds } = await createPlan(threeObjectives(world.account.id, 'PROPOSED'))
		await prisma.account.update({ where: { id: world.account.id }, data: { tier: 2, tierOverride: 2 } })
		const page = (await call(planLoader, `/plans/${planId}`, { planId }, { cookie: world.cookies.customer })) as Awaited<ReturnType<typeof planLoader>>
		expect(page.page.content?.objectives).toHaveLength(3)
		expect(page.access).toMatchObject({ canRespond: false, canComment: false, readOnlyReason: expect.stringMatching(/Enterprise plan/) })
		const before = await planTableCounts()
		const forms: Array<Record<string, string>> = [
			{ intent: 'agree-objective', objectiveId: objectiveIds[0]! },
			{ intent: 'comment', body: 'Still here' },
			{ intent: 'rate-delivery', rating: '3' },
		]
		for (const form of forms) {
			const result = await customerPost(planId, world.cookies.customer, form)
			expect(statusOf(result), form.intent).toBe(403)
			expect(errorsOf(result)[''], form.intent).toEqual(['Success plans are part of the Enterprise plan: this account keeps read-only access to its past plans.'])
		}
		expect(statusOf(await staffPost(planId, world.cookies.csm, { intent: 'update-progress', objectiveId: objectiveIds[0]!, current: '50' }))).toBe(403)
		// No new plan for a Tier 2 account.
		const create = await call(consoleListAction, '/console/plans', {}, { cookie: world.cookies.csm, form: { intent: 'create-plan', accountId: world.account.id, title: 'New' } })
		expect(statusOf(create)).toBe(409)
		expect(await planTableCounts()).toEqual(before)
	})

	test('a past plan is read-only; starting a new plan archives the active one', async () => {
		const world = await tier1World()
		const old = await createPlan(threeObjectives(world.account.id, 'AGREED'))
		const created = (await call(consoleListAction, '/console/plans', {}, { cookie: world.cookies.csm, form: { intent: 'create-plan', accountId: world.account.id, title: 'Next year' } })) as Response
		expect(created.status).toBe(302)
		const plans = await prisma.successPlan.findMany({ where: { accountId: world.account.id }, orderBy: { createdAt: 'asc' } })
		expect(plans.map((p) => [p.title, p.status, p.active])).toEqual([
			['Test plan', 'ARCHIVED', false],
			['Next year', 'DRAFT', true],
		])
		expect(created.headers.get('Location')).toBe(`/console/plans/${plans[1]!.id}`)
		const comment = await customerPost(old.planId, world.cookies.customer, { intent: 'comment', body: 'About the old plan' })
		expect(statusOf(comment)).toBe(403)
		expect(errorsOf(comment)['']).toEqual(['This is a past plan: it is kept read-only.'])
		expect(statusOf(await staffPost(old.planId, world.cookies.csm, { intent: 'update-details', title: 'Rewritten' }))).toBe(403)
	})

	test('an admin may edit any plan; a CSM of another account may not create one there', async () => {
		const world = await tier1World()
		const { planId } = await createPlan(threeObjectives(world.account.id, 'DRAFT'))
		const admin = await cookieFor((await createUser('ADMIN')).id)
		expect(statusOf(await staffPost(planId, admin, { intent: 'update-details', title: 'Renamed by admin', roadmap: 'Forecasting next year' }))).toBe(200)
		expect(await prisma.successPlan.findUniqueOrThrow({ where: { id: planId } })).toMatchObject({ title: 'Renamed by admin', roadmap: 'Forecasting next year' })
		expect((await prisma.planEvent.findFirstOrThrow({ where: { planId, kind: 'DETAILS_EDITED' } })).summary).toBe('Edited the title, definition of success, roadmap')
		const tier3 = await createAccount()
		const csm = await cookieFor((await createUser('CSM')).id)
		expect(statusOf(await call(consoleListAction, '/console/plans', {}, { cookie: csm, form: { intent: 'create-plan', accountId: tier3.id, title: 'X' } }))).toBe(404)
	})
})
