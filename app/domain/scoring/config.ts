import { z } from 'zod'
import { ConfigError, formatIssues } from '#app/utils/config-error.ts'

/**
 * Every number of skill/will scoring, segments and the happiness × value quadrant, in one validated
 * object. Any field may be left out: it takes the default below. Relative weights are divided by
 * their sum. docs/scoring.md explains each number and how the defaults were calibrated.
 */

const weight = z.number().min(0).max(1000)
const halfLifeDays = z.number().positive().max(3650)
const days = z.number().int().min(1).max(3650)
const share = z.number().min(0).max(1)
const score = z.number().min(0).max(100)

function someWeightAbove0(weights: Record<string, number | undefined>): boolean {
	return Object.values(weights).some((w) => (w ?? 0) > 0)
}

const LevelNumbersSchema = (beginner: number, intermediate: number, advanced: number, schema: z.ZodNumber = share) =>
	z.strictObject({
		beginner: schema.default(beginner),
		intermediate: schema.default(intermediate),
		advanced: schema.default(advanced),
	}).prefault({})

/**
 * Skill is an estimate of competence on 0..1 with a confidence, not a count of activity: each piece
 * of evidence is an observation (a value 0..1 and how much it weighs), combined with a prior as a
 * weighted mean. Two strong observations can carry a user far from the prior; fifty weak ones cannot,
 * because weak kinds of evidence have a capped total weight.
 */
const SkillConfigSchema = z.strictObject({
	/** How far back skill evidence is read; skill fades slowly. */
	horizonDays: days.default(365),
	/** Where an estimate starts without evidence, and how many observations' worth it weighs. */
	priorMean: share.default(0.5),
	priorWeight: weight.default(1),
	quiz: z
		.strictObject({
			halfLifeDays: halfLifeDays.default(180),
			/** Pass mark (percent) assumed when the quiz does not say: reaching it is the line between low and high skill. */
			passMark: z.number().min(5).max(95).default(70),
			/** Share of knowledge checks a competent user answers right: the line for checks. */
			checkMark: z.number().min(0.05).max(0.95).default(0.85),
			/** Weight of one quiz by difficulty 1/2/3: a hard quiz says more than an easy one. */
			weights: LevelNumbersSchema(0.7, 1, 1.4, weight),
			/** A score on a hard quiz shows more skill than the same score on an easy one: shift per step from medium. */
			difficultyShift: z.number().min(0).max(0.5).default(0.06),
			/** How far a score can move the value from the middle, by difficulty: an easy quiz cannot show mastery, nor a hard one the lack of basics. */
			spread: LevelNumbersSchema(0.5, 0.8, 1),
			/** Weight of one knowledge-check answer (correct = 1, wrong = 0). */
			checkWeight: weight.default(0.15),
			/** Knowledge checks together never weigh more than this: many easy checks are not mastery. */
			checksMaxWeight: weight.default(1),
		})
		.prefault({}),
	paths: z
		.strictObject({
			halfLifeDays: halfLifeDays.default(365),
			/** What completing a path of each level says about skill... */
			values: LevelNumbersSchema(0.45, 0.65, 0.85),
			/** ...and how much it weighs (its quiz already counts as a quiz). */
			weights: LevelNumbersSchema(0.2, 0.35, 0.6, weight),
			certificateWeight: weight.default(0.1),
		})
		.prefault({}),
	content: z
		.strictObject({
			halfLifeDays: halfLifeDays.default(180),
			/** What choosing material of each level says: experts read advanced material. */
			values: LevelNumbersSchema(0.1, 0.5, 0.8),
			/** Weight of one distinct article or lesson of known level (read or completed; a bare view weighs half). */
			itemWeight: weight.default(0.08),
			/** All reading together weighs at most this: fifty basic articles are not skill, nor low skill beyond this. */
			maxWeight: weight.default(1.2),
		})
		.prefault({}),
	/** Share of product features in use as an observation of this weight (per-user usage, else the account's). */
	featureAdoptionWeight: weight.default(1),
	/** Share of product features in use that counts as full skill: nobody uses every feature, experts use most. */
	featureAdoptionForFull: z.number().min(0.05).max(1).default(0.85),
	/** Account usage is about everyone: it weighs this share of a user's own. */
	accountFeatureShare: share.default(0.5),
	/** Below this much evidence (prior excluded) skill is "not enough evidence yet". */
	minimumEvidence: weight.default(0.5),
	/** A skill tag with less evidence than this is a gap (see skill-gaps.ts). */
	gapEvidence: z.number().positive().max(1000).default(1),
})

