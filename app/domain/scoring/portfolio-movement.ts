import { weekStartOf } from '#app/domain/engagement/timeline.ts'
import { SEGMENT_STATUS_LABELS, toSegmentStatus, type SegmentStatus } from '#app/domain/scoring/segments.ts'
import { DAY_MS } from '#app/utils/time.ts'

/**
 * Segment movement: how many accounts changed segment each week, and between which. An account's
 * segment at the end of a week is its newest snapshot by then (snapshots are written on change, so
 * the history is the list of changes); a move is a week whose end segment differs from the last
 * week's. An account's first score is not a move. Pure; the snapshots come from portfolio.server.ts.
 */

export type SegmentSnapshot = { accountId: string; segment: string; computedAt: Date }
export type Transition = { from: SegmentStatus; to: SegmentStatus; fromLabel: string; toLabel: string; count: number }
export type MovementWeek = { weekStart: string; moved: number; transitions: Transition[] }

export function segmentMovesByWeek(snapshots: readonly SegmentSnapshot[], now: Date, weeks = 12): MovementWeek[] {
	const lastStart = weekStartOf(now).getTime()
	const firstStart = lastStart - (weeks - 1) * 7 * DAY_MS
	const byAccount = new Map<string, SegmentSnapshot[]>()
	for (const s of snapshots) {
		const list = byAccount.get(s.accountId) ?? []
		list.push(s)
		byAccount.set(s.accountId, list)
	}
	const weekly = Array.from({ length: weeks }, (_, i) => ({ weekStart: firstStart + i * 7 * DAY_MS, moves: new Map<string, Transition>() }))
	for (const list of byAccount.values()) {
		list.sort((a, b) => a.computedAt.getTime() - b.computedAt.getTime())
		// Segment at the end of the week before the window, then at the end of each week in it.
		let index = 0
		let current: SegmentStatus | null = null
		const advanceTo = (end: number) => {
			while (index < list.length && list[index]!.computedAt.getTime() < end) current = toSegmentStatus(list[index++]!.segment)
		}
		advanceTo(firstStart)
		for (const week of weekly) {
			const before = current
			advanceTo(week.weekStart + 7 * DAY_MS)
			if (before === null || current === null || before === current) continue
			const key = `${before}>${current}`
			const t = week.moves.get(key) ?? { from: before, to: current, fromLabel: SEGMENT_STATUS_LABELS[before], toLabel: SEGMENT_STATUS_LABELS[current], count: 0 }
			t.count++
			week.moves.set(key, t)
		}
	}
	return weekly.map((w) => {
		const transitions = [...w.moves.values()].sort((a, b) => b.count - a.count || a.fromLabel.localeCompare(b.fromLabel) || a.toLabel.localeCompare(b.toLabel))
		return { weekStart: new Date(w.weekStart).toISOString().slice(0, 10), moved: transitions.reduce((n, t) => n + t.count, 0), transitions }
	})
}
