import { prisma } from '#app/utils/db.server.ts'
import { createPlanFixture, type PlanSpec } from '#prisma/seed-plans.ts'
import { cookieFor, createAccount, createUser, makeRequest, settle } from '#test/support/requests.ts'

/** A Tier 1 account with its CSM, two customer users and cookies for each, plus an admin. */
export async function tier1World() {
	const csm = await createUser('CSM')
	const account = await createAccount({ csmId: csm.id, tierOverride: { tier: 1, reason: 'strategic test account' } })
	const customer = await createUser('CUSTOMER', { accountId: account.id })
	return {
		account,
		csm,
		customer,
		cookies: { csm: await cookieFor(csm.id), customer: await cookieFor(customer.id) },
	}
}

/** Three objectives awaiting agreement, 20 days in, due in 100 to 160 days. */
export function threeObjectives(accountId: string, status: PlanSpec['status'] = 'DRAFT'): PlanSpec {
	return {
		accountId,
		title: 'Test plan',
		status,
		successDefinition: 'Managers run the morning review from dashboards.',
		objectives: [
			{ metric: 'Weekly active users', unit: 'users', baseline: 40, target: 120, startedDaysAgo: 20, dueInDays: 160 },
			{ metric: 'Morning report time', unit: 'minutes', baseline: 90, target: 15, startedDaysAgo: 20, dueInDays: 120 },
			{ metric: 'Sites live', unit: 'sites', baseline: 3, target: 12, startedDaysAgo: 20, dueInDays: 100 },
		],
	}
}

export function createPlan(spec: PlanSpec) {
	return createPlanFixture(prisma, spec)
}

type RouteFn = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<unknown>

/** Runs a loader or action like Remix would and returns what it returned or threw. */
export function call(fn: RouteFn, path: string, params: Record<string, string>, init: Parameters<typeof makeRequest>[1] = {}) {
	return settle(() => fn({ request: makeRequest(path, init), params, context: {} }))
}

export function statusOf(result: unknown): number {
	if (result instanceof Response) return result.status
	return (result as { init?: { status?: number } | null }).init?.status ?? 200
}

/** The errors of a Conform reply: field name → messages ('' for form errors). */
export function errorsOf(result: unknown): Record<string, string[]> {
	return ((result as { data?: { error?: Record<string, string[]> } }).data?.error ?? {}) as Record<string, string[]>
}

/** Counts of every plan table, to show a refused request changed nothing. */
export async function planTableCounts() {
	const [plans, objectives, updates, initiatives, comments, events, engagement] = await Promise.all([
		prisma.successPlan.count(),
		prisma.objective.count(),
		prisma.objectiveUpdate.count(),
		prisma.initiative.count(),
		prisma.planComment.count(),
		prisma.planEvent.count(),
		prisma.engagementEvent.count(),
	])
	return { plans, objectives, updates, initiatives, comments, events, engagement }
}
