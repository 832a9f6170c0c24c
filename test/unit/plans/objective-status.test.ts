import { describe, expect, test } from 'vitest'
import { assessObjective, expectedProgressOf, progressOf, reachedTarget, STATUS_THRESHOLDS } from '#app/domain/plans/objective-status.ts'

const DAY = 24 * 60 * 60 * 1000
const now = new Date('2026-06-01T12:00:00Z')
/** An objective started `startedDaysAgo` with a deadline `remainingDays` ahead (the due day ends one day after its midnight). */
function measure(baseline: number, target: number, current: number, startedDaysAgo = 50, remainingDays = 50) {
	const deadline = now.getTime() + remainingDays * DAY
	return { baseline, target, current, startedAt: new Date(now.getTime() - startedDaysAgo * DAY), dueDate: new Date(deadline - DAY) }
}

describe('progress', () => {
	test('is the share of the way from baseline to target, upwards and downwards', () => {
		expect(progressOf({ baseline: 40, target: 120, current: 80 })).toBe(0.5)
		// Reduce churn from 8 % to 5 %: 6.5 % is half way.
		expect(progressOf({ baseline: 8, target: 5, current: 6.5 })).toBe(0.5)
		// Churn went up: negative progress.
		expect(progressOf({ baseline: 8, target: 5, current: 9.5 })).toBe(-0.5)
	})

	test('reaching the target depends on the direction', () => {
		expect(reachedTarget({ baseline: 40, target: 120, current: 120 })).toBe(true)
		expect(reachedTarget({ baseline: 40, target: 120, current: 119.9 })).toBe(false)
		expect(reachedTarget({ baseline: 8, target: 5, current: 4.9 })).toBe(true)
		expect(reachedTarget({ baseline: 8, target: 5, current: 5.1 })).toBe(false)
		// A value above target on a "reduce" objective is not achieved.
		expect(reachedTarget({ baseline: 8, target: 5, current: 130 })).toBe(false)
	})

	test('expected progress is a straight line from the start to the end of the due day, clamped to 0..1', () => {
		expect(expectedProgressOf(measure(0, 10, 0, 50, 50), now)).toBeCloseTo(0.5)
		expect(expectedProgressOf(measure(0, 10, 0, 0, 100), new Date(now.getTime() - DAY))).toBe(0)
		expect(expectedProgressOf(measure(0, 10, 0, 100, -5), now)).toBe(1)
	})
})

describe('status', () => {
	test('achieved when the target is reached in the right direction, even before the due date', () => {
		expect(assessObjective(measure(40, 120, 125), now).status).toBe('ACHIEVED')
		expect(assessObjective(measure(8, 5, 5), now).status).toBe('ACHIEVED')
	})

	test('a manual achieved mark wins over the numbers', () => {
		expect(assessObjective({ ...measure(40, 120, 41), achievedAt: now }, now).status).toBe('ACHIEVED')
	})

	test(`on track up to ${STATUS_THRESHOLDS.atRisk * 100} points behind, at risk up to ${STATUS_THRESHOLDS.offTrack * 100}, off track beyond`, () => {
		// Half the time gone: 50 % expected.
		expect(assessObjective(measure(0, 100, 50), now).status).toBe('ON_TRACK')
		expect(assessObjective(measure(0, 100, 40), now).status).toBe('ON_TRACK')
		expect(assessObjective(measure(0, 100, 39), now).status).toBe('AT_RISK')
		expect(assessObjective(measure(0, 100, 25), now).status).toBe('AT_RISK')
		expect(assessObjective(measure(0, 100, 24), now).status).toBe('OFF_TRACK')
	})

	test('the thresholds hold for a target below the baseline', () => {
		// Churn 8 % → 5 %, half the time gone: 6.5 % is on track, 7 % (33 %) at risk, 7.5 % (17 %) off track.
		expect(assessObjective(measure(8, 5, 6.5), now).status).toBe('ON_TRACK')
		expect(assessObjective(measure(8, 5, 7), now).status).toBe('AT_RISK')
		expect(assessObjective(measure(8, 5, 7.5), now).status).toBe('OFF_TRACK')
		// Going the wrong way is off track.
		expect(assessObjective(measure(8, 5, 9), now).status).toBe('OFF_TRACK')
	})

	test('ahead of schedule is on track; at the very start nothing is behind', () => {
		expect(assessObjective(measure(0, 100, 90), now).status).toBe('ON_TRACK')
		expect(assessObjective(measure(0, 100, 0, 0, 100), now).status).toBe('ON_TRACK')
	})

	test('past the due day without reaching the target is off track, even when close', () => {
		expect(assessObjective(measure(0, 100, 99, 100, -1), now).status).toBe('OFF_TRACK')
		// Still on the due day: not yet off track for lateness.
		expect(assessObjective(measure(0, 100, 95, 100, 0.25), now).status).toBe('ON_TRACK')
	})

	test('reports progress and expectation for display', () => {
		const a = assessObjective(measure(0, 100, 30), now)
		expect(a.progress).toBeCloseTo(0.3)
		expect(a.expected).toBeCloseTo(0.5)
	})
})
