import type { ReactNode } from 'react'
import { isAudience, type Audience } from '#app/domain/accounts-tiers/audience.ts'
import { AUDIENCE_NAMES } from '#app/domain/accounts-tiers/customer-plans.ts'

/**
 * A gated section the reader is allowed to see (blocks above their level were cut out before
 * compiling, so they never reach this component). It only labels the section.
 */
const SECTION_LABELS: Partial<Record<Audience, string>> = {
	customers: 'Customers',
	tier2: AUDIENCE_NAMES.tier2,
	tier1: AUDIENCE_NAMES.tier1,
	staff: 'Staff',
}

export function AudienceSection({ min, children }: { min?: string; children?: ReactNode }) {
	const label = (isAudience(min) && SECTION_LABELS[min]) || 'Restricted'
	return (
		<section aria-label={`${label} section`} className="my-6 rounded-md border border-brand-100 bg-brand-50/50 px-4 py-1">
			<p aria-hidden="true" className="my-2! text-xs font-semibold tracking-wide text-brand-700 uppercase">
				{label}
			</p>
			{children}
		</section>
	)
}
