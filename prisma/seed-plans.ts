import type { PrismaClient } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/utils/db.server.ts'
import { PLAN_EVENT_KINDS, type PlanEventKind } from '#app/domain/plans/history-text.ts'
import type { Agreement, PlanStatus } from '#app/domain/plans/plan-state.ts'
import type { InitiativeStatus } from '#app/domain/plans/schemas.ts'
import { demoAccounts } from './demo-accounts.ts'
import { DAY_MS } from '#app/utils/time.ts'

/**
 * Success plans, built the same way for the demo seed and for tests. Times are given in days
 * relative to `now`, so a freshly seeded plan is on track or at risk as described, whatever the date.
 */


export type ObjectiveSpec = {
	metric: string
	unit: string
	baseline: number
	target: number
	/** When the baseline was taken. */
	startedDaysAgo: number
	dueInDays: number
	agreement?: Agreement
	/** Progress updates, oldest first; the last one is the current value. */
	updates?: Array<{ daysAgo: number; value: number; note?: string; authorId?: string }>
	achieved?: boolean
}

export type PlanSpec = {
	accountId: string
	title: string
	status: PlanStatus
	active?: boolean
	createdDaysAgo?: number
	agreedDaysAgo?: number
	successDefinition?: string
	expectations?: string
	roadmap?: string
	deliveryRating?: number
	deliveryComment?: string
	objectives: ObjectiveSpec[]
	initiatives?: Array<{ title: string; owner: string; startInDays?: number; dueInDays?: number; status: InitiativeStatus }>
	/** `objective` names an objective by its index; absent for a comment on the plan. */
	comments?: Array<{ authorId: string; body: string; daysAgo: number; objective?: number }>
	/** History rows, in the order given when they share a day. */
	events?: Array<{ actorId: string | null; kind: PlanEventKind; summary: string; daysAgo: number }>
}

/** Midnight UTC `days` from now: due dates are days. */
function dayFrom(now: Date, days: number) {
	const d = new Date(now.getTime() + days * DAY_MS)
	return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()))
}
const ago = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS)

export async function createPlanFixture(db: PrismaClient, spec: PlanSpec, now = new Date()) {
	const createdAt = ago(now, spec.createdDaysAgo ?? 0)
	const plan = await db.successPlan.create({
		data: {
			accountId: spec.accountId,
			title: spec.title,
			status: spec.status,
			active: spec.active ?? spec.status !== 'ARCHIVED',
			successDefinition: spec.successDefinition ?? '',
			expectations: spec.expectations ?? '',
			roadmap: spec.roadmap ?? '',
			deliveryRating: spec.deliveryRating ?? null,
			deliveryComment: spec.deliveryComment ?? null,
			agreedAt: spec.agreedDaysAgo !== undefined ? ago(now, spec.agreedDaysAgo) : null,
			createdAt,
		},
	})
	const objectiveIds: string[] = []
	for (const [position, o] of spec.objectives.entries()) {
		const updates = o.updates ?? []
		const agreement = o.agreement ?? 'AWAITING'
		const objective = await db.objective.create({
			data: {
				planId: plan.id,
				position,
				metric: o.metric,
				unit: o.unit,
				baseline: o.baseline,
				target: o.target,
				current: updates.at(-1)?.value ?? o.baseline,
				dueDate: dayFrom(now, o.dueInDays),
				agreement,
				agreedAt: agreement === 'AGREED' ? ago(now, (spec.agreedDaysAgo ?? 0) + 1) : null,
				achievedAt: o.achieved ? ago(now, updates.at(-1)?.daysAgo ?? 0) : null,
				createdAt: ago(now, o.startedDaysAgo),
			},
		})
		objectiveIds.push(objective.id)
		let previous = o.baseline
		for (const u of updates) {
			await db.objectiveUpdate.create({
				data: { objectiveId: objective.id, authorId: u.authorId ?? null, oldValue: previous, newValue: u.value, note: u.note ?? null, createdAt: ago(now, u.daysAgo) },
			})
			previous = u.value
		}
	}
	for (const i of spec.initiatives ?? []) {
		await db.initiative.create({
			data: {
				planId: plan.id,
				title: i.title,
				owner: i.owner,
				startDate: i.startInDays !== undefined ? dayFrom(now, i.startInDays) : null,
				dueDate: i.dueInDays !== undefined ? dayFrom(now, i.dueInDays) : null,
				status: i.status,
			},
		})
	}
	for (const c of spec.comments ?? []) {
		await db.planComment.create({
			data: {
				planId: plan.id,
				objectiveId: c.objective !== undefined ? objectiveIds[c.objective] : null,
				authorId: c.authorId,
				body: c.body,
				createdAt: ago(now, c.daysAgo),
			},
		})
	}
	const events = [...(spec.events ?? [])].sort((a, b) => b.daysAgo - a.daysAgo)
	for (const [n, e] of events.entries()) {
		// A millisecond apart keeps same-day events in the order given.
		await db.planEvent.create({
			data: { planId: plan.id, actorId: e.actorId, kind: e.kind, summary: e.summary, createdAt: new Date(ago(now, e.daysAgo).getTime() + n) },
		})
	}
	return { planId: plan.id, objectiveIds }
}

