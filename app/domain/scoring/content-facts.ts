import { type ContentLevel } from '#app/domain/content/levels.ts'
import { type ActivityEvent } from '#app/domain/scoring/inputs.ts'

/** What scoring needs to know about an item an event names: its level, or a quiz's difficulty and pass mark. */
export type ContentFacts = Map<string, { level?: ContentLevel; difficulty?: number; passMark?: number }>

/** The row's own level/difficulty wins; otherwise the content's, when the item is known. */
export function withContentFacts(event: ActivityEvent, facts: ContentFacts | undefined): ActivityEvent {
	if (!facts || !event.itemKey) return event
	const known = facts.get(event.itemKey)
	if (!known) return event
	const data = (event.data ?? {}) as Record<string, unknown>
	const filled: Record<string, unknown> = {}
	if (known.level && data.level === undefined) filled.level = known.level
	if (event.kind === 'quiz_attempt') {
		if (known.difficulty && data.difficulty === undefined) filled.difficulty = known.difficulty
		if (known.passMark && data.passMark === undefined) filled.passMark = known.passMark
	}
	return Object.keys(filled).length ? { ...event, data: { ...data, ...filled } as ActivityEvent['data'] } : event
}

