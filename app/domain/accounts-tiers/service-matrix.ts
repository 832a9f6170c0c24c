import { z } from 'zod'
import type { Tier } from './audience.ts'

export const SERVICES = [
	'selfService',
	'tier2Content',
	'tier1Content',
	'groupTraining',
	'liveTraining',
	'namedCsm',
	'successPlan',
	'contentTeasers',
] as const
export type Service = (typeof SERVICES)[number]

// What each service is called for customers: SERVICE_LABELS in customer-plans.ts.

const TierServicesSchema = z.object(Object.fromEntries(SERVICES.map((s) => [s, z.boolean()])) as Record<Service, z.ZodBoolean>)

/** Which services each tier gets. Validated so a typo in the config fails at start, not at a customer. */
export const ServiceMatrixSchema = z.object({ 1: TierServicesSchema, 2: TierServicesSchema, 3: TierServicesSchema })
export type ServiceMatrix = z.infer<typeof ServiceMatrixSchema>

export const defaultServiceMatrix: ServiceMatrix = ServiceMatrixSchema.parse({
	1: { selfService: true, tier2Content: true, tier1Content: true, groupTraining: true, liveTraining: true, namedCsm: true, successPlan: true, contentTeasers: true },
	2: { selfService: true, tier2Content: true, tier1Content: false, groupTraining: true, liveTraining: false, namedCsm: false, successPlan: false, contentTeasers: true },
	3: { selfService: true, tier2Content: false, tier1Content: false, groupTraining: false, liveTraining: false, namedCsm: false, successPlan: false, contentTeasers: true },
})

export function tierHas(tier: number, service: Service, matrix: ServiceMatrix = defaultServiceMatrix): boolean {
	const t = (tier === 1 || tier === 2 ? tier : 3) as Tier
	return matrix[t][service]
}

export function servicesOf(tier: number, matrix: ServiceMatrix = defaultServiceMatrix): Service[] {
	return SERVICES.filter((s) => tierHas(tier, s, matrix))
}
