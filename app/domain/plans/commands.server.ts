import type { Prisma } from '#app/generated/prisma/client.ts'
import { recordEvent, recordOnceSince } from '#app/domain/engagement/record.server.ts'
import { tierHas } from '#app/domain/accounts-tiers/service-matrix.ts'
import { tellCsmPlanResponse, tellCustomersPlanProposed } from '#app/domain/notifications/plan-notices.server.ts'
import { EmailOutbox } from '#app/domain/notifications/notify.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { clip, describeMeasureChange, PLAN_EVENT_KINDS, summary, type PlanEventKind } from './history-text.ts'
import * as machine from './plan-state.ts'
import { asAgreement, asPlanStatus, planAccess, type Actor, type PlanStatus } from './plan-state.ts'
import { formatValue } from './progress-series.ts'
import { INITIATIVE_STATUS_LABELS, startOfUtcDay, type EditObjective, type InitiativeInput, type NewObjective, type PlanDetails } from './schemas.ts'

type Tx = Prisma.TransactionClient

export type PlanActor = { userId: string; kind: Actor }

/**
 * What a command did. Failures change nothing; `status` is what the route answers
 * (400 bad value, 403 not allowed for this user or a read-only plan, 404 unknown item, 409 wrong state).
 */
export type CommandResult = { ok: true } | { ok: false; status: 400 | 403 | 404 | 409; message: string; field?: string }

const fail = (status: 400 | 403 | 404 | 409, message: string, field?: string): CommandResult => ({ ok: false, status, message, field })
const OK: CommandResult = { ok: true }

type WritablePlan = { id: string; title: string; accountId: string; status: PlanStatus; active: boolean }
type Need = 'edit' | 'respond' | 'comment'

/**
 * Runs a command in one transaction with the plan as it is now, after checking that this actor
 * may do this kind of thing to it (writable, right role, content visible). Commands validate
 * before they write, so an early `fail` leaves nothing behind. Notifications are written in the
 * same transaction; their emails go once it committed.
 */
async function withPlan(
	planId: string,
	actor: PlanActor,
	need: Need,
	command: (tx: Tx, plan: WritablePlan, outbox: EmailOutbox) => Promise<CommandResult>,
) {
	const outbox = new EmailOutbox()
	const result = await prisma.$transaction(async (tx) => {
		const row = await tx.successPlan.findUnique({
			where: { id: planId },
			select: { id: true, title: true, accountId: true, status: true, active: true, account: { select: { tier: true } } },
		})
		if (!row) return fail(404, 'Plan not found.')
		const plan = { id: row.id, title: row.title, accountId: row.accountId, status: asPlanStatus(row.status), active: row.active }
		const access = planAccess({ actor: actor.kind, status: plan.status, active: plan.active, accountTier: row.account.tier })
		const allowed = need === 'edit' ? access.canEdit : need === 'respond' ? access.canRespond : access.canComment
		if (!allowed) {
			const byRole = need === 'edit' ? 'Only the success manager can change the plan.' : 'Only customer users of the account can do this.'
			return fail(403, access.readOnlyReason ?? (access.canSeeContent ? byRole : 'This plan is still being drafted.'))
		}
		return command(tx, plan, outbox)
	})
	outbox.sendAfterCommit()
	return result
}

async function logEvent(tx: Tx, planId: string, actorId: string, kind: PlanEventKind, text: string) {
	await tx.planEvent.create({ data: { planId, actorId, kind, summary: summary(text) } })
}

/** Moves the plan's status only if nobody moved it meanwhile. */
async function setStatus(tx: Tx, plan: WritablePlan, to: PlanStatus, extra: Prisma.SuccessPlanUpdateManyMutationInput = {}) {
	const agreedAt = to === 'AGREED' ? new Date() : plan.status === 'AGREED' ? null : undefined
	const { count } = await tx.successPlan.updateMany({
		where: { id: plan.id, status: plan.status },
		data: { status: to, ...(agreedAt !== undefined ? { agreedAt } : {}), ...extra },
	})
	if (count !== 1) throw new Error('The plan changed while this request was handled.')
}

