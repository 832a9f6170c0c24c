import { z } from 'zod'
import { DAY_MS } from '#app/utils/time.ts'

/**
 * The CSM task queue's rules: how a task may end, when it is due, which tasks a filter keeps, and
 * the forms that assign, snooze and complete. Pure; the writes are in tasks.server.ts.
 */

export const TASK_OUTCOMES = ['RESOLVED', 'ESCALATED', 'NO_RESPONSE', 'NOT_NEEDED'] as const
export type TaskOutcome = (typeof TASK_OUTCOMES)[number]

export const TASK_OUTCOME_LABELS: Record<TaskOutcome, string> = {
	RESOLVED: 'Resolved',
	ESCALATED: 'Escalated',
	NO_RESPONSE: 'No response from the customer',
	NOT_NEEDED: 'Not needed',
}

/** A playbook task is due a week after it was raised, unless snoozed to another day. */
export const TASK_DUE_DAYS = 7
/** Snoozing further than this is parking the task: close it as "not needed" instead. */
export const MAX_SNOOZE_DAYS = 90
export const MAX_OUTCOME_NOTE = 2000

export function taskDueAt(task: { createdAt: Date; snoozedUntil: Date | null }): Date {
	return task.snoozedUntil ?? new Date(task.createdAt.getTime() + TASK_DUE_DAYS * DAY_MS)
}

export const DUE_FILTERS = ['overdue', 'week', 'snoozed'] as const
export type DueFilter = (typeof DUE_FILTERS)[number]
export const DUE_FILTER_LABELS: Record<DueFilter, string> = {
	overdue: 'Overdue',
	week: 'Due within 7 days (overdue included)',
	snoozed: 'Snoozed',
}

/** `assignee`: a CSM's id, UNASSIGNED, or null for everyone the user may see. */
export const UNASSIGNED = 'unassigned'
export type TaskFilters = { due: DueFilter | null; assignee: string | null }

/** From the query string; unknown values are no filter. `csmIds` is who an admin may pick; a CSM has no assignee filter. */
export function parseTaskFilters(params: URLSearchParams, csmIds: readonly string[] | null): TaskFilters {
	const due = DUE_FILTERS.find((d) => d === params.get('due')) ?? null
	const wanted = params.get('csm')
	const assignee = csmIds && wanted && (wanted === UNASSIGNED || csmIds.includes(wanted)) ? wanted : null
	return { due, assignee }
}

export function matchesDue(task: { createdAt: Date; snoozedUntil: Date | null }, due: DueFilter | null, now: Date): boolean {
	if (due === null) return true
	if (due === 'snoozed') return task.snoozedUntil !== null && task.snoozedUntil > now
	const at = taskDueAt(task).getTime()
	return due === 'overdue' ? at < now.getTime() : at <= now.getTime() + 7 * DAY_MS
}

const taskId = z.string().trim().min(1).max(40)

export const COMPLETE_TASK_INTENT = 'complete-task'
export const SNOOZE_TASK_INTENT = 'snooze-task'
export const ASSIGN_TASK_INTENT = 'assign-task'

export const CompleteTaskSchema = z.object({
	intent: z.literal(COMPLETE_TASK_INTENT),
	taskId,
	outcome: z.enum(TASK_OUTCOMES, { error: 'Choose how the task ended.' }),
	note: z
		.string()
		.trim()
		.max(MAX_OUTCOME_NOTE, `Keep the note under ${MAX_OUTCOME_NOTE} characters.`)
		.optional()
		.transform((v) => v || null),
})

/** A calendar day (YYYY-MM-DD, UTC) after today and within MAX_SNOOZE_DAYS; the task is due again at its start. */
export function snoozeSchema(now: Date) {
	return z.object({
		intent: z.literal(SNOOZE_TASK_INTENT),
		taskId,
		until: z
			.string({ error: 'Choose a day to snooze until.' })
			.regex(/^\d{4}-\d{2}-\d{2}$/, 'Choose a day to snooze until.')
			.transform((v, ctx) => {
				const day = new Date(`${v}T00:00:00.000Z`)
				if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== v) {
					ctx.addIssue({ code: 'custom', message: 'That is not a day of the calendar.' })
					return z.NEVER
				}
				const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
				if (day.getTime() <= today) {
					ctx.addIssue({ code: 'custom', message: 'Snooze until a day after today.' })
					return z.NEVER
				}
				if (day.getTime() > today + MAX_SNOOZE_DAYS * DAY_MS) {
					ctx.addIssue({ code: 'custom', message: `Snooze for at most ${MAX_SNOOZE_DAYS} days.` })
					return z.NEVER
				}
				return day
			}),
	})
}

export const AssignTaskSchema = z.object({
	intent: z.literal(ASSIGN_TASK_INTENT),
	taskId,
	assigneeId: z.string().trim().min(1, 'Choose a CSM.').max(40),
})
