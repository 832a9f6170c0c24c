import { isEventKind, parseEventData } from '#app/domain/engagement/event-kinds.ts'
import { type ActivityEvent, type AccountSignals, type ProductUsageDay } from '#app/domain/scoring/inputs.ts'
import { DAY_MS } from '#app/utils/time.ts'
import { chunked } from '#app/utils/chunked.ts'
import { prisma } from '#app/utils/db.server.ts'
import { isContentLevel } from '#app/domain/content/levels.ts'
import { withContentFacts, type ContentFacts } from '#app/domain/scoring/content-facts.ts'

/**
 * What scoring reads from the database: events per user, product usage and happiness signals per
 * account, shaped as the pure scoring functions take them.
 */

type EventRow = { userId: string | null; kind: string; occurredAt: Date; itemKey: string | null; data: string }

export function toActivityEvent(row: EventRow): ActivityEvent | undefined {
	if (!isEventKind(row.kind)) return undefined
	return { kind: row.kind, at: row.occurredAt, itemKey: row.itemKey, data: parseEventData(row.data) }
}


/**
 * Level of every article, lesson and path and difficulty of every quiz, by the item key events use
 * (`article:<slug>`, `lesson:<path>/<lesson>`, `path:<slug>`, `quiz:<path>/<key>`, `assessment:<key>`).
 * A few hundred rows: loaded once per recompute.
 */
export async function loadContentFacts(): Promise<ContentFacts> {
	const [articles, paths, quizzes] = await Promise.all([
		prisma.article.findMany({ select: { slug: true, level: true } }),
		prisma.path.findMany({ select: { slug: true, level: true, lessons: { select: { slug: true, level: true } } } }),
		prisma.quiz.findMany({ select: { kind: true, key: true, definition: true, path: { select: { slug: true } } } }),
	])
	const facts: ContentFacts = new Map()
	for (const a of articles) if (isContentLevel(a.level)) facts.set(`article:${a.slug}`, { level: a.level })
	for (const p of paths) {
		if (isContentLevel(p.level)) facts.set(`path:${p.slug}`, { level: p.level })
		for (const l of p.lessons) if (isContentLevel(l.level)) facts.set(`lesson:${p.slug}/${l.slug}`, { level: l.level })
	}
	for (const q of quizzes) {
		const quiz = quizFacts(q.definition)
		if (q.kind === 'assessment') facts.set(`assessment:${q.key}`, quiz)
		else if (q.path) facts.set(`quiz:${q.path.slug}/${q.key}`, quiz)
	}
	return facts
}

function quizFacts(definition: string): { difficulty?: number; passMark?: number } {
	try {
		const { difficulty, passMark } = JSON.parse(definition) as { difficulty?: unknown; passMark?: unknown }
		return {
			difficulty: typeof difficulty === 'number' && difficulty >= 1 && difficulty <= 3 ? difficulty : undefined,
			passMark: typeof passMark === 'number' && passMark > 0 && passMark <= 100 ? passMark : undefined,
		}
	} catch {
		return {}
	}
}

/** Events of these users since `since`, grouped by user, oldest first, with content levels filled in. */
export async function loadUserEvents(userIds: readonly string[], since: Date, facts?: ContentFacts): Promise<Map<string, ActivityEvent[]>> {
	const byUser = new Map<string, ActivityEvent[]>()
	for (const id of userIds) byUser.set(id, [])
	for (const ids of chunked(userIds)) {
		const rows = await prisma.engagementEvent.findMany({
			where: { userId: { in: ids }, occurredAt: { gte: since } },
			select: { userId: true, kind: true, occurredAt: true, itemKey: true, data: true },
			orderBy: [{ userId: 'asc' }, { occurredAt: 'asc' }],
		})
		for (const row of rows) {
			const event = toActivityEvent(row)
			if (event && row.userId) byUser.get(row.userId)?.push(withContentFacts(event, facts))
		}
	}
	return byUser
}

