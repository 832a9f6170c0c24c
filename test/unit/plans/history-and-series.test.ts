import { expect, test } from 'vitest'
import { clip, describeMeasureChange } from '#app/domain/plans/history-text.ts'
import { formatValue, progressSeries } from '#app/domain/plans/progress-series.ts'

test('a measure change lists what changed, old and new', () => {
	const before = { metric: 'Churn', unit: '%', baseline: 8, target: 5, dueDate: new Date('2026-09-01T00:00:00Z') }
	expect(describeMeasureChange(before, { ...before, target: 4, dueDate: new Date('2026-10-01T00:00:00Z') })).toBe(
		'target 5% → 4%; due date 2026-09-01 → 2026-10-01',
	)
	expect(describeMeasureChange(before, before)).toBe('')
})

test('clip keeps one line and marks the cut', () => {
	expect(clip('a\n\nb   c')).toBe('a b c')
	expect(clip('x'.repeat(200), 10)).toBe(`${'x'.repeat(9)}…`)
})

test('the progress series starts at the baseline and follows the updates in time order', () => {
	const series = progressSeries({ baseline: 40, startedAt: new Date('2026-01-01T00:00:00Z') }, [
		{ createdAt: new Date('2026-03-01T00:00:00Z'), newValue: 70 },
		{ createdAt: new Date('2026-02-01T00:00:00Z'), newValue: 55 },
	])
	expect(series).toEqual([
		{ at: '2026-01-01T00:00:00.000Z', value: 40 },
		{ at: '2026-02-01T00:00:00.000Z', value: 55 },
		{ at: '2026-03-01T00:00:00.000Z', value: 70 },
	])
})

test('values read naturally', () => {
	expect(formatValue(6.5, '%')).toBe('6.5%')
	expect(formatValue(1 / 3, 'hours')).toBe('0.33 hours')
	expect(formatValue(120, 'users')).toBe('120 users')
})