async function findObjective(tx: Tx, planId: string, objectiveId: string) {
	const objective = await tx.objective.findFirst({
		where: { id: objectiveId, planId },
		select: { id: true, metric: true, unit: true, baseline: true, target: true, current: true, dueDate: true, agreement: true, achievedAt: true },
	})
	return objective && { ...objective, agreement: asAgreement(objective.agreement) }
}

// ---- Staff: create, edit, propose, archive -------------------------------------------------------

/** A new plan for an account; the account's current plan (if any) is archived in the same transaction. */
export async function createPlan(input: { accountId: string; title: string; actorId: string }) {
	return prisma.$transaction(async (tx) => {
		const account = await tx.account.findUnique({ where: { id: input.accountId }, select: { tier: true } })
		if (!account) return { ok: false as const, status: 404 as const, message: 'Account not found.' }
		if (!tierHas(account.tier, 'successPlan')) {
			return { ok: false as const, status: 409 as const, message: 'Success plans are part of Tier 1: this account has none.' }
		}
		const current = await tx.successPlan.findMany({ where: { accountId: input.accountId, active: true }, select: { id: true } })
		for (const old of current) {
			await tx.successPlan.update({ where: { id: old.id }, data: { active: false, status: 'ARCHIVED' } })
			await logEvent(tx, old.id, input.actorId, PLAN_EVENT_KINDS.archived, 'Archived the plan: a new plan replaces it')
		}
		const plan = await tx.successPlan.create({ data: { accountId: input.accountId, title: input.title, status: 'DRAFT', active: true }, select: { id: true } })
		await logEvent(tx, plan.id, input.actorId, PLAN_EVENT_KINDS.created, `Created the plan “${clip(input.title)}”`)
		return { ok: true as const, planId: plan.id }
	})
}

export async function updateDetails(planId: string, actor: PlanActor, details: Omit<PlanDetails, 'intent'>) {
	return withPlan(planId, actor, 'edit', async (tx, plan) => {
		const before = await tx.successPlan.findUniqueOrThrow({
			where: { id: planId },
			select: { title: true, successDefinition: true, expectations: true, roadmap: true },
		})
		const changed = (Object.keys(before) as Array<keyof typeof before>).filter((k) => before[k] !== details[k])
		if (changed.length === 0) return OK
		await tx.successPlan.update({ where: { id: planId }, data: details })
		const next = machine.afterStaffEdit(plan.status)
		if (next !== plan.status) await setStatus(tx, plan, next)
		const labels = { title: 'title', successDefinition: 'definition of success', expectations: 'expectations', roadmap: 'roadmap' }
		const again = next !== plan.status ? '; the plan needs agreement again' : ''
		await logEvent(tx, planId, actor.userId, PLAN_EVENT_KINDS.detailsEdited, `Edited the ${changed.map((k) => labels[k]).join(', ')}${again}`)
		return OK
	})
}

export async function addObjective(planId: string, actor: PlanActor, input: Omit<NewObjective, 'intent'>) {
	return withPlan(planId, actor, 'edit', async (tx, plan) => {
		const position = await tx.objective.count({ where: { planId } })
		await tx.objective.create({
			data: {
				planId,
				position,
				metric: input.metric,
				unit: input.unit,
				baseline: input.baseline,
				target: input.target,
				current: input.current ?? input.baseline,
				dueDate: input.dueDate,
			},
		})
		const next = machine.afterStaffEdit(plan.status)
		if (next !== plan.status) await setStatus(tx, plan, next)
		const measure = `${formatValue(input.baseline, input.unit)} → ${formatValue(input.target, input.unit)} by ${input.dueDate.toISOString().slice(0, 10)}`
		await logEvent(tx, planId, actor.userId, PLAN_EVENT_KINDS.objectiveAdded, `Added the objective “${clip(input.metric)}”: ${measure}`)
		return OK
	})
}

