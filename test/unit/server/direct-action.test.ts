import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { directAction } from '../../../server/direct-action.ts'

// An action that answers with what it was handed, so the test sees the Request the route would see.
async function echo({ request, context }: { request: Request; context: unknown }) {
	if (request.headers.get('X-Throw') === 'response') throw new Response('refused', { status: 403, headers: { 'X-Why': 'thrown' } })
	if (request.headers.get('X-Throw') === 'error') throw new Error('boom')
	const body = await request.text()
	return Response.json({ url: request.url, method: request.method, cookie: request.headers.get('Cookie'), bodyBytes: Buffer.byteLength(body), body: body.slice(0, 20), context }, { status: 201 })
}

let base: string
let close: () => void
beforeAll(async () => {
	const app = express()
	const handler = directAction({ action: echo as never, maxBodyBytes: 100 }, { origin: (req) => `http://${req.get('Host')}`, loadContext: () => ({ cspNonce: 'n' }) })
	app.post('/api/events', (req, res, next) => {
		handler(req, res, next).catch(next)
	})
	app.use((error: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => void res.status(500).send(`handler: ${error.message}`))
	const server = app.listen(0, '127.0.0.1')
	await once(server, 'listening')
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
	close = () => server.close()
})
afterAll(() => close())

describe('a POST handed straight to its action', () => {
	test('the action gets the URL, method, headers, body and load context, and its answer goes out as it is', async () => {
		const response = await fetch(`${base}/api/events?x=1`, { method: 'POST', headers: { Cookie: 'a=b', 'Content-Type': 'application/json' }, body: '{"kind":"video_play"}' })
		expect(response.status).toBe(201)
		expect(response.headers.get('Content-Type')).toContain('application/json')
		expect(await response.json()).toEqual({ url: `${base}/api/events?x=1`, method: 'POST', cookie: 'a=b', bodyBytes: 21, body: '{"kind":"video_play"', context: { cspNonce: 'n' } })
	})

	test('a body past the limit reaches the action cut one byte past it, never whole', async () => {
		const response = await fetch(`${base}/api/events`, { method: 'POST', body: 'x'.repeat(100_000) })
		expect((await response.json()).bodyBytes).toBe(101)
		const exact = await fetch(`${base}/api/events`, { method: 'POST', body: 'y'.repeat(100) })
		expect((await exact.json()).bodyBytes).toBe(100)
	})

	test('a thrown Response is the answer; any other error goes to the error handler', async () => {
		const refused = await fetch(`${base}/api/events`, { method: 'POST', headers: { 'X-Throw': 'response' }, body: '{}' })
		expect(refused.status).toBe(403)
		expect(refused.headers.get('X-Why')).toBe('thrown')
		expect(await refused.text()).toBe('refused')
		const failed = await fetch(`${base}/api/events`, { method: 'POST', headers: { 'X-Throw': 'error' }, body: '{}' })
		expect(failed.status).toBe(500)
		expect(await failed.text()).toBe('handler: boom')
	})
})
