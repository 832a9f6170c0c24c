import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { readerFor } from '#app/domain/accounts-tiers/audience.ts'
import { getQuizView, startAttempt, submitAttempt } from '#app/domain/learning/quiz-attempts.server.ts'
import { findAssessment, recommendationFor } from '#app/domain/learning/quizzes.server.ts'
import { QuizPanel } from '#app/components/learning/quiz-panel.tsx'
import { START_INTENT, SUBMIT_INTENT } from '#app/components/learning/quiz-questions.tsx'
import { notFound, signInRedirect, SLUG_PATTERN } from '#app/components/learning/route-guards.server.ts'
import { getReader, requireUser } from '#app/utils/auth.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: data ? `${data.title} · Self-assessment` : 'Self-assessment · Success Portal' },
]

function idOf(params: Record<string, string | undefined>) {
	const id = params.id ?? ''
	if (!SLUG_PATTERN.test(id)) throw notFound()
	return id
}

/** Gated and staff assessments answer 404: an assessment is not worth a teaser. */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const id = idOf(params)
	const { user, reader } = await getReader(request)
	const found = await findAssessment(id, reader)
	if (found.kind === 'not-found' || found.kind === 'gated') throw notFound()
	if (found.kind === 'sign-in') throw signInRedirect(request)
	const { assessment, ref } = found
	// A self-assessment places the reader and grants nothing: its answers teach, so they show after any submission.
	const view = user ? await getQuizView(ref, user.id, { reveal: 'after-submission' }) : null
	const recommendation = view?.lastResult ? await recommendationFor(assessment, view.lastResult.score, reader) : null
	return {
		id,
		title: assessment.title,
		description: assessment.description ?? null,
		questionCount: assessment.drawCount ?? assessment.questions.length,
		view,
		recommendation,
	}
}

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requireUser(request)
	const id = idOf(params)
	const found = await findAssessment(id, readerFor(user))
	if (found.kind !== 'assessment') throw notFound()
	const form = await request.formData()
	const intent = form.get('intent')
	if (intent === START_INTENT) {
		const started = await startAttempt(user, found.ref)
		if (!started.ok) return data({ error: started.error }, { status: started.status })
		return redirect(`/assessments/${id}`)
	}
	if (intent === SUBMIT_INTENT) {
		const attemptId = form.get('attemptId')
		if (typeof attemptId !== 'string' || attemptId === '') return data({ error: 'This submission names no attempt.' }, { status: 400 })
		const submitted = await submitAttempt(user, found.ref, attemptId, form.entries())
		if (!submitted.ok) return data({ error: submitted.error }, { status: submitted.status })
		return redirect(`/assessments/${id}`)
	}
	return data({ error: 'Unknown action.' }, { status: 400 })
}

export default function AssessmentPage() {
	const { id, title, description, questionCount, view, recommendation } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	return (
		<div className="max-w-3xl space-y-6">
			<p className="text-sm">
				<Link to="/assessments">Self-assessments</Link>
			</p>
			<header>
				<h1 className="text-3xl font-bold">{title}</h1>
				{description ? <p className="mt-2 text-slate-600">{description}</p> : null}
			</header>
			{view ? (
				<QuizPanel
					view={view}
					showPass={false}
					error={actionData && 'error' in actionData ? actionData.error : null}
					afterResult={
						recommendation ? (
							<section aria-labelledby="recommendation-heading" className="rounded-lg border border-brand-100 bg-brand-50 p-4" data-testid="recommendation">
								<h2 id="recommendation-heading" className="font-semibold">
									Where to start
								</h2>
								<p className="mt-1">{recommendation.message}</p>
								{recommendation.path ? (
									<p className="mt-2">
										<Link to={`/paths/${recommendation.path.slug}`}>Open the path: {recommendation.path.title}</Link>
									</p>
								) : null}
							</section>
						) : null
					}
				/>
			) : (
				<p className="text-slate-600">
					{questionCount} questions. <Link to={`/login?redirectTo=/assessments/${id}`}>Sign in</Link> to take this self-assessment and get a
					recommendation.
				</p>
			)}
		</div>
	)
}
