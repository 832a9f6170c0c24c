/**
 * How deep a piece of content goes: setup and basics are beginner, configuration and everyday
 * features intermediate, governance, tuning and internals advanced. Scoring reads it as evidence of
 * skill (completing advanced material says more than reading basics).
 */
export const CONTENT_LEVELS = ['beginner', 'intermediate', 'advanced'] as const
export type ContentLevel = (typeof CONTENT_LEVELS)[number]

export const DEFAULT_CONTENT_LEVEL: ContentLevel = 'beginner'

export const CONTENT_LEVEL_LABELS: Record<ContentLevel, string> = {
	beginner: 'Beginner',
	intermediate: 'Intermediate',
	advanced: 'Advanced',
}

export function isContentLevel(value: unknown): value is ContentLevel {
	return typeof value === 'string' && (CONTENT_LEVELS as readonly string[]).includes(value)
}

/** The `?level=` of a list page; anything but a known level means "every level" (a filter, not a command). */
export function levelFromSearch(search: URLSearchParams): ContentLevel | null {
	const value = search.get('level')
	return isContentLevel(value) ? value : null
}

/**
 * A list narrowed to one level, with how many items each level has in the whole list (so a filter
 * can offer only levels that exist, and an empty level never hides that the list itself exists).
 */
export function filterByLevel<T extends { level: string }>(items: readonly T[], level: ContentLevel | null) {
	const counts: Record<ContentLevel, number> = { beginner: 0, intermediate: 0, advanced: 0 }
	for (const item of items) if (isContentLevel(item.level)) counts[item.level]++
	return { items: level ? items.filter((item) => item.level === level) : [...items], counts, level }
}