/** A changed measure needs the customer's agreement again; an agreed plan goes back to awaiting agreement. */
export async function editObjective(planId: string, actor: PlanActor, input: Omit<EditObjective, 'intent'>, now = new Date()) {
	return withPlan(planId, actor, 'edit', async (tx, plan) => {
		const before = await findObjective(tx, planId, input.objectiveId)
		if (!before) return fail(404, 'Objective not found.')
		const after = { metric: input.metric, unit: input.unit, baseline: input.baseline, target: input.target, dueDate: input.dueDate }
		if (!machine.measureChanged(before, after)) return OK
		if (after.dueDate.getTime() !== before.dueDate.getTime() && after.dueDate < startOfUtcDay(now)) {
			return fail(400, 'Due date must be today or later', 'dueDate')
		}
		const reopen = before.agreement !== 'AWAITING'
		await tx.objective.update({
			where: { id: before.id },
			data: { ...after, ...(reopen ? { agreement: 'AWAITING', agreedAt: null } : {}) },
		})
		const next = machine.afterStaffEdit(plan.status)
		if (next !== plan.status) await setStatus(tx, plan, next)
		const again = before.agreement === 'AGREED' ? '; awaiting agreement again' : ''
		await logEvent(
			tx,
			planId,
			actor.userId,
			PLAN_EVENT_KINDS.objectiveEdited,
			`Changed the measure of “${clip(before.metric)}”: ${describeMeasureChange(before, after)}${again}`,
		)
		return OK
	})
}

/** A progress update keeps the old and new value, who and when; it does not touch the agreement. */
export async function updateProgress(planId: string, actor: PlanActor, input: { objectiveId: string; current: number; note: string }) {
	return withPlan(planId, actor, 'edit', async (tx) => {
		const objective = await findObjective(tx, planId, input.objectiveId)
		if (!objective) return fail(404, 'Objective not found.')
		await tx.objectiveUpdate.create({
			data: { objectiveId: objective.id, authorId: actor.userId, oldValue: objective.current, newValue: input.current, note: input.note || null },
		})
		await tx.objective.update({ where: { id: objective.id }, data: { current: input.current } })
		const note = input.note ? ` (${clip(input.note, 120)})` : ''
		await logEvent(
			tx,
			planId,
			actor.userId,
			PLAN_EVENT_KINDS.progressUpdated,
			`Updated “${clip(objective.metric)}” from ${formatValue(objective.current, objective.unit)} to ${formatValue(input.current, objective.unit)}${note}`,
		)
		return OK
	})
}

export async function setAchieved(planId: string, actor: PlanActor, input: { objectiveId: string; achieved: boolean }) {
	return withPlan(planId, actor, 'edit', async (tx) => {
		const objective = await findObjective(tx, planId, input.objectiveId)
		if (!objective) return fail(404, 'Objective not found.')
		if (Boolean(objective.achievedAt) === input.achieved) return OK
		await tx.objective.update({ where: { id: objective.id }, data: { achievedAt: input.achieved ? new Date() : null } })
		const text = input.achieved ? `Marked “${clip(objective.metric)}” as achieved` : `Cleared the achieved mark of “${clip(objective.metric)}”`
		await logEvent(tx, planId, actor.userId, PLAN_EVENT_KINDS.objectiveAchieved, text)
		return OK
	})
}

type InitiativeFields = Omit<InitiativeInput, 'intent'>

export async function addInitiative(planId: string, actor: PlanActor, input: InitiativeFields) {
	return withPlan(planId, actor, 'edit', async (tx) => {
		await tx.initiative.create({
			data: { planId, title: input.title, owner: input.owner, startDate: input.startDate ?? null, dueDate: input.dueDate ?? null, status: input.status },
		})
		await logEvent(tx, planId, actor.userId, PLAN_EVENT_KINDS.initiativeAdded, `Added the initiative “${clip(input.title)}”, owned by ${clip(input.owner, 60)}`)
		return OK
	})
}

export async function editInitiative(planId: string, actor: PlanActor, input: InitiativeFields & { initiativeId: string }) {
	return withPlan(planId, actor, 'edit', async (tx) => {
		const before = await tx.initiative.findFirst({ where: { id: input.initiativeId, planId }, select: { id: true, title: true, status: true } })
		if (!before) return fail(404, 'Initiative not found.')
		await tx.initiative.update({
			where: { id: before.id },
			data: { title: input.title, owner: input.owner, startDate: input.startDate ?? null, dueDate: input.dueDate ?? null, status: input.status },
		})
		const status = before.status !== input.status ? `: now ${INITIATIVE_STATUS_LABELS[input.status].toLowerCase()}` : ''
		await logEvent(tx, planId, actor.userId, PLAN_EVENT_KINDS.initiativeEdited, `Updated the initiative “${clip(input.title)}”${status}`)
		return OK
	})
}

