import { DAY_MS } from '#app/utils/time.ts'

/**
 * How an objective is doing, computed from its measure, its current value and the calendar.
 *
 * Progress is the share of the way from baseline to target, so it works for targets below the
 * baseline too (reduce churn from 8 % to 5 %: at 6.5 % the objective is half way). Expected
 * progress is a straight line from the baseline on the day the objective was set to the target at
 * the end of its due day. Thresholds, in points of that share:
 * - achieved: the current value reached the target in the right direction, or it was marked achieved;
 * - on track: at most 10 points behind the expected progress;
 * - at risk: more than 10 and at most 25 points behind;
 * - off track: more than 25 points behind, or the due day is over without reaching the target.
 */
export const STATUS_THRESHOLDS = { atRisk: 0.1, offTrack: 0.25 } as const

export const OBJECTIVE_STATUSES = ['ON_TRACK', 'AT_RISK', 'OFF_TRACK', 'ACHIEVED'] as const
export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number]

export const OBJECTIVE_STATUS_LABELS: Record<ObjectiveStatus, string> = {
	ON_TRACK: 'On track',
	AT_RISK: 'At risk',
	OFF_TRACK: 'Off track',
	ACHIEVED: 'Achieved',
}

export type ObjectiveMeasure = {
	baseline: number
	target: number
	current: number
	/** When the baseline was taken: the objective's creation. */
	startedAt: Date
	/** The due day (its UTC midnight); the deadline is the end of that day. */
	dueDate: Date
	/** Marked achieved by hand: wins over the computed status. */
	achievedAt?: Date | null
}

export type ObjectiveAssessment = {
	status: ObjectiveStatus
	/** Share of the way from baseline to target; below 0 when it went the wrong way, above 1 past the target. */
	progress: number
	/** Share expected by now, 0..1. */
	expected: number
}


export function direction(m: Pick<ObjectiveMeasure, 'baseline' | 'target'>): 'increase' | 'decrease' | 'hold' {
	if (m.target > m.baseline) return 'increase'
	if (m.target < m.baseline) return 'decrease'
	return 'hold'
}

/** True once the current value reached the target in the objective's direction. */
export function reachedTarget(m: Pick<ObjectiveMeasure, 'baseline' | 'target' | 'current'>): boolean {
	switch (direction(m)) {
		case 'increase':
			return m.current >= m.target
		case 'decrease':
			return m.current <= m.target
		case 'hold':
			return m.current === m.target
	}
}

export function progressOf(m: Pick<ObjectiveMeasure, 'baseline' | 'target' | 'current'>): number {
	if (m.target === m.baseline) return m.current === m.target ? 1 : 0
	return (m.current - m.baseline) / (m.target - m.baseline)
}

export function deadlineOf(dueDate: Date): Date {
	return new Date(dueDate.getTime() + DAY_MS)
}

export function expectedProgressOf(m: Pick<ObjectiveMeasure, 'startedAt' | 'dueDate'>, now: Date): number {
	const start = m.startedAt.getTime()
	const end = deadlineOf(m.dueDate).getTime()
	if (end <= start) return now.getTime() >= end ? 1 : 0
	return Math.min(1, Math.max(0, (now.getTime() - start) / (end - start)))
}

export function assessObjective(m: ObjectiveMeasure, now: Date = new Date()): ObjectiveAssessment {
	const progress = progressOf(m)
	const expected = expectedProgressOf(m, now)
	if (m.achievedAt || reachedTarget(m)) return { status: 'ACHIEVED', progress, expected }
	if (now.getTime() >= deadlineOf(m.dueDate).getTime()) return { status: 'OFF_TRACK', progress, expected }
	const behind = expected - progress
	// A little slack so float noise at a threshold does not flip the status.
	const status: ObjectiveStatus =
		behind <= STATUS_THRESHOLDS.atRisk + 1e-9 ? 'ON_TRACK' : behind <= STATUS_THRESHOLDS.offTrack + 1e-9 ? 'AT_RISK' : 'OFF_TRACK'
	return { status, progress, expected }
}
