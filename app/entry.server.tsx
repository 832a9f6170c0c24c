import { PassThrough } from 'node:stream'
import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { contentStamp } from '#app/domain/content/content-cache.server.ts'
import { BEACON_MAX_BYTES } from '#app/domain/engagement/beacon.server.ts'
import { startScheduledPublishing } from '#app/domain/content/publishing.server.ts'
import { startScoringRunner } from '#app/domain/loop/runner.server.ts'
import { NonceProvider } from '#app/utils/nonce-provider.ts'
import { sessionCookie } from '#app/utils/session.server.ts'
import { action as eventsAction } from '#app/routes/api.events.ts'

/**
 * Remix's default Node entry (streaming, bots get the complete document), plus the in-process
 * background work the portal needs: the runner that drains the durable scoring queue (rescoring
 * after new engagement, imports, the console) and enqueues the scheduled full recompute
 * (SCORING_INTERVAL_MINUTES; 0 turns the schedule off).
 */
startScoringRunner()
// Scheduled articles go live when due, without a restart (one instance at a time: a JobLease row).
startScheduledPublishing()

/**
 * What our own server (server/index.ts) needs from inside this build for its cache of signed-out
 * knowledge-base pages: the content stamp and the session cookie's name. Reached through
 * build.entry.module, so the server uses this build's modules instead of bundling second copies.
 */
export const pageCacheHooks = { contentStamp, sessionCookieName: sessionCookie.name }

/**
 * Resource routes whose POST our server hands straight to the route's action, in front of Remix
 * (server/direct-action.ts): the beacon endpoint, where Remix's per-request work cost more than
 * the action. The action itself is the route module's, so its rules exist once.
 */
export const directActions = { '/api/events': { action: eventsAction, maxBodyBytes: BEACON_MAX_BYTES } }

const ABORT_DELAY = 5_000

export default function handleRequest(
	request: Request,
	responseStatusCode: number,
	responseHeaders: Headers,
	remixContext: EntryContext,
	loadContext: AppLoadContext,
) {
	const waitForAll = isbot(request.headers.get('user-agent') ?? '') || remixContext.isSpaMode
	return new Promise((resolve, reject) => {
		let shellRendered = false
		// Our server sets a Content-Security-Policy that allows only inline scripts carrying this nonce.
		const nonce = loadContext?.cspNonce ?? ''
		const app = (
			<NonceProvider value={nonce}>
				<RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
			</NonceProvider>
		)
		const { pipe, abort } = renderToPipeableStream(app, {
			nonce,
			[waitForAll ? 'onAllReady' : 'onShellReady']() {
				shellRendered = true
				const body = new PassThrough()
				responseHeaders.set('Content-Type', 'text/html')
				resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }))
				pipe(body)
			},
			onShellError(error: unknown) {
				reject(error)
			},
			onError(error: unknown) {
				responseStatusCode = 500
				// Errors before the shell reject above and are logged by Remix; later ones only here.
				if (shellRendered) console.error(error)
			},
		})
		setTimeout(abort, ABORT_DELAY)
	})
}
