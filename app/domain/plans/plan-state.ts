import { planName } from '#app/domain/accounts-tiers/customer-plans.ts'
import { tierHas } from '#app/domain/accounts-tiers/service-matrix.ts'

/**
 * The life of a success plan and who may move it.
 *
 *   DRAFT ──propose (staff)──> PROPOSED ──agree (customer)──> AGREED
 *                                 │  ^                          │
 *        request changes (customer)  propose (staff)   request changes (customer),
 *                                 v  │                  or a staff edit of what was agreed -> PROPOSED
 *                           CHANGES_REQUESTED
 *   any state ──archive (staff)──> ARCHIVED (read-only for good)
 *
 * Each objective's measure has its own sign-off: AWAITING -> AGREED or CHANGES_REQUESTED; a staff
 * change to the measure puts it back to AWAITING. A plan is agreed only when every measure is.
 */
export const PLAN_STATUSES = ['DRAFT', 'PROPOSED', 'CHANGES_REQUESTED', 'AGREED', 'ARCHIVED'] as const
export type PlanStatus = (typeof PLAN_STATUSES)[number]

export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
	DRAFT: 'Draft',
	PROPOSED: 'Awaiting agreement',
	CHANGES_REQUESTED: 'Changes requested',
	AGREED: 'Agreed',
	ARCHIVED: 'Archived',
}

export const AGREEMENTS = ['AWAITING', 'AGREED', 'CHANGES_REQUESTED'] as const
export type Agreement = (typeof AGREEMENTS)[number]

export const AGREEMENT_LABELS: Record<Agreement, string> = {
	AWAITING: 'Awaiting agreement',
	AGREED: 'Agreed',
	CHANGES_REQUESTED: 'Changes requested',
}

export function asPlanStatus(value: string): PlanStatus {
	return (PLAN_STATUSES as readonly string[]).includes(value) ? (value as PlanStatus) : 'DRAFT'
}

export function asAgreement(value: string): Agreement {
	return (AGREEMENTS as readonly string[]).includes(value) ? (value as Agreement) : 'AWAITING'
}

/** Who acts: a customer user of the account, or staff who may act on it (its CSM, an admin). */
export type Actor = 'customer' | 'staff'

export type Transition = { ok: true; to: PlanStatus } | { ok: false; reason: string }

const refuse = (reason: string): Transition => ({ ok: false, reason })

export function proposePlan(status: PlanStatus, actor: Actor, objectiveCount: number): Transition {
	if (actor !== 'staff') return refuse('Only the success manager can propose the plan.')
	if (status !== 'DRAFT' && status !== 'CHANGES_REQUESTED') return refuse(`A plan that is ${PLAN_STATUS_LABELS[status].toLowerCase()} cannot be proposed.`)
	if (objectiveCount === 0) return refuse('Add at least one objective before proposing the plan.')
	return { ok: true, to: 'PROPOSED' }
}

export function agreePlan(status: PlanStatus, actor: Actor, objectivesNotAgreed: number): Transition {
	if (actor !== 'customer') return refuse('Only the customer can agree to the plan.')
	if (status !== 'PROPOSED') return refuse('Only a proposed plan can be agreed.')
	if (objectivesNotAgreed > 0) {
		return refuse(`Agree to every objective's measure first (${objectivesNotAgreed} still open).`)
	}
	return { ok: true, to: 'AGREED' }
}

export function requestPlanChanges(status: PlanStatus, actor: Actor): Transition {
	if (actor !== 'customer') return refuse('Only the customer can ask for changes.')
	if (status !== 'PROPOSED' && status !== 'AGREED' && status !== 'CHANGES_REQUESTED') {
		return refuse('Changes can be requested on a proposed or agreed plan only.')
	}
	return { ok: true, to: 'CHANGES_REQUESTED' }
}

export function archivePlan(status: PlanStatus, actor: Actor): Transition {
	if (actor !== 'staff') return refuse('Only the success manager can archive the plan.')
	if (status === 'ARCHIVED') return refuse('The plan is already archived.')
	return { ok: true, to: 'ARCHIVED' }
}

/** A staff change to what the customer agreed to (the plan text or a measure): an agreed plan awaits agreement again. */
export function afterStaffEdit(status: PlanStatus): PlanStatus {
	return status === 'AGREED' ? 'PROPOSED' : status
}

export type ObjectiveTransition = { ok: true; agreement: Agreement; plan: PlanStatus } | { ok: false; reason: string }

export function agreeObjective(plan: PlanStatus, agreement: Agreement, actor: Actor): ObjectiveTransition {
	if (actor !== 'customer') return { ok: false, reason: 'Only the customer can agree to a measure.' }
	if (plan !== 'PROPOSED' && plan !== 'CHANGES_REQUESTED') return { ok: false, reason: 'Measures can be agreed while the plan is proposed.' }
	if (agreement === 'AGREED') return { ok: false, reason: 'This measure is already agreed.' }
	return { ok: true, agreement: 'AGREED', plan }
}

export function requestObjectiveChanges(plan: PlanStatus, actor: Actor): ObjectiveTransition {
	if (actor !== 'customer') return { ok: false, reason: 'Only the customer can ask for changes.' }
	if (plan !== 'PROPOSED' && plan !== 'AGREED' && plan !== 'CHANGES_REQUESTED') {
		return { ok: false, reason: 'Changes can be requested on a proposed or agreed plan only.' }
	}
	return { ok: true, agreement: 'CHANGES_REQUESTED', plan: 'CHANGES_REQUESTED' }
}

export type Measure = { metric: string; unit: string; baseline: number; target: number; dueDate: Date }

/** Whether an edit touched what the customer signed off: metric, unit, baseline, target or due date. */
export function measureChanged(before: Measure, after: Measure): boolean {
	return (
		before.metric !== after.metric ||
		before.unit !== after.unit ||
		before.baseline !== after.baseline ||
		before.target !== after.target ||
		before.dueDate.getTime() !== after.dueDate.getTime()
	)
}

export type PlanAccessInput = {
	actor: Actor
	status: PlanStatus
	active: boolean
	accountTier: number
}

export type PlanAccess = {
	/** Customers see a plan once it was proposed; drafts are the success manager's work in progress. */
	canSeeContent: boolean
	/** Customer actions: agree, ask for changes, comment, rate delivery. */
	canRespond: boolean
	/** Staff actions: edit, propose, update progress, archive. */
	canEdit: boolean
	/** Anyone who can see the plan may comment while it is writable. */
	canComment: boolean
	/** Why the plan is read-only, when it is. */
	readOnlyReason: string | null
}

/**
 * What a member of the account may do with a plan. Only the active plan of an account that still
 * has success plans in its tier is writable; everything else stays readable.
 */
export function planAccess(input: PlanAccessInput): PlanAccess {
	const canSeeContent = input.actor === 'staff' || input.status !== 'DRAFT'
	let readOnlyReason: string | null = null
	if (input.status === 'ARCHIVED' || !input.active) readOnlyReason = 'This is a past plan: it is kept read-only.'
	else if (!tierHas(input.accountTier, 'successPlan')) {
		readOnlyReason = `Success plans are part of the ${planName(1)}: this account keeps read-only access to its past plans.`
	}
	const writable = readOnlyReason === null
	return {
		canSeeContent,
		canRespond: writable && canSeeContent && input.actor === 'customer',
		canEdit: writable && input.actor === 'staff',
		canComment: writable && canSeeContent,
		readOnlyReason,
	}
}
