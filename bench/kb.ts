/**
 * npm run bench:kb — content sync cold and warm over the demo content, and article page throughput of
 * the production build as a ratio to a trivial route of the same app (and to plain node:http).
 */
import { execSync } from 'node:child_process'
import path from 'node:path'
import { useScratchDatabase } from './lib/scratch-db.ts'
import { load, plainNodeBaseline, printTable, startPortal } from './lib/http.ts'

const dbFile = useScratchDatabase('kb')
const SESSION_SECRET = 'bench-secret-at-least-16-characters'
process.env.SESSION_SECRET = SESSION_SECRET

const { syncAllContent } = await import('#app/domain/content/sync-all.server.ts')
const { prisma } = await import('#app/utils/db.server.ts')
const { sessionCookie } = await import('#app/utils/session.server.ts')
const { upsertAccount, upsertUser } = await import('#prisma/factories.ts')

const contentDir = path.resolve('content')
let t = performance.now()
const cold = await syncAllContent(contentDir)
const coldMs = performance.now() - t
t = performance.now()
const warm = await syncAllContent(contentDir)
const warmMs = performance.now() - t
console.log('## Content sync (demo content)')
console.log(`cold: ${Math.round(coldMs)} ms (${cold.compiled} compiles, ${cold.created} items)`)
console.log(`warm: ${Math.round(warmMs)} ms (${warm.compiled} compiles, ${warm.unchanged} unchanged) — ${(coldMs / warmMs).toFixed(0)}x faster`)

// A signed-in Tier 3 reader, so the article route does its real work: session, audience, variant, view event.
const account = await upsertAccount(prisma, { name: 'Bench Co', emailDomain: 'bench.example.com', arr: 10_000, costToServe: 1_000, nps: 0, expansionPotential: 0, strategic: false })
const user = await upsertUser(prisma, { email: 'reader@bench.example.com', name: 'Bench Reader', role: 'CUSTOMER', accountId: account.id, passwordHash: 'x' })
const session = await prisma.session.create({ data: { userId: user.id, expiresAt: new Date(Date.now() + 86400_000) } })
const cookie = (await sessionCookie.serialize(session.id)).split(';')[0]!
await prisma.$disconnect()

execSync('npm run -s build', { stdio: 'ignore' })
const port = 3900
const portal = await startPortal(port, { DATABASE_URL: `file:${dbFile}`, SESSION_SECRET })
try {
	const seconds = Number(process.env.BENCH_SECONDS ?? 10)
	const base = `http://127.0.0.1:${port}`
	const plain = await plainNodeBaseline(seconds)
	const trivial = await load('GET /healthz (trivial route, one SELECT 1)', `${base}/healthz`, { seconds })
	const anonymous = await load('GET /kb/what-is-prism (public article, signed out)', `${base}/kb/what-is-prism`, { seconds })
	const signedIn = await load('GET /kb/scheduled-report-delivery (Tier 3 reader)', `${base}/kb/scheduled-report-delivery`, { seconds, headers: { Cookie: cookie } })
	console.log('\n## Article page throughput (production build, 50 connections)')
	printTable([trivial, anonymous, signedIn], trivial)
	console.log(`\ntrivial route = ${(trivial.requestsPerSecond / plain.requestsPerSecond).toFixed(2)} of plain node:http (${plain.requestsPerSecond} req/s in this run)`)
} finally {
	portal.kill()
}
