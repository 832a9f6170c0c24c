import { clamp01 } from '#app/domain/scoring/math.ts'

/** One input of a score, with the sentence the UI shows to say why. */
export type ScoreComponent = {
	key: string
	label: string
	/** 0..1: how much of this component was earned. */
	value: number
	/** Share of the score (weights of available components sum to 1; unavailable ones are 0). */
	weight: number
	/** Points this component added to the 0-100 score. */
	contribution: number
	explanation: string
	/** false when there was no data source for it (its weight went to the others). */
	available: boolean
}

export type ScoreBreakdown = {
	/** 0..100 integer. */
	score: number
	components: ScoreComponent[]
	/** Too little evidence to trust the score much; the UI should say so. */
	lowEvidence: boolean
	/** One line: "2 active days in the last 30; quiz average 86%". */
	summary: string
}

export type ComponentInput = {
	key: string
	label: string
	value: number
	weight: number
	explanation: string
	available?: boolean
}

export const NO_ACTIVITY_YET = 'No activity yet'

/** Weighted sum of components on a 0-100 scale; weights of unavailable components are shared out. */
export function combine(parts: ComponentInput[], lowEvidence: boolean, noActivity: boolean): ScoreBreakdown {
	let total = 0
	for (const part of parts) if (part.available !== false) total += part.weight > 0 ? part.weight : 0
	let sum = 0
	const components: ScoreComponent[] = parts.map((part) => {
		const available = part.available !== false
		const weight = available && total > 0 && part.weight > 0 ? part.weight / total : 0
		const value = clamp01(part.value)
		const points = weight * value * 100
		sum += points
		return {
			key: part.key,
			label: part.label,
			value: round(value, 3),
			weight: round(weight, 4),
			contribution: round(points, 1),
			explanation: part.explanation,
			available,
		}
	})
	const score = Math.min(100, Math.max(0, Math.round(sum)))
	return { score, components, lowEvidence, summary: noActivity ? NO_ACTIVITY_YET : summarize(components) }
}

/** The component that added most and the one that cost most, e.g. "Quiz average 86%; 2 active days in the last 30". */
export function summarize(components: readonly ScoreComponent[]): string {
	let best: ScoreComponent | undefined
	let worst: ScoreComponent | undefined
	for (const c of components) {
		if (!c.available || c.weight === 0) continue
		if (!best || c.contribution > best.contribution) best = c
		if (!worst || c.weight * (1 - c.value) > worst.weight * (1 - worst.value)) worst = c
	}
	if (!best) return NO_ACTIVITY_YET
	if (!worst || worst === best || worst.value >= 1) return best.explanation
	return `${best.explanation}; ${lowerFirst(worst.explanation)}`
}

function lowerFirst(text: string): string {
	// Keep acronyms and numbers as they are; only soften a capitalised first word.
	return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text
}

function round(value: number, digits: number): number {
	const f = 10 ** digits
	return Math.round(value * f) / f
}
