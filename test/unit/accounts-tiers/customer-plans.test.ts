import { describe, expect, test } from 'vitest'
import { AUDIENCES } from '#app/domain/accounts-tiers/audience.ts'
import { AUDIENCE_BADGES, AUDIENCE_NAMES, AUDIENCE_READERS, PLAN_NAMES, planInclusions, planName, SERVICE_LABELS } from '#app/domain/accounts-tiers/customer-plans.ts'
import { defaultServiceMatrix, ServiceMatrixSchema } from '#app/domain/accounts-tiers/service-matrix.ts'
import { tierLabel } from '#app/domain/accounts-tiers/tier-rules.ts'

// The internal tier names, and "Tier N" used as a name: neither is for customers' eyes.
const INTERNAL = /must-have|want-to-have|nice-to-have|\btier\s*[123]\b/i

describe('customer-facing plan wording', () => {
	test('every plan name, service label, audience name and badge avoids the internal tier names', () => {
		const wording = [
			...Object.values(PLAN_NAMES),
			...[1, 2, 3, 0, 7, Number.NaN].map(planName),
			...Object.values(SERVICE_LABELS),
			...Object.values(AUDIENCE_NAMES),
			...Object.values(AUDIENCE_BADGES),
			...Object.values(AUDIENCE_READERS),
			...[1, 2, 3].flatMap((tier) => planInclusions(tier)),
		]
		for (const text of wording) expect(text).not.toMatch(INTERNAL)
		// The check itself bites: the staff label is exactly what it must catch.
		expect(tierLabel(3)).toMatch(INTERNAL)
	})

	test('each tier has its own plan name; an unknown tier reads as the entry plan', () => {
		expect(new Set([1, 2, 3].map(planName)).size).toBe(3)
		expect(planName(1)).toBe('Enterprise plan')
		expect(planName(0)).toBe(planName(3))
		expect(planName(42)).toBe(planName(3))
	})

	test('every audience has a name; wider audiences have no badge', () => {
		for (const audience of AUDIENCES) expect(AUDIENCE_NAMES[audience]).toBeTruthy()
		expect(AUDIENCE_BADGES.public).toBeUndefined()
		expect(AUDIENCE_BADGES.customers).toBeUndefined()
		expect(AUDIENCE_BADGES.tier2).toContain(PLAN_NAMES[2])
		expect(AUDIENCE_BADGES.tier1).toContain(PLAN_NAMES[1])
	})
})

describe('planInclusions', () => {
	test('follows the service matrix: a named CSM and a success plan for the top plan only; teasers never listed', () => {
		expect(planInclusions(1)).toContain(SERVICE_LABELS.namedCsm)
		expect(planInclusions(1)).toContain(SERVICE_LABELS.successPlan)
		expect(planInclusions(3)).toEqual([SERVICE_LABELS.selfService])
		expect(planInclusions(2)).toEqual([SERVICE_LABELS.selfService, SERVICE_LABELS.tier2Content, SERVICE_LABELS.groupTraining])
		for (const tier of [1, 2, 3]) expect(planInclusions(tier)).not.toContain(SERVICE_LABELS.contentTeasers)
	})

	test('a changed matrix changes what the customer is told', () => {
		const matrix = ServiceMatrixSchema.parse({ ...defaultServiceMatrix, 3: { ...defaultServiceMatrix[3], groupTraining: true } })
		expect(planInclusions(3, matrix)).toEqual([SERVICE_LABELS.selfService, SERVICE_LABELS.groupTraining])
	})
})
