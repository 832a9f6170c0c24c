import { type ActionFunctionArgs } from '@remix-run/node'
import { z } from 'zod'
import { readerFor } from '#app/domain/accounts-tiers/audience.ts'
import { answerCheck } from '#app/domain/learning/checks.server.ts'
import { AnswerValueSchema, type AnswerValue } from '#app/domain/learning/grading.ts'
import { getUser } from '#app/utils/auth.server.ts'

const CheckIdSchema = z.string().min(1).max(80).regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'checkId is not a check id')
const JsonBodySchema = z.strictObject({ checkId: CheckIdSchema, answer: AnswerValueSchema })

/** `{ checkId, answer }` from the `<Check>` form (one `answer` per ticked option) or as JSON. */
async function readBody(request: Request): Promise<{ ok: true; checkId: string; answer: AnswerValue | undefined } | { ok: false; error: string }> {
	if (request.headers.get('Content-Type')?.includes('application/json')) {
		const parsed = JsonBodySchema.safeParse(await request.json().catch(() => null))
		if (!parsed.success) return { ok: false, error: 'Send { checkId, answer } as JSON.' }
		return { ok: true, ...parsed.data }
	}
	const form = await request.formData()
	const checkId = CheckIdSchema.safeParse(form.get('checkId'))
	if (!checkId.success) return { ok: false, error: 'This answer names no knowledge check.' }
	const values = form.getAll('answer')
	if (values.some((value) => typeof value !== 'string')) return { ok: false, error: 'An answer must be text.' }
	const answers = (values as string[]).map((value) => value.trim()).filter(Boolean)
	return { ok: true, checkId: checkId.data, answer: answers.length === 0 ? undefined : answers.length === 1 ? answers[0] : answers }
}

const POST_ONLY = { status: 405, headers: { Allow: 'POST' } }

/**
 * Grades one knowledge-check answer. JSON in and out; signed-in readers only. Every answer is a
 * Response: a resource route sends a `data()` value as a 200 whatever status it carries.
 */
export async function action({ request }: ActionFunctionArgs) {
	if (request.method !== 'POST') return Response.json({ error: 'Use POST.' }, POST_ONLY)
	const user = await getUser(request)
	if (!user) return Response.json({ error: 'Sign in to answer knowledge checks.' }, { status: 401 })
	const body = await readBody(request)
	if (!body.ok) return Response.json({ error: body.error }, { status: 400 })
	const result = await answerCheck(user, readerFor(user), body.checkId, body.answer)
	if (!result.ok) return Response.json({ error: result.error }, { status: result.status })
	return Response.json({ correct: result.correct, explanation: result.explanation }, { headers: { 'Cache-Control': 'private, no-store' } })
}

export function loader() {
	return Response.json({ error: 'Use POST.' }, POST_ONLY)
}
