import { type ScoreBreakdown, type ScoreComponent } from '#app/domain/scoring/breakdown.ts'
import { QUADRANTS, type Quadrant } from '#app/domain/scoring/quadrant.ts'
import { type Segment, type SegmentStatus } from '#app/domain/scoring/segments.ts'
import { chunked } from '#app/utils/chunked.ts'
import { prisma } from '#app/utils/db.server.ts'

/**
 * Stored scores. A snapshot is written when a subject's skill, will, segment or quadrant changes, so
 * the table is the history of changes; when only the explanation changes (a day later, "last
 * active 3 days ago" reads "4 days ago"), the current snapshot's breakdown is updated in place.
 * Recomputing the same data at the same instant writes nothing, and neither does a rescore whose
 * only difference is numeric drift within the same scores and sentences.
 */

export type SubjectType = 'USER' | 'ACCOUNT'

/** What a user snapshot's breakdown holds. */
export type UserBreakdown = {
	v: 1
	skill: ScoreBreakdown
	will: ScoreBreakdown
	/** The segment the scores point to when the stored status is NOT_ENOUGH_EVIDENCE (absent in old rows). */
	leaning?: Segment
	lastActiveAt: string | null
	/** Both scores rest on little evidence. */
	lowEvidence: boolean
}

export type HappinessSummary = {
	score: number
	known: boolean
	parts: Array<{ label: string; value: number; explanation: string }>
	explanation: string
}
/** Company value: staff only, it states the margin. */
export type ValueSummary = { score: number; relativeMargin: number; profitable: boolean; explanation: string }

export function isQuadrant(value: unknown): value is Quadrant {
	return typeof value === 'string' && (QUADRANTS as readonly string[]).includes(value)
}

export type ComponentAverage = { key: string; label: string; contribution: number }

/** What an account snapshot's breakdown holds: the roll-up, what drove it, and the quadrant's reasons. */
export type AccountBreakdown = {
	v: 1
	users: number
	activeUsers: number
	lowEvidence: boolean
	leaning?: Segment
	/** Weight of the skill observations pooled from the users and the account's usage. */
	skillEvidence?: number
	explanations: string[]
	/** Mean points each component added to the users' scores. */
	drivers: { skill: ComponentAverage[]; will: ComponentAverage[] }
	happiness: HappinessSummary
	value: ValueSummary
	quadrantExplanations: string[]
}

export type SnapshotDraft = {
	subjectType: SubjectType
	userId: string | null
	accountId: string | null
	skill: number
	will: number
	/** One of the four segments, or NOT_ENOUGH_EVIDENCE. */
	segment: SegmentStatus
	quadrant: Quadrant | null
	breakdown: string
}

export type StoredSnapshot = {
	id: string
	subjectType: string
	userId: string | null
	accountId: string | null
	skill: number
	will: number
	segment: string
	quadrant: string | null
	breakdown: string
	computedAt: Date
}

const snapshotFields = {
	id: true,
	subjectType: true,
	userId: true,
	accountId: true,
	skill: true,
	will: true,
	segment: true,
	quadrant: true,
	breakdown: true,
	computedAt: true,
} as const

/** Current snapshots of these subjects, by user id (USER) or account id (ACCOUNT). */
export async function currentSnapshots(subjectType: SubjectType, ids: readonly string[]): Promise<Map<string, StoredSnapshot>> {
	const map = new Map<string, StoredSnapshot>()
	for (const part of chunked(ids)) {
		const rows = await prisma.scoreSnapshot.findMany({
			where: subjectType === 'USER' ? { userId: { in: part }, isCurrent: true, subjectType } : { accountId: { in: part }, isCurrent: true, subjectType },
			select: snapshotFields,
			orderBy: { computedAt: 'asc' },
		})
		// Ordered oldest first, so a stray second current row (a race between instances) loses to the newest.
		for (const row of rows) map.set((subjectType === 'USER' ? row.userId : row.accountId)!, row)
	}
	return map
}

export type WriteResult = { created: number; updated: number }

