import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { isAudience, type Audience } from '#app/domain/accounts-tiers/audience.ts'
import { formValuesFromSource } from '#app/domain/content/article-source.ts'
import { approveArticle, archiveArticle, getArticleForEditing, previewFor, submitForReview } from '#app/domain/content/publishing.server.ts'
import { approvalVerdict, ArchiveSchema, bodyLineOf, INTENTS, ScheduleSchema, WORKFLOW_STATE_LABELS } from '#app/domain/content/publishing.ts'
import { publicChecksInCode } from '#app/domain/learning/checks.server.ts'
import { ArticleEditor, RevisionProblems } from '#app/components/console/article-editor.tsx'
import { KnowledgeCheckContext } from '#app/components/mdx/knowledge-check.tsx'
import { MdxContent } from '#app/components/mdx/mdx-content.tsx'
import { Button } from '#app/components/ui/field.tsx'
import { requireContentTeam, runWorkflowStep, saveFromForm, slugOf } from './console-content.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.defaults.title || 'Article'} · Content · Console` }]


/** Preview switch: the reader levels, as the content team names them. */
const PREVIEW_AS: Array<{ level: Audience; label: string }> = [
	{ level: 'public', label: 'Signed out' },
	{ level: 'customers', label: 'Tier 3' },
	{ level: 'tier2', label: 'Tier 2' },
	{ level: 'tier1', label: 'Tier 1' },
	{ level: 'staff', label: 'Staff' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requireContentTeam(request)
	const slug = slugOf(params)
	const editing = await getArticleForEditing(slug)
	if (!editing) throw new Response('Not found', { status: 404 })
	const url = new URL(request.url)
	const as = url.searchParams.get('as')
	const level: Audience = isAudience(as) ? as : 'customers'
	// Stored compiled output only: the preview never compiles.
	const preview = await previewFor(editing.head.variants, level)
	const checks = preview.kind === 'body' ? await publicChecksInCode(preview.code) : {}
	const verdict = approvalVerdict({ reviewerId: user.id, changeAuthorIds: editing.changeAuthorIds, selfPublishAllowed: editing.selfPublishAllowed })
	return {
		article: editing.article,
		head: { number: editing.head.number, origin: editing.head.origin, createdAt: editing.head.createdAt, author: editing.head.author },
		problems: editing.head.problems.map((p) => ({ line: bodyLineOf(p.line, editing.head.bodyStartLine), reason: p.reason })),
		defaults: formValuesFromSource(editing.head.source),
		preview: { level, ...preview },
		checks,
		canApprove: verdict.ok ? null : verdict.reason,
		saved: url.searchParams.get('saved'),
	}
}

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requireContentTeam(request)
	const slug = slugOf(params)
	const formData = await request.formData()
	const intent = formData.get('intent')
	const revision = Number(formData.get('revision'))
	const back = (note: string) => redirect(`/console/content/${slug}?saved=${note}`)
	switch (intent) {
		case INTENTS.save: {
			const saved = await saveFromForm(formData, slug, user.id)
			if (saved.kind === 'reply') return saved.response
			return back(`revision-${saved.revision}`)
		}
		case INTENTS.submit:
			return (await runWorkflowStep(() => submitForReview({ slug, revision }))) ?? back('submitted')
		case INTENTS.publish:
			return (await runWorkflowStep(() => approveArticle({ slug, revision, reviewerId: user.id }))) ?? back('published')
		case INTENTS.schedule: {
			const submission = parseWithZod(formData, { schema: ScheduleSchema })
			if (submission.status !== 'success') return data({ lastResult: null, conflict: null, workflowError: Object.values(submission.error ?? {}).flat().join(' ') || 'Choose a date and time' }, { status: 400 })
			const { publishAt, revision: approved } = submission.value
			if (publishAt.getTime() <= Date.now()) return data({ lastResult: null, conflict: null, workflowError: 'Choose a time in the future, or publish now.' }, { status: 400 })
			return (await runWorkflowStep(() => approveArticle({ slug, revision: approved, reviewerId: user.id, publishAt }))) ?? back('scheduled')
		}
		case INTENTS.archive: {
			const submission = parseWithZod(formData, { schema: ArchiveSchema })
			if (submission.status !== 'success') return data({ lastResult: null, conflict: null, workflowError: Object.values(submission.error ?? {}).flat().join(' ') }, { status: 400 })
			return (await runWorkflowStep(() => archiveArticle({ slug, replacementSlug: submission.value.replacement }))) ?? back('archived')
		}
		default:
			return data({ lastResult: null, conflict: null, workflowError: 'Unknown action.' }, { status: 400 })
	}
}

