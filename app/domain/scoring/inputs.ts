import { z } from 'zod'
import { EventKindSchema, type EventKind } from '#app/domain/engagement/event-kinds.ts'

/**
 * What scoring reads. The recompute job builds these from stored events and product usage;
 * the simulation builds them directly. Scoring functions never trust them blindly: non-finite
 * numbers and invalid dates are skipped, out-of-range values clamped.
 */

/** The payload fields scoring looks at; other keys in the stored data are ignored. */
export type ScoringEventData = {
	/** quiz_attempt: percent 0..100. */
	score?: number
	/** quiz_attempt: 1 easy, 2 medium, 3 hard. path_complete may carry it as the path level. */
	difficulty?: number
	/** path_complete: beginner | intermediate | advanced (used when difficulty is absent). */
	level?: string
	passed?: boolean
	/** check_answer: whether the knowledge check was answered correctly. */
	correct?: boolean
	/** search: hit count. */
	hits?: number
	/** false for learning a CSM or admin assigned: it then shows skill but not will. */
	voluntary?: boolean
}

export type ActivityEvent = {
	kind: EventKind
	at: Date
	itemKey?: string | null
	data?: ScoringEventData | Record<string, unknown> | null
}

/** One day of product usage (from the product's analytics), per user or per account. */
export type ProductUsageDay = {
	/** YYYY-MM-DD (UTC). */
	day: string
	activeMinutes?: number
	featuresAdopted?: number
	featuresAvailable?: number
}

export type UserActivity = {
	now: Date
	/** Any order. Events before the horizon are ignored, events after `now` count as now. */
	events: readonly ActivityEvent[]
	/**
	 * undefined: no product-usage source, so feature adoption is left out and its weight shared by
	 * the other skill components. An empty array: a source that shows no usage (scores 0).
	 */
	productUsage?: readonly ProductUsageDay[]
	/** When the user joined: regularity and trend only count weeks since then. */
	since?: Date
}

/** Customer happiness and company value inputs of one account. */
export type AccountSignals = {
	/** Account NPS, -100..100. */
	nps?: number | null
	/** Individual 0-10 recommendation answers; used when `nps` is absent. */
	npsResponses?: readonly number[]
	/** Customer satisfaction, 1..5. */
	csat?: number | null
	/** Share of helpful votes that said "yes", 0..1. */
	feedbackHelpfulRatio?: number | null
	/** Annual recurring revenue. */
	arr: number
	/** Yearly cost to serve. */
	costToServe: number
}

const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'day must be YYYY-MM-DD')
const count = z.number().min(0)

export const ScoringEventDataSchema = z.looseObject({
	score: z.number().min(0).max(100).optional(),
	difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
	level: z.enum(['beginner', 'intermediate', 'advanced']).optional(),
	passed: z.boolean().optional(),
	correct: z.boolean().optional(),
	hits: z.number().int().min(0).optional(),
	voluntary: z.boolean().optional(),
})

export const ActivityEventSchema = z.strictObject({
	kind: EventKindSchema,
	at: z.coerce.date(),
	itemKey: z.string().max(200).nullish(),
	data: ScoringEventDataSchema.nullish(),
})

export const ProductUsageDaySchema = z.strictObject({
	day: DaySchema,
	activeMinutes: count.max(24 * 60).optional(),
	featuresAdopted: count.optional(),
	featuresAvailable: count.optional(),
})

/** For imports and the simulation: rejects what the scoring functions would otherwise clamp. */
export const UserActivitySchema = z.strictObject({
	now: z.coerce.date(),
	events: z.array(ActivityEventSchema),
	productUsage: z.array(ProductUsageDaySchema).optional(),
	since: z.coerce.date().optional(),
})

export const AccountSignalsSchema = z.strictObject({
	nps: z.number().min(-100).max(100).nullish(),
	npsResponses: z.array(z.number().int().min(0).max(10)).optional(),
	csat: z.number().min(1).max(5).nullish(),
	feedbackHelpfulRatio: z.number().min(0).max(1).nullish(),
	arr: count,
	costToServe: count,
})
