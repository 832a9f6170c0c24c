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
