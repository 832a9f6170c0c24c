import { randomUUID } from 'node:crypto'
import { beforeAll, describe, expect, test } from 'vitest'
import { action as eventsAction } from '#app/routes/api.events.ts'
import { loader as apiSearch } from '#app/routes/api.search.ts'
import { loader as searchPage } from '#app/routes/search.tsx'
import { loader as suggest } from '#app/routes/search.suggest.ts'
import { prisma } from '#app/utils/db.server.ts'
import { articleSource, syncFixtureArticles } from '#test/support/content.ts'
import { cookieFor, createAccount, createUser, makeRequest } from '#test/support/requests.ts'

const cookies: Record<string, string> = {}
let tier3User: { id: string; accountId: string | null }
beforeAll(async () => {
	const { report } = await syncFixtureArticles({
		'schedule-a-report': articleSource('schedule-a-report', {
			title: 'Schedule a report by email',
			body: '## Steps\n\nSend the weekly report to your team.\n\n<Audience min="tier1">\nAsk about the glimmerfox concierge.\n</Audience>\n',
		}),
		'warehouse-secrets': articleSource('warehouse-secrets', {
			title: 'Warehouse tuning for strategic accounts',
			audience: 'tier1',
			body: '## Tuning\n\nEnable the moonquartz accelerator.\n',
		}),
		'public-intro': articleSource('public-intro', { title: 'What the product does', audience: 'public', body: '## Intro\n\nDashboards and reports for everyone.\n' }),
	})
	expect(report.errors).toEqual([])
	const tier1 = await createAccount({ arr: 900_000, strategic: true, expansionPotential: 80, nps: 50 })
	const tier3 = await createAccount()
	const t3 = await createUser('CUSTOMER', { accountId: tier3.id })
	tier3User = t3
	cookies.tier3 = await cookieFor(t3.id)
	cookies.tier1 = await cookieFor((await createUser('CUSTOMER', { accountId: tier1.id })).id)
})

const page = (q: string, cookie = '') => searchPage({ request: makeRequest(`/search?${new URLSearchParams({ q })}`, { cookie }), params: {}, context: {} })
const api = async (q: string, cookie = '') => {
	const response = await apiSearch({ request: makeRequest(`/api/search?${new URLSearchParams({ q })}`, { cookie }), params: {}, context: {} })
	return { status: response.status, body: await response.json() }
}

describe('search audience safety', () => {
	test('a term only a Tier 1 article holds gives Tier 3 no hit, no title, no snippet, no facet count', async () => {
		const forTier3 = await page('moonquartz', cookies.tier3)
		expect(forTier3.result.total).toBe(0)
		expect(JSON.stringify(forTier3.result)).not.toMatch(/moonquartz|Warehouse tuning/)
		const forTier1 = await page('moonquartz', cookies.tier1)
		expect(forTier1.result.hits.map((h) => h.url)).toEqual(['/kb/warehouse-secrets'])
	})

	test('a Tier 1 block inside a customers article is found by Tier 1 readers only', async () => {
		expect((await page('glimmerfox', cookies.tier3)).result.total).toBe(0)
		const tier1 = await page('glimmerfox', cookies.tier1)
		expect(tier1.result.hits[0]!.url).toBe('/kb/schedule-a-report')
		expect(JSON.stringify(tier1.result.hits[0]!.snippet)).toContain('glimmerfox')
	})

	test('signed-out visitors search public content only; the JSON API needs a sign-in', async () => {
		const anonymous = await page('report')
		expect(anonymous.result.hits.map((h) => h.url)).toEqual(['/kb/public-intro'])
		expect((await api('report')).status).toBe(401)
	})

	test('suggestions as you type follow the same audience rules', async () => {
		const response = await suggest({ request: makeRequest('/search/suggest?q=warehouse', { cookie: cookies.tier3 }), params: {}, context: {} })
		expect((await response.json()).suggestions).toEqual([])
	})
})

describe('search results and logging', () => {
	test('a typo finds the article; the API returns the same hits as the page', async () => {
		const typo = await page('reprot', cookies.tier3)
		expect(typo.result.hits.map((h) => h.url)).toContain('/kb/schedule-a-report')
		const { status, body } = await api('reprot', cookies.tier3)
		expect(status).toBe(200)
		expect(body.hits.map((h: { url: string }) => h.url)).toEqual(typo.result.hits.map((h) => h.url))
	})

	test('every search the page reports is logged with its hit count, user and account only; zero-hit searches too', async () => {
		await prisma.searchLog.deleteMany()
		for (const q of ['weekly report', 'nothing matches this']) {
			// The loader only reads; the page reports the query it showed, once.
			await page(q, cookies.tier3)
			const body = JSON.stringify({ clientEventId: randomUUID(), kind: 'search', data: { q } })
			const request = new Request('http://localhost:3000/api/events', { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookies.tier3! }, body })
			expect((await eventsAction({ request, params: {}, context: {} })).status).toBe(201)
		}
		const logs = await prisma.searchLog.findMany({ orderBy: { createdAt: 'asc' } })
		expect(logs.map((l) => ({ query: l.query, zero: l.hits === 0, userId: l.userId, accountId: l.accountId }))).toEqual([
			{ query: 'weekly report', zero: false, userId: tier3User.id, accountId: tier3User.accountId },
			{ query: 'nothing matches this', zero: true, userId: tier3User.id, accountId: tier3User.accountId },
		])
		expect(await prisma.engagementEvent.count({ where: { kind: 'search', userId: tier3User.id } })).toBe(2)
	})

	test('the empty state offers popular articles the reader may read', async () => {
		const result = await page('zzzz qqqq', cookies.tier3)
		expect(result.result.total).toBe(0)
		expect(result.popular.map((a) => a.slug)).not.toContain('warehouse-secrets')
		expect(result.popular.length).toBeGreaterThan(0)
	})
})

describe('queries that name Object.prototype members', () => {
	const words = ['__proto__', 'constructor', 'Constructor', 'hasOwnProperty', 'toString', 'valueOf', 'weekly constructor report']
	test.each(words)('%j answers 200 on /search (signed out and in), /api/search and the typeahead', async (q) => {
		for (const cookie of ['', cookies.tier3!]) {
			const result = await page(q, cookie)
			expect(result.result.total).toBe(result.result.hits.length)
		}
		const { status, body } = await api(q, cookies.tier1)
		expect(status).toBe(200)
		expect(body.total).toBe(body.hits.length)
		for (const cookie of ['', cookies.tier3!]) {
			const response = await suggest({ request: makeRequest(`/search/suggest?${new URLSearchParams({ q })}`, { cookie }), params: {}, context: {} })
			expect(response.status).toBe(200)
			expect((await response.json()).suggestions).toEqual(expect.any(Array))
		}
	})
})
