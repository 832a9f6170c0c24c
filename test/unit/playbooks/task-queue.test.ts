import { describe, expect, test } from 'vitest'
import { matchesDue, parseTaskFilters, snoozeSchema, taskDueAt, UNASSIGNED } from '#app/domain/playbooks/task-queue.ts'

const NOW = new Date('2026-11-30T12:00:00Z')
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000)

describe('task due dates and filters', () => {
	test('due a week after raised, or the day snoozed to', () => {
		expect(taskDueAt({ createdAt: daysAgo(3), snoozedUntil: null }).toISOString()).toBe('2026-12-04T12:00:00.000Z')
		expect(taskDueAt({ createdAt: daysAgo(3), snoozedUntil: new Date('2027-01-02T00:00:00Z') }).toISOString()).toBe('2027-01-02T00:00:00.000Z')
	})

	test('overdue, within a week (overdue included), snoozed', () => {
		const old = { createdAt: daysAgo(8), snoozedUntil: null }
		const fresh = { createdAt: daysAgo(0), snoozedUntil: null }
		const snoozed = { createdAt: daysAgo(30), snoozedUntil: new Date('2026-12-20T00:00:00Z') }
		expect([old, fresh, snoozed].map((t) => matchesDue(t, 'overdue', NOW))).toEqual([true, false, false])
		expect([old, fresh, snoozed].map((t) => matchesDue(t, 'week', NOW))).toEqual([true, true, false])
		expect([old, fresh, snoozed].map((t) => matchesDue(t, 'snoozed', NOW))).toEqual([false, false, true])
		expect([old, fresh, snoozed].map((t) => matchesDue(t, null, NOW))).toEqual([true, true, true])
	})

	test('filters from the query: a CSM has no assignee filter, an admin picks a known CSM or unassigned', () => {
		const p = (q: string) => new URLSearchParams(q)
		expect(parseTaskFilters(p('due=overdue&csm=a'), null)).toEqual({ due: 'overdue', assignee: null })
		expect(parseTaskFilters(p('due=later&csm=a'), ['a'])).toEqual({ due: null, assignee: 'a' })
		expect(parseTaskFilters(p(`csm=${UNASSIGNED}`), ['a']).assignee).toBe(UNASSIGNED)
		expect(parseTaskFilters(p('csm=b'), ['a']).assignee).toBeNull()
	})
})

describe('the snooze form', () => {
	const schema = snoozeSchema(NOW)
	const parse = (until: string) => schema.safeParse({ intent: 'snooze-task', taskId: 't1', until })
	test('a day after today up to 90 days ahead', () => {
		expect(parse('2026-12-01')).toMatchObject({ success: true, data: { until: new Date('2026-12-01T00:00:00Z') } })
		expect(parse('2027-02-28').success).toBe(true)
	})
	test('today, the past, too far, impossible days and junk are refused with a reason', () => {
		const message = (until: string) => {
			const r = parse(until)
			return r.success ? null : r.error.issues[0]!.message
		}
		expect(message('2026-11-30')).toBe('Snooze until a day after today.')
		expect(message('2026-01-01')).toBe('Snooze until a day after today.')
		expect(message('2027-03-01')).toBe('Snooze for at most 90 days.')
		expect(message('2026-02-30')).toBe('That is not a day of the calendar.')
		expect(message('soon')).toBe('Choose a day to snooze until.')
	})
})
