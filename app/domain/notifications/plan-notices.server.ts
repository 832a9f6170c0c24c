import type { Prisma } from '#app/generated/prisma/client.ts'
import { planAgreedText, planChangesRequestedText, planProposedText } from './messages.ts'
import { notify, type EmailOutbox } from './notify.server.ts'

/**
 * Who hears about a plan's turn, inside the plan command's transaction: a proposal goes to every
 * customer user of the plan's account; an agreement or a change request goes to the account's
 * success manager (none when the account has no CSM). Nobody else.
 */

type Tx = Prisma.TransactionClient
type Plan = { id: string; title: string; accountId: string }

async function context(tx: Tx, plan: Plan, actorId: string) {
	const [account, actor] = await Promise.all([
		tx.account.findUniqueOrThrow({ where: { id: plan.accountId }, select: { name: true, csmId: true } }),
		tx.user.findUnique({ where: { id: actorId }, select: { name: true } }),
	])
	return { ref: { id: plan.id, title: plan.title, accountName: account.name }, csmId: account.csmId, actorName: actor?.name ?? 'Someone' }
}

export async function tellCustomersPlanProposed(tx: Tx, outbox: EmailOutbox, plan: Plan, actorId: string, again: boolean) {
	const { ref, actorName } = await context(tx, plan, actorId)
	const customers = await tx.user.findMany({ where: { accountId: plan.accountId, role: 'CUSTOMER' }, select: { id: true } })
	const text = planProposedText(ref, actorName, again)
	await notify(
		tx,
		outbox,
		customers.map((c) => ({ ...text, recipientId: c.id })),
	)
}

export type PlanResponse = { kind: 'agreed' } | { kind: 'changes'; request: string; objective?: string }

export async function tellCsmPlanResponse(tx: Tx, outbox: EmailOutbox, plan: Plan, actorId: string, response: PlanResponse) {
	const { ref, csmId, actorName } = await context(tx, plan, actorId)
	if (!csmId) return
	const text = response.kind === 'agreed' ? planAgreedText(ref, actorName) : planChangesRequestedText(ref, actorName, response.request, response.objective)
	await notify(tx, outbox, [{ ...text, recipientId: csmId }])
}
