import fs from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { AUDIENCES, audienceRank, canRead, parseAudience, type Audience, type Reader } from '#app/domain/accounts-tiers/audience.ts'
import { syncAllContent } from '#app/domain/content/sync-all.server.ts'
import { getKbHome, listCategory } from '#app/domain/content/articles.server.ts'
import { getRecommendationsFor } from '#app/domain/playbooks/recommendations.server.ts'
import { updateSearchIndex } from '#app/domain/search/search-index.server.ts'
import { searchForReader } from '#app/domain/search/search-service.server.ts'
import { loader as articleLoader } from '#app/routes/kb.$slug.tsx'
import { loader as searchPage } from '#app/routes/search.tsx'
import { loader as suggest } from '#app/routes/search.suggest.ts'
import { prisma } from '#app/utils/db.server.ts'
import { articleSource } from '#test/support/content.ts'
import { cookieFor, createAccount, createUser, makeRequest, settle } from '#test/support/requests.ts'
import { FILES, TIER1, writeContent } from '../learning/fixture.ts'

const READERS: Array<[string, Reader]> = [
	['signed out', { kind: 'anonymous' }],
	['Tier 3', { kind: 'customer', tier: 3 }],
	['Tier 2', { kind: 'customer', tier: 2 }],
	['Tier 1', { kind: 'customer', tier: 1 }],
	['staff', { kind: 'staff' }],
]
const CUSTOMERS = READERS.filter(([, r]) => r.kind !== 'staff')
const search = (reader: Reader, q: string) => searchForReader(reader, { q, type: [], tag: [], category: undefined, page: 1, limit: 20 })

let dir: string
beforeAll(async () => {
	dir = await writeContent({
		...FILES,
		'articles/typo-audience.mdx': articleSource('typo-audience', { title: 'Quillwork exports', category: 'exports', body: '## Exports\n\nThe zephyrquill exporter.\n' }),
		'articles/tier2-only.mdx': articleSource('tier2-only', { title: 'Cobaltwing forecasting', audience: 'tier2', category: 'forecasts', body: '## Forecasts\n\nThe cobaltwing model predicts churn.\n' }),
		'articles/everyone.mdx': articleSource('everyone', { title: 'Exports overview', audience: 'public', category: 'exports', body: '## Exports\n\nHow exports work.\n' }),
	})
	expect((await syncAllContent(dir)).errors).toEqual([])
})
afterAll(() => fs.rm(dir, { recursive: true, force: true }))