const SAVED_NOTES: Record<string, string> = {
	submitted: 'Submitted for review.',
	published: 'Published: readers and search have it now.',
	scheduled: 'Scheduled.',
	archived: 'Archived: gone from search; its URL answers 410.',
}

export default function EditArticlePage() {
	const page = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const busy = useNavigation().state !== 'idle'
	const { article, head } = page
	const conflict = actionData?.conflict ?? null
	// After a conflict the editor keeps their text and now builds on the newest revision: saving again is a deliberate choice.
	const baseRevision = conflict ? conflict.number : head.number
	const savedNote = page.saved ? (SAVED_NOTES[page.saved] ?? (page.saved.startsWith('revision-') ? `Saved as revision ${page.saved.slice(9)}.` : null)) : null
	return (
		<div className="space-y-6">
			<header className="space-y-1">
				<p className="text-sm">
					<Link to="/console/content">Content</Link> / {article.slug}
				</p>
				<h1 className="text-2xl font-bold">{page.defaults.title || article.slug}</h1>
				<p className="text-sm text-slate-600" data-testid="article-state">
					<span className="rounded-full bg-slate-100 px-2 py-0.5 font-medium">{WORKFLOW_STATE_LABELS[article.state]}</span> · revision {head.number} by{' '}
					{head.author ?? (head.origin === 'sync' ? 'content/ sync' : 'someone')} ({head.origin}) on {new Date(head.createdAt).toISOString().slice(0, 16).replace('T', ' ')} UTC
					{article.publishedRevision ? ` · readers have revision ${article.publishedRevision}` : ' · never published'}
					{article.scheduledFor ? ` · goes live ${new Date(article.scheduledFor).toISOString().slice(0, 16).replace('T', ' ')} UTC` : ''} ·{' '}
					<Link to={`/console/content/${article.slug}/revisions`}>Revisions</Link>
					{article.status === 'published' ? (
						<>
							{' '}
							· <Link to={`/kb/${article.slug}`}>View live</Link>
						</>
					) : null}
				</p>
			</header>
			{savedNote && !actionData ? (
				<p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-900" data-testid="saved-note">
					{savedNote}
				</p>
			) : null}
			{conflict ? (
				<div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900" data-testid="save-conflict">
					<p className="font-semibold">Not saved: revision {conflict.number} was saved while you were editing</p>
					<p className="mt-1">
						{conflict.authorName ?? 'Someone'} ({conflict.origin}) saved it on {new Date(conflict.createdAt).toISOString().slice(0, 16).replace('T', ' ')} UTC. Your text is still in the editor
						below. <Link to={`/console/content/${article.slug}/revisions?from=${head.number}&to=${conflict.number}`}>See what changed</Link>, then save again to make
						your text revision {conflict.number + 1} (theirs stays in the history).
					</p>
				</div>
			) : null}
			{actionData?.workflowError ? (
				<p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-900" data-testid="workflow-error">
					{actionData.workflowError}
				</p>
			) : null}
			<RevisionProblems problems={page.problems} />
			<div className="grid gap-6 xl:grid-cols-2">
				<ArticleEditor key={baseRevision} defaults={page.defaults} baseRevision={baseRevision} lastResult={actionData?.lastResult} slugLocked busy={busy} />
				<div className="space-y-6">
					<Preview />
					<WorkflowPanel />
				</div>
			</div>
		</div>
	)
}