/**
 * Will is motivation shown over time: how often (a recency-weighted share of active days), how
 * recently, how regularly, how self-directed, and whether it is fading. Days are the account's
 * local days.
 */
const WillWeightsSchema = z
	.strictObject({
		frequency: weight.default(0.3),
		/** Product use, when the product reports it for the subject; without it the other weights share its part. */
		product: weight.default(0.35),
		recency: weight.default(0.05),
		/** Shown, but weighs nothing by default: it fills up for anyone who drops in once a week. */
		regularity: weight.default(0),
		selfDirected: weight.default(0.25),
		trend: weight.default(0.1),
	})
	// Product use is not reported for everyone, so the portal's measures must carry will on their own.
	.refine(({ product: _product, ...portal }) => someWeightAbove0(portal), 'at least one will weight besides product must be above 0')

const WillConfigSchema = z.strictObject({
	weights: WillWeightsSchema.prefault({}),
	/** How far back will is read. */
	windowDays: days.default(56),
	/** Frequency weighs each day by 0.5^(age / half-life): a sustained decline shows within two or three weeks. */
	frequencyHalfLifeDays: halfLifeDays.default(7),
	/**
	 * Share of (weighted) days active in the portal that counts as full frequency: 0.45 is about three
	 * days a week. Three independent population models put "will 0.5" between 12% and 24% of days;
	 * this scale leans to the stricter ones, where a weekly visitor is not motivated (docs/scoring.md).
	 */
	frequencyForFull: share.default(0.45),
	/** Share of days that counts as nothing: a visit every other week is not motivation. */
	frequencyFloor: share.default(0.08),
	/** Product use has its own scale: people use the product far more often than they visit the help portal. */
	productFrequencyFloor: share.default(0.14),
	productFrequencyForFull: share.default(0.7),
	recencyHalfLifeDays: halfLifeDays.default(4),
	/** Regularity: weeks with any activity out of the last N (or since the user joined). */
	regularityWeeks: z.number().int().min(1).max(52).default(6),
	/** Share of (weighted) days with self-directed learning (reading, lessons, quizzes, search) for full credit. */
	selfDirectedForFull: share.default(0.28),
	selfDirectedFloor: share.default(0.03),
	/** Trend: the pace of the last N days against the rest of the window. */
	trendRecentDays: days.default(21),
	/** Minutes of product use that make a usage day an active day. */
	activeMinutes: z.number().min(0).max(1440).default(1),
	/** Observed fewer days than this (a new user): will is "not enough evidence yet". */
	minimumObservedDays: days.default(10),
})

/**
 * Will has no absolute scale: how often people of a healthy account use the product and its help
 * portal depends on the product. So the line between low and high will is drawn where the portfolio
 * itself breaks in two (the natural break between the accounts' will scores), kept within
 * [lowest, highest] of the fixed line, and re-drawn by each full recompute. Below `minAccounts`
 * judged accounts the break means little and the fixed `willThreshold` applies.
 */
const PortfolioWillLineSchema = z
	.strictObject({
		enabled: z.boolean().default(true),
		minAccounts: z.number().int().min(2).max(100_000).default(30),
		lowest: score.default(30),
		highest: score.default(70),
	})
	.refine((line) => line.lowest <= line.highest, 'lowest must not be above highest')

