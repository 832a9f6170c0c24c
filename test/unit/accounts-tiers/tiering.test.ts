import { describe, expect, test } from 'vitest'
import { assignTier, defaultTierRules, TierRulesSchema, tierScore } from '#app/domain/accounts-tiers/tier-rules.ts'
import { defaultServiceMatrix, ServiceMatrixSchema, servicesOf, tierHas } from '#app/domain/accounts-tiers/service-matrix.ts'
import { canRead, readableAudiences, readerFor } from '#app/domain/accounts-tiers/audience.ts'

const base = { arr: 0, expansionPotential: 0, nps: null, strategic: false }

describe('tierScore', () => {
	test('normalises each criterion to 0..1 and weights it', () => {
		const { score, parts } = tierScore({ arr: 250_000, expansionPotential: 50, nps: 0, strategic: true })
		expect(parts).toEqual({ arr: 0.5, expansionPotential: 0.5, nps: 0.5, strategic: 1 })
		expect(score).toBeCloseTo(0.5 * 0.5 + 0.2 * 0.5 + 0.1 * 0.5 + 0.2 * 1)
	})
	test('ARR above the full-score mark and out-of-range inputs are clamped', () => {
		expect(tierScore({ ...base, arr: 10_000_000, nps: 500, expansionPotential: 900 }).parts).toMatchObject({ arr: 1, nps: 1, expansionPotential: 1 })
		expect(tierScore({ ...base, arr: -5, nps: -500, expansionPotential: Number.NaN }).parts).toMatchObject({ arr: 0, nps: 0, expansionPotential: 0 })
	})
})

describe('assignTier', () => {
	// Strategic (0.2) plus ARR: solve for the ARR that puts the score exactly on a threshold.
	const arrFor = (score: number) => ((score - 0.2) * defaultTierRules.arrForFullScore) / defaultTierRules.weights.arr
	const noNps = { ...base, nps: -100, strategic: true }
	test('a score exactly at the Tier 1 threshold is Tier 1; just below is Tier 2', () => {
		expect(assignTier({ ...noNps, arr: arrFor(0.6) }).tier).toBe(1)
		expect(assignTier({ ...noNps, arr: arrFor(0.6) - 100 }).tier).toBe(2)
	})
	test('a score exactly at the Tier 2 threshold is Tier 2; just below is Tier 3', () => {
		expect(assignTier({ ...noNps, arr: arrFor(0.35) }).tier).toBe(2)
		expect(assignTier({ ...noNps, arr: arrFor(0.35) - 100 }).tier).toBe(3)
	})
	test('the override wins, keeps its reason and the computed tier', () => {
		const decision = assignTier({ ...base, arr: 1_000 }, { tier: 1, reason: 'Design partner for the 2027 roadmap' })
		expect(decision).toMatchObject({ tier: 1, computedTier: 3, overridden: true, reason: 'Design partner for the 2027 roadmap' })
	})
	test('an override without a reason is refused', () => {
		expect(() => assignTier(base, { tier: 2, reason: '   ' })).toThrow(/reason/)
	})
	test('rules are validated: thresholds must be ordered and weights not all zero', () => {
		const bad = TierRulesSchema.safeParse({ ...defaultTierRules, thresholds: { tier1: 0.3, tier2: 0.5 } })
		expect(bad.success).toBe(false)
		const zero = TierRulesSchema.safeParse({ ...defaultTierRules, weights: { arr: 0, expansionPotential: 0, nps: 0, strategic: 0 } })
		expect(zero.success).toBe(false)
	})
})

describe('service matrix', () => {
	test('only Tier 1 gets a named CSM and a success plan', () => {
		expect([1, 2, 3].map((t) => tierHas(t, 'successPlan'))).toEqual([true, false, false])
		expect([1, 2, 3].map((t) => tierHas(t, 'namedCsm'))).toEqual([true, false, false])
		expect(servicesOf(3)).toContain('selfService')
	})
	test('a matrix with a missing service is refused', () => {
		const broken = structuredClone(defaultServiceMatrix) as Record<string, Record<string, boolean>>
		delete broken[2]!.successPlan
		expect(ServiceMatrixSchema.safeParse(broken).success).toBe(false)
	})
})

describe('audience rules', () => {
	test('each reader reads its own level and below, never above', () => {
		const t3 = readerFor({ role: 'CUSTOMER', account: { tier: 3 } })
		const t1 = readerFor({ role: 'CUSTOMER', account: { tier: 1 } })
		expect(canRead(t3, 'customers')).toBe(true)
		expect(canRead(t3, 'tier2')).toBe(false)
		expect(canRead(t1, 'tier1')).toBe(true)
		expect(canRead(t1, 'staff')).toBe(false)
		expect(readableAudiences(readerFor(null))).toEqual(['public'])
		expect(readableAudiences(readerFor({ role: 'EDITOR' }))).toContain('staff')
	})
})
