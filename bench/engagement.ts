/**
 * npm run bench:engagement — event ingestion per second through the real code path, with and
 * without the HTTP layer, beside a raw SQLite baseline measured in the same run; then the full
 * score recompute for 100,000 users and 2,000,000 events (BENCH_USERS, BENCH_EVENTS to change).
 *
 * Env: BENCH_USERS (100000), BENCH_EVENTS (2000000), BENCH_SECONDS (10, HTTP load), BENCH_SKIP_HTTP=1,
 * BENCH_SKIP_SCALE=1.
 */
import { execSync } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import autocannon from 'autocannon'
import Database from 'better-sqlite3'
import { FigureLog } from './lib/figures.ts'
import { load, plainNodeBaseline, startPortal, stopPortal } from './lib/http.ts'
import { useScratchDatabase } from './lib/scratch-db.ts'

const USERS = Number(process.env.BENCH_USERS ?? 100_000)
const EVENTS = Number(process.env.BENCH_EVENTS ?? 2_000_000)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const SESSION_SECRET = 'bench-secret-at-least-16-characters'
process.env.SESSION_SECRET = SESSION_SECRET
const dbFile = useScratchDatabase('engagement')

const { prisma } = await import('#app/utils/db.server.ts')
const { recordEvent, recordEvents } = await import('#app/domain/engagement/record.server.ts')
const { action: eventsAction } = await import('#app/routes/api.events.ts')
const { ScoringRunner } = await import('#app/domain/loop/runner.server.ts')
const { ALL_KEY, enqueueScoring, userKey } = await import('#app/domain/scoring/queue.server.ts')
const { sessionCookie } = await import('#app/utils/session.server.ts')
const { upsertAccount, upsertUser } = await import('#prisma/factories.ts')

const rows: string[][] = []
const figures = new FigureLog('engagement')
const log = (line: string) => console.log(line)
const rate = (n: number, ms: number) => Math.round((n / ms) * 1000)

// ---- 1. raw SQLite baseline, same shape as EngagementEvent, measured now ------------------------
log('## Raw SQLite baseline (better-sqlite3, WAL, synchronous=NORMAL, 3 indexes + unique client id)')
const baseline = rawBaseline(20_000)
log(`one row per transaction: ${baseline.single} rows/s; 100 rows per transaction: ${baseline.batched} rows/s`)
log(`(BASELINES.md: about 16,500 and 33,000 rows/s)`)

// ---- 2. the real recording path without HTTP ---------------------------------------------------
// 200 signed-in readers in 20 accounts: the rescoring queue works as it would for a busy portal.
const people: Array<{ id: string; accountId: string }> = []
for (let a = 0; a < 20; a++) {
	const account = await upsertAccount(prisma, { name: `Bench Co ${a}`, emailDomain: `bench${a}.example.com`, arr: 50_000, costToServe: 5_000, nps: 10, expansionPotential: 0, strategic: false })
	for (let i = 0; i < 10; i++) {
		const user = await upsertUser(prisma, { email: `reader${i}@bench${a}.example.com`, name: `Reader ${a}-${i}`, role: 'CUSTOMER', accountId: account.id, passwordHash: 'x' })
		people.push({ id: user.id, accountId: account.id })
	}
}
const cookies: string[] = []
for (const person of people) {
	const session = await prisma.session.create({ data: { userId: person.id, expiresAt: new Date(Date.now() + 86400_000) } })
	cookies.push((await sessionCookie.serialize(session.id)).split(';')[0]!)
}

