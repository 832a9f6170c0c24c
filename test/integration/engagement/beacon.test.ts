import { beforeAll, describe, expect, test } from 'vitest'
import { action as eventsAction, loader as eventsLoader } from '#app/routes/api.events.ts'
import { prisma } from '#app/utils/db.server.ts'
import { articleSource, syncFixtureArticles } from '#test/support/content.ts'
import { cookieFor, createAccount, createUser, makeRequest, settle } from '#test/support/requests.ts'
import { beacon, jsonOf, statusOf } from './helpers.ts'

let reader: { id: string; cookie: string }
let other: { id: string; cookie: string }
beforeAll(async () => {
	const { report } = await syncFixtureArticles({
		'open-guide': articleSource('open-guide'),
		'vip-guide': articleSource('vip-guide', { audience: 'tier1' }),
	})
	expect(report.errors).toEqual([])
	const account = await createAccount()
	const a = await createUser('CUSTOMER', { accountId: account.id })
	const b = await createUser('CUSTOMER', { accountId: account.id })
	reader = { id: a.id, cookie: await cookieFor(a.id) }
	other = { id: b.id, cookie: await cookieFor(b.id) }
})

function post(body: unknown, init: { cookie?: string; headers?: Record<string, string>; raw?: string } = {}) {
	const request = new Request('http://localhost:3000/api/events', {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', ...(init.cookie ? { Cookie: init.cookie } : {}), ...init.headers },
		body: init.raw ?? JSON.stringify(body),
	})
	return settle(() => eventsAction({ request, params: {}, context: {} }))
}

const countFor = (userId: string, kind = 'article_read') => prisma.engagementEvent.count({ where: { userId, kind } })

describe('POST /api/events', () => {
	test('records a read-through for the signed-in user, at the server time, with its account', async () => {
		const started = Date.now()
		const result = await post(beacon('article_read', 'article:open-guide', { data: { seconds: 95, reachedEnd: true } }), { cookie: reader.cookie })
		expect(statusOf(result)).toBe(201)
		expect(await jsonOf(result)).toEqual({ recorded: 1, duplicates: 0 })
		const event = await prisma.engagementEvent.findFirstOrThrow({ where: { userId: reader.id, kind: 'article_read' } })
		expect(event.itemKey).toBe('article:open-guide')
		expect(JSON.parse(event.data)).toEqual({ seconds: 95, reachedEnd: true })
		expect(event.accountId).not.toBeNull()
		expect(event.occurredAt.getTime()).toBeGreaterThanOrEqual(started - 1000)
	})

	test('a retried beacon (same clientEventId) is counted once', async () => {
		const event = beacon('video_play', 'video:intro-tour')
		const first = await post(event, { cookie: reader.cookie })
		const retry = await post(event, { cookie: reader.cookie })
		expect(statusOf(first)).toBe(201)
		expect(statusOf(retry)).toBe(200)
		expect(await jsonOf(retry)).toEqual({ recorded: 0, duplicates: 1 })
		expect(await prisma.engagementEvent.count({ where: { clientEventId: event.clientEventId } })).toBe(1)
	})

	test('a customer cannot post an event for another user: a user field is refused and nothing is recorded', async () => {
		const before = { mine: await countFor(reader.id), theirs: await countFor(other.id) }
		const forged = await post({ ...beacon('article_read', 'article:open-guide'), userId: other.id }, { cookie: reader.cookie })
		expect(statusOf(forged)).toBe(400)
		expect(JSON.stringify(await jsonOf(forged))).toMatch(/userId|Unrecognized key/i)
		expect(await countFor(other.id)).toBe(before.theirs)
		expect(await countFor(reader.id)).toBe(before.mine)
		// Inside a batch too.
		const batch = await post({ events: [{ ...beacon('video_play'), userId: other.id }] }, { cookie: reader.cookie })
		expect(statusOf(batch)).toBe(400)
		expect(await prisma.engagementEvent.count({ where: { userId: other.id } })).toBe(0)
	})

	test('unknown kinds and server-only kinds are refused', async () => {
		for (const kind of ['made_up', 'quiz_attempt', 'sign_in', 'path_complete']) {
			const result = await post(beacon(kind, 'article:open-guide'), { cookie: reader.cookie })
			expect(statusOf(result), kind).toBe(400)
			expect((await jsonOf<{ issues: string[] }>(result)).issues.join(' ')).toMatch(/kind/)
		}
		expect(await prisma.engagementEvent.count({ where: { userId: reader.id, kind: { in: ['quiz_attempt', 'path_complete'] } } })).toBe(0)
	})

	test('oversized payloads are refused: too many data keys, too long a value, too big a body', async () => {
		const keys = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`k${i}`, i]))
		expect(statusOf(await post(beacon('video_play', undefined, { data: keys }), { cookie: reader.cookie }))).toBe(400)
		expect(statusOf(await post(beacon('video_play', undefined, { data: { note: 'x'.repeat(201) } }), { cookie: reader.cookie }))).toBe(400)
		const huge = await post(null, { cookie: reader.cookie, raw: JSON.stringify({ ...beacon('video_play'), pad: 'x'.repeat(20_000) }) })
		expect(statusOf(huge)).toBe(413)
		expect(statusOf(await post(null, { cookie: reader.cookie, raw: '{not json' }))).toBe(400)
	})

	test('a read of an article the reader may not read is refused (no made-up content depth)', async () => {
		expect(statusOf(await post(beacon('article_read', 'article:vip-guide'), { cookie: reader.cookie }))).toBe(422)
		expect(statusOf(await post(beacon('article_read', 'article:no-such-article'), { cookie: reader.cookie }))).toBe(422)
		expect(statusOf(await post(beacon('article_read', 'lesson:basics/intro'), { cookie: reader.cookie }))).toBe(422)
		expect(await prisma.engagementEvent.count({ where: { userId: reader.id, itemKey: { in: ['article:vip-guide', 'article:no-such-article'] } } })).toBe(0)
	})

	test('a batch records each event once; signed out is 401; cross-site is 403; GET is 405', async () => {
		const events = [beacon('video_play', 'video:a'), beacon('video_play', 'video:b')]
		const result = await post({ events }, { cookie: other.cookie })
		expect(await jsonOf(result)).toEqual({ recorded: 2, duplicates: 0 })
		expect(statusOf(await post(beacon('video_play')))).toBe(401)
		const crossSite = await post(beacon('video_play'), { cookie: other.cookie, headers: { Origin: 'https://evil.example.net' } })
		expect(statusOf(crossSite)).toBe(403)
		expect(statusOf(await eventsLoader())).toBe(405)
		expect(await prisma.engagementEvent.count({ where: { userId: other.id, kind: 'video_play' } })).toBe(2)
	})
})

test('makeRequest-based JSON posts work too (the helper the other suites use)', async () => {
	const result = await settle(() =>
		eventsAction({ request: makeRequest('/api/events', { cookie: reader.cookie, json: beacon('video_play', 'video:c') }), params: {}, context: {} }),
	)
	expect(statusOf(result)).toBe(201)
})
