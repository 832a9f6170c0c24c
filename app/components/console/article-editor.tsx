import { getFormProps, getSelectProps, getTextareaProps, useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { Form } from '@remix-run/react'
import { AUDIENCES } from '#app/domain/accounts-tiers/audience.ts'
import { CONTENT_LEVELS } from '#app/domain/content/levels.ts'
import { ArticleFormSchema, INTENTS } from '#app/domain/content/publishing.ts'
import { Button, ErrorList, Field } from '#app/components/ui/field.tsx'

export type ArticleFormDefaults = {
	title: string
	slug: string
	summary: string
	category: string
	tags: string
	audience: string
	productArea: string
	level: string
	updated: string
	related: string
	body: string
}

const AUDIENCE_LABELS: Record<(typeof AUDIENCES)[number], string> = {
	public: 'Public (signed out too)',
	customers: 'Any customer (Tier 3 and up)',
	tier2: 'Tier 2 and Tier 1',
	tier1: 'Tier 1 only',
	staff: 'Staff only',
}

/**
 * The article editor: frontmatter as a validated form (the same zod schema on both sides, through
 * Conform), the MDX body as source text, and the revision it started from, which the save checks.
 */
export function ArticleEditor({
	defaults,
	baseRevision,
	lastResult,
	slugLocked,
	busy,
}: {
	defaults: ArticleFormDefaults
	baseRevision: number
	lastResult: SubmissionResult<string[]> | null | undefined
	slugLocked: boolean
	busy: boolean
}) {
	const [form, fields] = useForm({
		id: `article-editor-${baseRevision}`,
		lastResult,
		constraint: getZodConstraint(ArticleFormSchema),
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ArticleFormSchema }),
		shouldRevalidate: 'onBlur',
		defaultValue: defaults,
	})
	return (
		<Form method="post" {...getFormProps(form)} className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
			<input type="hidden" name="baseRevision" value={baseRevision} />
			<div className="grid gap-4 md:grid-cols-2">
				<Field label="Title" meta={fields.title as never} />
				{slugLocked ? (
					<div className="space-y-1">
						<p className="block text-sm font-medium text-slate-700">Slug</p>
						<input type="hidden" name="slug" value={defaults.slug} />
						<p className="py-2 font-mono text-sm">{defaults.slug}</p>
					</div>
				) : (
					<Field label="Slug" meta={fields.slug as never} hint="The URL: /kb/<slug>. Fixed once saved." />
				)}
			</div>
			<div className="space-y-1">
				<label htmlFor={fields.summary.id} className="block text-sm font-medium text-slate-700">
					Summary
				</label>
				<textarea {...getTextareaProps(fields.summary)} rows={2} className="block w-full rounded-md border border-slate-300 px-3 py-2 aria-[invalid]:border-red-500" />
				<ErrorList id={fields.summary.errorId} errors={fields.summary.errors} />
			</div>
			<div className="grid gap-4 md:grid-cols-3">
				<Field label="Category" meta={fields.category as never} hint="e.g. dashboards, reports, administration" />
				<Field label="Tags" meta={fields.tags as never} hint="Comma-separated, kebab-case, 1-8" />
				<Field label="Product area" meta={fields.productArea as never} />
				<div className="space-y-1">
					<label htmlFor={fields.audience.id} className="block text-sm font-medium text-slate-700">
						Audience
					</label>
					<select {...getSelectProps(fields.audience)} className="block w-full rounded-md border border-slate-300 px-3 py-2">
						{AUDIENCES.map((a) => (
							<option key={a} value={a}>
								{AUDIENCE_LABELS[a]}
							</option>
						))}
					</select>
					<ErrorList id={fields.audience.errorId} errors={fields.audience.errors} />
				</div>
				<div className="space-y-1">
					<label htmlFor={fields.level.id} className="block text-sm font-medium text-slate-700">
						Level
					</label>
					<select {...getSelectProps(fields.level)} className="block w-full rounded-md border border-slate-300 px-3 py-2">
						{CONTENT_LEVELS.map((l) => (
							<option key={l} value={l}>
								{l}
							</option>
						))}
					</select>
					<ErrorList id={fields.level.errorId} errors={fields.level.errors} />
				</div>
				<Field label="Updated" type="date" meta={fields.updated as never} />
			</div>
			<Field label="Related articles" meta={fields.related as never} hint="Optional: comma-separated slugs" />
			<div className="space-y-1">
				<label htmlFor={fields.body.id} className="block text-sm font-medium text-slate-700">
					Body (MDX)
				</label>
				<textarea
					{...getTextareaProps(fields.body)}
					rows={22}
					spellCheck
					className="block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm aria-[invalid]:border-red-500"
				/>
				<p className="text-xs text-slate-500">
					Markdown with our components: <code>{'<Callout type="tip">'}</code>, <code>{'<Steps>/<Step title="">'}</code>, <code>{'<Tabs>/<Tab label="">'}</code>,{' '}
					<code>{'<Video src="" title="" />'}</code>, <code>{'<Image src="" alt="" />'}</code>, <code>{'<Audience min="tier1">'}</code>, <code>{'<Check id="" />'}</code>. No
					imports or {'{expressions}'}.
				</p>
				<ErrorList id={fields.body.errorId} errors={fields.body.errors} />
			</div>
			<ErrorList id={form.errorId} errors={form.errors} />
			<Button type="submit" name="intent" value={INTENTS.save} disabled={busy}>
				Save draft
			</Button>
		</Form>
	)
}

/** Problems of the newest revision, by line of the body field. */
export function RevisionProblems({ problems }: { problems: Array<{ line: number | null; reason: string }> }) {
	if (!problems.length) return null
	return (
		<div role="alert" className="rounded-md border border-red-200 bg-red-50 p-4 text-sm text-red-900" data-testid="revision-problems">
			<p className="font-semibold">Saved, but this revision cannot be submitted until these are fixed:</p>
			<ul className="mt-2 list-disc pl-5">
				{problems.map((p, i) => (
					<li key={i}>
						{p.line === null ? 'Frontmatter' : `Line ${p.line}`}: {p.reason}
					</li>
				))}
			</ul>
		</div>
	)
}

