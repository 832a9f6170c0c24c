import { redirect } from '@remix-run/node'
import { parseAudience } from '#app/domain/accounts-tiers/audience.ts'
import { AUDIENCE_NAMES } from '#app/domain/accounts-tiers/customer-plans.ts'
import type { PathRefusal } from '#app/domain/learning/paths.server.ts'

/** What a learning page renders instead of content the reader's plan does not include. */
export type GatedPage = { kind: 'gated'; title: string | null; audience: string }

/**
 * Turns a refusal into the response: 404 for an unknown item, sign-in for a signed-out visitor,
 * and for a reader below the audience a "not included in your plan" page (status 403) that
 * carries no body, no compiled code and no question text. Returns the gated page to render.
 */
export function gatedOrThrow(refusal: PathRefusal, request: Request): GatedPage {
	if (refusal.kind === 'not-found') throw new Response('Not found', { status: 404 })
	if (refusal.kind === 'sign-in') throw signInRedirect(request)
	return { kind: 'gated', title: refusal.title, audience: AUDIENCE_NAMES[parseAudience(refusal.audience)] }
}

export function signInRedirect(request: Request) {
	const url = new URL(request.url)
	return redirect(`/login?${new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` })}`)
}

export const notFound = () => new Response('Not found', { status: 404 })

/** Route params are checked before any lookup: a slug or id is a short plain string. */
export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,119}$/