const SegmentsSchema = z.strictObject({
	/** Skill has an absolute anchor (quiz marks, content levels): a fixed line. */
	skillThreshold: score.default(50),
	/** The will line when the portfolio line is off or the portfolio is too small to draw one. */
	willThreshold: score.default(50),
	portfolioWillLine: PortfolioWillLineSchema.prefault({}),
	/** Points a score must cross beyond the threshold to leave the previous segment (0 = none). */
	hysteresis: z.number().min(0).max(25).default(0),
})

const RollUpSchema = z.strictObject({
	/**
	 * Licensed seats beyond the listed users count as people who never came, at most this many times
	 * the active users. 0 by default: a licence nobody was given is not an unmotivated person, and
	 * counting it made an account's will depend on how many licences it bought.
	 */
	idleSeatsMaxRatio: z.number().min(0).max(100).default(0),
	/** One user's skill observations weigh at most this much in the account's pool. */
	userEvidenceMax: weight.default(4),
	/** The account's own feature adoption (reported for the whole account) weighs this much in its pool, once. */
	accountFeatureWeight: weight.default(1),
})

const QuadrantWeightsSchema = z
	.strictObject({
		nps: weight.default(0.5),
		csat: weight.default(0.3),
		feedback: weight.default(0.2),
	})
	.refine(someWeightAbove0, 'at least one happiness weight must be above 0')

const QuadrantSchema = z.strictObject({
	/** Happy at or above this. Above 50 on purpose: a neutral customer is not a happy one. */
	happinessThreshold: score.default(60),
	/** Profitable when (ARR - cost to serve) / ARR is at or above this. */
	marginThreshold: z.number().min(-1).max(1).default(0),
	weights: QuadrantWeightsSchema.prefault({}),
})

export const ScoringConfigSchema = z
	.strictObject({
		skill: SkillConfigSchema.prefault({}),
		will: WillConfigSchema.prefault({}),
		segments: SegmentsSchema.prefault({}),
		rollUp: RollUpSchema.prefault({}),
		quadrant: QuadrantSchema.prefault({}),
	})
	.superRefine((config, ctx) => {
		if (config.will.windowDays < 14) {
			ctx.addIssue({ code: 'custom', path: ['will', 'windowDays'], message: 'must be at least 14 days (two weeks of regularity)' })
		}
		if (config.will.trendRecentDays >= config.will.windowDays) {
			ctx.addIssue({ code: 'custom', path: ['will', 'trendRecentDays'], message: `must be shorter than will.windowDays (${config.will.windowDays})` })
		}
		if (config.will.regularityWeeks * 7 > config.will.windowDays) {
			ctx.addIssue({ code: 'custom', path: ['will', 'regularityWeeks'], message: `must fit in will.windowDays (${config.will.windowDays})` })
		}
	})

export type ScoringConfig = z.output<typeof ScoringConfigSchema>
export type ScoringConfigInput = z.input<typeof ScoringConfigSchema>
export type Level = 'beginner' | 'intermediate' | 'advanced'

export type ParseResult<T> = { ok: true; config: T } | { ok: false; issues: string[] }

export function safeParseScoringConfig(input: unknown): ParseResult<ScoringConfig> {
	const result = ScoringConfigSchema.safeParse(input ?? {})
	return result.success ? { ok: true, config: result.data } : { ok: false, issues: formatIssues(result.error) }
}

/** Parses overrides onto the defaults; throws a ConfigError whose message lists every bad field. */
export function parseScoringConfig(input: unknown): ScoringConfig {
	const result = safeParseScoringConfig(input)
	if (!result.ok) throw new ConfigError('scoring config', result.issues)
	return result.config
}

export const defaultScoringConfig: ScoringConfig = deepFreeze(parseScoringConfig({}))

/** How many days of events a recompute must load to score with this config. */
export function eventHorizonDays(config: ScoringConfig): number {
	return Math.max(config.will.windowDays, config.skill.horizonDays)
}

function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object') {
		for (const inner of Object.values(value)) deepFreeze(inner)
		Object.freeze(value)
	}
	return value
}
