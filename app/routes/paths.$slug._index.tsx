import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { readerFor } from '#app/domain/accounts-tiers/audience.ts'
import { enrol, getPathForReader, isRefusal, findReadablePath, stepHref } from '#app/domain/learning/paths.server.ts'
import { AudienceBadge } from '#app/components/kb/audience-badge.tsx'
import { GatedNotice } from '#app/components/learning/gated-notice.tsx'
import { PathFinished } from '#app/components/learning/path-finished.tsx'
import { ProgressBar } from '#app/components/learning/progress-bar.tsx'
import { ENROL_INTENT } from '#app/components/learning/quiz-questions.tsx'
import { gatedOrThrow, notFound, SLUG_PATTERN } from '#app/components/learning/route-guards.server.ts'
import { StepList } from '#app/components/learning/step-list.tsx'
import { Button } from '#app/components/ui/field.tsx'
import { getReader, requireUser } from '#app/utils/auth.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: data?.kind === 'path' ? `${data.path.title} · Training` : 'Training · Success Portal' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
	const slug = params.slug ?? ''
	if (!SLUG_PATTERN.test(slug)) throw notFound()
	const { user, reader } = await getReader(request)
	const result = await getPathForReader(slug, reader, user?.id ?? null)
	if (isRefusal(result)) return data(gatedOrThrow(result, request), { status: 403 })
	return { ...result, signedIn: Boolean(user) }
}

/** The one intent here: enrol, then go to the first step not done yet. */
export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requireUser(request)
	const slug = params.slug ?? ''
	if (!SLUG_PATTERN.test(slug)) throw notFound()
	const path = await findReadablePath(slug, readerFor(user))
	if (isRefusal(path)) throw notFound()
	const form = await request.formData()
	if (form.get('intent') !== ENROL_INTENT) return data({ error: 'Unknown action.' }, { status: 400 })
	await enrol(user, path)
	const overview = await getPathForReader(slug, readerFor(user), user.id)
	const target = !isRefusal(overview) && overview.resume ? overview.resume.href : stepHref(slug, path.steps[0]!)
	return redirect(target)
}

export default function PathPage() {
	const page = useLoaderData<typeof loader>()
	if (page.kind === 'gated') return <GatedNotice title={page.title} audience={page.audience} back={{ to: '/paths', label: 'Back to training paths' }} />
	const { path, steps, enrolled, percent, completed, total, resume, certificateId, nextPath, signedIn } = page
	const finished = enrolled && total > 0 && completed === total
	return (
		<div className="grid grid-cols-1 gap-10 lg:grid-cols-[minmax(0,1fr)_18rem]">
			<div className="space-y-6">
				<p className="text-sm">
					<Link to="/paths">Training paths</Link>
				</p>
				<header>
					<h1 className="text-3xl font-bold">
						{path.title}
						<AudienceBadge audience={path.audience} />
					</h1>
					<p className="mt-2 text-slate-600">{path.summary}</p>
					<p className="mt-2 text-sm text-slate-500">
						{path.level} · {total} steps · about {path.estimatedMinutes} min{path.certificate ? ' · certificate on completion' : ''}
					</p>
				</header>
				{enrolled ? (
					<div className="space-y-3">
						<ProgressBar percent={percent} label={`${completed} of ${total} steps done`} />
						{resume ? (
							<Link to={resume.href} className="inline-block rounded-md bg-brand-600 px-4 py-2 text-sm text-white no-underline">
								{completed === 0 ? 'Start' : 'Continue'}: {resume.title}
							</Link>
						) : null}
						{finished ? <PathFinished certificateId={certificateId} nextPath={nextPath} /> : null}
					</div>
				) : signedIn ? (
					<Form method="post">
						<input type="hidden" name="intent" value={ENROL_INTENT} />
						<Button type="submit">Enrol in this path</Button>
					</Form>
				) : (
					<p className="text-sm text-slate-600">
						<Link to={`/login?redirectTo=/paths/${path.slug}`}>Sign in</Link> to enrol, track your progress and earn the certificate.
					</p>
				)}
				<section aria-labelledby="steps-heading">
					<h2 id="steps-heading" className="mb-3 text-lg font-semibold">
						Steps
					</h2>
					<StepList steps={steps} />
				</section>
			</div>
			<aside className="text-sm">
				<h2 className="font-semibold">Skills</h2>
				<ul className="mt-2 flex flex-wrap gap-1">
					{path.skillTags.map((tag) => (
						<li key={tag} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs">
							{tag}
						</li>
					))}
				</ul>
			</aside>
		</div>
	)
}
