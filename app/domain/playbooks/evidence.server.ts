import { readableAudiences, readerFor } from '#app/domain/accounts-tiers/audience.ts'
import { servicesOf, SERVICE_LABELS, type Service } from '#app/domain/accounts-tiers/service-matrix.ts'
import { parseEventData } from '#app/domain/engagement/event-kinds.ts'
import { buildExitEvidence, type ObjectiveEvidence } from '#app/domain/playbooks/exit-evidence.ts'
import { type UsageFacts } from '#app/domain/scoring/activity.server.ts'
import { DAY_MS } from '#app/domain/scoring/math.ts'
import { type AccountRollUp } from '#app/domain/scoring/segments.ts'
import { prisma } from '#app/utils/db.server.ts'

/** Window of the "content read" and "services used" lines. */
const RECENT_DAYS = 90
/** Quiz results older than this no longer say much about the account. */
const QUIZ_DAYS = 365

/**
 * The evidence a CSM task carries: how many people are active, usage against what was expected,
 * content read and paths completed out of what the tier offers, the quiz average, success-plan
 * objectives behind target and services the tier includes that nobody used. Built only for
 * accounts a playbook raises a task for, from the account's own rows.
 */
export async function accountEvidence(
	account: { id: string; tier: number },
	rollUp: Pick<AccountRollUp, 'users' | 'activeUsers' | 'explanations'>,
	usage: UsageFacts | undefined,
	now: Date,
): Promise<string[]> {
	const reader = readerFor({ role: 'CUSTOMER', account: { tier: account.tier } })
	const audiences = readableAudiences(reader)
	const recentSince = new Date(now.getTime() - RECENT_DAYS * DAY_MS)
	const quizSince = new Date(now.getTime() - QUIZ_DAYS * DAY_MS)
	const [reads, completions, quizzes, planEvents, anyContent, articlesAvailable, pathsAvailable, plan] = await Promise.all([
		prisma.engagementEvent.findMany({
			where: { accountId: account.id, kind: { in: ['article_read', 'article_view'] }, occurredAt: { gte: recentSince } },
			select: { itemKey: true },
			distinct: ['itemKey'],
		}),
		prisma.engagementEvent.findMany({
			where: { accountId: account.id, kind: 'path_complete' },
			select: { itemKey: true },
			distinct: ['itemKey'],
		}),
		prisma.engagementEvent.findMany({
			where: { accountId: account.id, kind: 'quiz_attempt', occurredAt: { gte: quizSince } },
			select: { userId: true, itemKey: true, data: true, occurredAt: true },
			orderBy: { occurredAt: 'asc' },
		}),
		prisma.engagementEvent.count({
			where: { accountId: account.id, kind: { in: ['plan_review', 'plan_signoff'] }, occurredAt: { gte: recentSince } },
		}),
		prisma.engagementEvent.count({
			where: {
				accountId: account.id,
				kind: { in: ['article_view', 'article_read', 'lesson_complete', 'quiz_attempt', 'path_enrol', 'video_play'] },
				occurredAt: { gte: recentSince },
			},
		}),
		prisma.article.count({ where: { status: 'published', audience: { in: audiences } } }),
		prisma.path.count({ where: { status: 'published', audience: { in: audiences } } }),
		prisma.successPlan.findFirst({
			where: { accountId: account.id, active: true },
			select: { objectives: { select: { metric: true, unit: true, baseline: true, target: true, current: true, achievedAt: true } } },
		}),
	])

	// The latest scored attempt of each user at each quiz, as scoring counts them.
	const latest = new Map<string, number>()
	for (const q of quizzes) {
		const score = parseEventData(q.data).score
		if (typeof score === 'number') latest.set(`${q.userId}|${q.itemKey}`, score)
	}
	const scores = [...latest.values()]
	const objectives: ObjectiveEvidence[] = (plan?.objectives ?? [])
		.filter((o) => !o.achievedAt)
		.map((o) => ({ name: o.metric, unit: o.unit, baseline: o.baseline, target: o.target, current: o.current }))

	const services = servicesOf(account.tier)
	const unused: Service[] = []
	if (services.includes('selfService') && anyContent === 0) unused.push('selfService')
	if (services.includes('successPlan') && planEvents === 0) unused.push('successPlan')

	// The scores and the active-seat count are stated elsewhere in the task; keep the other reasons.
	const lines = rollUp.explanations.filter((line) => !line.startsWith("Users' skill") && !/^\d+ of .* active in the last/.test(line))
	return [
		...lines,
		...buildExitEvidence({
			weeklyActiveMinutes: usage?.weeklyActiveMinutes,
			activeUsers: rollUp.activeUsers,
			seats: usage?.seats ?? rollUp.users,
			articlesRead: reads.filter((r) => r.itemKey?.startsWith('article:')).length,
			articlesAvailable,
			pathsCompleted: completions.length,
			pathsAvailable,
			quizAverage: scores.length ? scores.reduce((s, x) => s + x, 0) / scores.length : null,
			objectives,
			servicesNotUsed: unused.map((s) => SERVICE_LABELS[s]),
		}),
	]
}
