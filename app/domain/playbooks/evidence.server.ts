import { readableAudiences, readerFor } from '#app/domain/accounts-tiers/audience.ts'
import { SERVICE_LABELS } from '#app/domain/accounts-tiers/customer-plans.ts'
import { servicesOf, type Service } from '#app/domain/accounts-tiers/service-matrix.ts'
import { buildExitEvidence, type ObjectiveEvidence } from '#app/domain/playbooks/exit-evidence.ts'
import { toActivityEvent, type UsageFacts } from '#app/domain/scoring/activity.server.ts'
import { chunked } from '#app/utils/chunked.ts'
import { type ActivityEvent } from '#app/domain/scoring/inputs.ts'
import { finite } from '#app/domain/scoring/math.ts'
import { DAY_MS } from '#app/utils/time.ts'
import { type AccountRollUp } from '#app/domain/scoring/segments.ts'
import { prisma } from '#app/utils/db.server.ts'

/**
 * The evidence a CSM task carries: how many people are active, usage against what was expected,
 * content read and paths completed out of what the tier offers, the quiz average, success-plan
 * objectives behind target and services the tier includes that nobody used.
 * Read after scoring, and only for the accounts a play raises a task for.
 */

/** Window of the "content read" and "services used" lines. */
const RECENT_DAYS = 90
/** Quiz results older than this no longer say much about the account. */
const QUIZ_DAYS = 365
const CONTENT_KINDS = new Set(['article_view', 'article_read', 'lesson_complete', 'quiz_attempt', 'path_enrol', 'video_play'])

export class AccountFacts {
	readonly articles = new Set<string>()
	readonly paths = new Set<string>()
	/** Sum and count of each user's latest score per quiz. */
	quizSum = 0
	quizCount = 0
	contentActions = 0
	planActions = 0

	/** Folds one user's events (oldest first) in. */
	add(events: readonly ActivityEvent[], now: Date) {
		const recent = now.getTime() - RECENT_DAYS * DAY_MS
		const quizSince = now.getTime() - QUIZ_DAYS * DAY_MS
		// Per user only, so the account keeps two numbers rather than a map of every user's quizzes.
		const latestQuiz = new Map<string, number>()
		for (const e of events) {
			const t = e.at.getTime()
			if (e.kind === 'path_complete' && e.itemKey) this.paths.add(e.itemKey)
			if (e.kind === 'quiz_attempt' && e.itemKey && t >= quizSince) {
				const score = finite((e.data as { score?: unknown } | null | undefined)?.score)
				if (score !== undefined) latestQuiz.set(e.itemKey, score)
			}
			if (t < recent) continue
			if ((e.kind === 'article_read' || e.kind === 'article_view') && e.itemKey?.startsWith('article:')) this.articles.add(e.itemKey)
			if (CONTENT_KINDS.has(e.kind)) this.contentActions++
			if (e.kind === 'plan_review' || e.kind === 'plan_signoff') this.planActions++
		}
		for (const score of latestQuiz.values()) {
			this.quizSum += score
			this.quizCount++
		}
	}
}

/** Accounts read per query: their recent events are held in memory at once. */
const FACT_ACCOUNTS_PER_QUERY = 50

/** Facts of these accounts from their event rows (an account without events gets empty facts). */
export async function loadAccountFacts(accountIds: readonly string[], now: Date): Promise<Map<string, AccountFacts>> {
	const out = new Map<string, AccountFacts>(accountIds.map((id) => [id, new AccountFacts()]))
	for (const ids of chunked([...out.keys()], FACT_ACCOUNTS_PER_QUERY)) {
		const rows = await prisma.engagementEvent.findMany({
			where: {
				accountId: { in: ids },
				OR: [
					{ kind: 'path_complete' },
					{ kind: 'quiz_attempt', occurredAt: { gte: new Date(now.getTime() - QUIZ_DAYS * DAY_MS) } },
					{ occurredAt: { gte: new Date(now.getTime() - RECENT_DAYS * DAY_MS) } },
				],
			},
			select: { userId: true, accountId: true, kind: true, occurredAt: true, itemKey: true, data: true },
			orderBy: { occurredAt: 'asc' },
		})
		// Per user within an account: AccountFacts folds one user's events at a time.
		const byUser = new Map<string, { accountId: string; events: ActivityEvent[] }>()
		for (const row of rows) {
			const event = toActivityEvent(row)
			if (!event || !row.userId || !row.accountId) continue
			const key = `${row.accountId} ${row.userId}`
			let entry = byUser.get(key)
			if (!entry) byUser.set(key, (entry = { accountId: row.accountId, events: [] }))
			entry.events.push(event)
		}
		for (const { accountId, events } of byUser.values()) out.get(accountId)?.add(events, now)
	}
	return out
}

