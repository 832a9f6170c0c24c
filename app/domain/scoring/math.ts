import { DAY_MS } from '#app/utils/time.ts'

/**
 * Weight of evidence that is `ageDays` old: 1 when fresh, 0.5 after one half-life, 0.25 after two.
 * Future evidence (negative age, clock skew) weighs 1; a NaN age weighs 0.
 */
export function decayWeight(ageDays: number, halfLifeDays: number): number {
	if (Number.isNaN(ageDays)) return 0
	if (ageDays <= 0) return 1
	if (!(halfLifeDays > 0)) return 0
	return Math.pow(0.5, ageDays / halfLifeDays)
}

/** 0..1; NaN becomes 0. */
export function clamp01(value: number): number {
	return value > 0 ? (value < 1 ? value : 1) : 0
}

/** min..max; NaN becomes min. */
export function clamp(value: number, min: number, max: number): number {
	return value > min ? (value < max ? value : max) : min
}

/** Days since the Unix epoch of a UTC instant. */
export function utcDay(ms: number): number {
	return Math.floor(ms / DAY_MS)
}

/** Days since the Unix epoch of "YYYY-MM-DD", or NaN when it is not such a date. */
export function dayNumber(day: string): number {
	if (day.length !== 10) return Number.NaN
	const ms = Date.parse(`${day}T00:00:00Z`)
	return Number.isFinite(ms) ? ms / DAY_MS : Number.NaN
}

/** A finite number or undefined: the gate every untrusted numeric input passes through. */
export function finite(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

export function percent(value01: number): string {
	return `${Math.round(clamp01(value01) * 100)}%`
}

export function plural(n: number, one: string, many = `${one}s`): string {
	return `${n} ${n === 1 ? one : many}`
}
