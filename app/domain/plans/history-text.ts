import { formatValue } from './progress-series.ts'
import type { Measure } from './plan-state.ts'

/** Kinds of PlanEvent rows, the plan's history. Append-only: rename nothing. */
export const PLAN_EVENT_KINDS = {
	created: 'CREATED',
	detailsEdited: 'DETAILS_EDITED',
	objectiveAdded: 'OBJECTIVE_ADDED',
	objectiveEdited: 'OBJECTIVE_EDITED',
	progressUpdated: 'PROGRESS_UPDATED',
	objectiveAchieved: 'OBJECTIVE_ACHIEVED',
	initiativeAdded: 'INITIATIVE_ADDED',
	initiativeEdited: 'INITIATIVE_EDITED',
	proposed: 'PROPOSED',
	planAgreed: 'PLAN_AGREED',
	changesRequested: 'CHANGES_REQUESTED',
	objectiveAgreed: 'OBJECTIVE_AGREED',
	objectiveChangesRequested: 'OBJECTIVE_CHANGES_REQUESTED',
	commented: 'COMMENTED',
	deliveryRated: 'DELIVERY_RATED',
	archived: 'ARCHIVED',
} as const
export type PlanEventKind = (typeof PLAN_EVENT_KINDS)[keyof typeof PLAN_EVENT_KINDS]

/** Kinds the success manager must answer; the console highlights plans with an open one. */
export const REQUEST_EVENT_KINDS: readonly PlanEventKind[] = [PLAN_EVENT_KINDS.changesRequested, PLAN_EVENT_KINDS.objectiveChangesRequested]

const SUMMARY_MAX = 300

/** Keeps a summary to one readable line. */
export function clip(text: string, max = 160): string {
	const flat = text.replace(/\s+/g, ' ').trim()
	return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

export function summary(text: string): string {
	return clip(text, SUMMARY_MAX)
}

const day = (d: Date) => d.toISOString().slice(0, 10)

/** What an edit changed in a measure, e.g. `target 5 % → 4 %; due date 2026-03-01 → 2026-04-01`. */
export function describeMeasureChange(before: Measure, after: Measure): string {
	const parts: string[] = []
	if (before.metric !== after.metric) parts.push(`metric “${before.metric}” → “${after.metric}”`)
	if (before.unit !== after.unit) parts.push(`unit ${before.unit} → ${after.unit}`)
	if (before.baseline !== after.baseline) parts.push(`baseline ${formatValue(before.baseline, before.unit)} → ${formatValue(after.baseline, after.unit)}`)
	if (before.target !== after.target) parts.push(`target ${formatValue(before.target, before.unit)} → ${formatValue(after.target, after.unit)}`)
	if (before.dueDate.getTime() !== after.dueDate.getTime()) parts.push(`due date ${day(before.dueDate)} → ${day(after.dueDate)}`)
	return parts.join('; ')
}
