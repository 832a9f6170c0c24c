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

export { plural } from '#app/utils/plural.ts'

// Offsets of each time zone by UTC hour: a full recompute meets the same few thousand hours again and again.
const zoneFormats = new Map<string, Intl.DateTimeFormat | null>()
const zoneOffsets = new Map<string, Map<number, number>>()
const HOUR_MS = 3_600_000

function zoneFormat(timeZone: string): Intl.DateTimeFormat | null {
	let format = zoneFormats.get(timeZone)
	if (format === undefined) {
		try {
			format = new Intl.DateTimeFormat('en-US', {
				timeZone,
				hourCycle: 'h23',
				year: 'numeric',
				month: 'numeric',
				day: 'numeric',
				hour: 'numeric',
			})
		} catch {
			format = null // an unknown zone counts as UTC rather than failing a recompute
		}
		zoneFormats.set(timeZone, format)
	}
	return format
}

/** Milliseconds to add to a UTC instant to get the wall-clock time in `timeZone` (whole hours are cached). */
export function zoneOffsetMs(ms: number, timeZone: string | undefined): number {
	if (!timeZone || timeZone === 'UTC' || timeZone === 'Etc/UTC') return 0
	const format = zoneFormat(timeZone)
	if (!format) return 0
	const hour = Math.floor(ms / HOUR_MS)
	let byHour = zoneOffsets.get(timeZone)
	if (!byHour) zoneOffsets.set(timeZone, (byHour = new Map()))
	let offset = byHour.get(hour)
	if (offset === undefined) {
		const parts: Record<string, number> = {}
		for (const part of format.formatToParts(new Date(hour * HOUR_MS))) {
			if (part.type !== 'literal') parts[part.type] = Number(part.value)
		}
		offset = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!) - hour * HOUR_MS
		if (byHour.size > 200_000) byHour.clear()
		byHour.set(hour, offset)
	}
	return offset
}

/** Days since the Unix epoch of the local day an instant falls on in `timeZone` (UTC when unknown). */
export function localDay(ms: number, timeZone?: string): number {
	return Math.floor((ms + zoneOffsetMs(ms, timeZone)) / DAY_MS)
}

/** A weighted mean of observations, kept as sums so observations can be pooled (an account pools its users'). */
export type Evidence = { weight: number; weightedSum: number }

export function addEvidence(into: Evidence, value: number, weight: number) {
	if (!(weight > 0) || !Number.isFinite(value)) return
	into.weight += weight
	into.weightedSum += weight * clamp01(value)
}

export function evidenceMean(evidence: Evidence): number {
	return evidence.weight > 0 ? evidence.weightedSum / evidence.weight : 0
}