log('\n## Ingestion through the portal code, no HTTP')
{
	const n = 5_000
	let t = performance.now()
	for (let i = 0; i < n; i++) {
		const user = people[i % people.length]!
		await recordEvent(prisma, { kind: 'article_view', userId: user.id, accountId: user.accountId, itemKey: `article:a-${i % 40}` })
	}
	const single = rate(n, performance.now() - t)
	rows.push(['recordEvent, one call per event (sequential)', `${single}`, ratio(single, baseline.single, 'single')])

	t = performance.now()
	for (let i = 0; i < n; i += 100) {
		await recordEvents(
			prisma,
			Array.from({ length: 100 }, (_, j) => {
				const user = people[(i + j) % people.length]!
				return { kind: 'article_view' as const, userId: user.id, accountId: user.accountId, itemKey: `article:a-${j % 40}` }
			}),
		)
	}
	const batched = rate(n, performance.now() - t)
	rows.push(['recordEvents, 100 per call', `${batched}`, ratio(batched, baseline.batched, 'batched')])
	figures.ratioAtLeast('POST /api/events, batches of 20', 'domain batch path (recordEvents, 100 per call)', batched, 'events/s', { label: 'raw batched SQLite (100 per transaction)', value: baseline.batched }, 0.5)

	// The route's action with real Requests: session lookup, origin check, zod, dedupe insert.
	const beaconRequest = (i: number) =>
		new Request('http://localhost:3000/api/events', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', Cookie: cookies[i % cookies.length]! },
			body: JSON.stringify({ clientEventId: randomUUID(), kind: 'video_play', itemKey: `video:v-${i % 10}`, data: { seconds: 12 } }),
		})
	t = performance.now()
	for (let i = 0; i < n; i++) await eventsAction({ request: beaconRequest(i), params: {}, context: {} })
	const action = rate(n, performance.now() - t)
	rows.push(['POST /api/events action, sequential', `${action}`, ratio(action, baseline.single, 'single')])

	t = performance.now()
	for (let i = 0; i < n; i += 50) {
		await Promise.all(Array.from({ length: 50 }, (_, j) => eventsAction({ request: beaconRequest(i + j), params: {}, context: {} })))
	}
	const concurrent = rate(n, performance.now() - t)
	rows.push(['POST /api/events action, 50 in flight', `${concurrent}`, ratio(concurrent, baseline.single, 'single')])
	// The action's own cost without the HTTP server: steadier than the HTTP figures on a busy machine.
	figures.add({
		measure: 'reference: POST /api/events action without HTTP, 50 in flight, 1 event per request',
		metric: 'events acknowledged',
		value: concurrent,
		unit: 'events/s',
		baseline: { label: 'raw single-row SQLite (1 per transaction)', value: baseline.single },
		ratio: concurrent / baseline.single,
		goal: '(none)',
		met: true,
	})
}
printRows(['path', 'events/s', 'ratio to raw SQLite'])

