import { type PortfolioScore, valueLineFor } from '#app/domain/scoring/portfolio.ts'
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
