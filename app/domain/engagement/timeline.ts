import { DAY_MS } from '#app/utils/time.ts'

/**
 * An account's engagement by week, for the console's account page: how many of its people were
 * active, how often they signed in, read, learned. Pure; the events come from timeline.server.ts.
 */

export type TimelineEvent = { kind: string; userId: string | null; occurredAt: Date }
export type TimelineWeek = { weekStart: string; activeUsers: number; signIns: number; reads: number; learning: number; searches: number }

const LEARNING = new Set(['lesson_complete', 'quiz_attempt', 'check_answer', 'path_enrol', 'path_complete', 'certificate_issued'])
const READS = new Set(['article_read', 'video_play'])

/** Monday 00:00 UTC of the week holding `at`. */
export function weekStartOf(at: Date): Date {
	const day = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate())
	const sinceMonday = (new Date(day).getUTCDay() + 6) % 7
	return new Date(day - sinceMonday * DAY_MS)
}

/** The last `weeks` weeks up to the one holding `now`, oldest first; weeks with nothing are kept (a gap is news). */
export function weeklyTimeline(events: readonly TimelineEvent[], now: Date, weeks = 12): TimelineWeek[] {
	const last = weekStartOf(now).getTime()
	const first = last - (weeks - 1) * 7 * DAY_MS
	const buckets = Array.from({ length: weeks }, (_, i) => ({
		weekStart: new Date(first + i * 7 * DAY_MS).toISOString().slice(0, 10),
		users: new Set<string>(),
		signIns: 0,
		reads: 0,
		learning: 0,
		searches: 0,
	}))
	for (const e of events) {
		const index = Math.floor((weekStartOf(e.occurredAt).getTime() - first) / (7 * DAY_MS))
		const bucket = buckets[index]
		if (!bucket) continue
		if (e.userId) bucket.users.add(e.userId)
		if (e.kind === 'sign_in') bucket.signIns++
		else if (READS.has(e.kind)) bucket.reads++
		else if (LEARNING.has(e.kind)) bucket.learning++
		else if (e.kind === 'search') bucket.searches++
	}
	return buckets.map(({ users, ...rest }) => ({ ...rest, activeUsers: users.size }))
}
