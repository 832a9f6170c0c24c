const LABELS: Record<string, string> = { tier2: 'Tier 2+', tier1: 'Tier 1', staff: 'Staff' }

/** A small badge for content reserved above "any customer". */
export function AudienceBadge({ audience }: { audience: string }) {
	const label = LABELS[audience]
	if (!label) return null
	return <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-800">{label}</span>
}