// ---- 3. with HTTP ------------------------------------------------------------------------------
if (!process.env.BENCH_SKIP_HTTP) {
	await prisma.$disconnect()
	log('\n## Ingestion over HTTP (production build, portal server, 50 connections, unique beacon per request)')
	execSync('npm run -s build', { stdio: 'ignore' })
	const port = 3910
	// No scheduled full recompute during the load; the incremental rescoring queue stays on, as in production.
	const portal = await startPortal(port, { DATABASE_URL: `file:${dbFile}`, SESSION_SECRET, SCORING_INTERVAL_MINUTES: '0' })
	try {
		const plain = await plainNodeBaseline(SECONDS)
		const trivial = await load('GET /healthz', `http://127.0.0.1:${port}/healthz`, { seconds: SECONDS })
		const single = await postLoad(port, 1)
		const batchedHttp = await postLoad(port, 20)
		log('| route | req/s | events/s | p50 ms | p99 ms | non-2xx |')
		log('| --- | --- | --- | --- | --- | --- |')
		log(`| plain node:http "ok" | ${plain.requestsPerSecond} | | ${plain.p50} | ${plain.p99} | ${plain.non2xx} |`)
		log(`| GET /healthz (trivial route) | ${trivial.requestsPerSecond} | | ${trivial.p50} | ${trivial.p99} | ${trivial.non2xx} |`)
		for (const r of [single, batchedHttp]) log(`| POST /api/events, ${r.perRequest} event(s) a request | ${r.requests} | ${r.events} | ${r.p50} | ${r.p99} | ${r.non2xx} |`)
		log(`beacons over HTTP = ${(single.requests / plain.requestsPerSecond).toFixed(3)} of plain node:http, ${(single.events / baseline.single).toFixed(2)} of raw single-row SQLite inserts (${baseline.single}/s in this run)`)
		const http = { label: 'plain node:http', value: plain.requestsPerSecond }
		figures.atLeast('POST /api/events, 50 connections, 1 event per request', 'events acknowledged', single.events, 'events/s', 2_000, `${single.requests} req/s = ${(single.requests / http.value).toFixed(3)} of plain node:http (${http.value} req/s); p99 ${single.p99} ms; non-2xx ${single.non2xx}`)
		figures.atLeast('POST /api/events, batches of 20', 'events acknowledged (50 connections)', batchedHttp.events, 'events/s', 10_000, `${batchedHttp.requests} req/s = ${(batchedHttp.requests / http.value).toFixed(3)} of plain node:http; p99 ${batchedHttp.p99} ms; non-2xx ${batchedHttp.non2xx}`)
	} finally {
		await stopPortal(portal)
	}

	// The same beacons through Remix's request handler instead of the direct action path (server/direct-action.ts).
	const throughRemix = await startPortal(port, { DATABASE_URL: `file:${dbFile}`, SESSION_SECRET, SCORING_INTERVAL_MINUTES: '0', DIRECT_ACTIONS: '0' })
	try {
		const viaRemix = await postLoad(port, 1)
		log(`| POST /api/events, 1 event a request, through Remix (DIRECT_ACTIONS=0) | ${viaRemix.requests} | ${viaRemix.events} | ${viaRemix.p50} | ${viaRemix.p99} | ${viaRemix.non2xx} |`)
		figures.add({ measure: 'reference: POST /api/events through Remix (DIRECT_ACTIONS=0), 1 event per request', metric: 'events acknowledged', value: viaRemix.events, unit: 'events/s', goal: '(none)', met: true, note: `p99 ${viaRemix.p99} ms; non-2xx ${viaRemix.non2xx}` })
	} finally {
		await stopPortal(throughRemix)
	}

	// Durability: 50 clients post, the server is killed with SIGKILL, every acknowledged id must be stored.
	const victim = await startPortal(port, { DATABASE_URL: `file:${dbFile}`, SESSION_SECRET, SCORING_INTERVAL_MINUTES: '0' })
	const killed = await postUntilKilled(victim, `http://127.0.0.1:${port}/api/events`, Math.min(5, SECONDS))
	const { prisma: after } = await import('#app/utils/db.server.ts')
	let stored = 0
	for (let i = 0; i < killed.acknowledged.length; i += 500) {
		stored += await after.engagementEvent.count({ where: { clientEventId: { in: killed.acknowledged.slice(i, i + 500) } } })
	}
	await after.$disconnect()
	const lost = killed.acknowledged.length - stored
	log(`kill -9 during the load: ${killed.acknowledged.length} events acknowledged before the kill, ${stored} stored, ${lost} lost`)
	// Nothing acknowledged (a machine too busy for the server to answer in time) proves nothing: not met.
	figures.add({ measure: 'every acknowledged event durable (kill -9)', metric: 'acknowledged events lost', value: lost, unit: 'events', goal: '0', met: lost === 0 && killed.acknowledged.length > 0, note: `${killed.acknowledged.length} acknowledged before SIGKILL, all checked after (also test/integration/http/server-process.test.ts)` })
}

// ---- 4. full recompute at scale -------------------------------------------------------------------
if (process.env.BENCH_SKIP_SCALE) {
	log(`\nfigures: ${figures.write()}`)
	fs.rmSync(path.dirname(dbFile), { recursive: true, force: true })
	process.exit(0)
}
log(`\n## Full recompute: ${USERS.toLocaleString('en-US')} users, ${EVENTS.toLocaleString('en-US')} events`)
const now = new Date()
let t = performance.now()
generatePopulation(dbFile, USERS, EVENTS, now)
log(`generated in ${Math.round((performance.now() - t) / 1000)} s (raw batched inserts; not part of the measurement)`)

