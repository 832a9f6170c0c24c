import { Form, Link } from '@remix-run/react'
import { useId } from 'react'
import { tierLabel } from '#app/domain/accounts-tiers/tier-rules.ts'
import {
	ASSIGN_TASK_INTENT,
	COMPLETE_TASK_INTENT,
	MAX_OUTCOME_NOTE,
	SNOOZE_TASK_INTENT,
	TASK_OUTCOME_LABELS,
	TASK_OUTCOMES,
	type TaskOutcome,
} from '#app/domain/playbooks/task-queue.ts'

export { COMPLETE_TASK_INTENT }

export type TaskCardData = {
	id: string
	kind: string
	title: string
	evidence: string[]
	status: string
	createdAt: string | Date
	dueAt: string | Date
	snoozedUntil: string | Date | null
	outcome: string | null
	outcomeNote: string | null
	account: { id: string; name: string; tier: number }
	assignee: { id: string; name: string } | null
	completedBy: { name: string } | null
}

const KIND_LABELS: Record<string, string> = {
	ROOT_CAUSE_CHECKIN: 'Root-cause check-in',
	EXIT_REVIEW: 'Exit review',
	PROACTIVE_CALL: 'Proactive call',
}

const day = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' })
const field = 'mt-1 block rounded border border-slate-300 bg-white px-2 py-1 text-sm'
const button = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50'

function outcomeLabel(outcome: string | null): string | null {
	return outcome && outcome in TASK_OUTCOME_LABELS ? TASK_OUTCOME_LABELS[outcome as TaskOutcome] : null
}

/**
 * A playbook task with its evidence. While open: complete with an outcome, and in the queue also
 * snooze and (admins) assign. `csms` is the assign list; null hides it.
 */
export function TaskCard({
	task,
	showAccount = true,
	queueActions = false,
	csms = null,
	now,
}: {
	task: TaskCardData
	showAccount?: boolean
	queueActions?: boolean
	csms?: Array<{ id: string; name: string }> | null
	/** Today as the server saw it (YYYY-MM-DD), for the snooze field's minimum. */
	now?: string
}) {
	const id = useId()
	const open = task.status === 'OPEN'
	const due = new Date(task.dueAt)
	const snoozed = task.snoozedUntil !== null && open
	const overdue = open && now !== undefined && due.toISOString().slice(0, 10) < now
	return (
		<article className="rounded-lg border border-slate-200 bg-white p-5" data-testid="task" data-kind={task.kind} data-status={task.status}>
			<div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
				<span className="text-xs font-medium uppercase tracking-wide text-slate-500">{KIND_LABELS[task.kind] ?? task.kind}</span>
				<h2 className="mr-auto text-base font-semibold">{task.title}</h2>
				<span className="text-xs text-slate-600">
					Raised {day.format(new Date(task.createdAt))}
					{task.assignee ? ` · ${task.assignee.name}` : ' · unassigned'}
					{open ? (
						<span className={overdue ? 'font-semibold text-red-700' : undefined} data-testid="task-due">
							{' · '}
							{snoozed ? 'snoozed until' : overdue ? 'overdue since' : 'due'} {day.format(due)}
						</span>
					) : null}
				</span>
			</div>
			{showAccount ? (
				<p className="mt-1 text-sm">
					<Link to={`/console/accounts/${task.account.id}`}>{task.account.name}</Link> · {tierLabel(task.account.tier)}
				</p>
			) : null}
			{task.evidence.length ? (
				<ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-slate-700" aria-label="Evidence" data-testid="task-evidence">
					{task.evidence.map((line, i) => (
						<li key={i}>{line}</li>
					))}
				</ul>
			) : null}
			{open ? (
				<div className="mt-4 flex flex-wrap items-end gap-x-6 gap-y-3 text-sm">
					<Form method="post" className="flex flex-wrap items-end gap-2" aria-label={`Complete: ${task.title}`}>
						<input type="hidden" name="taskId" value={task.id} />
						<label htmlFor={`${id}-outcome`} className="block">
							Outcome
							<select id={`${id}-outcome`} name="outcome" required defaultValue="" className={field}>
								<option value="" disabled>
									Choose…
								</option>
								{TASK_OUTCOMES.map((o) => (
									<option key={o} value={o}>
										{TASK_OUTCOME_LABELS[o]}
									</option>
								))}
							</select>
						</label>
						<label htmlFor={`${id}-note`} className="block">
							Note <span className="text-slate-600">(optional)</span>
							<input id={`${id}-note`} name="note" maxLength={MAX_OUTCOME_NOTE} className={`${field} w-56`} />
						</label>
						<button type="submit" name="intent" value={COMPLETE_TASK_INTENT} className={button}>
							Mark done
						</button>
					</Form>
					{queueActions ? (
						<Form method="post" className="flex items-end gap-2" aria-label={`Snooze: ${task.title}`}>
							<input type="hidden" name="taskId" value={task.id} />
							<label htmlFor={`${id}-until`} className="block">
								Snooze until
								<input id={`${id}-until`} type="date" name="until" required min={now} className={field} />
							</label>
							<button type="submit" name="intent" value={SNOOZE_TASK_INTENT} className={button}>
								Snooze
							</button>
						</Form>
					) : null}
					{queueActions && csms ? (
						<Form method="post" className="flex items-end gap-2" aria-label={`Assign: ${task.title}`}>
							<input type="hidden" name="taskId" value={task.id} />
							<label htmlFor={`${id}-assignee`} className="block">
								Assign to
								<select id={`${id}-assignee`} name="assigneeId" required defaultValue={task.assignee?.id ?? ''} className={field}>
									<option value="" disabled>
										Choose a CSM…
									</option>
									{csms.map((c) => (
										<option key={c.id} value={c.id}>
											{c.name}
										</option>
									))}
								</select>
							</label>
							<button type="submit" name="intent" value={ASSIGN_TASK_INTENT} className={button}>
								Assign
							</button>
						</Form>
					) : null}
				</div>
			) : (
				<p className="mt-3 text-sm text-green-800" data-testid="task-outcome">
					Done{outcomeLabel(task.outcome) ? `: ${outcomeLabel(task.outcome)}` : ''}
					{task.completedBy ? ` · by ${task.completedBy.name}` : ''}
					{task.outcomeNote ? <span className="block text-slate-700">{task.outcomeNote}</span> : null}
				</p>
			)}
		</article>
	)
}
