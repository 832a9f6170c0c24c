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
	/**
	 * Level of the item: beginner | intermediate | advanced. Articles and lessons carry it so the depth
	 * of what someone reads counts; path_complete carries the path level; a quiz row may carry it
	 * instead of a difficulty. The recompute fills it from the content when a stored event lacks it.
	 */
	level?: string
	passed?: boolean
	/** quiz_attempt: the quiz's pass mark in percent (filled from the quiz when known). */
	passMark?: number
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

/** One day (or period) of product usage (from the product's analytics), per user or per account. */
export type ProductUsageDay = {
	/** YYYY-MM-DD: the customer's local day, or the first day of the period the row covers. */
	day: string
	/** Days the row covers: 1 (default) for a day, 7 for a weekly aggregate. */
	periodDays?: number
	/** Minutes of use over the row's period. */
	activeMinutes?: number
	/** Days with use within the period, when the source reports it (weekly aggregates). */
	activeDays?: number
	/** Account rows: people who used the product that day (or period). */
	activeUsers?: number
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
	/** When the user joined: frequency, regularity and trend only count days since then. */
	since?: Date
	/** IANA time zone of the user's account: active days are its local days. Default UTC. */
	timeZone?: string
	/**
	 * The account's own product usage, for feature adoption when the user has no usage of their own
	 * (it weighs less: it is about everyone in the account).
	 */
	accountUsage?: readonly ProductUsageDay[]
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
	periodDays: z.number().int().min(1).max(366).optional(),
	activeMinutes: count.optional(),
	activeDays: count.max(366).optional(),
	activeUsers: count.optional(),
	featuresAdopted: count.optional(),
	featuresAvailable: count.optional(),
})

/** For imports and the simulation: rejects what the scoring functions would otherwise clamp. */
export const UserActivitySchema = z.strictObject({
	now: z.coerce.date(),
	events: z.array(ActivityEventSchema),
	productUsage: z.array(ProductUsageDaySchema).optional(),
	since: z.coerce.date().optional(),
	timeZone: z.string().max(100).optional(),
	accountUsage: z.array(ProductUsageDaySchema).optional(),
})

export const AccountSignalsSchema = z.strictObject({
	nps: z.number().min(-100).max(100).nullish(),
	npsResponses: z.array(z.number().int().min(0).max(10)).optional(),
	csat: z.number().min(1).max(5).nullish(),
	feedbackHelpfulRatio: z.number().min(0).max(1).nullish(),
	arr: count,
	costToServe: count,
})