export async function writeSnapshots(
	entries: ReadonlyArray<{ draft: SnapshotDraft; current?: StoredSnapshot }>,
	now: Date,
): Promise<WriteResult> {
	const replace: SnapshotDraft[] = []
	const inPlace: Array<{ id: string; breakdown: string }> = []
	for (const { draft, current } of entries) {
		if (!current || !sameValues(draft, current)) replace.push(draft)
		else if (current.breakdown !== draft.breakdown && wordsOf(current.breakdown) !== wordsOf(draft.breakdown)) {
			inPlace.push({ id: current.id, breakdown: draft.breakdown })
		}
	}
	if (replace.length === 0 && inPlace.length === 0) return { created: 0, updated: 0 }
	await prisma.$transaction(async (tx) => {
		const users = replace.filter((d) => d.subjectType === 'USER').map((d) => d.userId!)
		const accounts = replace.filter((d) => d.subjectType === 'ACCOUNT').map((d) => d.accountId!)
		// By subject rather than by the id read earlier: whatever became current meanwhile is retired too.
		for (const part of chunked(users)) {
			await tx.scoreSnapshot.updateMany({ where: { subjectType: 'USER', userId: { in: part }, isCurrent: true }, data: { isCurrent: false } })
		}
		for (const part of chunked(accounts)) {
			await tx.scoreSnapshot.updateMany({ where: { subjectType: 'ACCOUNT', accountId: { in: part }, isCurrent: true }, data: { isCurrent: false } })
		}
		if (replace.length) await tx.scoreSnapshot.createMany({ data: replace.map((d) => ({ ...d, isCurrent: true, computedAt: now })) })
		for (const row of inPlace) await tx.scoreSnapshot.update({ where: { id: row.id }, data: { breakdown: row.breakdown } })
	})
	return { created: replace.length, updated: inPlace.length }
}

/**
 * The breakdown without its numbers: the sentences, flags and dates a reader sees. Component values
 * drift every second (recency decays continuously); rewriting every active user's snapshot for that
 * drift would cost a write per user per rescore and tell nobody anything new.
 */
function wordsOf(breakdown: string): string {
	try {
		return JSON.stringify(JSON.parse(breakdown), (_key, value: unknown) => (typeof value === 'number' ? undefined : value))
	} catch {
		return breakdown
	}
}

function sameValues(draft: SnapshotDraft, current: StoredSnapshot): boolean {
	return (
		draft.skill === current.skill &&
		draft.will === current.will &&
		draft.segment === current.segment &&
		(draft.quadrant ?? null) === (current.quadrant ?? null) &&
		draft.accountId === current.accountId
	)
}

export function parseUserBreakdown(json: string): UserBreakdown | null {
	try {
		const value = JSON.parse(json) as Partial<UserBreakdown>
		return value && value.v === 1 && value.skill && value.will ? (value as UserBreakdown) : null
	} catch {
		return null
	}
}

export function parseAccountBreakdown(json: string): AccountBreakdown | null {
	try {
		const value = JSON.parse(json) as Partial<AccountBreakdown>
		return value && value.v === 1 && Array.isArray(value.explanations) ? (value as AccountBreakdown) : null
	} catch {
		return null
	}
}

/** Running sums of each component's contribution over an account's users, for the mean "drivers". */
export class ComponentSums {
	private readonly sums = new Map<string, { label: string; sum: number }>()
	private count = 0

	add(components: readonly ScoreComponent[]) {
		this.count++
		for (const c of components) {
			const entry = this.sums.get(c.key)
			if (entry) entry.sum += c.contribution
			else this.sums.set(c.key, { label: c.label, sum: c.contribution })
		}
	}

	/** Mean points per component, largest first. */
	averages(): ComponentAverage[] {
		const n = Math.max(1, this.count)
		return [...this.sums]
			.map(([key, { label, sum }]) => ({ key, label, contribution: Math.round((sum / n) * 10) / 10 }))
			.sort((a, b) => b.contribution - a.contribution || a.key.localeCompare(b.key))
	}
}
