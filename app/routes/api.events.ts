import { type ActionFunctionArgs } from '@remix-run/node'
import { readerFor } from '#app/domain/accounts-tiers/audience.ts'
import { BEACON_MAX_BYTES, parseBeaconBody, recordBrowserEvents } from '#app/domain/engagement/beacon.server.ts'
import { getUser } from '#app/utils/auth.server.ts'

/**
 * POST /api/events: what a page saw once per visit (article view and read-through, the search it
 * showed, a plan review, a video play), for the signed-in user; a signed-out page may report its
 * search only. Body: one event, or { events: [...] } (at most 20). Answers 201 when something was
 * recorded, 200 when every event was a duplicate (a retried beacon, a view in the same visit),
 * 400/401/413/422 with a reason.
 */
export async function loader() {
	return Response.json({ error: 'Use POST.' }, { status: 405, headers: { Allow: 'POST' } })
}

export async function action({ request }: ActionFunctionArgs) {
	if (request.method !== 'POST') return Response.json({ error: 'Use POST.' }, { status: 405, headers: { Allow: 'POST' } })
	const user = await getUser(request)
	const text = await readTextUpTo(request, BEACON_MAX_BYTES)
	if (text === null) return Response.json({ error: `The body is larger than ${BEACON_MAX_BYTES} bytes.` }, { status: 413 })
	const parsed = parseBeaconBody(text)
	if (!parsed.ok) return Response.json({ error: parsed.error, issues: parsed.issues }, { status: parsed.status })
	const outcome = await recordBrowserEvents(user && { id: user.id, accountId: user.accountId, role: user.role }, readerFor(user), parsed.events)
	if ('status' in outcome) return Response.json({ error: outcome.error }, { status: outcome.status })
	return Response.json(outcome, { status: outcome.recorded > 0 ? 201 : 200 })
}

/** The body as text, or null once it passes `max` bytes: an oversized body is never buffered whole. */
async function readTextUpTo(request: Request, max: number): Promise<string | null> {
	const declared = Number(request.headers.get('Content-Length'))
	if (Number.isFinite(declared) && declared > max) return null
	if (!request.body) return ''
	const reader = request.body.getReader()
	const chunks: Uint8Array[] = []
	let size = 0
	for (;;) {
		const { done, value } = await reader.read()
		if (done) break
		size += value.byteLength
		if (size > max) {
			await reader.cancel()
			return null
		}
		chunks.push(value)
	}
	return new TextDecoder().decode(Buffer.concat(chunks))
}
