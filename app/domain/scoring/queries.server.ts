import { QUADRANT_LABELS } from '#app/domain/scoring/quadrant.ts'
import { rescoreAccounts, rescoreUsers } from '#app/domain/scoring/recompute.server.ts'
import { SEGMENT_LABELS } from '#app/domain/scoring/segments.ts'
import {
	parseAccountBreakdown,
	parseUserBreakdown,
	toScoreView,
	type AccountBreakdown,
	type ScoreView,
	type UserBreakdown,
} from '#app/domain/scoring/snapshots.server.ts'
import { prisma } from '#app/utils/db.server.ts'

/** Reading stored scores for pages and the JSON API. */

const viewFields = { skill: true, will: true, segment: true, quadrant: true, computedAt: true, breakdown: true } as const

export type UserScoreView = ScoreView & { breakdown: UserBreakdown | null }
export type AccountScoreView = ScoreView & { breakdown: AccountBreakdown | null }

export async function getCurrentUserScore(userId: string): Promise<UserScoreView | null> {
	const row = await prisma.scoreSnapshot.findFirst({
		where: { subjectType: 'USER', userId, isCurrent: true },
		select: viewFields,
		orderBy: { computedAt: 'desc' },
	})
	return row ? { ...toScoreView(row), breakdown: parseUserBreakdown(row.breakdown) } : null
}

export async function getCurrentAccountScore(accountId: string): Promise<AccountScoreView | null> {
	const row = await prisma.scoreSnapshot.findFirst({
		where: { subjectType: 'ACCOUNT', accountId, isCurrent: true },
		select: viewFields,
		orderBy: { computedAt: 'desc' },
	})
	return row ? { ...toScoreView(row), breakdown: parseAccountBreakdown(row.breakdown) } : null
}

/** The current score, computing it first when the subject was never scored (a new user or account). */
export async function getOrComputeUserScore(userId: string): Promise<UserScoreView | null> {
	const stored = await getCurrentUserScore(userId)
	if (stored) return stored
	await rescoreUsers([userId])
	return getCurrentUserScore(userId)
}

export async function getOrComputeAccountScore(accountId: string): Promise<AccountScoreView | null> {
	const stored = await getCurrentAccountScore(accountId)
	if (stored) return stored
	await rescoreAccounts([accountId])
	return getCurrentAccountScore(accountId)
}

/** Changes of an account's scores, newest first. */
export async function getAccountHistory(accountId: string, take = 30) {
	const rows = await prisma.scoreSnapshot.findMany({
		where: { subjectType: 'ACCOUNT', accountId },
		select: { skill: true, will: true, segment: true, quadrant: true, computedAt: true },
		orderBy: { computedAt: 'desc' },
		take,
	})
	return rows.map(toScoreView)
}

/** The account's customers with their current scores (unscored users last). */
export async function listAccountUserScores(accountId: string) {
	const users = await prisma.user.findMany({
		where: { accountId, role: 'CUSTOMER' },
		select: {
			id: true,
			name: true,
			email: true,
			scores: { where: { subjectType: 'USER', isCurrent: true }, select: viewFields, orderBy: { computedAt: 'desc' }, take: 1 },
		},
		orderBy: { name: 'asc' },
	})
	return users.map((u) => {
		const row = u.scores[0]
		const breakdown = row ? parseUserBreakdown(row.breakdown) : null
		return {
			id: u.id,
			name: u.name,
			email: u.email,
			score: row ? toScoreView(row) : null,
			lastActiveAt: breakdown?.lastActiveAt ?? null,
			summary: breakdown ? { skill: breakdown.skill.summary, will: breakdown.will.summary } : null,
			lowEvidence: breakdown?.lowEvidence ?? true,
		}
	})
}

/** Current segment and quadrant of each account, for the console's account list. */
export async function getAccountSegments(accountIds: readonly string[]) {
	const rows = accountIds.length
		? await prisma.scoreSnapshot.findMany({
				where: { subjectType: 'ACCOUNT', accountId: { in: [...accountIds] }, isCurrent: true },
				select: { accountId: true, skill: true, will: true, segment: true, quadrant: true, computedAt: true },
				orderBy: { computedAt: 'asc' },
			})
		: []
	return new Map(rows.map((r) => [r.accountId!, toScoreView(r)]))
}

/** JSON of a user's score; a customer reading their own gets no segment (a staff word). */
export function userScoreJson(user: { id: string; name: string; accountId: string | null }, score: UserScoreView, forStaff: boolean) {
	return {
		subject: { type: 'user' as const, id: user.id, name: user.name, accountId: user.accountId },
		skill: score.skill,
		will: score.will,
		...(forStaff ? { segment: score.segment, segmentLabel: SEGMENT_LABELS[score.segment] } : {}),
		computedAt: score.computedAt.toISOString(),
		lowEvidence: score.breakdown?.lowEvidence ?? true,
		breakdown: score.breakdown && {
			skill: score.breakdown.skill,
			will: score.breakdown.will,
			lastActiveAt: score.breakdown.lastActiveAt,
		},
	}
}

/** JSON of an account's score; a customer of the account gets neither segment nor quadrant (it states our margin). */
export function accountScoreJson(account: { id: string; name: string; tier: number }, score: AccountScoreView, forStaff: boolean) {
	const b = score.breakdown
	return {
		subject: { type: 'account' as const, id: account.id, name: account.name, tier: account.tier },
		skill: score.skill,
		will: score.will,
		...(forStaff
			? {
					segment: score.segment,
					segmentLabel: SEGMENT_LABELS[score.segment],
					quadrant: score.quadrant,
					quadrantLabel: score.quadrant ? QUADRANT_LABELS[score.quadrant] : null,
				}
			: {}),
		computedAt: score.computedAt.toISOString(),
		lowEvidence: b?.lowEvidence ?? true,
		breakdown: b && {
			users: b.users,
			activeUsers: b.activeUsers,
			explanations: b.explanations,
			drivers: b.drivers,
			...(forStaff ? { happiness: b.happiness, value: b.value, quadrantExplanations: b.quadrantExplanations } : {}),
		},
	}
}
