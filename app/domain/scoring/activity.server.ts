import { isEventKind, parseEventData } from '#app/domain/engagement/event-kinds.ts'
import { type ActivityEvent, type AccountSignals, type ProductUsageDay } from '#app/domain/scoring/inputs.ts'
import { DAY_MS } from '#app/utils/time.ts'
import { chunked } from '#app/utils/chunked.ts'
import { prisma } from '#app/utils/db.server.ts'

/**
 * What scoring reads from the database: events per user, product usage and happiness signals per
 * account, shaped as the pure scoring functions take them.
 */

type EventRow = { userId: string | null; kind: string; occurredAt: Date; itemKey: string | null; data: string }

export function toActivityEvent(row: EventRow): ActivityEvent | undefined {
	if (!isEventKind(row.kind)) return undefined
	return { kind: row.kind, at: row.occurredAt, itemKey: row.itemKey, data: parseEventData(row.data) }
}

/** Events of these users since `since`, grouped by user, oldest first. */
export async function loadUserEvents(userIds: readonly string[], since: Date): Promise<Map<string, ActivityEvent[]>> {
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
			if (event && row.userId) byUser.get(row.userId)?.push(event)
		}
	}
	return byUser
}

/**
 * Product-usage metrics the scoring understands (any other metric is stored and ignored):
 *   active_minutes       minutes of product use that day (a day with minutes > 0 is an active day)
 *   active_users         people who used the product that day (> 0 also marks an active day)
 *   features_adopted / features_available   key features in use out of those on the plan
 *   key_feature_adoption share of key features in use, 0..1 (or a percentage 0..100)
 *   seats                licensed seats (the latest value counts)
 */
export const USAGE_METRICS = ['active_minutes', 'active_users', 'features_adopted', 'features_available', 'key_feature_adoption', 'seats'] as const

export type UsageFacts = {
	/** Latest licensed seats, when reported. */
	seats?: number
	/** Latest daily active users, when reported. */
	activeUsers?: number
	/** Average active minutes per week over the last four weeks, when minutes are reported. */
	weeklyActiveMinutes?: number
}

export type AccountUsage = { days: ProductUsageDay[]; facts: UsageFacts }

type UsageRow = { accountId: string; day: string; metric: string; value: number }

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
				{ day: { gte: horizonStart }, metric: { in: ['features_adopted', 'features_available', 'key_feature_adoption', 'seats'] } },
			],
		},
		select: { accountId: true, day: true, metric: true, value: true },
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
	const days = new Map<string, ProductUsageDay & { activeUsers?: number }>()
	const facts: UsageFacts = {}
	let latestSeatsDay = ''
	let latestUsersDay = ''
	const fourWeeksAgo = dayString(now.getTime() - 28 * DAY_MS)
	let minutes28 = 0
	let minuteRows = 0
	for (const row of rows) {
		let day = days.get(row.day)
		if (!day) days.set(row.day, (day = { day: row.day }))
		switch (row.metric) {
			case 'active_minutes':
				// Scoring only asks whether a day was active; the account's weekly total keeps every minute.
				day.activeMinutes = Math.min(row.value, 24 * 60)
				if (row.day >= fourWeeksAgo) {
					minutes28 += row.value
					minuteRows++
				}
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
		delete day.activeUsers
	}
	if (minuteRows > 0) facts.weeklyActiveMinutes = minutes28 / 4
	return { days: [...days.values()], facts }
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