/**
 * Product-usage metrics the scoring understands (any other metric is stored and ignored):
 *   active_minutes       minutes of product use that day or period (a day with minutes > 0 is an active day)
 *   active_days          days with use within a period row (weekly aggregates)
 *   active_users         people who used the product that day (> 0 also marks an active day)
 *   features_adopted / features_available   key features in use out of those on the plan
 *   key_feature_adoption share of key features in use, 0..1 (or a percentage 0..100)
 *   seats                licensed seats (the latest value counts)
 */
export const USAGE_METRICS = [
	'active_minutes',
	'active_days',
	'active_users',
	'features_adopted',
	'features_available',
	'key_feature_adoption',
	'seats',
] as const
const ADOPTION_METRICS = ['features_adopted', 'features_available', 'key_feature_adoption', 'seats']

export type UsageFacts = {
	/** Latest licensed seats, when reported. */
	seats?: number
	/** Latest daily active users, when reported. */
	activeUsers?: number
	/** Average active minutes per week over the last four weeks, when minutes are reported. */
	weeklyActiveMinutes?: number
}

export type AccountUsage = { days: ProductUsageDay[]; facts: UsageFacts }

type UsageRow = { accountId: string; day: string; metric: string; value: number; periodDays: number }

/** Product usage per account over the will window (and feature adoption over the skill horizon). */
export async function loadAccountUsage(
	accountIds: readonly string[],
	now: Date,
	windowDays: number,
	horizonDays: number,
): Promise<Map<string, AccountUsage>> {
	const result = new Map<string, AccountUsage>()
	if (accountIds.length === 0) return result
	const windowStart = dayString(now.getTime() - windowDays * DAY_MS)
	const horizonStart = dayString(now.getTime() - horizonDays * DAY_MS)
	const rows = await prisma.productUsage.findMany({
		where: {
			accountId: { in: [...accountIds] },
			OR: [
				{ day: { gte: windowStart }, metric: { in: [...USAGE_METRICS] } },
				{ day: { gte: horizonStart }, metric: { in: ADOPTION_METRICS } },
			],
		},
		select: { accountId: true, day: true, metric: true, value: true, periodDays: true },
		orderBy: [{ accountId: 'asc' }, { day: 'asc' }],
	})
	const byAccount = new Map<string, UsageRow[]>()
	for (const row of rows) {
		let list = byAccount.get(row.accountId)
		if (!list) byAccount.set(row.accountId, (list = []))
		list.push(row)
	}
	for (const [accountId, list] of byAccount) result.set(accountId, usageFromRows(list, now))
	return result
}

/** Folds metric rows into one ProductUsageDay per day, plus the facts exit evidence quotes. */
export function usageFromRows(rows: readonly Omit<UsageRow, 'accountId'>[], now: Date): AccountUsage {
	const days = new Map<string, ProductUsageDay>()
	const facts: UsageFacts = {}
	let latestSeatsDay = ''
	let latestUsersDay = ''
	const fourWeeksAgo = dayString(now.getTime() - 28 * DAY_MS)
	let minutes28 = 0
	let minuteRows = 0
	for (const row of rows) {
		let day = days.get(row.day)
		if (!day) days.set(row.day, (day = { day: row.day }))
		if (row.periodDays > 1) day.periodDays = Math.max(day.periodDays ?? 1, row.periodDays)
		switch (row.metric) {
			case 'active_minutes':
				day.activeMinutes = row.value
				if (row.day >= fourWeeksAgo) {
					minutes28 += row.value
					minuteRows++
				}
				break
			case 'active_days':
				day.activeDays = row.value
				break
			case 'active_users':
				day.activeUsers = row.value
				if (row.day >= latestUsersDay) {
					latestUsersDay = row.day
					facts.activeUsers = row.value
				}
				break
			case 'features_adopted':
				day.featuresAdopted = row.value
				break
			case 'features_available':
				day.featuresAvailable = row.value
				break
			case 'key_feature_adoption': {
				const share = row.value > 1 ? row.value / 100 : row.value
				day.featuresAdopted ??= Math.min(1, share) * 100
				day.featuresAvailable ??= 100
				break
			}
			case 'seats':
				if (row.day >= latestSeatsDay) {
					latestSeatsDay = row.day
					facts.seats = row.value
				}
				break
		}
	}
	for (const day of days.values()) {
		// Users without minutes still make the day an active one.
		if (day.activeMinutes === undefined && day.activeUsers !== undefined) day.activeMinutes = day.activeUsers > 0 ? 1 : 0
	}
	if (minuteRows > 0) facts.weeklyActiveMinutes = minutes28 / 4
	return { days: [...days.values()], facts }
}

