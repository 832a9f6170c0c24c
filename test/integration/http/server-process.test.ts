/**
 * The production server as a process (build/server.js on this test file's throwaway database, SQLite or PostgreSQL):
 * no acknowledged event is lost to kill -9, SIGTERM finishes the requests in flight, and the caches
 * in front of the database never hand one reader's page to another.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { once } from 'node:events'
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { prisma } from '#app/utils/db.server.ts'
import { chunked } from '#app/utils/chunked.ts'
import { articleSource, syncFixtureArticles } from '#test/support/content.ts'
import { cookieFor, createAccount, createUser } from '#test/support/requests.ts'

const TIER1_TEXT = 'ORCHID-LANTERN-TIER1'
const TIER1 = { arr: 900_000, strategic: true, expansionPotential: 80, nps: 50 }
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'server-process-'))

let tier1Cookie: string
let tier3Cookie: string
const running = new Set<ChildProcess>()

beforeAll(async () => {
	// The build under test is the current source: rebuilt unless unchanged (serialised with other builds).
	// Without Vitest's variables: with VITEST set, vite.config.ts leaves the Remix plugin out and the build is not the app.
	const buildEnv: NodeJS.ProcessEnv = { ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST'))), NODE_ENV: 'production' }
	// Awaited, not execFileSync: minutes blocked on the lock starve Vitest's worker channel ("Timeout calling onTaskUpdate").
	await promisify(execFile)('flock', ['/tmp/e2e.lock', 'bash', '-c', 'source scripts/lib/ensure-deps.sh && ensure_build'], { env: buildEnv, maxBuffer: 64 * 1024 * 1024 })
	const { report } = await syncFixtureArticles({
		'open-notes': articleSource('open-notes', { audience: 'public' }),
		'vip-notes': articleSource('vip-notes', { audience: 'tier1', body: `## Start\n\n${TIER1_TEXT} only.\n` }),
	})
	expect(report.errors).toEqual([])
	const top = await createAccount(TIER1)
	const tail = await createAccount()
	tier1Cookie = await cookieFor((await createUser('CUSTOMER', { accountId: top.id })).id)
	tier3Cookie = await cookieFor((await createUser('CUSTOMER', { accountId: tail.id })).id)
}, 300_000)

afterEach(() => {
	for (const child of running) child.kill('SIGKILL')
	running.clear()
})

afterAll(() => {
	if (!process.env.KEEP_SERVER_LOGS) fs.rmSync(scratch, { recursive: true, force: true })
})

async function freePort(): Promise<number> {
	const server = net.createServer().listen(0, '127.0.0.1')
	await once(server, 'listening')
	const { port } = server.address() as net.AddressInfo
	server.close()
	return port
}

async function startServer(port?: number) {
	port ??= await freePort()
	const child = spawn(process.execPath, ['build/server.js'], {
		env: {
			...process.env,
			NODE_ENV: 'production',
			PORT: String(port),
			HOST: '127.0.0.1',
			SCORING_INTERVAL_MINUTES: '0',
			SESSION_CACHE_MS: '60000',
			SEARCH_SNAPSHOT_PATH: path.join(scratch, `search-${port}.json`),
		},
		// Its errors go to a file: a pipe nobody reads would fill and stall the server.
		stdio: ['ignore', 'ignore', fs.openSync(path.join(scratch, `server-${port}.log`), 'a')],
	})
	running.add(child)
	const base = `http://127.0.0.1:${port}`
	for (;;) {
		if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
		const up = await fetch(`${base}/healthz`).then((r) => r.ok, () => false)
		if (up) return { child, port, base }
		await new Promise((r) => setTimeout(r, 100))
	}
}

const videoEvent = () => ({ clientEventId: randomUUID(), kind: 'video_play', itemKey: 'video:intro-tour', data: { seconds: 5 } })

async function storedIds(ids: string[]) {
	let found = 0
	for (const part of chunked(ids)) found += await prisma.engagementEvent.count({ where: { clientEventId: { in: part } } })
	return found
}

describe('event durability', () => {
	// Enough acknowledged events that the kill lands among batches in flight.
	const TARGET = 150
	test('kill -9 while events are posted: every event acknowledged before the kill is in the database after a restart', { timeout: 120_000 }, async () => {
		const { child, port, base } = await startServer()
		const acknowledged: string[] = []
		let killed = false
		let reachedTarget: () => void
		const target = new Promise<void>((resolve) => (reachedTarget = resolve))
		const post = async () => {
			while (!killed) {
				const event = videoEvent()
				try {
					const response = await fetch(`${base}/api/events`, {
						method: 'POST',
						headers: { 'Content-Type': 'application/json', Cookie: tier3Cookie },
						body: JSON.stringify(event),
					})
					if (response.status === 201) acknowledged.push(event.clientEventId)
					else if (!killed) throw new Error(`answered ${response.status}`)
				} catch (error) {
					if (!killed) throw error
				}
				if (acknowledged.length >= TARGET) reachedTarget()
			}
		}
		const clients = Array.from({ length: 25 }, post)
		// A client that fails before the target fails the test here rather than leaving it waiting.
		await Promise.race([target, Promise.all(clients)])
		const exited = once(child, 'exit')
		child.kill('SIGKILL')
		killed = true
		await Promise.all(clients)
		await exited
		expect(child.signalCode).toBe('SIGKILL')

		const restarted = await startServer(port)
		expect((await fetch(`${restarted.base}/healthz`)).status).toBe(200)
		expect(acknowledged.length).toBeGreaterThanOrEqual(TARGET)
		expect(await storedIds(acknowledged)).toBe(acknowledged.length)
	})

	test('SIGTERM with requests in flight: each is answered and recorded, then the process exits cleanly', { timeout: 60_000 }, async () => {
		const { child, port } = await startServer()
		// Each request has sent its headers and been taken up (100 Continue) but not its body yet.
		const events = Array.from({ length: 12 }, videoEvent)
		const pending = await Promise.all(
			events.map(async (event) => {
				const body = JSON.stringify(event)
				const request = http.request({
					host: '127.0.0.1',
					port,
					method: 'POST',
					path: '/api/events',
					headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), Cookie: tier3Cookie, Expect: '100-continue' },
				})
				const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
					request.on('response', (response) => {
						let text = ''
						response.on('data', (chunk) => (text += chunk))
						response.on('end', () => resolve({ status: response.statusCode!, body: text }))
					})
					request.on('error', reject)
				})
				request.flushHeaders()
				await once(request, 'continue')
				return { request, body, answered }
			}),
		)
		const exited = once(child, 'exit')
		child.kill('SIGTERM')
		// New connections are refused once the server has stopped accepting...
		for (;;) {
			const refused = await fetch(`http://127.0.0.1:${port}/healthz`).then(() => false, () => true)
			if (refused) break
			await new Promise((r) => setTimeout(r, 20))
		}
		// ...and the requests already in flight still finish.
		for (const { request, body } of pending) request.end(body)
		const answers = await Promise.all(pending.map((p) => p.answered))
		expect(answers.map((a) => a.status)).toEqual(events.map(() => 201))
		const [code] = await exited
		expect(code).toBe(0)
		expect(await storedIds(events.map((e) => e.clientEventId))).toBe(events.length)
	})
})

describe('caches in front of the database, over HTTP', () => {
	const get = (base: string, url: string, headers: Record<string, string> = {}) =>
		fetch(`${base}${url}`, { headers, redirect: 'manual' }).then(async (r) => ({ status: r.status, headers: r.headers, text: await r.text() }))

	test('a visitor\'s cached page: fresh nonce each time, ETag and 304 (without CSP), never served to a signed-in reader', async () => {
		const { base } = await startServer()
		const first = await get(base, '/kb/open-notes')
		const second = await get(base, '/kb/open-notes')
		expect([first.status, second.status]).toEqual([200, 200])
		const nonceOf = (r: { headers: Headers }) => /'nonce-([^']+)'/.exec(r.headers.get('Content-Security-Policy') ?? '')?.[1]
		expect(nonceOf(first)).not.toBe(nonceOf(second))
		// Every script of each answer carries that answer's nonce.
		for (const answer of [first, second]) {
			const nonces = [...answer.text.matchAll(/<script[^>]* nonce="([^"]+)"/g)].map((m) => m[1])
			expect(nonces.length).toBeGreaterThan(0)
			expect(new Set(nonces)).toEqual(new Set([nonceOf(answer)]))
		}
		const etag = second.headers.get('ETag')!
		expect(etag).toBeTruthy()
		expect(second.headers.get('Cache-Control')).toBe('public, no-cache')
		const revalidated = await get(base, '/kb/open-notes', { 'If-None-Match': etag })
		expect(revalidated.status).toBe(304)
		expect(revalidated.headers.get('Content-Security-Policy')).toBeNull()
		// A signed-in reader asking with the visitor's ETag gets their own page, rendered.
		const signedIn = await get(base, '/kb/open-notes', { Cookie: tier3Cookie, 'If-None-Match': etag })
		expect(signedIn.status).toBe(200)
		expect(signedIn.headers.get('ETag')).toBeNull()
		expect(signedIn.text).toContain('Sign out')
		expect(second.text).not.toContain('Sign out')
	})

	test('gated content read by Tier 1 never reaches Tier 3 or a visitor, in any order', async () => {
		const { base } = await startServer()
		for (const order of [
			[tier1Cookie, tier3Cookie, undefined],
			[undefined, tier3Cookie, tier1Cookie, undefined, tier3Cookie],
		]) {
			for (const cookie of order) {
				const page = await get(base, '/kb/vip-notes', cookie ? { Cookie: cookie } : {})
				if (cookie === tier1Cookie) {
					expect(page.status).toBe(200)
					expect(page.text).toContain(TIER1_TEXT)
				} else {
					expect(page.status).toBe(cookie ? 403 : 401)
					expect(page.text).not.toContain(TIER1_TEXT)
				}
			}
		}
	})

	test('sign-out with the session cache on: the old cookie is signed out on the very next request', async () => {
		const { base } = await startServer()
		const user = await createUser('CUSTOMER', { accountId: (await createAccount()).id })
		const cookie = await cookieFor(user.id)
		expect((await get(base, '/api/search?q=notes', { Cookie: cookie })).status).toBe(200)
		const out = await fetch(`${base}/logout`, { method: 'POST', headers: { Cookie: cookie, Origin: base }, redirect: 'manual' })
		expect(out.status).toBe(302)
		expect((await get(base, '/api/search?q=notes', { Cookie: cookie })).status).toBe(401)
	})
})
