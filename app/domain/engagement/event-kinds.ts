import { z } from 'zod'

/**
 * Every kind of engagement event the portal records. Append-only: rename nothing, only add.
 * `video_play` is the one kind beyond the design list: a browser beacon when an embedded video starts.
 */
export const EVENT_KINDS = [
	'sign_in',
	'article_view',
	'article_read',
	'helpful_vote',
	'search',
	'lesson_complete',
	'quiz_attempt',
	'check_answer',
	'path_enrol',
	'path_complete',
	'certificate_issued',
	'plan_review',
	'plan_signoff',
	'video_play',
] as const
export type EventKind = (typeof EVENT_KINDS)[number]
export const EventKindSchema = z.enum(EVENT_KINDS)

/**
 * The kinds a browser may post: what a page saw once per visit (a view, a read-through, a search it
 * showed, a plan looked at, a video played). Loaders only read, so a reload or a revalidation never
 * records anything; the server still checks each of these against what the reader may see.
 * Everything else (a quiz attempt, a vote, a completion) is recorded by the action it describes.
 */
export const BROWSER_EVENT_KINDS = ['article_view', 'article_read', 'search', 'plan_review', 'video_play'] as const satisfies readonly EventKind[]
export type BrowserEventKind = (typeof BROWSER_EVENT_KINDS)[number]
export const BrowserEventKindSchema = z.enum(BROWSER_EVENT_KINDS)

export function isEventKind(value: unknown): value is EventKind {
	return typeof value === 'string' && (EVENT_KINDS as readonly string[]).includes(value)
}

/** A flat, small JSON payload: scalar values only, so it stays cheap to store and to score. */
export type EventDataValue = string | number | boolean | null
export type EventData = Record<string, EventDataValue>

export const EVENT_DATA_MAX_KEYS = 8
export const EVENT_DATA_MAX_BYTES = 1024
export const ITEM_KEY_MAX_LENGTH = 200

/** What an event is about, e.g. "article:build-your-first-dashboard" or "quiz:prism-fundamentals/fundamentals-check". */
export const ItemKeySchema = z
	.string()
	.min(1, 'itemKey must not be empty')
	.max(ITEM_KEY_MAX_LENGTH, `itemKey must be at most ${ITEM_KEY_MAX_LENGTH} characters`)
	.regex(/^[A-Za-z0-9][A-Za-z0-9:/._-]*$/, 'itemKey may hold letters, digits and : / . _ - only')

const EventDataValueSchema = z.union([
	z.string().max(200, 'data values must be at most 200 characters'),
	z.number(),
	z.boolean(),
	z.null(),
])

export const EventDataSchema = z
	.record(
		z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, 'data keys are short identifiers'),
		EventDataValueSchema,
	)
	.refine((data) => Object.keys(data).length <= EVENT_DATA_MAX_KEYS, {
		message: `data may hold at most ${EVENT_DATA_MAX_KEYS} keys`,
	})
	.refine((data) => byteLength(JSON.stringify(data)) <= EVENT_DATA_MAX_BYTES, {
		message: `data must be at most ${EVENT_DATA_MAX_BYTES} bytes as JSON`,
	})

/** Body of the browser beacon. `clientEventId` makes a retried beacon count once. */
export const BrowserEventSchema = z
	.strictObject({
		clientEventId: z.uuid('clientEventId must be a UUID'),
		kind: BrowserEventKindSchema,
		itemKey: ItemKeySchema.optional(),
		data: EventDataSchema.optional(),
	})
	.refine((event) => event.kind !== 'article_read' || event.itemKey !== undefined, {
		message: 'article_read needs the itemKey of the article',
		path: ['itemKey'],
	})
	.refine((event) => event.kind !== 'article_view' || event.itemKey !== undefined, {
		message: 'article_view needs the itemKey of the article',
		path: ['itemKey'],
	})
	.refine((event) => event.kind !== 'plan_review' || event.itemKey !== undefined, {
		message: 'plan_review needs the itemKey of the plan',
		path: ['itemKey'],
	})
	.refine((event) => event.kind !== 'search' || (typeof event.data?.q === 'string' && event.data.q.trim() !== ''), {
		message: 'search needs the query as data.q',
		path: ['data', 'q'],
	})
export type BrowserEvent = z.infer<typeof BrowserEventSchema>

/** An event as stored (and as scoring reads it). Staff and signed-out events have no account. */
export type StoredEvent = {
	kind: EventKind
	at: Date
	userId: string | null
	accountId: string | null
	itemKey?: string | null
	data: EventData
}

/** Reads the stored JSON payload; anything malformed becomes `{}` rather than failing a recompute. */
export function parseEventData(json: string | null | undefined): EventData {
	if (!json) return {}
	try {
		const value: unknown = JSON.parse(json)
		if (!value || typeof value !== 'object' || Array.isArray(value)) return {}
		// fromEntries defines own keys: a stored "__proto__" key cannot reach the object's prototype.
		return Object.fromEntries(
			Object.entries(value).filter(([, v]) => v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))),
		) as EventData
	} catch {
		return {}
	}
}

function byteLength(text: string): number {
	return new TextEncoder().encode(text).length
}