/** Product usage of each of these users (their own rows, imported per user), as scoring reads it. */
export async function loadUserUsage(userIds: readonly string[], now: Date, horizonDays: number): Promise<Map<string, ProductUsageDay[]>> {
	const result = new Map<string, ProductUsageDay[]>()
	const since = dayString(now.getTime() - horizonDays * DAY_MS)
	for (const ids of chunked(userIds)) {
		const rows = await prisma.userProductUsage.findMany({
			where: { userId: { in: ids }, day: { gte: since }, metric: { in: [...USAGE_METRICS] } },
			select: { userId: true, day: true, metric: true, value: true, periodDays: true },
			orderBy: [{ userId: 'asc' }, { day: 'asc' }],
		})
		const byUser = new Map<string, UsageRow[]>()
		for (const row of rows) {
			let list = byUser.get(row.userId)
			if (!list) byUser.set(row.userId, (list = []))
			list.push({ ...row, accountId: '' })
		}
		for (const [userId, list] of byUser) result.set(userId, usageFromRows(list, now).days)
	}
	return result
}

/** Happiness inputs: imported survey answers of the last year win over the account's stored NPS/CSAT. */
export async function loadAccountSignals(
	accounts: ReadonlyArray<{ id: string; arr: number; costToServe: number; nps: number | null; csat: number | null }>,
	now: Date,
): Promise<Map<string, AccountSignals>> {
	const ids = accounts.map((a) => a.id)
	const since = new Date(now.getTime() - 365 * DAY_MS)
	const [surveys, votes] = ids.length
		? await Promise.all([
				prisma.surveyResponse.findMany({
					where: { accountId: { in: ids }, respondedAt: { gte: since, lte: now } },
					select: { accountId: true, kind: true, score: true },
				}),
				prisma.helpfulVote.findMany({
					where: { updatedAt: { gte: since }, user: { accountId: { in: ids } } },
					select: { helpful: true, user: { select: { accountId: true } } },
				}),
			])
		: [[], []]
	const nps = new Map<string, number[]>()
	const csat = new Map<string, number[]>()
	for (const s of surveys) {
		const target = s.kind === 'NPS' ? nps : csat
		let list = target.get(s.accountId)
		if (!list) target.set(s.accountId, (list = []))
		list.push(s.score)
	}
	const helpful = new Map<string, { yes: number; total: number }>()
	for (const v of votes) {
		const accountId = v.user.accountId
		if (!accountId) continue
		const entry = helpful.get(accountId) ?? { yes: 0, total: 0 }
		entry.total++
		if (v.helpful) entry.yes++
		helpful.set(accountId, entry)
	}
	const result = new Map<string, AccountSignals>()
	for (const a of accounts) {
		const npsAnswers = nps.get(a.id)
		const csatAnswers = csat.get(a.id)
		const votesOf = helpful.get(a.id)
		result.set(a.id, {
			nps: npsAnswers?.length ? null : a.nps,
			npsResponses: npsAnswers?.length ? npsAnswers : undefined,
			csat: csatAnswers?.length ? csatAnswers.reduce((s, x) => s + x, 0) / csatAnswers.length : a.csat,
			feedbackHelpfulRatio: votesOf && votesOf.total > 0 ? votesOf.yes / votesOf.total : null,
			arr: a.arr,
			costToServe: a.costToServe,
		})
	}
	return result
}

export function dayString(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10)
}