/** What evidence needs beyond the events, loaded once for a batch of accounts. */
export class EvidenceContext {
	private readonly available = new Map<number, Promise<{ articles: number; paths: number }>>()
	private objectives = new Map<string, ObjectiveEvidence[]>()
	private comments = new Map<string, number>()

	constructor(private readonly now: Date) {}

	async loadAccounts(accountIds: readonly string[]) {
		const since = new Date(this.now.getTime() - RECENT_DAYS * DAY_MS)
		for (const ids of chunked(accountIds)) {
			const [plans, comments] = await Promise.all([
				prisma.successPlan.findMany({
					where: { accountId: { in: ids }, active: true },
					select: { accountId: true, objectives: { select: { metric: true, unit: true, baseline: true, target: true, current: true, achievedAt: true } } },
				}),
				prisma.planComment.findMany({
					where: { plan: { accountId: { in: ids } }, createdAt: { gte: since } },
					select: { plan: { select: { accountId: true } }, author: { select: { accountId: true } } },
				}),
			])
			for (const plan of plans) {
				this.objectives.set(
					plan.accountId,
					plan.objectives
						.filter((o) => !o.achievedAt)
						.map((o) => ({ name: o.metric, unit: o.unit, baseline: o.baseline, target: o.target, current: o.current })),
				)
			}
			// The customer's own comments on their plan count as using it.
			for (const c of comments) {
				if (c.author.accountId === c.plan.accountId) this.comments.set(c.plan.accountId, (this.comments.get(c.plan.accountId) ?? 0) + 1)
			}
		}
	}

	availableFor(tier: number) {
		let found = this.available.get(tier)
		if (!found) {
			const audiences = readableAudiences(readerFor({ role: 'CUSTOMER', account: { tier } }))
			found = Promise.all([
				prisma.article.count({ where: { status: 'published', audience: { in: audiences } } }),
				prisma.path.count({ where: { status: 'published', audience: { in: audiences } } }),
			]).then(([articles, paths]) => ({ articles, paths }))
			this.available.set(tier, found)
		}
		return found
	}

	objectivesOf(accountId: string) {
		return this.objectives.get(accountId) ?? []
	}

	commentsOf(accountId: string) {
		return this.comments.get(accountId) ?? 0
	}
}

export async function accountEvidence(
	account: { id: string; tier: number },
	rollUp: Pick<AccountRollUp, 'users' | 'activeUsers' | 'explanations'>,
	usage: UsageFacts | undefined,
	facts: AccountFacts,
	context: EvidenceContext,
): Promise<string[]> {
	const available = await context.availableFor(account.tier)
	const services = servicesOf(account.tier)
	const unused: Service[] = []
	if (services.includes('selfService') && facts.contentActions === 0) unused.push('selfService')
	if (services.includes('successPlan') && facts.planActions + context.commentsOf(account.id) === 0) unused.push('successPlan')

	// The scores and the active-seat count are stated elsewhere in the task; keep the other reasons.
	const lines = rollUp.explanations.filter((line) => !line.startsWith("Users' skill") && !/^\d+ of .* active in the last/.test(line))
	return [
		...lines,
		...buildExitEvidence({
			weeklyActiveMinutes: usage?.weeklyActiveMinutes,
			activeUsers: rollUp.activeUsers,
			seats: usage?.seats ?? rollUp.users,
			articlesRead: facts.articles.size,
			// Before content is synced there is nothing to compare with: say only what was read.
			articlesAvailable: available.articles || undefined,
			pathsCompleted: facts.paths.size,
			pathsAvailable: available.paths || undefined,
			quizAverage: facts.quizCount ? facts.quizSum / facts.quizCount : null,
			objectives: context.objectivesOf(account.id),
			servicesNotUsed: unused.map((s) => SERVICE_LABELS[s]),
		}),
	]
}
