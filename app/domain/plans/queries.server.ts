import { prisma } from '#app/utils/db.server.ts'
import { tierHas } from '#app/domain/accounts-tiers/service-matrix.ts'
import { REQUEST_EVENT_KINDS } from './history-text.ts'
import { assessObjective } from './objective-status.ts'
import { asAgreement, asPlanStatus, type PlanStatus } from './plan-state.ts'
import { progressSeries } from './progress-series.ts'

/** What access checks need to know about a plan. */
export async function getPlanFacts(planId: string) {
	const plan = await prisma.successPlan.findUnique({
		where: { id: planId },
		select: { id: true, accountId: true, status: true, active: true, account: { select: { tier: true } } },
	})
	return plan && { ...plan, status: asPlanStatus(plan.status) }
}
export type PlanFacts = NonNullable<Awaited<ReturnType<typeof getPlanFacts>>>

/** The active plan of an account, if any. */
export async function getActivePlanId(accountId: string): Promise<string | null> {
	const plan = await prisma.successPlan.findFirst({
		where: { accountId, active: true },
		orderBy: { createdAt: 'desc' },
		select: { id: true },
	})
	return plan?.id ?? null
}

/** Every plan of an account, newest first: the active one and the past ones. */
export async function listAccountPlans(accountId: string) {
	const plans = await prisma.successPlan.findMany({
		where: { accountId },
		orderBy: { createdAt: 'desc' },
		select: { id: true, title: true, status: true, active: true, createdAt: true, agreedAt: true },
	})
	return plans.map((p) => ({ ...p, status: asPlanStatus(p.status) }))
}

/**
 * Everything a plan page shows. `withContent: false` (a customer looking at a draft) returns the
 * plan's title and status only, so work in progress never reaches the browser.
 */
