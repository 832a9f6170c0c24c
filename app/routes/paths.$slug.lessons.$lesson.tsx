import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { readerFor } from '#app/domain/accounts-tiers/audience.ts'
import { completeLesson, enrol, getLessonForReader, isRefusal, findReadablePath } from '#app/domain/learning/paths.server.ts'
import { GatedNotice } from '#app/components/learning/gated-notice.tsx'
import { ProgressBar } from '#app/components/learning/progress-bar.tsx'
import { ENROL_INTENT } from '#app/components/learning/quiz-questions.tsx'
import { gatedOrThrow, notFound, SLUG_PATTERN } from '#app/components/learning/route-guards.server.ts'
import { StepList } from '#app/components/learning/step-list.tsx'
import { KnowledgeCheckContext } from '#app/components/mdx/knowledge-check.tsx'
import { MdxContent } from '#app/components/mdx/mdx-content.tsx'
import { Button } from '#app/components/ui/field.tsx'
import { getReader, requireUser } from '#app/utils/auth.server.ts'

const COMPLETE_INTENT = 'complete'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: data?.kind === 'lesson' ? `${data.lesson.title} · ${data.path.title}` : 'Training · Success Portal' },
]

function slugsOf(params: Record<string, string | undefined>) {
	const slug = params.slug ?? ''
	const lesson = params.lesson ?? ''
	if (!SLUG_PATTERN.test(slug) || !SLUG_PATTERN.test(lesson)) throw notFound()
	return { slug, lesson }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { slug, lesson } = slugsOf(params)
	const { user, reader } = await getReader(request)
	const result = await getLessonForReader(slug, lesson, reader, user?.id ?? null)
	if (isRefusal(result)) return data(gatedOrThrow(result, request), { status: 403 })
	return { ...result, signedIn: Boolean(user) }
}

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requireUser(request)
	const { slug, lesson } = slugsOf(params)
	const path = await findReadablePath(slug, readerFor(user))
	if (isRefusal(path)) throw notFound()
	const intent = (await request.formData()).get('intent')
	if (intent === ENROL_INTENT) {
		await enrol(user, path)
		return redirect(`/paths/${slug}/lessons/${lesson}`)
	}
	if (intent !== COMPLETE_INTENT) return data({ error: 'Unknown action.' }, { status: 400 })
	const result = await completeLesson(user, path, lesson)
	if (!result.ok) return data({ error: result.error }, { status: 400 })
	if (result.certificateId) return redirect(`/certificates/${result.certificateId}`)
	return redirect(result.next?.href ?? `/paths/${slug}`)
}

export default function LessonPage() {
	const page = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	if (page.kind === 'gated') return <GatedNotice title={page.title} audience={page.audience} back={{ to: '/paths', label: 'Back to training paths' }} />
	const { path, lesson, steps, position, previous, next, code, checks, enrolled, done, percent, signedIn } = page
	return (
		<div className="grid grid-cols-1 gap-10 lg:grid-cols-[minmax(0,1fr)_18rem]">
			<article className="min-w-0">
				<p className="text-sm">
					<Link to="/paths">Training paths</Link> / <Link to={`/paths/${path.slug}`}>{path.title}</Link>
				</p>
				<p className="mt-4 text-sm text-slate-500">
					Step {position + 1} of {steps.length} · {lesson.estimatedMinutes} min
				</p>
				<h1 className="mt-1 text-3xl font-bold">{lesson.title}</h1>
				<p className="mt-2 text-slate-600">{lesson.summary}</p>
				<div className="mt-6" data-testid="lesson-body">
					<KnowledgeCheckContext.Provider value={{ questions: checks, action: '/api/checks' }}>
						<MdxContent code={code} />
					</KnowledgeCheckContext.Provider>
				</div>
				<div className="no-print mt-10 space-y-4 border-t border-slate-200 pt-6">
					{actionData && 'error' in actionData ? (
						<p role="alert" className="text-sm text-red-700">
							{actionData.error}
						</p>
					) : null}
					{enrolled ? (
						done ? (
							<p className="text-sm text-emerald-800" data-testid="lesson-done">
								You completed this lesson.
							</p>
						) : (
							<Form method="post">
								<input type="hidden" name="intent" value={COMPLETE_INTENT} />
								<Button type="submit">Mark complete and continue</Button>
							</Form>
						)
					) : signedIn ? (
						<Form method="post">
							<input type="hidden" name="intent" value={ENROL_INTENT} />
							<Button type="submit">Enrol to track your progress</Button>
						</Form>
					) : (
						<p className="text-sm text-slate-600">
							<Link to={`/login?redirectTo=/paths/${path.slug}/lessons/${lesson.slug}`}>Sign in</Link> to track your progress.
						</p>
					)}
					<nav aria-label="Lesson navigation" className="flex justify-between text-sm">
						{previous ? <Link to={previous.href}>← Previous: {previous.title}</Link> : <span />}
						{next ? <Link to={next.href}>Next: {next.title} →</Link> : <Link to={`/paths/${path.slug}`}>Back to the path</Link>}
					</nav>
				</div>
			</article>
			<aside className="no-print space-y-4 text-sm">
				{enrolled ? <ProgressBar percent={percent} label="Path progress" /> : null}
				<StepList steps={steps} current={position} />
			</aside>
		</div>
	)
}