const { prisma: db } = await import('#app/utils/db.server.ts')
await db.$connect()
let lastPrint = 0
const progress = ({ phase, done, total }: { phase: string; done: number; total: number }) => {
	if (performance.now() - lastPrint < 5000 && done < total) return
	lastPrint = performance.now()
	log(`  ${phase}: ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} (${Math.round((performance.now() - t) / 1000)} s)`)
}
const heapBefore = process.memoryUsage().rss
t = performance.now()
// Through the queue and its runner, as `npm run scores:recompute` and the schedule do: scores, then tasks.
const fullRun = async (onProgress?: typeof progress) => {
	await enqueueScoring(db, { key: ALL_KEY, reason: 'bench' })
	return new ScoringRunner({ holder: 'bench', recompute: { now, onProgress } }).drain()
}
const first = await fullRun(progress)
const firstMs = performance.now() - t
const rss = process.memoryUsage().rss
t = performance.now()
const second = await fullRun()
const secondMs = performance.now() - t
const someone = await db.user.findFirstOrThrow({ where: { email: { endsWith: '@scale.example.com' } }, select: { id: true } })
t = performance.now()
await new ScoringRunner({ holder: 'bench' }).scoreNow([userKey(someone.id)], 'bench')
const incrementalMs = performance.now() - t

log('| run | time | users/s | events/s | snapshots written | tasks |')
log('| --- | --- | --- | --- | --- | --- |')
log(`| first full recompute (empty history) | ${(firstMs / 1000).toFixed(1)} s | ${rate(first.users, firstMs)} | ${rate(first.events, firstMs)} | ${first.snapshotsCreated} | ${first.tasksCreated} |`)
log(`| second, same data and instant (nothing to write) | ${(secondMs / 1000).toFixed(1)} s | ${rate(second.users, secondMs)} | ${rate(second.events, secondMs)} | ${second.snapshotsCreated + second.snapshotsUpdated} | ${second.tasksCreated + second.tasksUpdated} |`)
log(`incremental rescore of one user and their account (10 users), enqueued and drained: ${incrementalMs.toFixed(0)} ms`)
log(`process RSS ${Math.round(heapBefore / 1e6)} MB before, ${Math.round(rss / 1e6)} MB after the first run; database ${Math.round(fs.statSync(dbFile).size / 1e6)} MB`)
const scale = `${USERS.toLocaleString('en-US')} users / ${EVENTS.toLocaleString('en-US')} events`
figures.below(`full recompute, ${scale}`, 'first run (empty history)', Number((firstMs / 1000).toFixed(1)), 's', 30)
figures.add({ measure: `full recompute, ${scale}`, metric: 'second run, nothing changed', value: Number((secondMs / 1000).toFixed(1)), unit: 's', goal: '(reported)', met: true })
figures.below(`full recompute, ${scale}`, 'peak RSS (process, after the first run)', Math.round(rss / 1e6), 'MB', 1000)
figures.below(`full recompute, ${scale}`, "one user's rescore after an event (enqueued and drained)", Math.round(incrementalMs), 'ms', 50)
log(`\nfigures: ${figures.write()}`)
await db.$disconnect()
// The scratch database is about a gigabyte at full scale.
fs.rmSync(path.dirname(dbFile), { recursive: true, force: true })

// ---- helpers -----------------------------------------------------------------------------------

