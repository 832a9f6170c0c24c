import { parseScoringConfig, type ScoringConfig, type ScoringConfigInput } from '#app/domain/scoring/config.ts'

/**
 * The scoring config the portal runs with: the documented defaults (docs/scoring.md) plus the
 * overrides below, chosen with `npm run simulate -- --accounts 200 --days 60 --sweep` (user
 * accuracy 55.9 % with the plain defaults, 70.1 % with these; see
 * docs/decisions/005-engagement-and-scoring.md). Kept in one place so the recompute job, the
 * customer home page and the simulation all score with the same numbers. Thresholds stay at 50.
 */
export const SCORING_OVERRIDES: ScoringConfigInput = {
	skill: {
		// Reading is what motivated people do, skilled or not: it is weak evidence of competence.
		weights: { quizzes: 0.55, contentDepth: 0.05 },
		// Fewer results count in full: a quiet but skilled user rarely takes three quizzes in a quarter.
		quizEvidenceForFull: 1.5,
		pathCreditsForFull: 1.5,
	},
	will: {
		// Frequency is the strongest sign of motivation; weekly presence and a steady trend are easy
		// to reach for anyone who drops by, so they weigh less, and "full" takes near-daily use.
		weights: { activeDays: 0.45, regularity: 0.1, trend: 0.1 },
		activeDaysForFull: 20,
		recencyHalfLifeDays: 4,
		voluntaryCreditsForFull: 40,
	},
}

let cached: ScoringConfig | undefined

export function getScoringConfig(): ScoringConfig {
	cached ??= parseScoringConfig(SCORING_OVERRIDES)
	return cached
}
