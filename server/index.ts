/**
 * The portal in production: `npm run build` compiles this file to build/server.js next to Remix's
 * build, and `npm start` runs it with node.
 */
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import { getEnv } from '#app/utils/env.server.ts'
import { runShutdownHooks } from '#app/utils/shutdown.server.ts'
import { createPortalApp } from './app.ts'
import type { DirectAction } from './direct-action.ts'

const env = getEnv()
const buildDir = path.dirname(fileURLToPath(import.meta.url))
const build = (await import(pathToFileURL(path.join(buildDir, 'server/index.js')).href)) as ServerBuild
// Exported by app/entry.server.tsx; the page cache stays off with a build that lacks it.
const hooks = (build.entry.module as { pageCacheHooks?: { contentStamp: () => Promise<string>; sessionCookieName: string } }).pageCacheHooks
// Exported by app/entry.server.tsx: POSTs answered by the route's action without Remix (DIRECT_ACTIONS=0 turns it off).
const exported = (build.entry.module as { directActions?: Record<string, DirectAction> }).directActions
const directActions = process.env.DIRECT_ACTIONS === '0' ? undefined : exported
const pageCache = hooks && env.PAGE_CACHE === '1' ? { stamp: hooks.contentStamp, sessionCookieName: hooks.sessionCookieName } : undefined
let stopping = false
const app = createPortalApp({ build, clientDir: path.join(buildDir, 'client'), trustProxy: env.TRUST_PROXY, pageCache, directActions, isStopping: () => stopping })

const port = Number(process.env.PORT ?? 3000)
const announce = () => console.log(`[portal] http://localhost:${port}`)
const server = process.env.HOST ? app.listen(port, process.env.HOST, announce) : app.listen(port, announce)

/**
 * SIGTERM/SIGINT: stop accepting, let the requests in flight finish (keep-alive connections are
 * closed as they go idle), flush what is buffered (the event group commit), close the database, exit.
 * A request that is still running after SHUTDOWN_GRACE_MS is cut off; the drains run even then.
 * The scoring queue is durable, so unfinished scoring work is picked up at the next start.
 */
const SHUTDOWN_GRACE_MS = 10_000
async function shutDown(signal: string) {
	if (stopping) return
	stopping = true
	console.log(`[portal] ${signal}: finishing requests in flight`)
	const closed = new Promise<void>((resolve) => server.close(() => resolve()))
	// Idle keep-alive sockets would hold close() open; busy ones close after their response.
	server.closeIdleConnections()
	const grace = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref())
	await Promise.race([closed, grace])
	for (const failure of await runShutdownHooks()) console.error('[portal] shutdown step failed:', failure)
	process.exit(0)
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void shutDown(signal))
