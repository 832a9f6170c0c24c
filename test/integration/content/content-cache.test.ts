import { afterEach, beforeAll, describe, expect, test, vi } from 'vitest'
import { loader as articleLoader } from '#app/routes/kb.$slug.tsx'
import { prisma } from '#app/utils/db.server.ts'
import { articleSource, syncFixtureArticles } from '#test/support/content.ts'
import { cookieFor, createAccount, createUser, makeRequest, settle } from '#test/support/requests.ts'

// The caches as production runs them (the test default reads the stamp on every request). Vitest runs vi.hoisted before the imports above.
vi.hoisted(() => {
	process.env.CONTENT_STAMP_POLL_MS = '60000'
})

const TIER1_TEXT = 'GLIMMER-CONCIERGE-TIER1'
const TIER1 = { arr: 900_000, strategic: true, expansionPotential: 80, nps: 50 }

let tier1Cookie: string
let tier3Cookie: string
const FILES = {
	'mixed-guide': articleSource('mixed-guide', { body: `## Start\n\nFor every customer.\n\n<Audience min="tier1">\n${TIER1_TEXT} details.\n</Audience>\n` }),
	'vip-guide': articleSource('vip-guide', { audience: 'tier1', body: `## Start\n\n${TIER1_TEXT} only.\n` }),
	'open-guide': articleSource('open-guide', { audience: 'public' }),
}

beforeAll(async () => {
	const { report } = await syncFixtureArticles(FILES)
	expect(report.errors).toEqual([])
	const top = await createAccount(TIER1)
	expect(top.tier).toBe(1)
	const tail = await createAccount()
	tier1Cookie = await cookieFor((await createUser('CUSTOMER', { accountId: top.id })).id)
	tier3Cookie = await cookieFor((await createUser('CUSTOMER', { accountId: tail.id })).id)
})

afterEach(() => {
	vi.useRealTimers()
})

const page = async (slug: string, cookie?: string) => {
	const result = await settle(() => articleLoader({ request: makeRequest(`/kb/${slug}`, { cookie }), params: { slug }, context: {} }))
	// data() results and thrown Responses carry a status; a plain object is a 200 article.
	if (result instanceof Response) return { status: result.status, text: await result.text() }
	const value = result as { type?: string; init?: { status?: number }; data?: unknown }
	if (value.type === 'DataWithResponseInit') return { status: value.init?.status ?? 200, text: JSON.stringify(value.data) }
	return { status: 200, text: JSON.stringify(result) }
}

describe('article cache: every key has the reader level, every request its audience check', () => {
	test('a Tier 1 read warms the cache; a Tier 3 reader then gets the variant without the Tier 1 section', async () => {
		const top = await page('mixed-guide', tier1Cookie)
		expect(top.status).toBe(200)
		expect(top.text).toContain(TIER1_TEXT)
		const tail = await page('mixed-guide', tier3Cookie)
		expect(tail.status).toBe(200)
		expect(tail.text).not.toContain(TIER1_TEXT)
		// And back: the Tier 1 reader still gets theirs, not the last one cached.
		expect((await page('mixed-guide', tier1Cookie)).text).toContain(TIER1_TEXT)
	})

	test('a Tier 1 article read by Tier 1 is gated for Tier 3 and for a visitor, with no body in the answer', async () => {
		expect((await page('vip-guide', tier1Cookie)).text).toContain(TIER1_TEXT)
		const tail = await page('vip-guide', tier3Cookie)
		expect(tail.status).toBe(403)
		expect(tail.text).not.toContain(TIER1_TEXT)
		const visitor = await page('vip-guide')
		expect(visitor.status).toBe(401)
		expect(visitor.text).not.toContain(TIER1_TEXT)
	})

	test('a sync in this process is seen at once: an article narrowed to Tier 1 is gated on the next request', async () => {
		expect((await page('open-guide', tier3Cookie)).status).toBe(200)
		const { report } = await syncFixtureArticles({
			...FILES,
			'open-guide': articleSource('open-guide', { audience: 'tier1', body: `## Start\n\n${TIER1_TEXT} now.\n` }),
		})
		expect(report.errors).toEqual([])
		const tail = await page('open-guide', tier3Cookie)
		expect(tail.status).toBe(403)
		expect(tail.text).not.toContain(TIER1_TEXT)
	})

	test('a change written by another instance is seen once the stamp is read again (the poll interval)', async () => {
		expect((await page('mixed-guide', tier3Cookie)).status).toBe(200)
		// Another instance narrows the article: no sync ran in this process.
		await prisma.article.update({ where: { slug: 'mixed-guide' }, data: { audience: 'tier1' } })
		vi.useFakeTimers({ toFake: ['Date'] })
		vi.setSystemTime(Date.now() + 61_000)
		const tail = await page('mixed-guide', tier3Cookie)
		expect(tail.status).toBe(403)
		expect(tail.text).not.toContain(TIER1_TEXT)
	})
})