type People = { csmId: string; customerId: string }

/** Northwind Logistics (tier1@demo.test): a draft with three objectives set this week, ready to propose. */
function draftPlan(accountId: string, { csmId }: People): PlanSpec {
	return {
		accountId,
		title: 'Warehouse analytics rollout',
		status: 'DRAFT',
		createdDaysAgo: 20,
		successDefinition:
			'Every regional warehouse manager runs the morning review from Prism dashboards instead of spreadsheets, and we can show the board the time saved.',
		expectations: 'A success manager at our monthly operations review, answers within one business day, and training for every new site manager.',
		roadmap: 'Q3: the two new sites in Poland go live. Q4: connect the carrier data feed. Next year: demand forecasting.',
		objectives: [
			{ metric: 'Weekly active dashboard users', unit: 'users', baseline: 40, target: 120, startedDaysAgo: 3, dueInDays: 160 },
			{ metric: 'Time to produce the morning report', unit: 'minutes', baseline: 90, target: 15, startedDaysAgo: 3, dueInDays: 120 },
			{ metric: 'Sites live on Prism', unit: 'sites', baseline: 3, target: 12, startedDaysAgo: 3, dueInDays: 200 },
		],
		initiatives: [
			{ title: 'Dashboard training for site managers', owner: 'Casey Success', startInDays: 7, dueInDays: 60, status: 'PLANNED' },
			{ title: 'Carrier data connector pilot', owner: 'Northwind IT', startInDays: 30, dueInDays: 120, status: 'PLANNED' },
		],
		events: [
			{ actorId: csmId, kind: PLAN_EVENT_KINDS.created, summary: 'Created the plan “Warehouse analytics rollout”', daysAgo: 20 },
			{ actorId: csmId, kind: PLAN_EVENT_KINDS.objectiveAdded, summary: 'Added the objective “Weekly active dashboard users”: 40 users → 120 users', daysAgo: 3 },
			{ actorId: csmId, kind: PLAN_EVENT_KINDS.objectiveAdded, summary: 'Added the objective “Time to produce the morning report”: 90 minutes → 15 minutes', daysAgo: 3 },
			{ actorId: csmId, kind: PLAN_EVENT_KINDS.objectiveAdded, summary: 'Added the objective “Sites live on Prism”: 3 sites → 12 sites', daysAgo: 3 },
		],
	}
}

