import { QUADRANT_LABELS, type Quadrant } from '#app/domain/scoring/quadrant.ts'
import { isSegment, SEGMENT_STATUS_LABELS, toSegmentStatus, type Segment, type SegmentStatus } from '#app/domain/scoring/segments.ts'
import {
	isQuadrant,
	parseAccountBreakdown,
	parseUserBreakdown,
	type AccountBreakdown,
	type StoredSnapshot,
	type UserBreakdown,
} from '#app/domain/scoring/snapshots.server.ts'
import { prisma } from '#app/utils/db.server.ts'

/**
 * Reading stored scores for pages and the JSON API. Reads only: a subject never scored reads as
 * null ("not scored yet"); scoring happens in the scoring queue, never in a GET.
 */

const viewFields = { skill: true, will: true, segment: true, quadrant: true, computedAt: true, breakdown: true } as const

/**
 * A stored score as pages and the API show it. `segment` is one of the four segments or
 * NOT_ENOUGH_EVIDENCE (anything unknown reads as the latter: fail closed, never a guessed segment);
 * `leaning` is the segment thin evidence points to, when the scoring stored one.
 */
export type ScoreReading = {
	skill: number
	will: number
	segment: SegmentStatus
	segmentLabel: string
	leaning: Segment | null
	quadrant: Quadrant | null
	computedAt: Date
}

export type UserScoreView = ScoreReading & { breakdown: UserBreakdown | null }
export type AccountScoreView = ScoreReading & { breakdown: AccountBreakdown | null }

type SnapshotRow = Pick<StoredSnapshot, 'skill' | 'will' | 'segment' | 'quadrant' | 'computedAt'> & { breakdown?: string }

export function toScoreReading(row: SnapshotRow): ScoreReading {
	const segment = toSegmentStatus(row.segment)
	return {
		skill: row.skill,
		will: row.will,
		segment,
		segmentLabel: SEGMENT_STATUS_LABELS[segment],
		leaning: row.breakdown === undefined ? null : leaningOf(row.breakdown),
		quadrant: isQuadrant(row.quadrant) ? row.quadrant : null,
		computedAt: row.computedAt,
	}
}

/** The `leaning` field of a stored breakdown; old rows have none. */
function leaningOf(breakdown: string): Segment | null {
	try {
		const value = JSON.parse(breakdown) as { leaning?: unknown } | null
		return value && isSegment(value.leaning) ? value.leaning : null
	} catch {
		return null
	}
}

export async function getCurrentUserScore(userId: string): Promise<UserScoreView | null> {
	const row = await prisma.scoreSnapshot.findFirst({
		where: { subjectType: 'USER', userId, isCurrent: true },
		select: viewFields,
		orderBy: { computedAt: 'desc' },
	})
	return row ? { ...toScoreReading(row), breakdown: parseUserBreakdown(row.breakdown) } : null
}

export async function getCurrentAccountScore(accountId: string): Promise<AccountScoreView | null> {
	const row = await prisma.scoreSnapshot.findFirst({
		where: { subjectType: 'ACCOUNT', accountId, isCurrent: true },
		select: viewFields,
		orderBy: { computedAt: 'desc' },
	})
	return row ? { ...toScoreReading(row), breakdown: parseAccountBreakdown(row.breakdown) } : null
}

/** What the API says for a subject with no stored score yet (new, or waiting in the scoring queue). */
export const NOT_SCORED_YET = 'Not scored yet: scores are computed from recorded activity, shortly after it is recorded.'

/** Changes of an account's scores, newest first. */
export async function getAccountHistory(accountId: string, take = 30) {
	const rows = await prisma.scoreSnapshot.findMany({
		where: { subjectType: 'ACCOUNT', accountId },
		select: { skill: true, will: true, segment: true, quadrant: true, computedAt: true },
		orderBy: { computedAt: 'desc' },
		take,
	})
	return rows.map(toScoreReading)
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
			score: row ? toScoreReading(row) : null,
			lastActiveAt: breakdown?.lastActiveAt ?? null,
			summary: breakdown ? { skill: breakdown.skill.summary, will: breakdown.will.summary } : null,
			lowEvidence: breakdown?.lowEvidence ?? true,
		}
	})
}

/** JSON of a user's score; a customer reading their own gets no segment (a staff word). */
export function userScoreJson(user: { id: string; name: string; accountId: string | null }, score: UserScoreView, forStaff: boolean) {
	return {
		subject: { type: 'user' as const, id: user.id, name: user.name, accountId: user.accountId },
		skill: score.skill,
		will: score.will,
		...(forStaff ? segmentJson(score) : {}),
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
					...segmentJson(score),
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

/** Staff only: the segment (or "not enough evidence yet") with its label, and where thin evidence leans. */
function segmentJson(score: ScoreReading) {
	return {
		segment: score.segment,
		segmentLabel: score.segmentLabel,
		leaning: score.leaning,
		leaningLabel: score.leaning ? SEGMENT_STATUS_LABELS[score.leaning] : null,
	}
}

/** JSON of a subject that has no stored score yet: 200, with `score: null` and the reason. */
export function notScoredJson(subject: Record<string, unknown>) {
	return { subject, score: null, reason: NOT_SCORED_YET }
}
