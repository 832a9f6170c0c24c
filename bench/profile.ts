/**
 * npm run bench:profile -- TARGET [seconds] — where one route's CPU goes under load: the production
 * build with its own server under `node --cpu-prof`, autocannon at 50 connections, then self time
 * by function and by module (package, app code, Node internals), idle and GC shares. For the
 * decision record (docs/decisions/009-speed.md), not a figure with a goal.
 *
 * TARGET: healthz | article (Tier 3 article signed in) | search (mixed queries signed in) |
 * events (one beacon a request) | events20 (twenty a request).
 * Env: BENCH_BUILD=0 uses build/ as it is; PROFILE_KEEP=1 keeps the .cpuprofile (its path is printed).
 */
import { execSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import { startPortal, stopPortal } from './lib/http.ts'
import { newestProfile } from './lib/profile.ts'
import { useScratchDatabase } from './lib/scratch-db.ts'

const target = process.argv[2] ?? 'article'
const seconds = Number(process.argv[3] ?? 10)
const dbFile = useScratchDatabase('profile')
const SESSION_SECRET = 'bench-secret-at-least-16-characters'
process.env.SESSION_SECRET = SESSION_SECRET

const { syncAllContent } = await import('#app/domain/content/sync-all.server.ts')
const { prisma } = await import('#app/utils/db.server.ts')
const { sessionCookie } = await import('#app/utils/session.server.ts')
const { upsertAccount, upsertUser } = await import('#prisma/factories.ts')

if (target === 'article' || target === 'search') await syncAllContent(path.resolve('content'))
const account = await upsertAccount(prisma, { name: 'Bench Co', emailDomain: 'bench.example.com', arr: 10_000, costToServe: 1_000, nps: 0, expansionPotential: 0, strategic: false })
const cookies: string[] = []
for (let i = 0; i < 50; i++) {
	const user = await upsertUser(prisma, { email: `reader${i}@bench.example.com`, name: `Reader ${i}`, role: 'CUSTOMER', accountId: account.id, passwordHash: 'x' })
	const session = await prisma.session.create({ data: { userId: user.id, expiresAt: new Date(Date.now() + 86400_000) } })
	cookies.push((await sessionCookie.serialize(session.id)).split(';')[0]!)
}
await prisma.$disconnect()
if (process.env.BENCH_BUILD !== '0') execSync('npm run -s build', { stdio: 'ignore' })

const SEARCHES = ['dashboard', 'report delivery', 'alert', 'schedu', 'dashbaord', 'api rate limits', 'warehouse&type=article', 'slack', 'metric certification', 'zzzz-no-hit']
let n = 0
const beacon = () => ({ clientEventId: randomUUID(), kind: 'video_play', itemKey: `video:v-${n % 10}`, data: { seconds: 12 } })
const requests: Record<string, autocannon.Request> = {
	healthz: { path: '/healthz' },
	article: { path: '/kb/scheduled-report-delivery', setupRequest: (req) => ({ ...req, headers: { Cookie: cookies[n++ % 50]! } }) },
	search: { setupRequest: (req) => ({ ...req, path: `/api/search?q=${SEARCHES[n % 10]!.replace(/ /g, '+')}`, headers: { Cookie: cookies[n++ % 50]! } }) },
	events: {
		method: 'POST',
		setupRequest: (req) => ({ ...req, path: '/api/events', headers: { 'Content-Type': 'application/json', Cookie: cookies[n++ % 50]! }, body: JSON.stringify(beacon()) }),
	},
	events20: {
		method: 'POST',
		setupRequest: (req) => ({
			...req,
			path: '/api/events',
			headers: { 'Content-Type': 'application/json', Cookie: cookies[n++ % 50]! },
			body: JSON.stringify({ events: Array.from({ length: 20 }, beacon) }),
		}),
	},
}
const request = requests[target]
if (!request) throw new Error(`unknown target ${target}: one of ${Object.keys(requests).join(', ')}`)

const port = 3920
const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-profile-'))
const portal = await startPortal(port, { DATABASE_URL: `file:${dbFile}`, SESSION_SECRET, SEARCH_SNAPSHOT_PATH: `${dbFile}.search.json` }, [
	'--cpu-prof',
	`--cpu-prof-dir=${profileDir}`,
])
const run = (duration: number) => autocannon({ url: `http://127.0.0.1:${port}`, connections: 50, pipelining: 1, duration, requests: [request] })
let result: autocannon.Result
// Samples before the measured load (start-up, module loading, warm-up) are left out: same monotonic clock as V8's profiler.
let measuredFrom = 0
try {
	await run(2)
	measuredFrom = Number(process.hrtime.bigint() / 1000n)
	result = await run(seconds)
} finally {
	await stopPortal(portal)
}
console.log(`## ${target}: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`)

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
const file = newestProfile(profileDir)
const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; startTime: number; timeDeltas: number[] }
let clock = raw.startTime
const profile = { nodes: raw.nodes, samples: raw.samples.filter((_, i) => (clock += raw.timeDeltas[i]!) >= measuredFrom) }
const byId = new Map(profile.nodes.map((node) => [node.id, node]))
const moduleOf = (url: string) => {
	if (!url) return '(native or V8)'
	if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`
	const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
	if (pkg) return pkg[1]!
	if (url.includes('/build/server/')) return 'app (Remix server build)'
	if (url.includes('/build/server.js')) return 'server (build/server.js)'
	return url.split('/').slice(-2).join('/')
}
const self = new Map<string, number>()
const modules = new Map<string, number>()
for (const id of profile.samples) {
	const frame = byId.get(id)!.callFrame
	const name = `${frame.functionName || '(anonymous)'} ${frame.url ? `${frame.url.split('/').slice(-2).join('/')}:${frame.lineNumber + 1}` : ''}`
	self.set(name, (self.get(name) ?? 0) + 1)
	const mod = ['(idle)', '(garbage collector)', '(program)'].includes(frame.functionName) ? frame.functionName : moduleOf(frame.url)
	modules.set(mod, (modules.get(mod) ?? 0) + 1)
}
const total = profile.samples.length
const pct = (count: number) => `${((count / total) * 100).toFixed(1)}%`
const top = (map: Map<string, number>, count: number) => [...map].sort((a, b) => b[1] - a[1]).slice(0, count)
console.log(`\n${total} samples during the measured load (of ${raw.samples.length})\n\nself time by module:`)
for (const [name, count] of top(modules, 18)) console.log(`  ${pct(count).padStart(6)} ${name}`)
console.log('\nself time by function:')
for (const [name, count] of top(self, 25)) console.log(`  ${pct(count).padStart(6)} ${name}`)
// Inclusive time: a function counts for every sample with it anywhere on the stack (once a sample).
const parent = new Map<number, number>()
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
const inclusive = new Map<string, number>()
for (const id of profile.samples) {
	const seen = new Set<string>()
	for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
		const frame = byId.get(at)!.callFrame
		if (!frame.url) continue
		seen.add(`${frame.functionName || '(anonymous)'} ${frame.url.split('/').slice(-2).join('/')}:${frame.lineNumber + 1}`)
	}
	for (const name of seen) inclusive.set(name, (inclusive.get(name) ?? 0) + 1)
}
console.log('\ntotal time (self and callees) by function:')
for (const [name, count] of top(inclusive, 40)) console.log(`  ${pct(count).padStart(6)} ${name}`)
if (process.env.PROFILE_KEEP) console.log(`\nprofile: ${file}`)
else fs.rmSync(profileDir, { recursive: true, force: true })
fs.rmSync(path.dirname(dbFile), { recursive: true, force: true })
