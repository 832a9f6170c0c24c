import { parseScoringConfig, type ScoringConfig, type ScoringConfigInput } from '#app/domain/scoring/config.ts'

/**
 * The scoring config the portal runs with: the documented defaults (docs/scoring.md) plus the
 * overrides below, chosen on the calibration seeds with `npm run calibrate` and checked on the
 * evaluation seeds with `npm run simulate`. Kept in one place so the recompute, the customer home
 * page and the simulation all score with the same numbers.
 */
export const SCORING_OVERRIDES: ScoringConfigInput = {}

let cached: ScoringConfig | undefined

export function getScoringConfig(): ScoringConfig {
	cached ??= parseScoringConfig(SCORING_OVERRIDES)
	return cached
}
