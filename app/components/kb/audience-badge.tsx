import { AUDIENCE_BADGES } from '#app/domain/accounts-tiers/customer-plans.ts'
import { parseAudience } from '#app/domain/accounts-tiers/audience.ts'

/** A small badge for content reserved above "any customer", named by plan (customers read it too). */
export function AudienceBadge({ audience }: { audience: string }) {
	const label = AUDIENCE_BADGES[parseAudience(audience)]
	if (!label) return null
	return <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-800">{label}</span>
}
