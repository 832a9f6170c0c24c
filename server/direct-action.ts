import type { ActionFunctionArgs, AppLoadContext } from '@remix-run/node'
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from 'express'

export type DirectAction = {
	/** The route module's own action: the same checks and writes as through Remix. */
	action: (args: ActionFunctionArgs) => Promise<Response>
	/** Bytes of body read before handing over; a longer body reaches the action cut at one byte past this, which it refuses. */
	maxBodyBytes: number
}

/**
 * POST to one resource route straight into its action, in front of Remix. A beacon is a few
 * hundred bytes and its action a session lookup, a schema and a group commit, yet through Remix it
 * also paid route matching, the static handler, a copy of the request for `?index` and the
 * response plumbing: more than the action itself in a profile (docs/decisions/009-speed.md). The
 * action is the route's own export, reached through the build (no second copy of its rules); it
 * gets a web Request as Remix would build it (same URL, method, headers, body) and its answer, or
 * a thrown Response, is sent as Remix would. Anything else thrown goes to Express's error handler.
 */
export function directAction({ action, maxBodyBytes }: DirectAction, opts: { origin: (req: ExpressRequest) => string; loadContext: (req: ExpressRequest, res: ExpressResponse) => AppLoadContext }) {
	return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
		let response: Response
		try {
			const body = await readUpTo(req, maxBodyBytes + 1)
			const headers = new Headers()
			for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!)
			const request = new Request(`${opts.origin(req)}${req.originalUrl}`, { method: req.method, headers, body: new Uint8Array(body) })
			response = await action({ request, params: {}, context: opts.loadContext(req, res) })
		} catch (error) {
			if (!(error instanceof Response)) return next(error)
			response = error
		}
		res.status(response.status)
		for (const [name, value] of response.headers) res.append(name, value)
		const answer = Buffer.from(await response.arrayBuffer())
		res.setHeader('Content-Length', answer.length)
		res.end(answer)
	}
}

/**
 * The body, or its first `limit` bytes once it reaches that many: then reading stops, and Node
 * discards the rest after the answer.
 */
function readUpTo(req: ExpressRequest, limit: number): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = []
		let size = 0
		const done = () => {
			req.off('data', onData).off('end', done).off('error', reject)
			resolve(Buffer.concat(chunks, Math.min(size, limit)))
		}
		const onData = (chunk: Buffer) => {
			chunks.push(chunk)
			size += chunk.length
			if (size >= limit) {
				req.pause()
				done()
			}
		}
		req.on('data', onData).on('end', done).on('error', reject)
	})
}
