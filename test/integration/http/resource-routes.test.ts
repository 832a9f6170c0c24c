import fs from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { syncAllContent } from '#app/domain/content/sync-all.server.ts'
import * as accountScore from '#app/routes/api.accounts.$accountId.score.ts'
import * as checks from '#app/routes/api.checks.ts'
import * as events from '#app/routes/api.events.ts'
import * as apiSearch from '#app/routes/api.search.ts'
import * as userScore from '#app/routes/api.users.$userId.score.ts'
import * as healthz from '#app/routes/healthz.ts'
import * as suggest from '#app/routes/search.suggest.ts'
import { prisma } from '#app/utils/db.server.ts'
import { resourceRouteHandler } from '#test/support/resource-routes.ts'
import { BASE } from '#test/support/requests.ts'
import { customer, FILES, writeContent } from '../learning/fixture.ts'

// Through Remix's own handler: the status a client gets, not the value a loader returned.
const handle = resourceRouteHandler({
	'api/checks': checks,
	'api/events': events,
	'api/search': apiSearch,
	'api/accounts/:accountId/score': accountScore,
	'api/users/:userId/score': userScore,
	healthz,
	'search/suggest': suggest,
})

function send(path: string, init: { method?: string; cookie?: string; json?: unknown; form?: Record<string, string>; body?: string; headers?: Record<string, string> } = {}) {
	const headers = new Headers(init.headers)
	if (init.cookie) headers.set('Cookie', init.cookie)
	let body: BodyInit | undefined = init.body
	if (init.json !== undefined) {
		body = JSON.stringify(init.json)
		headers.set('Content-Type', 'application/json')
	} else if (init.form) body = new URLSearchParams(init.form)
	else if (body !== undefined) headers.set('Content-Type', 'application/json')
	return handle(new Request(new URL(path, BASE), { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body }))
}

let dir: string
beforeAll(async () => {
	dir = await writeContent(FILES)
	expect((await syncAllContent(dir)).errors).toEqual([])
})
afterAll(() => fs.rm(dir, { recursive: true, force: true }))

describe('/api/checks answers the status it means', () => {
	test('a GET is 405 with Allow: POST', async () => {
		const response = await send('/api/checks')
		expect(response.status).toBe(405)
		expect(response.headers.get('Allow')).toBe('POST')
		expect(await response.json()).toEqual({ error: 'Use POST.' })
	})

	test('signed out is 401 and records nothing', async () => {
		const before = await prisma.checkAnswer.count()
		const response = await send('/api/checks', { json: { checkId: 'fx-check', answer: 'y' } })
		expect(response.status).toBe(401)
		expect((await response.json()).error).toMatch(/Sign in/)
		expect(await prisma.checkAnswer.count()).toBe(before)
	})

	test('a malformed body is 400: broken JSON, extra keys, no check id, an unknown option', async () => {
		const { user, cookie } = await customer(3)
		const malformed: Array<Parameters<typeof send>[1]> = [
			{ body: '{not json' },
			{ json: { checkId: 'fx-check', answer: 'y', extra: 1 } },
			{ json: { answer: 'y' } },
			{ form: { answer: 'y' } },
			{ form: { checkId: 'fx-check', answer: 'q' } },
		]
		for (const init of malformed) {
			const response = await send('/api/checks', { cookie, ...init })
			expect(response.status, JSON.stringify(init)).toBe(400)
			expect(typeof (await response.json()).error).toBe('string')
		}
		expect(await prisma.checkAnswer.count({ where: { userId: user.id } })).toBe(0)
	})

	test('a check above the reader is 404 without its explanation; the same check for its reader is 200', async () => {
		const tier3 = await customer(3)
		const refused = await send('/api/checks', { cookie: tier3.cookie, form: { checkId: 'fx-vip-check', answer: '3' } })
		expect(refused.status).toBe(404)
		expect(await refused.text()).not.toContain('SECRET')
		const tier1 = await customer(1)
		const graded = await send('/api/checks', { cookie: tier1.cookie, form: { checkId: 'fx-vip-check', answer: '3' } })
		expect(graded.status).toBe(200)
		expect(await graded.json()).toEqual({ correct: true, explanation: 'SECRET-VIP-CHECK-EXPLANATION.' })
	})

	test('a cross-site post is 403', async () => {
		const { cookie } = await customer(3)
		const response = await send('/api/checks', { cookie, form: { checkId: 'fx-check', answer: 'y' }, headers: { Origin: 'https://evil.example.net' } })
		expect(response.status).toBe(403)
	})
})

describe('the other resource routes answer the status they mean', () => {
	test('signed out: the JSON APIs are 401', async () => {
		for (const path of ['/api/search?q=report', '/api/accounts/any/score', '/api/users/any/score']) {
			expect((await send(path)).status, path).toBe(401)
		}
	})

	test('a GET of a POST-only route is 405', async () => {
		const response = await send('/api/events')
		expect(response.status).toBe(405)
		expect(response.headers.get('Allow')).toBe('POST')
	})

	test('a signed-in reader gets 200 from search, the typeahead and the health check; unknown subjects are 404', async () => {
		const { user, cookie } = await customer(3)
		expect((await send('/api/search?q=lesson', { cookie })).status).toBe(200)
		expect((await send('/search/suggest?q=lesson', { cookie })).status).toBe(200)
		expect((await send('/healthz')).status).toBe(200)
		expect((await send(`/api/users/${user.id}/score`, { cookie })).status).toBe(200)
		expect((await send('/api/users/someone-else/score', { cookie })).status).toBe(404)
		expect((await send('/api/accounts/not-mine/score', { cookie })).status).toBe(404)
	})
})
