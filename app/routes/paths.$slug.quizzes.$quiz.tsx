import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { readerFor } from '#app/domain/accounts-tiers/audience.ts'
import {
	enrol,
	findReadablePath,
	getNextPath,
	isEnrolled,
	isRefusal,
	rememberStep,
	settlePathCompletion,
	stepsFor,
	type StepView,
} from '#app/domain/learning/paths.server.ts'
import { certificateIdFor } from '#app/domain/learning/certificates.server.ts'
import { getQuizView, startAttempt, submitAttempt } from '#app/domain/learning/quiz-attempts.server.ts'
import { quizFollowUp } from '#app/domain/learning/quiz-result-view.ts'
import type { Quiz } from '#app/domain/learning/quiz-schema.ts'
import { findPathQuiz } from '#app/domain/learning/quizzes.server.ts'
import { GatedNotice } from '#app/components/learning/gated-notice.tsx'
import { ProgressBar } from '#app/components/learning/progress-bar.tsx'
import { QuizFollowUpPanel } from '#app/components/learning/quiz-follow-up.tsx'
import { QuizPanel } from '#app/components/learning/quiz-panel.tsx'
import { ENROL_INTENT, START_INTENT, SUBMIT_INTENT } from '#app/components/learning/quiz-questions.tsx'
import { gatedOrThrow, notFound, SLUG_PATTERN } from '#app/components/learning/route-guards.server.ts'
import { StepList } from '#app/components/learning/step-list.tsx'
import { Button } from '#app/components/ui/field.tsx'
import { getReader, requireUser } from '#app/utils/auth.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: data?.kind === 'quiz' ? `${data.title} · ${data.path.title}` : 'Training · Success Portal' },
]

function slugsOf(params: Record<string, string | undefined>) {
	const slug = params.slug ?? ''
	const quiz = params.quiz ?? ''
	if (!SLUG_PATTERN.test(slug) || !SLUG_PATTERN.test(quiz)) throw notFound()
	return { slug, quiz }
}

/**
 * Reads only: never starts an attempt (see docs/decisions/004-quiz-attempts.md), it shows the open
 * one or the last result; the step to resume at is remembered by Start, not by looking.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const { slug, quiz: key } = slugsOf(params)
	const { user, reader } = await getReader(request)
	const path = await findReadablePath(slug, reader)
	if (isRefusal(path)) return data(gatedOrThrow(path, request), { status: 403 })
	const quiz = await findPathQuiz(path, key)
	if (!quiz) throw notFound()
	const enrolled = user ? await isEnrolled(user.id, path.id) : false
	const certificateId = user && enrolled ? await certificateIdFor(user.id, path.id) : null
	const steps = await stepsFor(path, user?.id ?? null, enrolled)
	const view = user && enrolled ? await getQuizView(quiz, user.id, { lessonFor: lessonLinks(quiz.definition, steps) }) : null
	const remaining = steps.filter((step) => !step.done)
	const followUp =
		user && view?.lastResult
			? quizFollowUp({
					passed: view.passed,
					pathHref: `/paths/${path.slug}`,
					certificateId,
					remaining,
					nextPath: view.passed && remaining.length === 0 ? await getNextPath(user.id, reader, path.slug) : null,
				})
			: null
	return {
		kind: 'quiz' as const,
		path: { slug: path.slug, title: path.title },
		key,
		title: quiz.definition.title,
		description: quiz.definition.description ?? null,
		position: quiz.position,
		steps,
		percent: Math.floor((steps.filter((step) => step.done).length * 100) / steps.length),
		signedIn: Boolean(user),
		enrolled,
		view,
		certificateId,
		followUp,
	}
}

/** Each question's lesson (the quiz's `lesson` field), as a link to that step of this path. */
function lessonLinks(definition: Quiz, steps: StepView[]) {
	const lessonOf = new Map(definition.questions.map((question) => [question.id, question.lesson]))
	return (questionId: string) => {
		const step = steps.find((candidate) => candidate.kind === 'lesson' && candidate.ref === lessonOf.get(questionId))
		return step ? { title: step.title, href: step.href } : null
	}
}

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requireUser(request)
	const { slug, quiz: key } = slugsOf(params)
	const path = await findReadablePath(slug, readerFor(user))
	if (isRefusal(path)) throw notFound()
	const quiz = await findPathQuiz(path, key)
	if (!quiz) throw notFound()
	const here = `/paths/${slug}/quizzes/${key}`
	const form = await request.formData()
	const intent = form.get('intent')
	if (intent === ENROL_INTENT) {
		await enrol(user, path)
		return redirect(here)
	}
	if (!(await isEnrolled(user.id, path.id))) return data({ error: 'Enrol in this path before taking its quiz.' }, { status: 400 })
	if (intent === START_INTENT) {
		const started = await startAttempt(user, quiz)
		if (!started.ok) return data({ error: started.error }, { status: started.status })
		await rememberStep(user.id, path.id, quiz.position)
		return redirect(here)
	}
	if (intent === SUBMIT_INTENT) {
		const attemptId = form.get('attemptId')
		if (typeof attemptId !== 'string' || attemptId === '') return data({ error: 'This submission names no attempt.' }, { status: 400 })
		const submitted = await submitAttempt(user, quiz, attemptId, form.entries(), (tx, result) =>
			result.passed ? settlePathCompletion(tx, user, path) : Promise.resolve(null),
		)
		if (!submitted.ok) return data({ error: submitted.error }, { status: submitted.status })
		return redirect(here)
	}
	return data({ error: 'Unknown action.' }, { status: 400 })
}

