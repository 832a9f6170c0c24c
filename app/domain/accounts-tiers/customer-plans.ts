import type { Audience, Tier } from './audience.ts'
import { defaultServiceMatrix, servicesOf, type Service, type ServiceMatrix } from './service-matrix.ts'

/**
 * Everything a customer reads about plans lives here. Tiers ("Tier 1 · Must-Have" and so on) are the
 * company's internal view of a customer and stay on staff pages; customers see the name of their
 * plan and what it includes.
 */
export const PLAN_NAMES: Record<Tier, string> = {
	1: 'Enterprise',
	2: 'Business',
	3: 'Essentials',
}

const asTier = (tier: number): Tier => (tier === 1 || tier === 2 ? tier : 3)

export function planName(tier: number): string {
	return `${PLAN_NAMES[asTier(tier)]} plan`
}

/** What each service is called where a customer (or a CSM talking to one) reads it. */
export const SERVICE_LABELS: Record<Service, string> = {
	selfService: 'Knowledge base, training paths and self-assessments',
	tier2Content: `Guides and training reserved for ${PLAN_NAMES[2]} and ${PLAN_NAMES[1]} plans`,
	tier1Content: `Strategic guides reserved for ${PLAN_NAMES[1]} plans`,
	groupTraining: 'Group training sessions',
	liveTraining: 'One-to-one live training',
	namedCsm: 'A named customer success manager',
	successPlan: 'A shared success plan',
	contentTeasers: 'Titles of content reserved for other plans',
}

/** The list a customer's home page and contact page show: the services of their plan, in matrix order. */
export function planInclusions(tier: number, matrix: ServiceMatrix = defaultServiceMatrix): string[] {
	// Teasers are how gating looks, not something a customer would call part of their plan.
	return servicesOf(tier, matrix)
		.filter((s) => s !== 'contentTeasers')
		.map((s) => SERVICE_LABELS[s])
}

/** Who an item is for, in the words a reader sees on a badge or a "not included" page. */
export const AUDIENCE_NAMES: Record<Audience, string> = {
	public: 'Everyone',
	customers: 'All customers',
	tier2: `${PLAN_NAMES[2]} and ${PLAN_NAMES[1]} plans`,
	tier1: `${PLAN_NAMES[1]} plan`,
	staff: 'Staff only',
}

/** Who may read an item, as the end of "This article is for …" (a signed-out visitor reads it). */
export const AUDIENCE_READERS: Record<Audience, string> = {
	public: 'everyone',
	customers: 'Prism customers',
	tier2: `customers on the ${PLAN_NAMES[2]} and ${PLAN_NAMES[1]} plans`,
	tier1: `customers on the ${PLAN_NAMES[1]} plan`,
	staff: 'our staff',
}

/** Short badge text for items above "any customer"; none for the wider audiences. */
export const AUDIENCE_BADGES: Partial<Record<Audience, string>> = {
	tier2: `${PLAN_NAMES[2]}+`,
	tier1: PLAN_NAMES[1],
	staff: 'Staff',
}
