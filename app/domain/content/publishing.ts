import { z } from 'zod'
import { AUDIENCES } from '#app/domain/accounts-tiers/audience.ts'
import { CONTENT_LEVELS } from './levels.ts'

/**
 * The console's publishing workflow, the parts without a database: states, who may approve, the
 * editor's form. draft -> in_review -> published (now or scheduled) -> archived. An article that is
 * published can carry a newer revision in its own draft/in_review/scheduled state meanwhile:
 * readers keep the published revision until the newer one is published.
 */

export const WORKFLOW_STATES = ['draft', 'in_review', 'scheduled', 'published', 'archived'] as const
export type WorkflowState = (typeof WORKFLOW_STATES)[number]

export const WORKFLOW_STATE_LABELS: Record<WorkflowState, string> = {
	draft: 'Draft',
	in_review: 'In review',
	scheduled: 'Scheduled',
	published: 'Published',
	archived: 'Archived',
}

export function isWorkflowState(value: unknown): value is WorkflowState {
	return typeof value === 'string' && (WORKFLOW_STATES as readonly string[]).includes(value)
}

/** The state the console shows: the newest revision's review state, else what readers have. */
export function workflowStateOf(article: { status: string; reviewState: string | null }): WorkflowState {
	if (isWorkflowState(article.reviewState)) return article.reviewState
	if (article.status === 'archived') return 'archived'
	if (article.status === 'published') return 'published'
	// Retired (its file left content/) or a value we do not know: nothing live, treat as a draft.
	return 'draft'
}

/** Setting key: "true" lets the author of a change approve it (a one-person content team). */
export const SELF_PUBLISH_SETTING = 'content.selfPublish'

export type ApprovalVerdict = { ok: true } | { ok: false; reason: string }

/**
 * A reviewer other than the authors of the change approves it, unless the admin setting allows
 * self-publishing. `changeAuthorIds` are the authors of every console revision since the last
 * publication: someone who wrote any part of the change is not its reviewer.
 */
export function approvalVerdict(input: { reviewerId: string; changeAuthorIds: readonly string[]; selfPublishAllowed: boolean }): ApprovalVerdict {
	if (input.selfPublishAllowed) return { ok: true }
	if (input.changeAuthorIds.includes(input.reviewerId)) {
		return { ok: false, reason: 'You wrote part of this change: another editor or an admin must approve it (an admin can allow self-publishing).' }
	}
	return { ok: true }
}

export const INTENTS = {
	save: 'save',
	submit: 'submit',
	publish: 'publish',
	schedule: 'schedule',
	archive: 'archive',
	restore: 'restore',
	selfPublish: 'self-publish',
} as const

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
/** A comma- or space-separated list of kebab-case slugs; its errors belong to the one field. */
const kebabList = (what: string, min: number, max: number) =>
	z
		.string()
		.trim()
		.optional()
		.transform((value, ctx) => {
			const items = (value ?? '').split(/[\s,]+/).filter(Boolean)
			const bad = items.find((item) => !KEBAB.test(item))
			const problem = bad
				? `"${bad}" is not kebab-case (lowercase letters, digits, single hyphens)`
				: items.length < min
					? `Give at least ${min} ${what}${min > 1 ? 's' : ''}`
					: items.length > max
						? `At most ${max} ${what}s`
						: new Set(items).size !== items.length
							? `A ${what} is listed twice`
							: null
			if (problem) ctx.addIssue({ code: 'custom', message: problem })
			return items
		})

/**
 * The editor's form: frontmatter as fields (the same rules as ArticleFrontmatterSchema, which the
 * server checks again on the composed file), the body as text, and the revision the edit started from.
 */
export const ArticleFormSchema = z.object({
	title: z.string({ error: 'Give a title' }).trim().min(5, 'At least 5 characters').max(120, 'At most 120 characters'),
	slug: z.string({ error: 'Give a slug' }).trim().regex(KEBAB, 'Lowercase letters, digits and single hyphens only').max(120),
	summary: z.string({ error: 'Give a summary' }).trim().min(20, 'At least 20 characters').max(300, 'At most 300 characters'),
	category: z.string({ error: 'Give a category' }).trim().regex(KEBAB, 'Lowercase letters, digits and single hyphens only'),
	tags: kebabList('tag', 1, 8),
	audience: z.enum(AUDIENCES, { error: 'Choose an audience' }),
	productArea: z.string({ error: 'Give a product area' }).trim().min(2, 'At least 2 characters').max(60, 'At most 60 characters'),
	level: z.enum(CONTENT_LEVELS, { error: 'Choose a level' }),
	updated: z
		.string({ error: 'Give a date' })
		.regex(/^\d{4}-\d{2}-\d{2}$/, 'A date written as YYYY-MM-DD')
		.refine((v) => {
			const d = new Date(`${v}T00:00:00Z`)
			return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v
		}, 'Not a real calendar date'),
	related: kebabList('related slug', 0, 12),
	body: z.string({ error: 'Write the article' }).max(200_000, 'At most 200,000 characters'),
	baseRevision: z.coerce.number().int().min(0),
})
export type ArticleFormValues = z.output<typeof ArticleFormSchema>

export const ScheduleSchema = z.object({
	/** A datetime-local value, read as UTC. */
	publishAt: z
		.string({ error: 'Choose a date and time' })
		.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'A date and time (YYYY-MM-DDTHH:MM, UTC)')
		.transform((v) => new Date(`${v}:00Z`)),
	revision: z.coerce.number().int().min(1),
})

export const ArchiveSchema = z.object({
	replacement: z
		.string()
		.trim()
		.optional()
		.transform((v) => (v ? v : null))
		.pipe(z.string().regex(KEBAB, 'A slug: lowercase letters, digits and single hyphens').nullable()),
})

/** A problem found when a revision was saved, with its line in the whole file. */
export type RevisionProblem = { line: number; reason: string }

/** The line in the editor's body field for a file line (the form shows the body without frontmatter). */
export function bodyLineOf(fileLine: number, bodyStartLine: number): number | null {
	const line = fileLine - bodyStartLine + 1
	return line >= 1 ? line : null
}
