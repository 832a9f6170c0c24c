import { describe, expect, test } from 'vitest'
import { segmentMovesByWeek } from '#app/domain/scoring/portfolio-movement.ts'

const at = (iso: string) => new Date(`${iso}T12:00:00Z`)
// Weeks (Monday starts) in the window ending 2026-11-30: 11-16, 11-23, 11-30.
const NOW = at('2026-11-30')

describe('segmentMovesByWeek', () => {
	test('a move is a week whose end segment differs from the week before; a first score is not a move', () => {
		const weeks = segmentMovesByWeek(
			[
				{ accountId: 'a', segment: 'UNTRAINED', computedAt: at('2026-11-01') },
				{ accountId: 'a', segment: 'HIGH_PERFORMER', computedAt: at('2026-11-18') },
				{ accountId: 'b', segment: 'UNTRAINED', computedAt: at('2026-11-17') },
				{ accountId: 'b', segment: 'HIGH_PERFORMER', computedAt: at('2026-11-24') },
				{ accountId: 'c', segment: 'UNMOTIVATED', computedAt: at('2026-10-01') },
				{ accountId: 'c', segment: 'NEED_TO_EXIT', computedAt: at('2026-11-24') },
			],
			NOW,
			3,
		)
		expect(weeks.map((w) => [w.weekStart, w.moved])).toEqual([
			['2026-11-16', 1],
			['2026-11-23', 2],
			['2026-11-30', 0],
		])
		expect(weeks[0]!.transitions).toEqual([{ from: 'UNTRAINED', to: 'HIGH_PERFORMER', fromLabel: 'Untrained', toLabel: 'High Performers', count: 1 }])
		expect(weeks[1]!.transitions.map((t) => `${t.fromLabel} → ${t.toLabel} ${t.count}`)).toEqual(['Unmotivated → Need to Exit 1', 'Untrained → High Performers 1'])
	})

	test('a change and its return inside one week is no move; unknown segments read as not enough evidence', () => {
		const weeks = segmentMovesByWeek(
			[
				{ accountId: 'a', segment: 'UNTRAINED', computedAt: at('2026-11-01') },
				{ accountId: 'a', segment: 'HIGH_PERFORMER', computedAt: at('2026-11-24') },
				{ accountId: 'a', segment: 'UNTRAINED', computedAt: at('2026-11-26') },
				{ accountId: 'b', segment: 'UNTRAINED', computedAt: at('2026-11-01') },
				{ accountId: 'b', segment: 'bogus', computedAt: at('2026-11-30') },
			],
			NOW,
			3,
		)
		expect(weeks.map((w) => w.moved)).toEqual([0, 0, 1])
		expect(weeks[2]!.transitions[0]).toMatchObject({ from: 'UNTRAINED', to: 'NOT_ENOUGH_EVIDENCE' })
	})
})
