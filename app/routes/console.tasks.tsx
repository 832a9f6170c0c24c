import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { completeTask, listOpenTasks } from '#app/domain/playbooks/tasks.server.ts'
import { COMPLETE_TASK_INTENT, TaskCard } from '#app/components/engagement/task-card.tsx'
import { requireUserWithRole } from '#app/utils/auth.server.ts'

export const meta: MetaFunction = () => [{ title: 'Tasks · Console' }]

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUserWithRole(request, 'CSM', 'ADMIN')
	const done = new URL(request.url).searchParams.get('done')
	return { tasks: await listOpenTasks(user), scope: user.role === 'ADMIN' ? 'all' : 'mine', done: done ? done.slice(0, 200) : null }
}

const CompleteTaskSchema = z.object({
	intent: z.literal(COMPLETE_TASK_INTENT),
	taskId: z.string().min(1).max(40),
})

export async function action({ request }: ActionFunctionArgs) {
	const user = await requireUserWithRole(request, 'CSM', 'ADMIN')
	const parsed = CompleteTaskSchema.safeParse(Object.fromEntries(await request.formData()))
	if (!parsed.success) return data({ error: 'Unknown action.' }, { status: 400 })
	const result = await completeTask(user, parsed.data.taskId)
	if (!result.ok) return data({ error: result.error }, { status: result.status })
	return redirect(`/console/tasks?${new URLSearchParams({ done: result.title })}`)
}

export default function TasksPage() {
	const { tasks, scope, done } = useLoaderData<typeof loader>()
	return (
		<div className="space-y-6">
			<div>
				<h1 className="text-2xl font-bold">Tasks</h1>
				<p className="mt-1 text-slate-600">
					{scope === 'all' ? 'Open tasks of every account' : 'Open tasks of your accounts'}, raised by the skill/will playbooks. Oldest
					first.
				</p>
			</div>
			{done ? (
				<p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-800" data-testid="task-done">
					Marked done: {done}
				</p>
			) : null}
			{tasks.length === 0 ? <p className="text-slate-600">No open tasks.</p> : null}
			<div className="space-y-4">
				{tasks.map((task) => (
					<TaskCard key={task.id} task={task} />
				))}
			</div>
		</div>
	)
}
