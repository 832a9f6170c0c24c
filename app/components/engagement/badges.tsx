import { QUADRANT_DESCRIPTIONS, QUADRANT_LABELS, type Quadrant } from '#app/domain/scoring/quadrant.ts'
import {
	NOT_ENOUGH_EVIDENCE,
	SEGMENT_LABELS,
	SEGMENT_STATUS_DESCRIPTIONS,
	SEGMENT_STATUS_LABELS,
	type Segment,
	type SegmentStatus,
} from '#app/domain/scoring/segments.ts'

const base = 'inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap'

const SEGMENT_COLORS: Record<SegmentStatus, string> = {
	HIGH_PERFORMER: 'bg-green-100 text-green-800',
	UNTRAINED: 'bg-brand-100 text-brand-900',
	UNMOTIVATED: 'bg-amber-100 text-amber-900',
	NEED_TO_EXIT: 'bg-red-100 text-red-800',
	// Neutral on purpose: thin evidence is not a verdict.
	NOT_ENOUGH_EVIDENCE: 'bg-slate-100 text-slate-700',
}

/**
 * Staff-only: a segment names how we see a customer. When the evidence is too thin the badge says
 * so, with the segment it leans to as a hint (never as the verdict).
 */
export function SegmentBadge({ segment, leaning }: { segment: SegmentStatus; leaning?: Segment | null }) {
	const badge = (
		<span className={`${base} ${SEGMENT_COLORS[segment]}`} title={SEGMENT_STATUS_DESCRIPTIONS[segment]} data-testid="segment">
			{SEGMENT_STATUS_LABELS[segment]}
		</span>
	)
	if (segment !== NOT_ENOUGH_EVIDENCE || !leaning) return badge
	return (
		<span className="inline-flex flex-wrap items-center gap-1">
			{badge}
			<span className="text-xs whitespace-nowrap text-slate-500" data-testid="segment-leaning">
				leaning {SEGMENT_LABELS[leaning]}
			</span>
		</span>
	)
}

const QUADRANT_COLORS: Record<Quadrant, string> = {
	SUCCESS: 'bg-green-100 text-green-800',
	FLIGHT_RISK: 'bg-amber-100 text-amber-900',
	FIX_COST: 'bg-sky-100 text-sky-900',
	RECONSIDER: 'bg-red-100 text-red-800',
}

export function QuadrantBadge({ quadrant }: { quadrant: Quadrant }) {
	return (
		<span className={`${base} ${QUADRANT_COLORS[quadrant]}`} title={QUADRANT_DESCRIPTIONS[quadrant]} data-testid="quadrant">
			{QUADRANT_LABELS[quadrant]}
		</span>
	)
}