export default function PathQuizPage() {
	const page = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	if (page.kind === 'gated') return <GatedNotice title={page.title} audience={page.audience} back={{ to: '/paths', label: 'Back to training paths' }} />
	const { path, key, title, description, steps, percent, position, signedIn, enrolled, view, followUp } = page
	const previous = steps[position - 1]
	const next = steps[position + 1]
	return (
		<div className="grid grid-cols-1 gap-10 lg:grid-cols-[minmax(0,1fr)_18rem]">
			<div className="space-y-6">
				<p className="text-sm">
					<Link to="/paths">Training paths</Link> / <Link to={`/paths/${path.slug}`}>{path.title}</Link>
				</p>
				<header>
					<p className="text-sm text-slate-500">
						Step {position + 1} of {steps.length} · Quiz
					</p>
					<h1 className="mt-1 text-3xl font-bold">{title}</h1>
					{description ? <p className="mt-2 text-slate-600">{description}</p> : null}
				</header>
				{view ? (
					<QuizPanel
						view={view}
						error={actionData && 'error' in actionData ? actionData.error : null}
						afterResult={followUp ? <QuizFollowUpPanel followUp={followUp} /> : null}
					/>
				) : signedIn ? (
					<Form method="post" className="space-y-2">
						<p className="text-sm text-slate-600">Enrol in the path to take its quiz.</p>
						<input type="hidden" name="intent" value={ENROL_INTENT} />
						<Button type="submit">Enrol in this path</Button>
					</Form>
				) : (
					<p className="text-sm text-slate-600">
						<Link to={`/login?redirectTo=/paths/${path.slug}/quizzes/${key}`}>Sign in</Link> to take this quiz.
					</p>
				)}
				{!enrolled || !view?.open ? (
					<nav aria-label="Step navigation" className="flex justify-between border-t border-slate-200 pt-4 text-sm">
						{previous ? <Link to={previous.href}>← Previous: {previous.title}</Link> : <span />}
						{next ? <Link to={next.href}>Next: {next.title} →</Link> : <Link to={`/paths/${path.slug}`}>Back to the path</Link>}
					</nav>
				) : null}
			</div>
			<aside className="no-print space-y-4 text-sm">
				{enrolled ? <ProgressBar percent={percent} label="Path progress" /> : null}
				<StepList steps={steps} current={position} />
			</aside>
		</div>
	)
}
