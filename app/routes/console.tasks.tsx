import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import {
	ASSIGN_TASK_INTENT,
	AssignTaskSchema,
	COMPLETE_TASK_INTENT,
	CompleteTaskSchema,
	DUE_FILTER_LABELS,
	DUE_FILTERS,
	parseTaskFilters,
	SNOOZE_TASK_INTENT,
	snoozeSchema,
	UNASSIGNED,
} from '#app/domain/playbooks/task-queue.ts'
import { assignTask, completeTask, listTaskQueue, snoozeTask } from '#app/domain/playbooks/tasks.server.ts'
import { listCsms } from '#app/domain/scoring/portfolio.server.ts'
import { TaskCard } from '#app/components/engagement/task-card.tsx'
import { FilterSelect } from '#app/components/console/portfolio-filters.tsx'
import { requireUserWithRole } from '#app/utils/auth.server.ts'
import { plural } from '#app/utils/plural.ts'

export const meta: MetaFunction = () => [{ title: 'Tasks · Console' }]

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUserWithRole(request, 'CSM', 'ADMIN')
	const params = new URL(request.url).searchParams
	const csms = user.role === 'ADMIN' ? await listCsms() : null
	const filters = parseTaskFilters(params, csms?.map((c) => c.id) ?? null)
	const now = new Date()
	const done = params.get('done')
	return {
		tasks: await listTaskQueue(user, filters, now),
		filters,
		csms,
		today: now.toISOString().slice(0, 10),
		scope: user.role === 'ADMIN' ? 'all' : 'mine',
		done: done ? done.slice(0, 200) : null,
	}
}

const IntentSchema = z.object({ intent: z.enum([COMPLETE_TASK_INTENT, SNOOZE_TASK_INTENT, ASSIGN_TASK_INTENT]) })

/** Each intent checks its own form; the domain checks the user may act on the task (404 otherwise). */
export async function action({ request }: ActionFunctionArgs) {
	const user = await requireUserWithRole(request, 'CSM', 'ADMIN')
	const form = Object.fromEntries(await request.formData())
	const intent = IntentSchema.safeParse(form)
	if (!intent.success) return data({ error: 'Unknown action.' }, { status: 400 })
	const parsed =
		intent.data.intent === COMPLETE_TASK_INTENT
			? CompleteTaskSchema.safeParse(form)
			: intent.data.intent === SNOOZE_TASK_INTENT
				? snoozeSchema(new Date()).safeParse(form)
				: AssignTaskSchema.safeParse(form)
	if (!parsed.success) return data({ error: parsed.error.issues[0]?.message ?? 'Check the form.' }, { status: 400 })
	const input = parsed.data
	const result =
		input.intent === COMPLETE_TASK_INTENT
			? await completeTask(user, input.taskId, { outcome: input.outcome, note: input.note })
			: input.intent === SNOOZE_TASK_INTENT
				? await snoozeTask(user, input.taskId, input.until)
				: await assignTask(user, input.taskId, input.assigneeId)
	if (!result.ok) return data({ error: result.error }, { status: result.status })
	const verb = input.intent === COMPLETE_TASK_INTENT ? 'Marked done' : input.intent === SNOOZE_TASK_INTENT ? 'Snoozed' : 'Assigned'
	// Back to the same filtered view, with what happened.
	const back = new URL(request.url).searchParams
	back.set('done', `${verb}: ${result.title}`)
	return redirect(`/console/tasks?${back}`)
}

export default function TasksPage() {
	const { tasks, filters, csms, today, scope, done } = useLoaderData<typeof loader>()
	const failed = useActionData<typeof action>()
	const filtered = filters.due !== null || filters.assignee !== null
	return (
		<div className="space-y-6">
			<div>
				<h1 className="text-2xl font-bold">Tasks</h1>
				<p className="mt-1 text-slate-600">
					{scope === 'all' ? 'Open tasks of every account' : 'Open tasks of your accounts and those assigned to you'}, raised by the skill/will
					playbooks. Soonest due first; a task is due a week after it is raised unless snoozed.
				</p>
			</div>
			<Form method="get" className="flex flex-wrap items-end gap-4 text-sm" aria-label="Filter tasks" data-testid="task-filters">
				<FilterSelect label="Due" name="due" value={filters.due} all="Any time" options={DUE_FILTERS.map((d) => ({ value: d, label: DUE_FILTER_LABELS[d] }))} />
				{csms ? (
					<FilterSelect
						label="CSM"
						name="csm"
						value={filters.assignee}
						all="All CSMs"
						options={[...csms.map((c) => ({ value: c.id, label: c.name })), { value: UNASSIGNED, label: 'Unassigned' }]}
					/>
				) : null}
				<button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white">
					Apply filters
				</button>
				{filtered ? (
					<Link to="/console/tasks" className="py-1.5">
						Clear filters
					</Link>
				) : null}
				<p className="py-1.5 text-slate-600" role="status" data-testid="task-count">
					{plural(tasks.length, 'open task')}
				</p>
			</Form>
			{done ? (
				<p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-800" data-testid="task-done">
					{done}
				</p>
			) : null}
			{failed && 'error' in failed ? (
				<p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800" data-testid="task-error">
					{failed.error}
				</p>
			) : null}
			{tasks.length === 0 ? <p className="text-slate-600">{filtered ? 'No open task matches these filters.' : 'No open tasks.'}</p> : null}
			<div className="space-y-4">
				{tasks.map((task) => (
					<TaskCard key={task.id} task={task} queueActions csms={csms} now={today} />
				))}
			</div>
		</div>
	)
}
