import { Form, Link } from '@remix-run/react'
import { tierLabel } from '#app/domain/accounts-tiers/tier-rules.ts'

export const COMPLETE_TASK_INTENT = 'complete-task'

export type TaskCardData = {
	id: string
	kind: string
	title: string
	evidence: string[]
	status: string
	createdAt: string | Date
	account: { id: string; name: string; tier: number }
	assignee: { name: string } | null
}

const KIND_LABELS: Record<string, string> = {
	ROOT_CAUSE_CHECKIN: 'Root-cause check-in',
	EXIT_REVIEW: 'Exit review',
	PROACTIVE_CALL: 'Proactive call',
}

const day = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' })

/** A playbook task with its evidence and, while open, a "done" button posting the complete intent. */
export function TaskCard({ task, showAccount = true }: { task: TaskCardData; showAccount?: boolean }) {
	const open = task.status === 'OPEN'
	return (
		<article className="rounded-lg border border-slate-200 bg-white p-5" data-testid="task" data-kind={task.kind} data-status={task.status}>
			<div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
				<span className="text-xs font-medium uppercase tracking-wide text-slate-500">{KIND_LABELS[task.kind] ?? task.kind}</span>
				<h2 className="mr-auto text-base font-semibold">{task.title}</h2>
				<span className="text-xs text-slate-500">
					Raised {day.format(new Date(task.createdAt))}
					{task.assignee ? ` · ${task.assignee.name}` : ' · unassigned'}
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
				<Form method="post" className="mt-4">
					<input type="hidden" name="taskId" value={task.id} />
					<button
						type="submit"
						name="intent"
						value={COMPLETE_TASK_INTENT}
						className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
					>
						Mark done
					</button>
				</Form>
			) : (
				<p className="mt-3 text-sm text-green-700">Done</p>
			)}
		</article>
	)
}