describe('an audience outside the known list', () => {
	test('ranks above every reader and reads as staff', () => {
		for (const value of ['tier-1', 'Tier1', 'everyone', '', 'constructor', '__proto__']) {
			expect(audienceRank(value as Audience)).toBeGreaterThan(audienceRank('staff'))
			for (const [who, reader] of READERS) expect(canRead(reader, value as Audience), `${who} ${value}`).toBe(false)
			expect(parseAudience(value)).toBe('staff')
		}
		for (const audience of AUDIENCES) expect(parseAudience(audience)).toBe(audience)
		expect(parseAudience(null)).toBe('staff')
		expect(parseAudience(3)).toBe('staff')
	})

	test('a stored typo hides the item from every customer: page, lists, search, typeahead, recommendations', async () => {
		const tier1 = await createAccount(TIER1)
		const customer = await createUser('CUSTOMER', { accountId: tier1.id })
		const withAccount = { ...customer, account: { tier: 1 } }
		const before = await getRecommendationsFor(withAccount)
		expect(before.map((r) => r.href)).toContain('/paths/basics')

		// Rows written by hand, or by an older sync: a typo for tier1, and a path with a made-up audience.
		await prisma.article.update({ where: { slug: 'typo-audience' }, data: { audience: 'tier-1' } })
		await prisma.path.update({ where: { slug: 'basics' }, data: { audience: 'partners' } })
		await updateSearchIndex(['article:typo-audience', 'path:basics'])

		const cookie = await cookieFor(customer.id)
		// Read as staff only: a plain 404 for a customer and for a visitor, without even the title.
		const page = await settle(() => articleLoader({ request: makeRequest('/kb/typo-audience', { cookie }), params: { slug: 'typo-audience' }, context: {} }))
		expect((page as Response).status).toBe(404)
		expect(await (page as Response).text()).not.toMatch(/zephyrquill|Quillwork/)
		const signedOut = await settle(() => articleLoader({ request: makeRequest('/kb/typo-audience'), params: { slug: 'typo-audience' }, context: {} }))
		expect((signedOut as Response).status).toBe(404)
		expect(await (signedOut as Response).text()).not.toMatch(/zephyrquill|Quillwork/)

		for (const [who, reader] of CUSTOMERS) {
			const home = JSON.stringify(await getKbHome(reader))
			expect(home, who).not.toContain('typo-audience')
			expect((await listCategory(reader, 'exports')).map((a: { slug: string }) => a.slug), who).not.toContain('typo-audience')
			const result = await search(reader, 'zephyrquill')
			expect(result.total, who).toBe(0)
			expect(JSON.stringify(result), who).not.toMatch(/zephyrquill|Quillwork/)
			// Only the public overview is counted under its category.
			expect((await search(reader, 'exports')).facets.category.exports, who).toBe(1)
		}
		const typeahead = await suggest({ request: makeRequest('/search/suggest?q=quillwork', { cookie }), params: {}, context: {} })
		expect((await typeahead.json()).suggestions).toEqual([])
		const searched = await searchPage({ request: makeRequest('/search?q=zephyrquill', { cookie }), params: {}, context: {} })
		expect(searched.result.total).toBe(0)

		const after = await getRecommendationsFor(withAccount)
		expect(after.map((r) => r.href)).not.toContain('/paths/basics')

		// Staff still find it, flagged as staff only.
		const staff = await search({ kind: 'staff' }, 'zephyrquill')
		expect(staff.hits.map((h) => [h.url, h.audience])).toEqual([['/kb/typo-audience', 'staff']])
	})
})

describe('a Tier 3 customer and a tier2 article', () => {
	test('the page is refused and search shows none of its hits, snippets, titles or counts', async () => {
		const tier3 = await createAccount()
		expect(tier3.tier).toBe(3)
		const cookie = await cookieFor((await createUser('CUSTOMER', { accountId: tier3.id })).id)
		const page = await settle(() => articleLoader({ request: makeRequest('/kb/tier2-only', { cookie }), params: { slug: 'tier2-only' }, context: {} }))
		expect((page as { init: { status: number } }).init.status).toBe(403)
		// A Tier 3 plan may show the title as a teaser; never the body.
		expect(JSON.stringify(page)).not.toMatch(/cobaltwing model|predicts churn/i)

		for (const q of ['cobaltwing', 'forecasting', 'cobaltwing churn', 'cobaltwig', '']) {
			const result = (await searchPage({ request: makeRequest(`/search?${new URLSearchParams({ q })}`, { cookie }), params: {}, context: {} })).result
			expect(result.hits.map((h) => h.url), q).not.toContain('/kb/tier2-only')
			expect(JSON.stringify(result), q).not.toMatch(/cobaltwing|Cobaltwing forecasting/i)
			expect(result.facets.category.forecasts, q).toBeUndefined()
			if (q) expect(result.total, q).toBe(0)
		}
		for (const category of ['forecasts']) {
			const filtered = (await searchPage({ request: makeRequest(`/search?q=cobaltwing&category=${category}`, { cookie }), params: {}, context: {} })).result
			expect(filtered.total).toBe(0)
		}
		// A Tier 2 customer does get it: the test above is not empty by accident.
		const reader: Reader = { kind: 'customer', tier: 2 }
		expect((await search(reader, 'cobaltwing')).hits.map((h) => h.url)).toEqual(['/kb/tier2-only'])
	})
})
