import { z } from 'zod'
import { EventKindSchema } from '#app/domain/engagement/event-kinds.ts'
import { ConfigError, formatIssues } from '#app/utils/config-error.ts'

/**
 * Every weight, half-life and threshold of skill/will scoring, segments and the happiness × value
 * quadrant, in one validated object. Any field may be left out: it takes the default below.
 * Weights are relative: they are divided by their sum, so 45/25/15/15 and 0.45/0.25/0.15/0.15 agree.
 * docs/scoring.md explains each number.
 */

const weight = z.number().min(0).max(1000)
const halfLifeDays = z.number().positive().max(3650)
const days = z.number().int().min(1).max(3650)
const positive = z.number().positive().max(1_000_000)
const score = z.number().min(0).max(100)
const kindWeights = z.partialRecord(EventKindSchema, weight)

function someWeightAbove0(weights: Record<string, number | undefined>): boolean {
	return Object.values(weights).some((w) => (w ?? 0) > 0)
}

const SkillWeightsSchema = z
	.strictObject({
		quizzes: weight.default(0.45),
		paths: weight.default(0.25),
		contentDepth: weight.default(0.15),
		featureAdoption: weight.default(0.15),
	})
	.refine(someWeightAbove0, 'at least one skill weight must be above 0')

const WillWeightsSchema = z
	.strictObject({
		activeDays: weight.default(0.3),
		recency: weight.default(0.2),
		regularity: weight.default(0.2),
		voluntary: weight.default(0.15),
		trend: weight.default(0.15),
	})
	.refine(someWeightAbove0, 'at least one will weight must be above 0')

const DifficultyWeightsSchema = z.strictObject({
	easy: positive.default(0.6),
	medium: positive.default(1),
	hard: positive.default(1.5),
})

const SkillConfigSchema = z.strictObject({
	weights: SkillWeightsSchema.prefault({}),
	/** How far back skill evidence is read; older evidence has decayed to almost nothing anyway. */
	horizonDays: days.default(365),
	quizHalfLifeDays: halfLifeDays.default(90),
	pathHalfLifeDays: halfLifeDays.default(365),
	contentHalfLifeDays: halfLifeDays.default(180),
	/** Quiz difficulty 1/2/3 and path level beginner/intermediate/advanced. */
	difficultyWeights: DifficultyWeightsSchema.prefault({}),
	/** One knowledge-check answer weighs this much of a medium quiz. */
	checkAnswerWeight: weight.default(0.2),
	/** Difficulty- and recency-weighted quizzes needed before the quiz average counts in full. */
	quizEvidenceForFull: positive.default(3),
	/** Level-weighted path completions (plus certificate credit) for full path credit. */
	pathCreditsForFull: positive.default(2),
	certificateCredit: weight.default(0.5),
	/** Distinct articles, lessons and videos (kind-weighted) for full content-depth credit. */
	contentCreditsForFull: positive.default(20),
	contentKindWeights: kindWeights.default({
		article_read: 1,
		lesson_complete: 1,
		video_play: 0.5,
		article_view: 0.2,
	}),
	/** A skill tag with less evidence than this is a gap (see skill-gaps.ts). */
	gapEvidence: positive.default(1),
})

const WillConfigSchema = z.strictObject({
	weights: WillWeightsSchema.prefault({}),
	activeDaysWindow: days.default(30),
	activeDaysForFull: positive.default(12),
	recencyHalfLifeDays: halfLifeDays.default(7),
	voluntaryHalfLifeDays: halfLifeDays.default(30),
	voluntaryCreditsForFull: positive.default(10),
	/** Self-directed learning; an event with data.voluntary === false (assigned work) never counts. */
	voluntaryKindWeights: kindWeights.default({
		article_read: 1,
		lesson_complete: 1,
		quiz_attempt: 1,
		path_enrol: 1,
		video_play: 0.5,
		check_answer: 0.3,
		search: 0.2,
		helpful_vote: 0.2,
	}),
	/** The trend compares the pace of the last N days with the rest of the window. */
	trendRecentDays: days.default(30),
})

const MinimumEvidenceSchema = z.strictObject({
	/** Fewer distinct quizzes, paths, certificates and content items than this: skill is flagged low-evidence. */
	skillItems: z.number().int().min(0).default(3),
	/** Fewer active days in the window than this: will is flagged low-evidence. */
	activeDays: z.number().int().min(0).default(3),
})

const SegmentsSchema = z.strictObject({
	skillThreshold: score.default(50),
	willThreshold: score.default(50),
	/** Points a score must cross beyond the threshold to leave the previous segment (0 = none). */
	hysteresis: z.number().min(0).max(25).default(0),
})

const RollUpSchema = z.strictObject({
	/** A user active today weighs 1; the weight halves every N days of absence down to inactiveUserWeight. */
	activeHalfLifeDays: halfLifeDays.default(30),
	inactiveUserWeight: z.number().min(0).max(1).default(0.2),
	/** Share of account skill/will taken from account-level product usage when it is known. */
	productUsageWeight: z.number().min(0).max(1).default(0.3),
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
		/** Will reads this many days back. */
		windowDays: days.default(90),
		skill: SkillConfigSchema.prefault({}),
		will: WillConfigSchema.prefault({}),
		minimumEvidence: MinimumEvidenceSchema.prefault({}),
		segments: SegmentsSchema.prefault({}),
		rollUp: RollUpSchema.prefault({}),
		quadrant: QuadrantSchema.prefault({}),
	})
	.superRefine((config, ctx) => {
		if (config.windowDays < 14) {
			ctx.addIssue({ code: 'custom', path: ['windowDays'], message: 'must be at least 14 days (two weeks of regularity)' })
		}
		if (config.will.activeDaysWindow > config.windowDays) {
			ctx.addIssue({ code: 'custom', path: ['will', 'activeDaysWindow'], message: `must not exceed windowDays (${config.windowDays})` })
		}
		if (config.will.activeDaysForFull > config.will.activeDaysWindow) {
			ctx.addIssue({ code: 'custom', path: ['will', 'activeDaysForFull'], message: `must not exceed activeDaysWindow (${config.will.activeDaysWindow})` })
		}
		if (config.will.trendRecentDays >= config.windowDays) {
			ctx.addIssue({ code: 'custom', path: ['will', 'trendRecentDays'], message: `must be shorter than windowDays (${config.windowDays})` })
		}
	})

export type ScoringConfig = z.output<typeof ScoringConfigSchema>
export type ScoringConfigInput = z.input<typeof ScoringConfigSchema>

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
	return Math.max(config.windowDays, config.skill.horizonDays)
}

function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object') {
		for (const inner of Object.values(value)) deepFreeze(inner)
		Object.freeze(value)
	}
	return value
}
