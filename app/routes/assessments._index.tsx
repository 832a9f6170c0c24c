import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { listAssessmentsForReader } from '#app/domain/learning/quizzes.server.ts'
import { AudienceBadge } from '#app/components/kb/audience-badge.tsx'
import { getReader } from '#app/utils/auth.server.ts'

export const meta: MetaFunction = () => [{ title: 'Self-assessments · Success Portal' }]

export async function loader({ request }: LoaderFunctionArgs) {
	const { user, reader } = await getReader(request)
	return { assessments: await listAssessmentsForReader(reader, user?.id ?? null), signedIn: Boolean(user) }
}

export default function AssessmentList() {
	const { assessments, signedIn } = useLoaderData<typeof loader>()
	return (
		<div className="space-y-6">
			<header>
				<h1 className="text-2xl font-bold">Self-assessments</h1>
				<p className="mt-2 text-slate-600">
					A few questions to find out where you stand. Your score suggests the training path to start with.
					{signedIn ? null : (
						<>
							{' '}
							<Link to="/login?redirectTo=/assessments">Sign in</Link> to take one.
						</>
					)}
				</p>
			</header>
			{assessments.length === 0 ? <p className="text-slate-500">No self-assessments are available to you yet.</p> : null}
			<ul className="grid gap-4 md:grid-cols-2">
				{assessments.map((assessment) => (
					<li key={assessment.id} className="space-y-2 rounded-lg border border-slate-200 bg-white p-5">
						<Link to={`/assessments/${assessment.id}`} className="text-lg font-semibold">
							{assessment.title}
						</Link>
						<AudienceBadge audience={assessment.audience} />
						{assessment.description ? <p className="text-sm text-slate-600">{assessment.description}</p> : null}
						<p className="text-xs text-slate-500">
							{assessment.questionCount} questions
							{assessment.lastScore !== null ? ` · your last score ${assessment.lastScore}%` : ''}
						</p>
					</li>
				))}
			</ul>
		</div>
	)
}
