import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { navItemsFor } from '#app/components/nav-items.ts'
import { requireStaff } from '#app/utils/auth.server.ts'

export const meta: MetaFunction = () => [{ title: 'Console · Success Portal' }]

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireStaff(request)
	return { name: user.name, role: user.role }
}

const ROLE_INTRO: Record<string, string> = {
	CSM: 'Your accounts, their skill/will segments, and the tasks playbooks raised for you.',
	EDITOR: 'Write, review and publish articles, lessons and quizzes, and see what content works.',
	ADMIN: 'Users, accounts, tier rules, the service matrix and settings.',
}

export default function ConsoleHome() {
	const { name, role } = useLoaderData<typeof loader>()
	const sections = navItemsFor({ role }).filter((i) => i.to.startsWith('/console/'))
	return (
		<div>
			<h1 className="text-2xl font-bold">Console</h1>
			<p className="mt-1 text-slate-600" data-testid="console-role">
				{name} · {role}
			</p>
			<p className="mt-4">{ROLE_INTRO[role]}</p>
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