function Preview() {
	const page = useLoaderData<typeof loader>()
	const { preview } = page
	return (
		<section aria-labelledby="preview-heading" className="rounded-lg border border-slate-200 bg-white p-6">
			<h2 id="preview-heading" className="text-lg font-semibold">
				Preview of revision {page.head.number}
			</h2>
			<nav aria-label="Preview as" className="mt-2 flex flex-wrap gap-2 text-sm">
				{PREVIEW_AS.map(({ level, label }) => (
					<Link
						key={level}
						to={`?as=${level}`}
						preventScrollReset
						aria-current={preview.level === level ? 'true' : undefined}
						className={`rounded-full px-3 py-1 no-underline ${preview.level === level ? 'bg-brand-600 text-white' : 'bg-slate-100 text-slate-800'}`}
					>
						{label}
					</Link>
				))}
			</nav>
			<div className="mt-4" data-testid="preview">
				{preview.kind === 'body' ? (
					<KnowledgeCheckContext.Provider value={{ questions: page.checks, action: '/api/checks' }}>
						<MdxContent code={preview.code} />
					</KnowledgeCheckContext.Provider>
				) : preview.kind === 'hidden' ? (
					<p className="text-slate-600">This reader cannot open the article: its audience is above them.</p>
				) : (
					<p className="text-slate-600">No preview: fix the problems listed above and save.</p>
				)}
			</div>
		</section>
	)
}

function WorkflowPanel() {
	const { article, head, problems, canApprove } = useLoaderData<typeof loader>()
	const busy = useNavigation().state !== 'idle'
	const revision = <input type="hidden" name="revision" value={head.number} />
	return (
		<section aria-labelledby="workflow-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
			<h2 id="workflow-heading" className="text-lg font-semibold">
				Review and publish
			</h2>
			{article.state === 'draft' ? (
				<Form method="post">
					{revision}
					<Button type="submit" name="intent" value={INTENTS.submit} disabled={busy || problems.length > 0}>
						Submit for review
					</Button>
					{problems.length ? <p className="mt-1 text-xs text-slate-500">Fix the problems first.</p> : null}
				</Form>
			) : null}
			{article.state === 'in_review' ? (
				canApprove ? (
					<p className="text-sm text-slate-600" data-testid="cannot-approve">
						{canApprove}
					</p>
				) : (
					<div className="space-y-3">
						<Form method="post">
							{revision}
							<Button type="submit" name="intent" value={INTENTS.publish} disabled={busy}>
								Approve and publish now
							</Button>
						</Form>
						<Form method="post" className="flex flex-wrap items-end gap-2">
							{revision}
							<div>
								<label htmlFor="publishAt" className="block text-sm font-medium text-slate-700">
									Or publish at (UTC)
								</label>
								<input id="publishAt" name="publishAt" type="datetime-local" required className="rounded-md border border-slate-300 px-3 py-2 text-sm" />
							</div>
							<Button type="submit" name="intent" value={INTENTS.schedule} variant="secondary" disabled={busy}>
								Approve and schedule
							</Button>
						</Form>
					</div>
				)
			) : null}
			{article.state === 'scheduled' ? <p className="text-sm text-slate-600">Approved and scheduled. Saving a new revision cancels the schedule.</p> : null}
			{article.status === 'published' ? (
				<Form method="post" className="flex flex-wrap items-end gap-2 border-t border-slate-100 pt-4">
					<div>
						<label htmlFor="replacement" className="block text-sm font-medium text-slate-700">
							Replacement article (slug, optional)
						</label>
						<input id="replacement" name="replacement" type="text" className="rounded-md border border-slate-300 px-3 py-2 text-sm" />
					</div>
					<Button type="submit" name="intent" value={INTENTS.archive} variant="danger" disabled={busy}>
						Archive
					</Button>
				</Form>
			) : null}
			{article.status === 'archived' ? (
				<p className="text-sm text-slate-600">
					Archived{article.replacementSlug ? `; readers are sent to /kb/${article.replacementSlug}` : ''}. Its URL answers 410 Gone.
				</p>
			) : null}
		</section>
	)
}
