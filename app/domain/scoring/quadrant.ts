import { defaultScoringConfig, type ScoringConfig } from '#app/domain/scoring/config.ts'
import { type AccountSignals } from '#app/domain/scoring/inputs.ts'
import { clamp, finite, percent } from '#app/domain/scoring/math.ts'

/**
 * Customer happiness × company value. Kept beside the skill/will segment, never mixed into it:
 * skill/will says what the customer does, this says how the relationship pays for both sides.
 */
export const QUADRANTS = ['SUCCESS', 'FLIGHT_RISK', 'FIX_COST', 'RECONSIDER'] as const
export type Quadrant = (typeof QUADRANTS)[number]

export const QUADRANT_LABELS: Record<Quadrant, string> = {
	SUCCESS: 'Success',
	FLIGHT_RISK: 'Work to keep: flight risk',
	FIX_COST: 'Work to keep: fix cost to serve',
	RECONSIDER: 'Reconsider',
}

export const QUADRANT_DESCRIPTIONS: Record<Quadrant, string> = {
	SUCCESS: 'Happy and profitable',
	FLIGHT_RISK: 'Profitable but unhappy',
	FIX_COST: 'Happy but costs more than it pays',
	RECONSIDER: 'Unhappy and unprofitable',
}

export type HappinessPart = { key: 'nps' | 'csat' | 'feedback'; label: string; value: number; weight: number; explanation: string }
export type Happiness = { score: number; known: boolean; parts: HappinessPart[]; explanation: string }
export type CompanyValue = { score: number; margin: number; relativeMargin: number; profitable: boolean; explanation: string }
export type QuadrantResult = {
	quadrant: Quadrant
	label: string
	happy: boolean
	profitable: boolean
	happiness: Happiness
	value: CompanyValue
	explanations: string[]
}

/** NPS from 0-10 answers: % promoters (9-10) minus % detractors (0-6); undefined without answers. */
export function npsFromResponses(responses: readonly number[]): number | undefined {
	let n = 0
	let promoters = 0
	let detractors = 0
	for (const raw of responses) {
		const r = finite(raw)
		if (r === undefined) continue
		const answer = clamp(r, 0, 10)
		n++
		if (answer >= 9) promoters++
		else if (answer <= 6) detractors++
	}
	return n === 0 ? undefined : ((promoters - detractors) / n) * 100
}

/**
 * 0-100 from whichever of NPS (-100..100 → 0..100), CSAT (1..5 → 0..100) and the helpful-vote ratio
 * are known, weighted and re-normalised over the known ones. Nothing known: 50 (neutral), known=false.
 */
export function happinessFor(signals: AccountSignals, config: ScoringConfig = defaultScoringConfig): Happiness {
	const w = config.quadrant.weights
	const parts: HappinessPart[] = []
	const nps = finite(signals.nps) ?? (signals.npsResponses ? npsFromResponses(signals.npsResponses) : undefined)
	if (nps !== undefined) {
		const v = clamp(nps, -100, 100)
		parts.push({ key: 'nps', label: 'NPS', value: (v + 100) / 2, weight: w.nps, explanation: `NPS ${Math.round(v)}` })
	}
	const csat = finite(signals.csat)
	if (csat !== undefined) {
		const v = clamp(csat, 1, 5)
		parts.push({ key: 'csat', label: 'CSAT', value: ((v - 1) / 4) * 100, weight: w.csat, explanation: `CSAT ${v.toFixed(1)} of 5` })
	}
	const ratio = finite(signals.feedbackHelpfulRatio)
	if (ratio !== undefined) {
		const v = clamp(ratio, 0, 1)
		parts.push({ key: 'feedback', label: 'Helpful votes', value: v * 100, weight: w.feedback, explanation: `${percent(v)} of feedback votes helpful` })
	}
	let weightSum = 0
	let sum = 0
	for (const part of parts) {
		weightSum += part.weight
		sum += part.weight * part.value
	}
	if (weightSum === 0) {
		return { score: 50, known: false, parts, explanation: 'No NPS, CSAT or feedback yet: taken as neutral' }
	}
	return {
		score: Math.round(sum / weightSum),
		known: true,
		parts,
		explanation: parts.map((p) => p.explanation).join('; '),
	}
}

/**
 * Company value from the relative margin (ARR - cost to serve) / ARR, mapped from -1..1 to 0..100.
 * No ARR but a cost: margin -100%. Neither: 0%.
 */
export function companyValueFor(signals: AccountSignals, config: ScoringConfig = defaultScoringConfig): CompanyValue {
	const arr = Math.max(0, finite(signals.arr) ?? 0)
	const cost = Math.max(0, finite(signals.costToServe) ?? 0)
	const margin = arr - cost
	const relativeMargin = arr > 0 ? Math.max(-1, margin / arr) : cost > 0 ? -1 : 0
	const profitable = relativeMargin >= config.quadrant.marginThreshold
	const explanation =
		arr === 0 && cost === 0
			? 'No revenue or cost to serve recorded'
			: `ARR ${money(arr)} against ${money(cost)} cost to serve (margin ${Math.round(relativeMargin * 100)}%)`
	return {
		score: Math.round(((clamp(relativeMargin, -1, 1) + 1) / 2) * 100),
		margin,
		relativeMargin,
		profitable,
		explanation,
	}
}

/** Happy at or above the happiness threshold; profitable at or above the margin threshold. */
export function quadrantFor(signals: AccountSignals, config: ScoringConfig = defaultScoringConfig): QuadrantResult {
	const happiness = happinessFor(signals, config)
	const value = companyValueFor(signals, config)
	const happy = happiness.score >= config.quadrant.happinessThreshold
	const quadrant: Quadrant = happy
		? value.profitable
			? 'SUCCESS'
			: 'FIX_COST'
		: value.profitable
			? 'FLIGHT_RISK'
			: 'RECONSIDER'
	return {
		quadrant,
		label: QUADRANT_LABELS[quadrant],
		happy,
		profitable: value.profitable,
		happiness,
		value,
		explanations: [`Happiness ${happiness.score}: ${happiness.explanation}`, value.explanation],
	}
}

function money(amount: number): string {
	return Math.round(amount).toLocaleString('en-US')
}
