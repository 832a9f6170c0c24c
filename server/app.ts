import crypto from 'node:crypto'
import path from 'node:path'
import { createRequestHandler } from '@remix-run/express'
import type { ServerBuild } from '@remix-run/node'
import compression from 'compression'
import express, { type Request, type Response, type NextFunction } from 'express'
import helmet from 'helmet'
import { VIDEO_FRAME_ORIGINS } from '#app/domain/content/embeds.ts'
import { crossSiteRefusal } from '#app/utils/request-trust.server.ts'
import { directAction, type DirectAction } from './direct-action.ts'
import { anonymousPageCache, type PageCacheOptions } from './page-cache.ts'

export type PortalServerOptions = {
	build: ServerBuild | (() => Promise<ServerBuild>)
	/** build/client: the browser assets Vite wrote. */
	clientDir: string
	/** Proxies in front whose X-Forwarded-* headers are believed (TRUST_PROXY). */
	trustProxy: number
	log?: (line: string) => void
	/** Signed-out knowledge-base pages served from memory (server/page-cache.ts); left out, every request renders. */
	pageCache?: PageCacheOptions
	/** POST paths answered by their route's action in front of Remix (server/direct-action.ts). */
	directActions?: Record<string, DirectAction>
	/** True once the server is shutting down: answers then ask the client to close the connection. */
	isStopping?: () => boolean
}

type AsyncHandler = (req: Request, res: Response, next: NextFunction) => Promise<unknown>

/** Express 4 ignores a handler's promise: a rejection goes to next() (a 500) instead of ending the process. */
function passRejections(handler: AsyncHandler) {
	return (req: Request, res: Response, next: NextFunction) => {
		handler(req, res, next).catch(next)
	}
}

/** This server's origin as Remix will see it in request.url (the same steps as @remix-run/express). */
function ownOrigin(req: Request): string {
	const portOf = (host: string | undefined) => Number.parseInt(host?.split(':')[1] ?? '', 10)
	const port = [portOf(req.get('X-Forwarded-Host')), portOf(req.get('Host'))].find(Number.isSafeInteger)
	return `${req.protocol}://${req.hostname}${port ? `:${port}` : ''}`
}

/**
 * Refuses cross-site state changes before Remix sees them (Remix's own origin check would throw a
 * 500): a 403 the client can read, and one log line.
 */
function refuseCrossSite(log: (line: string) => void) {
	return (req: Request, res: Response, next: NextFunction) => {
		const reason = crossSiteRefusal({ method: req.method, origin: ownOrigin(req), header: (name) => req.get(name) })
		if (!reason) return next()
		log(`refused cross-site ${req.method} ${req.path} (${reason})`)
		const message = 'Cross-site request refused'
		res.status(403).format({
			'text/plain': () => res.send(message),
			'application/json': () => res.json({ error: message }),
			default: () => res.type('text/plain').send(message),
		})
	}
}

/**
 * The production HTTP server: security headers on every response, compressed answers, the browser
 * assets (hashed names cached for a year), the cross-site guard, and Remix with a load context that
 * carries the socket's peer address and this response's CSP nonce.
 */
export function createPortalApp({ build, clientDir, trustProxy, log = console.warn, pageCache, directActions = {}, isStopping = () => false }: PortalServerOptions) {
	const app = express()
	app.disable('x-powered-by')
	// Number of proxy hops: req.protocol, req.hostname (and so request.url) believe only these.
	app.set('trust proxy', trustProxy)

	app.use((_req, res, next) => {
		// A keep-alive client would otherwise hold the shutting-down server open.
		if (isStopping()) res.setHeader('Connection', 'close')
		res.locals.cspNonce = crypto.randomBytes(16).toString('base64')
		next()
	})
	app.use(
		helmet({
			contentSecurityPolicy: {
				useDefaults: false,
				directives: {
					'default-src': ["'self'"],
					// No 'unsafe-eval': compiled MDX is a data tree rendered without evaluating code (mdx-content.tsx).
					'script-src': ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
					'script-src-attr': ["'none'"],
					// React renders style attributes (progress bars, charts) into the HTML.
					'style-src': ["'self'", "'unsafe-inline'"],
					// Article images: our /images/ or any https URL (app/domain/content/embeds.ts).
					'img-src': ["'self'", 'data:', 'https:'],
					'font-src': ["'self'", 'data:'],
					'connect-src': ["'self'"],
					'frame-src': VIDEO_FRAME_ORIGINS,
					'frame-ancestors': ["'none'"],
					'form-action': ["'self'"],
					'base-uri': ["'self'"],
					'object-src': ["'none'"],
				},
			},
			referrerPolicy: { policy: 'same-origin' },
			// The older header, for browsers without frame-ancestors: same answer.
			xFrameOptions: { action: 'deny' },
		}),
	)
	app.use(compression())

	// Vite names these by content hash: a changed file is a new URL.
	app.use('/assets', express.static(path.join(clientDir, 'assets'), { immutable: true, maxAge: '1y', index: false }))
	// Other public files (favicon, images) all have an extension: a page path is not looked up on disk,
	// which cost a stat() on every page request.
	const publicFiles = express.static(clientDir, { maxAge: '1h', index: false })
	app.use((req, res, next) => (path.extname(req.path) ? publicFiles(req, res, next) : next()))

	app.use(refuseCrossSite(log))
	const loadContext = (req: Request, res: Response) => ({ socketAddress: req.socket.remoteAddress, cspNonce: res.locals.cspNonce as string })
	for (const [route, direct] of Object.entries(directActions)) app.post(route, passRejections(directAction(direct, { origin: ownOrigin, loadContext })))
	if (pageCache) app.use(passRejections(anonymousPageCache(pageCache)))
	app.all(
		'*',
		passRejections(
			createRequestHandler({
				build,
				getLoadContext: loadContext,
			}),
		),
	)
	return app
}
