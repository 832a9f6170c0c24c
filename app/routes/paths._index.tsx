import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { listPathsForReader } from '#app/domain/learning/paths.server.ts'
import { AudienceBadge } from '#app/components/kb/audience-badge.tsx'
import { ProgressBar } from '#app/components/learning/progress-bar.tsx'
import { getReader } from '#app/utils/auth.server.ts'

export const meta: MetaFunction = () => [{ title: 'Training paths · Success Portal' }]

export async function loader({ request }: LoaderFunctionArgs) {
	const { user, reader } = await getReader(request)
	return { paths: await listPathsForReader(reader, user?.id ?? null), signedIn: Boolean(user) }
}

export default function PathCatalogue() {
	const { paths, signedIn } = useLoaderData<typeof loader>()
	return (
		<div className="space-y-6">
			<header>
				<h1 className="text-2xl font-bold">Training paths</h1>
				<p className="mt-2 text-slate-600">
					Short lessons with a check at the end. Finish a path to earn its certificate.{' '}
					{signedIn ? <Link to="/certificates">Your certificates</Link> : <Link to="/login?redirectTo=/paths">Sign in to see every path your plan includes.</Link>}
				</p>
			</header>
			{paths.length === 0 ? <p className="text-slate-500">No training paths are available to you yet.</p> : null}
			<ul className="grid gap-4 md:grid-cols-2" data-testid="path-catalogue">
				{paths.map((path) => (
					<li key={path.slug} className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
						<div>
							<Link to={`/paths/${path.slug}`} className="text-lg font-semibold">
								{path.title}
							</Link>
							<AudienceBadge audience={path.audience} />
						</div>
						<p className="text-sm text-slate-600">{path.summary}</p>
						<p className="text-xs text-slate-500">
							{capitalise(path.level)} · {path.stepCount} steps · about {path.estimatedMinutes} min
							{path.certificate ? ' · certificate' : ''}
						</p>
						{path.enrolled ? (
							<ProgressBar percent={path.percent} label={path.completed ? 'Completed' : 'Your progress'} />
						) : null}
					</li>
				))}
			</ul>
		</div>
	)
}

function capitalise(text: string) {
	return text.charAt(0).toUpperCase() + text.slice(1)
}
