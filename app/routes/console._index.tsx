import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { navItemsFor } from '#app/components/nav-items.ts'
import { countOpenTasks } from '#app/domain/playbooks/tasks.server.ts'
import { requireStaff } from '#app/utils/auth.server.ts'
import { plural } from '#app/utils/plural.ts'

export const meta: MetaFunction = () => [{ title: 'Console · Success Portal' }]

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireStaff(request)
	// Editors have no queue; CSMs count the tasks they may act on, admins all.
	const tasks = user.role === 'CSM' || user.role === 'ADMIN' ? await countOpenTasks(user) : null
	return { name: user.name, role: user.role, tasks }
}

const ROLE_INTRO: Record<string, string> = {
	CSM: 'Your accounts, their skill/will segments, and the tasks playbooks raised for you.',
	EDITOR: 'Write, review and publish articles, lessons and quizzes, and see what content works.',
	ADMIN: 'Users, accounts, tier rules, the service matrix and settings.',
}

export default function ConsoleHome() {
	const { name, role, tasks } = useLoaderData<typeof loader>()
	const sections = navItemsFor({ role }).filter((i) => i.to.startsWith('/console/'))
	return (
		<div>
			<h1 className="text-2xl font-bold">Console</h1>
			<p className="mt-1 text-slate-600" data-testid="console-role">
				{name} · {role}
			</p>
			<p className="mt-4">{ROLE_INTRO[role]}</p>
			{tasks ? (
				<p className="mt-4 rounded-lg border border-slate-200 bg-white p-4" data-testid="open-task-count">
					<Link to="/console/tasks">{plural(tasks.open, 'open task')}</Link>
					{tasks.overdue ? (
						<>
							{' · '}
							<Link to="/console/tasks?due=overdue" className="font-semibold text-red-700">
								{tasks.overdue} overdue
							</Link>
						</>
					) : null}
				</p>
			) : null}
			<ul className="mt-6 grid gap-4 sm:grid-cols-3">
				{sections.map((s) => (
					<li key={s.to} className="rounded-lg border border-slate-200 bg-white p-4">
						<Link to={s.to}>{s.label}</Link>
					</li>
				))}
			</ul>
			<p className="mt-6">
				<Link to="/notifications">Your notifications</Link>: plan responses, contact messages and new tasks.
			</p>
		</div>
	)
}