function rawBaseline(n: number) {
	const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-raw-')), 'raw.db')
	const raw = new Database(file)
	raw.pragma('journal_mode = WAL')
	raw.pragma('synchronous = NORMAL')
	raw.exec(`CREATE TABLE e (id TEXT PRIMARY KEY, clientEventId TEXT UNIQUE, kind TEXT NOT NULL, userId TEXT, accountId TEXT, itemKey TEXT, data TEXT NOT NULL, occurredAt TEXT NOT NULL, createdAt TEXT NOT NULL, updatedAt TEXT NOT NULL);
		CREATE INDEX e_user ON e (userId, occurredAt); CREATE INDEX e_account ON e (accountId, occurredAt); CREATE INDEX e_kind ON e (kind, occurredAt);`)
	const insert = raw.prepare('INSERT INTO e VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
	const row = (i: number) => {
		const at = new Date().toISOString()
		return [`r${i}`, randomUUID(), 'article_read', `u${i % 500}`, `a${i % 50}`, `article:a-${i % 40}`, '{"seconds":60}', at, at, at]
	}
	let t0 = performance.now()
	const one = raw.transaction((i: number) => insert.run(...row(i)))
	for (let i = 0; i < n; i++) one(i)
	const single = rate(n, performance.now() - t0)
	t0 = performance.now()
	const many = raw.transaction((from: number) => {
		for (let i = from; i < from + 100; i++) insert.run(...row(n + i))
	})
	for (let i = 0; i < n; i += 100) many(i)
	const batched = rate(n, performance.now() - t0)
	raw.close()
	fs.rmSync(path.dirname(file), { recursive: true, force: true })
	return { single, batched }
}

/** 50 connections posting unique beacons, `perRequest` events each; counts only acknowledged (2xx) requests. */
async function postLoad(port: number, perRequest: number) {
	let n = 0
	const beaconOf = () => ({ clientEventId: randomUUID(), kind: 'video_play', itemKey: `video:v-${n % 10}`, data: { seconds: 12 } })
	const result = await autocannon({
		url: `http://127.0.0.1:${port}/api/events`,
		connections: 50,
		pipelining: 1,
		duration: SECONDS,
		requests: [
			{
				method: 'POST',
				setupRequest: (req) => ({
					...req,
					headers: { 'Content-Type': 'application/json', Cookie: cookies[n++ % cookies.length]! },
					body: JSON.stringify(perRequest === 1 ? beaconOf() : { events: Array.from({ length: perRequest }, beaconOf) }),
				}),
			},
		],
	})
	const acknowledged = result['2xx']
	return {
		perRequest,
		requests: Math.round(acknowledged / result.duration),
		events: Math.round((acknowledged * perRequest) / result.duration),
		p50: result.latency.p50,
		p99: result.latency.p99,
		non2xx: result.non2xx,
	}
}

/** 50 clients post beacons for `seconds`, then the server gets SIGKILL; returns the ids acknowledged before it. */
async function postUntilKilled(victim: import('node:child_process').ChildProcess, url: string, seconds: number) {
	const acknowledged: string[] = []
	let killed = false
	const client = async (c: number) => {
		for (let i = 0; !killed; i++) {
			const clientEventId = randomUUID()
			try {
				const response = await fetch(url, {
					method: 'POST',
					headers: { 'Content-Type': 'application/json', Cookie: cookies[(c + i) % cookies.length]! },
					body: JSON.stringify({ clientEventId, kind: 'video_play', itemKey: 'video:v-1', data: { seconds: 3 } }),
				})
				if (response.status === 201) acknowledged.push(clientEventId)
			} catch {
				// Refused or reset once the server is gone.
			}
		}
	}
	const clients = Array.from({ length: 50 }, (_, c) => client(c))
	await new Promise((resolve) => setTimeout(resolve, seconds * 1000))
	const exited = new Promise((resolve) => victim.once('exit', resolve))
	victim.kill('SIGKILL')
	killed = true
	await Promise.all(clients)
	await exited
	return { acknowledged }
}

function ratio(value: number, reference: number, label: string) {
	return `${(value / reference).toFixed(2)} of raw ${label}`
}

function printRows(header: string[]) {
	log(`| ${header.join(' | ')} |`)
	log(`| ${header.map(() => '---').join(' | ')} |`)
	for (const r of rows) log(`| ${r.join(' | ')} |`)
}

/** Accounts of 10 users each and their events over 120 days, written with raw batched inserts. */
function generatePopulation(file: string, users: number, events: number, now: Date) {
	const raw = new Database(file)
	raw.pragma('journal_mode = WAL')
	raw.pragma('synchronous = NORMAL')
	const stamp = (d: Date) => d.toISOString().replace('Z', '+00:00')
	const created = stamp(new Date(now.getTime() - 200 * 86400_000))
	const insertAccount = raw.prepare(
		'INSERT INTO Account (id, name, emailDomain, tier, computedTier, arr, costToServe, nps, createdAt, updatedAt) VALUES (?, ?, ?, 3, 3, ?, ?, ?, ?, ?)',
	)
	const insertUser = raw.prepare('INSERT INTO User (id, email, name, role, accountId, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)')
	const accounts = Math.ceil(users / 10)
	raw.transaction(() => {
		for (let a = 0; a < accounts; a++) insertAccount.run(`acct${a}`, `Scale ${a}`, `s${a}.scale.example.com`, 20_000 + (a % 7) * 5_000, 4_000 + (a % 5) * 3_000, (a % 21) * 10 - 100, created, created)
		for (let u = 0; u < users; u++) insertUser.run(`user${u}`, `u${u}@scale.example.com`, `User ${u}`, 'CUSTOMER', `acct${Math.floor(u / 10)}`, created, created)
	})()
	const insertEvent = raw.prepare(
		'INSERT INTO EngagementEvent (id, clientEventId, kind, userId, accountId, itemKey, data, occurredAt, createdAt, updatedAt) VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?, ?)',
	)
	// Kinds in the mix a real portal sees; quiz scores and path levels as the recorders write them.
	const mix: Array<[string, number]> = [
		['sign_in', 25], ['article_view', 30], ['article_read', 14], ['search', 10], ['lesson_complete', 6], ['quiz_attempt', 5],
		['check_answer', 4], ['path_enrol', 2], ['path_complete', 1.5], ['video_play', 2.5],
	]
	const table: string[] = []
	for (const [kind, weight] of mix) for (let i = 0; i < weight * 2; i++) table.push(kind)
	let seed = 12345
	const rnd = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32)
	const perUser = events / users
	const batch = raw.transaction((from: number, to: number) => {
		for (let e = from; e < to; e++) {
			const u = Math.floor(e / perUser)
			const kind = table[Math.floor(rnd() * table.length)]!
			const at = stamp(new Date(now.getTime() - Math.floor(rnd() * 120 * 86400_000)))
			let itemKey: string | null = null
			let data = '{}'
			if (kind.startsWith('article')) itemKey = `article:a-${Math.floor(rnd() * 44)}`
			else if (kind === 'quiz_attempt') {
				itemKey = `quiz:p-${Math.floor(rnd() * 5)}/check`
				const score = Math.floor(rnd() * 101)
				data = JSON.stringify({ score, difficulty: 1 + Math.floor(rnd() * 3), passed: score >= 70 })
			} else if (kind === 'lesson_complete') itemKey = `lesson:p-${Math.floor(rnd() * 5)}/l${Math.floor(rnd() * 5)}`
			else if (kind === 'path_enrol' || kind === 'path_complete') {
				itemKey = `path:p-${Math.floor(rnd() * 5)}`
				if (kind === 'path_complete') data = '{"level":"beginner"}'
			} else if (kind === 'check_answer') {
				itemKey = `check:c-${Math.floor(rnd() * 6)}`
				data = JSON.stringify({ correct: rnd() < 0.6 })
			} else if (kind === 'search') data = JSON.stringify({ hits: Math.floor(rnd() * 9) })
			insertEvent.run(`ev${e}`, kind, `user${u}`, `acct${Math.floor(u / 10)}`, itemKey, data, at, at, at)
		}
	})
	const step = 50_000
	let last = performance.now()
	for (let e = 0; e < events; e += step) {
		batch(e, Math.min(events, e + step))
		if (performance.now() - last > 5000) {
			last = performance.now()
			log(`  generating: ${(e + step).toLocaleString('en-US')}/${events.toLocaleString('en-US')} events`)
		}
	}
	raw.close()
}