/** Helios Health: proposed, waiting for the customer. */
function proposedPlan(accountId: string, { csmId }: People): PlanSpec {
	return {
		accountId,
		title: 'Clinical reporting adoption',
		status: 'PROPOSED',
		createdDaysAgo: 14,
		successDefinition: 'Clinicians open their ward reports in Prism every shift, and the data team stops firefighting broken refreshes.',
		expectations: 'Quarterly business reviews with our CMIO, and a fix plan for every refresh failure within a week.',
		roadmap: 'Next quarter: two more hospitals join the group and need onboarding.',
		objectives: [
			{ metric: 'Clinicians using ward reports weekly', unit: '%', baseline: 20, target: 60, startedDaysAgo: 6, dueInDays: 170 },
			{ metric: 'Data refresh failures per month', unit: 'failures', baseline: 14, target: 2, startedDaysAgo: 6, dueInDays: 110 },
		],
		initiatives: [{ title: 'Ward report templates workshop', owner: 'Casey Success', startInDays: 10, dueInDays: 40, status: 'PLANNED' }],
		events: [
			{ actorId: csmId, kind: PLAN_EVENT_KINDS.created, summary: 'Created the plan “Clinical reporting adoption”', daysAgo: 14 },
			{ actorId: csmId, kind: PLAN_EVENT_KINDS.objectiveAdded, summary: 'Added the objective “Clinicians using ward reports weekly”: 20% → 60%', daysAgo: 6 },
			{ actorId: csmId, kind: PLAN_EVENT_KINDS.objectiveAdded, summary: 'Added the objective “Data refresh failures per month”: 14 failures → 2 failures', daysAgo: 6 },
			{ actorId: csmId, kind: PLAN_EVENT_KINDS.proposed, summary: 'Proposed the plan for agreement', daysAgo: 3 },
		],
	}
}

/**
 * Atlas Retail Group: agreed 110 days ago. With 120 days behind and 60 ahead, about 66 % of the way
 * is expected: stores are on track at 68 %, churn is at risk at 50 %, tickets reached their target.
 */
function agreedPlan(accountId: string, { csmId, customerId }: People): PlanSpec {
	return {
		accountId,
		title: 'Store performance programme',
		status: 'AGREED',
		createdDaysAgo: 125,
		agreedDaysAgo: 110,
		successDefinition: 'Store managers act on yesterday’s sales before opening, and fewer customers leave our loyalty programme.',
		expectations: 'Monthly check-ins, early access to the retail forecasting beta, and help with our regional rollout.',
		roadmap: 'Next year: forecasting for seasonal stock, then supplier portals.',
		deliveryRating: 4,
		deliveryComment: 'Responsive and well prepared; the churn work needs more attention.',
		objectives: [
			{
				metric: 'Stores using the daily sales dashboard',
				unit: 'stores',
				baseline: 35,
				target: 120,
				startedDaysAgo: 120,
				dueInDays: 60,
				agreement: 'AGREED',
				updates: [
					{ daysAgo: 90, value: 48, authorId: csmId },
					{ daysAgo: 60, value: 66, authorId: csmId, note: 'North region live' },
					{ daysAgo: 30, value: 80, authorId: csmId },
					{ daysAgo: 5, value: 93, authorId: csmId, note: 'South region half way' },
				],
			},
			{
				metric: 'Loyalty programme churn',
				unit: '%',
				baseline: 8,
				target: 5,
				startedDaysAgo: 120,
				dueInDays: 60,
				agreement: 'AGREED',
				updates: [
					{ daysAgo: 90, value: 7.8, authorId: csmId },
					{ daysAgo: 60, value: 7.2, authorId: csmId },
					{ daysAgo: 30, value: 6.9, authorId: csmId },
					{ daysAgo: 5, value: 6.5, authorId: csmId, note: 'Win-back campaign started late' },
				],
			},
			{
				metric: 'Reporting tickets per month',
				unit: 'tickets',
				baseline: 120,
				target: 60,
				startedDaysAgo: 120,
				dueInDays: 30,
				agreement: 'AGREED',
				updates: [
					{ daysAgo: 80, value: 95, authorId: csmId },
					{ daysAgo: 40, value: 70, authorId: csmId },
					{ daysAgo: 10, value: 58, authorId: csmId, note: 'Self-service reports took over' },
				],
			},
		],
		initiatives: [
			{ title: 'Regional rollout of the sales dashboard', owner: 'Casey Success', startInDays: -110, dueInDays: 60, status: 'IN_PROGRESS' },
			{ title: 'Churn early-warning report', owner: 'Atlas CRM team', startInDays: -40, dueInDays: 30, status: 'IN_PROGRESS' },
			{ title: 'Self-service report library', owner: 'Casey Success', startInDays: -100, dueInDays: -20, status: 'DONE' },
		],
		comments: [
			{ authorId: customerId, body: 'Can we review the churn numbers at the next check-in?', daysAgo: 6, objective: 1 },
			{ authorId: csmId, body: 'Yes: I will bring the early-warning report draft.', daysAgo: 5, objective: 1 },
		],
		events: [
			{ actorId: csmId, kind: PLAN_EVENT_KINDS.created, summary: 'Created the plan “Store performance programme”', daysAgo: 125 },
			{ actorId: csmId, kind: PLAN_EVENT_KINDS.proposed, summary: 'Proposed the plan for agreement', daysAgo: 118 },
			{ actorId: customerId, kind: PLAN_EVENT_KINDS.objectiveAgreed, summary: 'Agreed to the measure of “Stores using the daily sales dashboard”', daysAgo: 111 },
			{ actorId: customerId, kind: PLAN_EVENT_KINDS.objectiveAgreed, summary: 'Agreed to the measure of “Loyalty programme churn”', daysAgo: 111 },
			{ actorId: customerId, kind: PLAN_EVENT_KINDS.objectiveAgreed, summary: 'Agreed to the measure of “Reporting tickets per month”', daysAgo: 111 },
			{ actorId: customerId, kind: PLAN_EVENT_KINDS.planAgreed, summary: 'Agreed to the plan', daysAgo: 110 },
			{ actorId: csmId, kind: PLAN_EVENT_KINDS.progressUpdated, summary: 'Updated “Stores using the daily sales dashboard” from 80 stores to 93 stores (South region half way)', daysAgo: 5 },
			{ actorId: csmId, kind: PLAN_EVENT_KINDS.progressUpdated, summary: 'Updated “Loyalty programme churn” from 6.9% to 6.5% (Win-back campaign started late)', daysAgo: 5 },
			{ actorId: customerId, kind: PLAN_EVENT_KINDS.deliveryRated, summary: 'Rated our delivery 4 out of 5', daysAgo: 4 },
		],
	}
}

