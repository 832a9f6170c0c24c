/**
 * The portal in production: `npm run build` compiles this file to build/server.js next to Remix's
 * build, and `npm start` runs it with node.
 */
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import { getEnv } from '#app/utils/env.server.ts'
import { createPortalApp } from './app.ts'

const env = getEnv()
const buildDir = path.dirname(fileURLToPath(import.meta.url))
const build = (await import(pathToFileURL(path.join(buildDir, 'server/index.js')).href)) as ServerBuild
const app = createPortalApp({ build, clientDir: path.join(buildDir, 'client'), trustProxy: env.TRUST_PROXY })

const port = Number(process.env.PORT ?? 3000)
const announce = () => console.log(`[portal] http://localhost:${port}`)
const server = process.env.HOST ? app.listen(port, process.env.HOST, announce) : app.listen(port, announce)
// Stop accepting on a signal; the scoring queue is durable, so unfinished work is picked up next start.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, () => {
		server.close(() => process.exit(0))
		setTimeout(() => process.exit(0), 5_000).unref()
	})
}
