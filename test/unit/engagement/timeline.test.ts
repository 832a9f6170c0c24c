import { describe, expect, test } from 'vitest'
import { weeklyTimeline, weekStartOf } from '#app/domain/engagement/timeline.ts'

describe('weeklyTimeline', () => {
	test('weeks start on Monday UTC', () => {
		expect(weekStartOf(new Date('2026-11-30T23:59:00Z')).toISOString()).toBe('2026-11-30T00:00:00.000Z')
		expect(weekStartOf(new Date('2026-11-29T10:00:00Z')).toISOString()).toBe('2026-11-23T00:00:00.000Z')
	})

	test('counts per week, distinct active users, empty weeks kept, older events dropped', () => {
		const now = new Date('2026-11-30T12:00:00Z')
		const weeks = weeklyTimeline(
			[
				{ kind: 'sign_in', userId: 'a', occurredAt: new Date('2026-11-30T09:00:00Z') },
				{ kind: 'sign_in', userId: 'a', occurredAt: new Date('2026-11-30T10:00:00Z') },
				{ kind: 'article_read', userId: 'b', occurredAt: new Date('2026-11-30T10:00:00Z') },
				{ kind: 'quiz_attempt', userId: 'b', occurredAt: new Date('2026-11-16T10:00:00Z') },
				{ kind: 'search', userId: null, occurredAt: new Date('2026-11-16T11:00:00Z') },
				{ kind: 'sign_in', userId: 'c', occurredAt: new Date('2026-10-01T10:00:00Z') },
			],
			now,
			3,
		)
		expect(weeks).toEqual([
			{ weekStart: '2026-11-16', activeUsers: 1, signIns: 0, reads: 0, learning: 1, searches: 1 },
			{ weekStart: '2026-11-23', activeUsers: 0, signIns: 0, reads: 0, learning: 0, searches: 0 },
			{ weekStart: '2026-11-30', activeUsers: 2, signIns: 2, reads: 1, learning: 0, searches: 0 },
		])
	})
})