export async function getPlanPage(planId: string, { withContent, now = new Date() }: { withContent: boolean; now?: Date }) {
	const plan = await prisma.successPlan.findUnique({
		where: { id: planId },
		select: {
			id: true,
			title: true,
			status: true,
			active: true,
			successDefinition: true,
			expectations: true,
			roadmap: true,
			deliveryRating: true,
			deliveryComment: true,
			agreedAt: true,
			createdAt: true,
			updatedAt: true,
			account: { select: { id: true, name: true, tier: true, csm: { select: { name: true, email: true } } } },
		},
	})
	if (!plan) return null
	const base = {
		id: plan.id,
		title: plan.title,
		status: asPlanStatus(plan.status),
		active: plan.active,
		createdAt: plan.createdAt,
		account: { ...plan.account, hasPlans: tierHas(plan.account.tier, 'successPlan') },
	}
	if (!withContent) return { ...base, content: null }

	const [objectives, initiatives, comments, events] = await Promise.all([
		prisma.objective.findMany({
			where: { planId },
			orderBy: [{ position: 'asc' }, { createdAt: 'asc' }],
			select: {
				id: true,
				metric: true,
				unit: true,
				baseline: true,
				target: true,
				current: true,
				dueDate: true,
				achievedAt: true,
				agreement: true,
				agreedAt: true,
				createdAt: true,
				updatedAt: true,
				updates: {
					orderBy: { createdAt: 'asc' },
					select: { id: true, authorId: true, oldValue: true, newValue: true, note: true, createdAt: true },
				},
			},
		}),
		prisma.initiative.findMany({
			where: { planId },
			orderBy: [{ dueDate: 'asc' }, { createdAt: 'asc' }],
			select: { id: true, title: true, owner: true, startDate: true, dueDate: true, status: true, updatedAt: true },
		}),
		prisma.planComment.findMany({
			where: { planId },
			orderBy: { createdAt: 'asc' },
			select: { id: true, objectiveId: true, body: true, createdAt: true, author: { select: { name: true, role: true } } },
		}),
		prisma.planEvent.findMany({
			where: { planId },
			orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
			select: { id: true, kind: true, summary: true, createdAt: true, actor: { select: { name: true, role: true } } },
		}),
	])
	// ObjectiveUpdate keeps only the author's id (no relation), so names come in one extra query.
	const authorIds = [...new Set(objectives.flatMap((o) => o.updates.map((u) => u.authorId)).filter((id): id is string => Boolean(id)))]
	const authors = new Map(
		(await prisma.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
	)
	const commentView = (c: (typeof comments)[number]) => ({
		id: c.id,
		body: c.body,
		createdAt: c.createdAt,
		authorName: c.author.name,
		fromCustomer: c.author.role === 'CUSTOMER',
	})

	return {
		...base,
		content: {
			successDefinition: plan.successDefinition,
			expectations: plan.expectations,
			roadmap: plan.roadmap,
			deliveryRating: plan.deliveryRating,
			deliveryComment: plan.deliveryComment,
			agreedAt: plan.agreedAt,
			updatedAt: plan.updatedAt,
			objectives: objectives.map((o) => ({
				id: o.id,
				metric: o.metric,
				unit: o.unit,
				baseline: o.baseline,
				target: o.target,
				current: o.current,
				dueDate: o.dueDate,
				achievedAt: o.achievedAt,
				agreement: asAgreement(o.agreement),
				agreedAt: o.agreedAt,
				startedAt: o.createdAt,
				updatedAt: o.updatedAt,
				assessment: assessObjective({ ...o, startedAt: o.createdAt }, now),
				series: progressSeries({ baseline: o.baseline, startedAt: o.createdAt }, o.updates),
				updates: o.updates.map((u) => ({
					id: u.id,
					oldValue: u.oldValue,
					newValue: u.newValue,
					note: u.note,
					createdAt: u.createdAt,
					authorName: (u.authorId && authors.get(u.authorId)) ?? 'Someone',
				})),
				comments: comments.filter((c) => c.objectiveId === o.id).map(commentView),
			})),
			initiatives,
			comments: comments.filter((c) => c.objectiveId === null).map(commentView),
			history: events.map((e) => ({
				id: e.id,
				kind: e.kind,
				summary: e.summary,
				createdAt: e.createdAt,
				actorName: e.actor?.name ?? 'Someone',
				fromCustomer: e.actor?.role === 'CUSTOMER',
			})),
		},
	}
}
export type PlanPage = NonNullable<Awaited<ReturnType<typeof getPlanPage>>>
export type PlanContent = NonNullable<PlanPage['content']>
export type PlanObjective = PlanContent['objectives'][number]

/**
 * The console's plan list: accounts the user may act on (a CSM's own accounts, every account for
 * an admin) that are Tier 1 or have plans. Open change requests come first.
 */
export async function listConsolePlans(user: { id: string; role: string }) {
	const accounts = await prisma.account.findMany({
		where: {
			...(user.role === 'ADMIN' ? {} : { csmId: user.id }),
			OR: [{ tier: 1 }, { successPlans: { some: {} } }],
		},
		orderBy: [{ tier: 'asc' }, { name: 'asc' }],
		select: {
			id: true,
			name: true,
			tier: true,
			successPlans: {
				orderBy: { createdAt: 'desc' },
				select: {
					id: true,
					title: true,
					status: true,
					active: true,
					updatedAt: true,
					objectives: { select: { agreement: true } },
					events: {
						where: { kind: { in: [...REQUEST_EVENT_KINDS] } },
						orderBy: { createdAt: 'desc' },
						take: 1,
						select: { summary: true, createdAt: true, actor: { select: { name: true } } },
					},
				},
			},
		},
	})
	const rows = accounts.map((a) => {
		const active = a.successPlans.find((p) => p.active) ?? null
		const status: PlanStatus | null = active ? asPlanStatus(active.status) : null
		const changeRequests = active ? active.objectives.filter((o) => o.agreement === 'CHANGES_REQUESTED').length : 0
		const lastRequest = active?.events[0] ?? null
		return {
			account: { id: a.id, name: a.name, tier: a.tier, hasPlans: tierHas(a.tier, 'successPlan') },
			activePlan: active && {
				id: active.id,
				title: active.title,
				status: status!,
				objectives: active.objectives.length,
				agreed: active.objectives.filter((o) => o.agreement === 'AGREED').length,
				changeRequests,
				updatedAt: active.updatedAt,
			},
			needsAnswer: status === 'CHANGES_REQUESTED',
			lastRequest: status === 'CHANGES_REQUESTED' && lastRequest ? { summary: lastRequest.summary, at: lastRequest.createdAt, by: lastRequest.actor?.name ?? 'Someone' } : null,
			pastPlans: a.successPlans.filter((p) => !p.active).map((p) => ({ id: p.id, title: p.title, status: asPlanStatus(p.status) })),
		}
	})
	return rows.sort((x, y) => Number(y.needsAnswer) - Number(x.needsAnswer))
}
export type ConsolePlanRow = Awaited<ReturnType<typeof listConsolePlans>>[number]
