export type ProgressPoint = { at: string; value: number }

/**
 * The points of an objective's progress chart: the baseline when the objective was set, then every
 * update's new value in time order. Points share a timestamp only if updates did.
 */
export function progressSeries(
	objective: { baseline: number; startedAt: Date | string },
	updates: ReadonlyArray<{ createdAt: Date | string; newValue: number }>,
): ProgressPoint[] {
	const iso = (d: Date | string) => (typeof d === 'string' ? d : d.toISOString())
	const sorted = [...updates].sort((a, b) => iso(a.createdAt).localeCompare(iso(b.createdAt)))
	return [{ at: iso(objective.startedAt), value: objective.baseline }, ...sorted.map((u) => ({ at: iso(u.createdAt), value: u.newValue }))]
}

/** A value as people read it: up to two decimals, no trailing zeros. */
export function formatValue(value: number, unit?: string): string {
	const text = Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100)
	if (!unit) return text
	return unit === '%' ? `${text}%` : `${text} ${unit}`
}
