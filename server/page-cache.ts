import crypto from 'node:crypto'
import type { NextFunction, Request, Response } from 'express'

/**
 * Knowledge-base pages as a signed-out visitor gets them, kept rendered in memory. Rendering the
 * React tree is most of an article request's CPU time, and for a visitor the page depends only on
 * the path and the content: the key is the path and the content stamp (an entry also expires after
 * maxAgeMs, for the popular list). Only requests without a session cookie are served from here or
 * stored, so a signed-in reader, whatever their level, never gets a visitor's page and a visitor
 * never gets theirs. Each answer gets a fresh CSP nonce: the stored HTML keeps a placeholder where
 * the nonce was.
 *
 * HTTP caching: an ETag over the stored page and `Cache-Control: public, no-cache` with
 * `Vary: Cookie`, so a browser always asks again (a sign-in must show at once) and a match costs
 * a 304. The 304 carries no Content-Security-Policy: the browser keeps the one stored with the
 * page, whose nonce matches the page's scripts.
 */

export type PageCacheOptions = {
	/** The content stamp (app/domain/content/content-cache.server.ts). */
	stamp: () => Promise<string>
	/** The session cookie's name: a request carrying it is never served or stored here. */
	sessionCookieName: string
	maxAgeMs?: number
	maxEntries?: number
}

type StoredPage = { stamp: string; at: number; etag: string; status: number; headers: Array<[string, string]>; template: string }

const NONCE_PLACEHOLDER = '\u0000csp-nonce\u0000'
// Headers that are per response, not per page.
const NOT_STORED = new Set(['content-encoding', 'content-security-policy', 'content-length', 'date', 'etag', 'set-cookie', 'connection', 'transfer-encoding', 'cache-control', 'vary'])

/** Knowledge-base documents (home, article, category, tag) without a query string. */
export function isCacheablePath(path: string, query: string): boolean {
	return query === '' && /^\/kb(\/[a-z0-9-]+){0,2}\/?$/.test(path)
}

export function hasSessionCookie(cookieHeader: string | undefined, name: string): boolean {
	return Boolean(cookieHeader && cookieHeader.split(';').some((part) => part.trim().startsWith(`${name}=`)))
}

/** The page with its nonce swapped for a placeholder, or null when the nonce is not in it. */
export function toTemplate(html: string, nonce: string): string | null {
	return nonce && html.includes(nonce) ? html.split(nonce).join(NONCE_PLACEHOLDER) : null
}

export function fromTemplate(template: string, nonce: string): string {
	return template.split(NONCE_PLACEHOLDER).join(nonce)
}

export function etagOf(template: string): string {
	return `"${crypto.createHash('sha256').update(template).digest('base64url').slice(0, 27)}"`
}

export function anonymousPageCache({ stamp, sessionCookieName, maxAgeMs = 60_000, maxEntries = 2_000 }: PageCacheOptions) {
	const pages = new Map<string, StoredPage>()

	return async (req: Request, res: Response, next: NextFunction) => {
		const query = req.originalUrl.slice(req.path.length)
		if (req.method !== 'GET' || !isCacheablePath(req.path, query) || hasSessionCookie(req.get('Cookie'), sessionCookieName)) return next()
		let current: string
		try {
			current = await stamp()
		} catch {
			return next()
		}
		const nonce = res.locals.cspNonce as string
		const stored = pages.get(req.path)
		if (stored && stored.stamp === current && Date.now() - stored.at < maxAgeMs) {
			res.setHeader('Cache-Control', 'public, no-cache')
			res.setHeader('Vary', 'Cookie')
			res.setHeader('ETag', stored.etag)
			if (req.get('If-None-Match') === stored.etag) {
				res.removeHeader('Content-Security-Policy')
				return res.status(304).end()
			}
			for (const [name, value] of stored.headers) res.setHeader(name, value)
			return res.status(stored.status).send(fromTemplate(stored.template, nonce))
		}
		// A miss: Remix renders as usual; what it writes is kept on the way out.
		const chunks: Buffer[] = []
		const write = res.write.bind(res) as (...args: unknown[]) => boolean
		const end = res.end.bind(res) as (...args: unknown[]) => Response
		const keep = (chunk: unknown, encoding?: unknown) => {
			if (typeof chunk === 'string') chunks.push(Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'))
			else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk))
		}
		res.write = ((chunk: unknown, ...rest: unknown[]) => {
			keep(chunk, rest[0])
			return write(chunk, ...rest)
		}) as typeof res.write
		res.end = ((chunk?: unknown, ...rest: unknown[]) => {
			if (chunk !== undefined && typeof chunk !== 'function') keep(chunk, rest[0])
			if (res.statusCode === 200 && !res.getHeader('Set-Cookie') && String(res.getHeader('Content-Type')).startsWith('text/html')) {
				const template = toTemplate(Buffer.concat(chunks).toString('utf8'), nonce)
				if (template) {
					const headers = Object.entries(res.getHeaders()).flatMap(([name, value]) =>
						NOT_STORED.has(name) || value === undefined ? [] : [[name, String(value)] as [string, string]],
					)
					pages.delete(req.path)
					pages.set(req.path, { stamp: current, at: Date.now(), etag: etagOf(template), status: 200, headers, template })
					if (pages.size > maxEntries) pages.delete(pages.keys().next().value!)
				}
			}
			return end(chunk, ...rest)
		}) as typeof res.end
		next()
	}
}
