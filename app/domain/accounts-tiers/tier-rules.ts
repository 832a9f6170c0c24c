import { z } from 'zod'
import type { Tier } from './audience.ts'

/** Weighted criteria and thresholds that place an account in a tier. Validated at load. */
export const TierRulesSchema = z
	.object({
		weights: z.object({
			arr: z.number().min(0),
			expansionPotential: z.number().min(0),
			nps: z.number().min(0),
			strategic: z.number().min(0),
		}),
		/** ARR at or above this counts as the full ARR criterion. */
		arrForFullScore: z.number().positive(),
		thresholds: z.object({
			tier1: z.number().min(0).max(1),
			tier2: z.number().min(0).max(1),
		}),
	})
	.refine((r) => Object.values(r.weights).some((w) => w > 0), { message: 'at least one weight must be above 0' })
	.refine((r) => r.thresholds.tier1 > r.thresholds.tier2, {
		message: 'thresholds.tier1 must be above thresholds.tier2',
		path: ['thresholds'],
	})

export type TierRules = z.infer<typeof TierRulesSchema>

export const defaultTierRules: TierRules = TierRulesSchema.parse({
	weights: { arr: 0.5, expansionPotential: 0.2, nps: 0.1, strategic: 0.2 },
	arrForFullScore: 500_000,
	thresholds: { tier1: 0.6, tier2: 0.35 },
})

export type TierCriteria = {
	arr: number
	/** 0..100 */
	expansionPotential: number
	/** -100..100, or null when unknown (counted as neutral) */
	nps: number | null
	strategic: boolean
}

export type TierOverride = { tier: Tier; reason: string }

export type TierDecision = {
	tier: Tier
	computedTier: Tier
	score: number
	overridden: boolean
	reason: string
	parts: Record<keyof TierRules['weights'], number>
}

const clamp01 = (n: number) => (Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0)

/** Weighted score in 0..1: each criterion is normalised to 0..1, then weighted and divided by the weight total. */
export function tierScore(criteria: TierCriteria, rules: TierRules = defaultTierRules) {
	const parts = {
		arr: clamp01(criteria.arr / rules.arrForFullScore),
		expansionPotential: clamp01(criteria.expansionPotential / 100),
		nps: criteria.nps === null ? 0.5 : clamp01((criteria.nps + 100) / 200),
		strategic: criteria.strategic ? 1 : 0,
	}
	const w = rules.weights
	const total = w.arr + w.expansionPotential + w.nps + w.strategic
	const raw =
		(parts.arr * w.arr + parts.expansionPotential * w.expansionPotential + parts.nps * w.nps + parts.strategic * w.strategic) /
		total
	// Rounded so that a score meant to sit on a threshold is not pushed off it by float error.
	const score = Math.round(raw * 10_000) / 10_000
	return { score, parts }
}

/** The tier of an account: the manual override when there is one (it keeps its reason), else the computed tier. */
export function assignTier(
	criteria: TierCriteria,
	override: TierOverride | null = null,
	rules: TierRules = defaultTierRules,
): TierDecision {
	const { score, parts } = tierScore(criteria, rules)
	const computedTier: Tier = score >= rules.thresholds.tier1 ? 1 : score >= rules.thresholds.tier2 ? 2 : 3
	if (override) {
		const reason = override.reason.trim()
		if (!reason) throw new Error('A tier override needs a reason')
		return { tier: override.tier, computedTier, score, overridden: true, reason, parts }
	}
	return {
		tier: computedTier,
		computedTier,
		score,
		overridden: false,
		reason: `weighted score ${score.toFixed(2)} (Tier 1 from ${rules.thresholds.tier1}, Tier 2 from ${rules.thresholds.tier2})`,
		parts,
	}
}

export const TIER_NAMES: Record<Tier, string> = {
	1: 'Must-Have',
	2: 'Want-to-Have',
	3: 'Nice-to-Have',
}

export function tierLabel(tier: number) {
	const t = (tier === 1 || tier === 2 ? tier : 3) as Tier
	return `Tier ${t} · ${TIER_NAMES[t]}`
}