/** Proposing asks again about every measure the customer has not agreed to. */
export async function proposePlan(planId: string, actor: PlanActor) {
	return withPlan(planId, actor, 'edit', async (tx, plan, outbox) => {
		const objectives = await tx.objective.count({ where: { planId } })
		const t = machine.proposePlan(plan.status, actor.kind, objectives)
		if (!t.ok) return fail(409, t.reason)
		await setStatus(tx, plan, t.to)
		await tx.objective.updateMany({ where: { planId, agreement: 'CHANGES_REQUESTED' }, data: { agreement: 'AWAITING' } })
		const again = plan.status === 'CHANGES_REQUESTED' ? 'Proposed the plan again after the requested changes' : 'Proposed the plan for agreement'
		await logEvent(tx, planId, actor.userId, PLAN_EVENT_KINDS.proposed, again)
		await tellCustomersPlanProposed(tx, outbox, plan, actor.userId, plan.status === 'CHANGES_REQUESTED')
		return OK
	})
}

export async function archivePlan(planId: string, actor: PlanActor) {
	return withPlan(planId, actor, 'edit', async (tx, plan) => {
		const t = machine.archivePlan(plan.status, actor.kind)
		if (!t.ok) return fail(409, t.reason)
		await setStatus(tx, plan, t.to, { active: false })
		await logEvent(tx, planId, actor.userId, PLAN_EVENT_KINDS.archived, 'Archived the plan')
		return OK
	})
}

// ---- Customer: agree, ask for changes, rate delivery ---------------------------------------------

const signoff = (tx: Tx, plan: WritablePlan, userId: string, scope: 'plan' | 'objective', objectiveId?: string) =>
	recordEvent(tx, {
		kind: 'plan_signoff',
		userId,
		accountId: plan.accountId,
		itemKey: `plan:${plan.id}`,
		data: objectiveId ? { scope, objectiveId } : { scope },
	})

export async function agreePlan(planId: string, actor: PlanActor) {
	return withPlan(planId, actor, 'respond', async (tx, plan, outbox) => {
		if ((await tx.objective.count({ where: { planId } })) === 0) return fail(409, 'The plan has no objectives to agree to yet.')
		const open = await tx.objective.count({ where: { planId, agreement: { not: 'AGREED' } } })
		const t = machine.agreePlan(plan.status, actor.kind, open)
		if (!t.ok) return fail(409, t.reason)
		await setStatus(tx, plan, t.to)
		await logEvent(tx, planId, actor.userId, PLAN_EVENT_KINDS.planAgreed, 'Agreed to the plan')
		await signoff(tx, plan, actor.userId, 'plan')
		await tellCsmPlanResponse(tx, outbox, plan, actor.userId, { kind: 'agreed' })
		return OK
	})
}

export async function requestPlanChanges(planId: string, actor: PlanActor, body: string) {
	return withPlan(planId, actor, 'respond', async (tx, plan, outbox) => {
		const t = machine.requestPlanChanges(plan.status, actor.kind)
		if (!t.ok) return fail(409, t.reason)
		if (t.to !== plan.status) await setStatus(tx, plan, t.to)
		await tx.planComment.create({ data: { planId, authorId: actor.userId, body } })
		await logEvent(tx, planId, actor.userId, PLAN_EVENT_KINDS.changesRequested, `Asked for changes to the plan: “${clip(body)}”`)
		await tellCsmPlanResponse(tx, outbox, plan, actor.userId, { kind: 'changes', request: body })
		return OK
	})
}

export async function agreeObjective(planId: string, actor: PlanActor, objectiveId: string) {
	return withPlan(planId, actor, 'respond', async (tx, plan) => {
		const objective = await findObjective(tx, planId, objectiveId)
		if (!objective) return fail(404, 'Objective not found.')
		const t = machine.agreeObjective(plan.status, objective.agreement, actor.kind)
		if (!t.ok) return fail(409, t.reason)
		await tx.objective.update({ where: { id: objective.id }, data: { agreement: t.agreement, agreedAt: new Date() } })
		await logEvent(tx, planId, actor.userId, PLAN_EVENT_KINDS.objectiveAgreed, `Agreed to the measure of “${clip(objective.metric)}”`)
		await signoff(tx, plan, actor.userId, 'objective', objective.id)
		return OK
	})
}

