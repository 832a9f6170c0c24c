import { parseWithZod } from '@conform-to/zod/v4'
import { data } from '@remix-run/node'
import type { z } from 'zod'
import { type CommandResult, type PlanActor } from '#app/domain/plans/commands.server.ts'
import { getPlanFacts, getPlanPage, listAccountPlans } from '#app/domain/plans/queries.server.ts'
import { planAccess, type Actor } from '#app/domain/plans/plan-state.ts'
import { isAccountMember, requireUser } from '#app/utils/auth.server.ts'

/** Route helpers shared by the plan pages: the access guard, the page data and the intent runner. */

const notFound = () => new Response('Not found', { status: 404 })

/**
 * The signed-in user and the plan, when the user is a member of the plan's account (one of its
 * customer users, its CSM, an admin). Anyone else gets a 404, so plan ids cannot be probed.
 */
export async function requirePlanMember(request: Request, planId: string | undefined) {
	const user = await requireUser(request)
	const plan = planId ? await getPlanFacts(planId) : null
	if (!plan || !(await isAccountMember(user, plan.accountId))) throw notFound()
	const kind: Actor = user.role === 'CUSTOMER' ? 'customer' : 'staff'
	const access = planAccess({ actor: kind, status: plan.status, active: plan.active, accountTier: plan.account.tier })
	const actor: PlanActor = { userId: user.id, kind }
	return { user, plan, actor, access }
}

/** The console's guard: a member of the account who is staff. The account's own customers get a 403. */
export async function requireStaffPlanMember(request: Request, planId: string | undefined) {
	const member = await requirePlanMember(request, planId)
	if (member.actor.kind !== 'staff') throw new Response('You do not have access to this page.', { status: 403 })
	return member
}

/**
 * What the account's plan page shows. Reads only: a customer's look at a plan they can see counts
 * as a review, which the page reports once per visit (`reviewBeacon`), never the loader.
 */
export async function planPageData(member: Awaited<ReturnType<typeof requirePlanMember>>) {
	const { plan, actor, access } = member
	const page = await getPlanPage(plan.id, { withContent: access.canSeeContent })
	if (!page) throw notFound()
	return {
		page,
		access,
		plans: await listAccountPlans(plan.accountId),
		staffLink: actor.kind === 'staff' ? `/console/plans/${plan.id}` : null,
		reviewBeacon: actor.kind === 'customer' && access.canSeeContent,
	}
}

/**
 * Parses one intent's form with its schema and runs the command. Bad input answers 400 with the
 * field errors and changes nothing; a refused command answers its status with the reason.
 */
export async function runIntent<Schema extends z.ZodType>(
	formData: FormData,
	schema: Schema,
	run: (value: z.output<Schema>) => Promise<CommandResult>,
) {
	const submission = parseWithZod(formData, { schema })
	if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
	const result = await run(submission.value)
	if (result.ok) return data(submission.reply({ resetForm: true }), { status: 200 })
	if (result.status === 404) throw notFound()
	const reply = result.field
		? submission.reply({ fieldErrors: { [result.field]: [result.message] } })
		: submission.reply({ formErrors: [result.message] })
	return data(reply, { status: result.status })
}

export function unknownIntent(): never {
	throw new Response('Unknown action', { status: 400 })
}
