import { parseWithZod } from '@conform-to/zod/v4'
import { data } from '@remix-run/node'
import { saveArticleDraft, WorkflowError } from '#app/domain/content/publishing.server.ts'
import { ArticleFormSchema } from '#app/domain/content/publishing.ts'
import { z } from 'zod'
import { requireUserWithRole } from '#app/utils/auth.server.ts'

const SlugSchema = z.string().regex(/^[a-z0-9-]{1,120}$/)

/** Editors and admins write and review content; CSMs and customers get a 403. */
export function requireContentTeam(request: Request) {
	return requireUserWithRole(request, 'EDITOR', 'ADMIN')
}

/** The article slug of a console URL; anything else is a 404. */
export function slugOf(params: { slug?: string }) {
	const slug = SlugSchema.safeParse(params.slug)
	if (!slug.success) throw new Response('Not found', { status: 404 })
	return slug.data
}

/**
 * The editor form's save, for a new article (`existingSlug` null) or a new revision. Answers the
 * form's reply (400) when the form is invalid, a 409 with the caller's text kept in the reply when
 * another save came first, or the saved revision.
 */
export async function saveFromForm(formData: FormData, existingSlug: string | null, authorId: string) {
	const submission = parseWithZod(formData, { schema: ArticleFormSchema })
	if (submission.status !== 'success') return { kind: 'reply' as const, response: data({ lastResult: submission.reply(), conflict: null, workflowError: null }, { status: 400 }) }
	const result = await saveArticleDraft({ existingSlug, form: submission.value, authorId })
	if (result.kind === 'invalid') {
		const reply = submission.reply({ formErrors: result.problems.map((p) => `Line ${p.line}: ${p.reason}`) })
		return { kind: 'reply' as const, response: data({ lastResult: reply, conflict: null, workflowError: null }, { status: 400 }) }
	}
	if (result.kind === 'conflict') {
		// The reply carries what they typed back into the form: nothing is lost.
		return { kind: 'reply' as const, response: data({ lastResult: submission.reply(), conflict: result.head, workflowError: null }, { status: 409 }) }
	}
	return { kind: 'saved' as const, slug: result.slug, revision: result.revision }
}

/** A workflow step refused for a reason the person can act on: shown on the page, nothing changed. */
export async function runWorkflowStep(step: () => Promise<unknown>) {
	try {
		await step()
		return null
	} catch (error) {
		if (error instanceof WorkflowError) return data({ lastResult: null, conflict: null, workflowError: error.message }, { status: 400 })
		throw error
	}
}