export async function requestObjectiveChanges(planId: string, actor: PlanActor, input: { objectiveId: string; body: string }) {
	return withPlan(planId, actor, 'respond', async (tx, plan, outbox) => {
		const objective = await findObjective(tx, planId, input.objectiveId)
		if (!objective) return fail(404, 'Objective not found.')
		const t = machine.requestObjectiveChanges(plan.status, actor.kind)
		if (!t.ok) return fail(409, t.reason)
		await tx.objective.update({ where: { id: objective.id }, data: { agreement: t.agreement, agreedAt: null } })
		if (t.plan !== plan.status) await setStatus(tx, plan, t.plan)
		await tx.planComment.create({ data: { planId, objectiveId: objective.id, authorId: actor.userId, body: input.body } })
		await logEvent(
			tx,
			planId,
			actor.userId,
			PLAN_EVENT_KINDS.objectiveChangesRequested,
			`Asked for changes to “${clip(objective.metric)}”: “${clip(input.body)}”`,
		)
		await tellCsmPlanResponse(tx, outbox, plan, actor.userId, { kind: 'changes', request: input.body, objective: objective.metric })
		return OK
	})
}

export async function rateDelivery(planId: string, actor: PlanActor, input: { rating: number; comment: string }) {
	return withPlan(planId, actor, 'respond', async (tx) => {
		await tx.successPlan.update({ where: { id: planId }, data: { deliveryRating: input.rating, deliveryComment: input.comment || null } })
		const words = input.comment ? `: “${clip(input.comment)}”` : ''
		await logEvent(tx, planId, actor.userId, PLAN_EVENT_KINDS.deliveryRated, `Rated our delivery ${input.rating} out of 5${words}`)
		return OK
	})
}

// ---- Everyone who can see the plan ---------------------------------------------------------------

export async function addComment(planId: string, actor: PlanActor, input: { objectiveId?: string; body: string }) {
	return withPlan(planId, actor, 'comment', async (tx) => {
		let on = 'the plan'
		if (input.objectiveId) {
			const objective = await findObjective(tx, planId, input.objectiveId)
			if (!objective) return fail(404, 'Objective not found.')
			on = `“${clip(objective.metric)}”`
		}
		await tx.planComment.create({ data: { planId, objectiveId: input.objectiveId ?? null, authorId: actor.userId, body: input.body } })
		await logEvent(tx, planId, actor.userId, PLAN_EVENT_KINDS.commented, `Commented on ${on}: “${clip(input.body)}”`)
		return OK
	})
}

/**
 * A customer looked at a plan, as the page reports it once per visit (loaders only read): one
 * `plan_review` engagement event per user, plan and UTC day, so reloads and second tabs do not
 * inflate engagement. Only a customer of the plan's account who may see its content counts; staff
 * looking at a plan and drafts the customer cannot see record nothing.
 */
export async function recordPlanReview(
	input: { user: { id: string; role: string; accountId: string | null }; planId: string; clientEventId?: string },
	now = new Date(),
): Promise<'recorded' | 'duplicate' | 'refused'> {
	const { user } = input
	const plan = await reviewablePlan(user, input.planId)
	if (!plan) return 'refused'
	return recordOnceSince(
		{ kind: 'plan_review', userId: user.id, accountId: plan.accountId, itemKey: `plan:${plan.id}`, occurredAt: now, clientEventId: input.clientEventId ?? null },
		startOfUtcDay(now),
	)
}

/** The plan, when this user's look at it is a review: a customer of its account who may see its content. */
export async function reviewablePlan(user: { role: string; accountId: string | null }, planId: string) {
	if (user.role !== 'CUSTOMER' || !user.accountId) return null
	const plan = await prisma.successPlan.findUnique({
		where: { id: planId },
		select: { id: true, accountId: true, status: true, active: true, account: { select: { tier: true } } },
	})
	if (!plan || plan.accountId !== user.accountId) return null
	const access = planAccess({ actor: 'customer', status: asPlanStatus(plan.status), active: plan.active, accountTier: plan.account.tier })
	return access.canSeeContent ? { id: plan.id, accountId: plan.accountId } : null
}
