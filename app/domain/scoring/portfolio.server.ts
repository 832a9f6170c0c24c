import { listAccountsFor } from '#app/domain/accounts-tiers/accounts.server.ts'
import { type AccountManager } from '#app/domain/accounts-tiers/account-access.ts'
import { filterPortfolio, parsePortfolioFilters, type PortfolioScore, valueLineFor } from '#app/domain/scoring/portfolio.ts'
import { segmentMovesByWeek } from '#app/domain/scoring/portfolio-movement.ts'
import { toScoreReading, type ScoreReading } from '#app/domain/scoring/queries.server.ts'
import { getScoringConfig } from '#app/domain/scoring/settings.server.ts'
import { parseAccountBreakdown } from '#app/domain/scoring/snapshots.server.ts'
import { currentWillLine } from '#app/domain/scoring/will-line.server.ts'
import { prisma } from '#app/utils/db.server.ts'

/**
 * Reads for the console's portfolio charts. Read only; the callers pass ids of accounts the user
 * may already see (listAccountsFor), so nothing here widens access.
 */

export type PortfolioReading = ScoreReading & PortfolioScore

/** Each account's CSM and current score with the happiness and value it was placed by. */
export async function getPortfolioScores(accountIds: readonly string[]) {
	if (accountIds.length === 0) return new Map<string, { csmId: string | null; csmName: string | null; score: PortfolioReading | null }>()
	const rows = await prisma.account.findMany({
		where: { id: { in: [...accountIds] } },
		select: {
			id: true,
			csmId: true,
			csm: { select: { name: true } },
			scores: {
				where: { subjectType: 'ACCOUNT', isCurrent: true },
				select: { skill: true, will: true, segment: true, quadrant: true, computedAt: true, breakdown: true },
				orderBy: { computedAt: 'desc' },
				take: 1,
			},
		},
	})
	return new Map(
		rows.map((row) => {
			const snapshot = row.scores[0]
			let score: PortfolioReading | null = null
			if (snapshot) {
				const b = parseAccountBreakdown(snapshot.breakdown)
				score = {
					...toScoreReading(snapshot),
					happiness: b?.happiness?.score ?? null,
					happinessKnown: b?.happiness?.known ?? false,
					value: b?.value?.score ?? null,
					relativeMargin: b?.value?.relativeMargin ?? null,
				}
			}
			return [row.id, { csmId: row.csmId, csmName: row.csm?.name ?? null, score }] as const
		}),
	)
}

/** When each account last did anything in the portal (its newest engagement event). */
export async function getLastActive(accountIds: readonly string[]): Promise<Map<string, Date>> {
	if (accountIds.length === 0) return new Map()
	const rows = await prisma.engagementEvent.groupBy({
		by: ['accountId'],
		where: { accountId: { in: [...accountIds] } },
		_max: { occurredAt: true },
	})
	return new Map(rows.flatMap((r) => (r.accountId && r._max.occurredAt ? [[r.accountId, r._max.occurredAt] as const] : [])))
}

/**
 * The accounts the user may see (listAccountsFor: a CSM their own, an admin all), with CSM, current
 * score and last activity, narrowed by the query's filters. The console list, its charts and its
 * CSV export all read through here, so they cannot disagree about who sees what.
 */
export async function getPortfolioView(user: AccountManager, params: URLSearchParams) {
	const all = await listAccountsFor(user)
	const csms = user.role === 'ADMIN' ? await listCsms() : null
	const ids = all.map((a) => a.id)
	const [details, lastActive] = await Promise.all([getPortfolioScores(ids), getLastActive(ids)])
	const filters = parsePortfolioFilters(params, csms?.map((c) => c.id) ?? null)
	const rows = all.map((a) => {
		const d = details.get(a.id)
		return { ...a, csmId: d?.csmId ?? null, csmName: d?.csmName ?? null, score: d?.score ?? null, lastActiveAt: lastActive.get(a.id) ?? null }
	})
	return { accounts: filterPortfolio(rows, filters), total: all.length, filters, csms }
}

export type PortfolioRow = Awaited<ReturnType<typeof getPortfolioView>>['accounts'][number]

/** Weekly segment moves of these accounts over the last `weeks` weeks, from their snapshot history. */
export async function getSegmentMovement(accountIds: readonly string[], now = new Date(), weeks = 12) {
	const snapshots = accountIds.length
		? await prisma.scoreSnapshot.findMany({
				where: { subjectType: 'ACCOUNT', accountId: { in: [...accountIds] }, computedAt: { lte: now } },
				select: { accountId: true, segment: true, computedAt: true },
			})
		: []
	return segmentMovesByWeek(
		snapshots.flatMap((s) => (s.accountId ? [{ accountId: s.accountId, segment: s.segment, computedAt: s.computedAt }] : [])),
		now,
		weeks,
	)
}

/** The CSMs an admin may filter by, by name. */
export async function listCsms() {
	return prisma.user.findMany({ where: { role: 'CSM' }, select: { id: true, name: true }, orderBy: { name: 'asc' } })
}

/**
 * The lines the charts draw: skill's fixed line, the will line the last full recompute drew (or
 * the fixed one) with where it came from, and the quadrant's happiness and margin lines.
 */
export async function getChartLines() {
	const config = getScoringConfig()
	const will = await currentWillLine(config)
	return {
		skill: config.segments.skillThreshold,
		will: will.line,
		willSource: will.source,
		willAccounts: will.accounts,
		happiness: config.quadrant.happinessThreshold,
		marginThreshold: config.quadrant.marginThreshold,
		value: valueLineFor(config.quadrant.marginThreshold),
	}
}

export type ChartLines = Awaited<ReturnType<typeof getChartLines>>
