import { type EventKind } from '#app/domain/engagement/event-kinds.ts'
import { type ActivityEvent, type ScoringEventData } from '#app/domain/scoring/inputs.ts'

export const NOW = new Date('2026-06-01T12:00:00Z')
const DAY = 86_400_000

/** The instant `days` before NOW. */
export function daysAgo(days: number): Date {
	return new Date(NOW.getTime() - days * DAY)
}

export function event(kind: EventKind, days: number, itemKey?: string, data?: ScoringEventData): ActivityEvent {
	return { kind, at: daysAgo(days), itemKey, data }
}

export function quiz(days: number, itemKey: string, score: number, difficulty = 2): ActivityEvent {
	return event('quiz_attempt', days, itemKey, { score, difficulty })
}

/** One sign-in on each of the given days ago. */
export function signIns(days: number[]): ActivityEvent[] {
	return days.map((d) => event('sign_in', d))
}

/** YYYY-MM-DD of the day `days` before NOW. */
export function dayString(days: number): string {
	return daysAgo(days).toISOString().slice(0, 10)
}