/** Atlas's previous plan, archived when the current one started: shows the past-plans list. */
function pastPlan(accountId: string, { csmId }: People): PlanSpec {
	return {
		accountId,
		title: 'Onboarding plan',
		status: 'ARCHIVED',
		active: false,
		createdDaysAgo: 300,
		agreedDaysAgo: 290,
		successDefinition: 'Every store region has its first dashboard.',
		objectives: [
			{ metric: 'Regions with a live dashboard', unit: 'regions', baseline: 0, target: 4, startedDaysAgo: 300, dueInDays: -130, agreement: 'AGREED', updates: [{ daysAgo: 140, value: 4, authorId: csmId }] },
		],
		events: [
			{ actorId: csmId, kind: PLAN_EVENT_KINDS.created, summary: 'Created the plan “Onboarding plan”', daysAgo: 300 },
			{ actorId: csmId, kind: PLAN_EVENT_KINDS.archived, summary: 'Archived the plan: a new plan replaces it', daysAgo: 125 },
		],
	}
}

/**
 * One active plan per Tier 1 demo account, each in a different state. Idempotent: an account that
 * has any plan is left alone, so a second run (or plans made in the app) changes nothing.
 */
export async function seedPlans(db: PrismaClient = prisma, now = new Date()) {
	const csm = await db.user.findUnique({ where: { email: 'csm@demo.test' }, select: { id: true } })
	if (!csm) throw new Error('seedPlans needs the demo CSM: seed accounts and users first')
	const tier1 = demoAccounts().filter((a) => a.expectedTier === 1)
	const builders = [[draftPlan], [proposedPlan], [pastPlan, agreedPlan]] as const
	let created = 0
	for (const [i, input] of tier1.entries()) {
		const account = await db.account.findUnique({ where: { emailDomain: input.emailDomain }, select: { id: true, _count: { select: { successPlans: true } } } })
		if (!account || account._count.successPlans > 0) continue
		const customer = await db.user.findFirst({ where: { accountId: account.id, role: 'CUSTOMER' }, orderBy: { email: 'asc' }, select: { id: true } })
		if (!customer) continue
		for (const build of builders[i] ?? []) {
			await createPlanFixture(db, build(account.id, { csmId: csm.id, customerId: customer.id }), now)
			created++
		}
	}
	return created
}
