import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { diffArticleRevisions, listRevisions, restoreRevision } from '#app/domain/content/publishing.server.ts'
import { INTENTS } from '#app/domain/content/publishing.ts'
import { Button } from '#app/components/ui/field.tsx'
import { requireContentTeam, runWorkflowStep, slugOf } from './console-content.server.ts'

export const meta: MetaFunction = () => [{ title: 'Revisions · Content · Console' }]

const RevisionNumber = z.coerce.number().int().min(1)

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireContentTeam(request)
	const slug = slugOf(params)
	const listed = await listRevisions(slug)
	if (!listed) throw new Response('Not found', { status: 404 })
	const url = new URL(request.url)
	const newest = listed.revisions[0]?.number ?? 1
	const from = RevisionNumber.safeParse(url.searchParams.get('from'))
	const to = RevisionNumber.safeParse(url.searchParams.get('to'))
	const pair = { from: from.success ? from.data : Math.max(1, newest - 1), to: to.success ? to.data : newest }
	const diff = pair.from === pair.to ? null : await diffArticleRevisions(slug, pair.from, pair.to)
	return { ...listed, pair, diff }
}

const RestoreSchema = z.object({ number: RevisionNumber, baseRevision: z.coerce.number().int().min(0) })

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requireContentTeam(request)
	const slug = slugOf(params)
	const form = await request.formData()
	if (form.get('intent') !== INTENTS.restore) return data({ error: 'Unknown action.' }, { status: 400 })
	const parsed = RestoreSchema.safeParse(Object.fromEntries(form))
	if (!parsed.success) return data({ error: 'Choose a revision to restore.' }, { status: 400 })
	let result: Awaited<ReturnType<typeof restoreRevision>> | undefined
	const refused = await runWorkflowStep(async () => {
		result = await restoreRevision({ slug, number: parsed.data.number, baseRevision: parsed.data.baseRevision, authorId: user.id })
	})
	if (refused) return refused
	if (result?.kind === 'conflict') return data({ error: `Not restored: revision ${result.head.number} was saved meanwhile. Look at it first, then restore again.` }, { status: 409 })
	if (result?.kind !== 'saved') return data({ error: 'Not restored.' }, { status: 400 })
	return redirect(`/console/content/${slug}?saved=revision-${result.revision}`)
}

export default function RevisionsPage() {
	const { article, revisions, pair, diff } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const busy = useNavigation().state !== 'idle'
	const newest = revisions[0]?.number ?? 0
	const error = actionData && 'error' in actionData ? actionData.error : actionData && 'workflowError' in actionData ? actionData.workflowError : null
	return (
		<div className="space-y-6">
			<header>
				<p className="text-sm">
					<Link to="/console/content">Content</Link> / <Link to={`/console/content/${article.slug}`}>{article.slug}</Link> / Revisions
				</p>
				<h1 className="mt-1 text-2xl font-bold">Revisions</h1>
			</header>
			{error ? (
				<p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-900">
					{error}
				</p>
			) : null}
			<Form method="get" className="flex flex-wrap items-end gap-2 text-sm">
				<RevisionSelect name="from" label="Compare" numbers={revisions.map((r) => r.number)} defaultValue={pair.from} />
				<RevisionSelect name="to" label="with" numbers={revisions.map((r) => r.number)} defaultValue={pair.to} />
				<Button type="submit" variant="secondary">
					Show changes
				</Button>
			</Form>
			{diff ? (
				<section aria-label={`Changes from revision ${diff.from} to ${diff.to}`} className="rounded-lg border border-slate-200 bg-white" data-testid="revision-diff">
					<p className="border-b border-slate-100 p-3 text-sm text-slate-600">
						Revision {diff.from} → {diff.to}: {diff.added} line(s) added, {diff.removed} removed
					</p>
					<pre className="overflow-x-auto p-3 text-sm leading-6">
						{diff.lines.map((line, i) =>
							line.kind === 'skipped' ? (
								<div key={i} className="text-slate-400">
									⋯ {line.count} unchanged line(s)
								</div>
							) : (
								<div key={i} className={line.kind === 'added' ? 'bg-green-50 text-green-900' : line.kind === 'removed' ? 'bg-red-50 text-red-900' : ''}>
									<span aria-hidden="true" className="inline-block w-4 select-none">
										{line.kind === 'added' ? '+' : line.kind === 'removed' ? '−' : ' '}
									</span>
									<span className="sr-only">{line.kind === 'added' ? 'added: ' : line.kind === 'removed' ? 'removed: ' : ''}</span>
									{line.text}
								</div>
							),
						)}
					</pre>
				</section>
			) : null}
			<table className="w-full border-collapse bg-white text-sm" data-testid="revision-list">
				<thead>
					<tr className="border-b border-slate-200 text-left">
						<th className="p-2">Revision</th>
						<th className="p-2">From</th>
						<th className="p-2">Author</th>
						<th className="p-2">Saved (UTC)</th>
						<th className="p-2">Title</th>
						<th className="p-2" />
					</tr>
				</thead>
				<tbody>
					{revisions.map((r) => (
						<tr key={r.number} className="border-b border-slate-100">
							<td className="p-2">
								{r.number}
								{r.number === article.publishedRevision ? <span className="ml-1 rounded-full bg-green-50 px-2 text-xs text-green-800">readers have this</span> : null}
								{r.hasProblems ? <span className="ml-1 text-xs text-red-700">has problems</span> : null}
							</td>
							<td className="p-2">{r.origin === 'sync' ? 'content/ sync' : 'console'}</td>
							<td className="p-2">{r.author ?? '—'}</td>
							<td className="p-2">{new Date(r.createdAt).toISOString().slice(0, 16).replace('T', ' ')}</td>
							<td className="p-2">{r.title}</td>
							<td className="p-2 text-right">
								{r.number !== newest ? (
									<Form method="post">
										<input type="hidden" name="intent" value={INTENTS.restore} />
										<input type="hidden" name="number" value={r.number} />
										<input type="hidden" name="baseRevision" value={newest} />
										<Button type="submit" variant="secondary" disabled={busy}>
											Restore as revision {newest + 1}
										</Button>
									</Form>
								) : null}
							</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	)
}

function RevisionSelect({ name, label, numbers, defaultValue }: { name: string; label: string; numbers: number[]; defaultValue: number }) {
	return (
		<label>
			{label}{' '}
			<select name={name} defaultValue={defaultValue} className="rounded-md border border-slate-300 px-2 py-1">
				{numbers.map((n) => (
					<option key={n} value={n}>
						{n}
					</option>
				))}
			</select>
		</label>
	)
}
