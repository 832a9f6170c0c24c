import { beforeAll, describe, expect, test } from 'vitest'
import { type Audience } from '#app/domain/accounts-tiers/audience.ts'
import {
	type SearchDoc,
	type SearchEngine,
	type SearchQuery,
	type SearchResult,
	type Segment,
} from '#app/domain/search/search-port.ts'
import { knowledgeBase, makeDoc } from '#test/contract/search/fixtures.ts'

/**
 * The behaviour every search adapter must have. Each adapter's test file calls this with a factory
 * that returns a fresh, empty engine (the factory owns cleanup of anything it creates).
 */
export function runSearchEngineContract(name: string, makeEngine: () => Promise<SearchEngine>): void {
	const docs = knowledgeBase()
	const visibleTo = (level: Audience) => docs.filter((doc) => doc.levels.includes(level))

	/** Searches and checks what must hold for every answer: the audience rule and consistent facets. */
	async function search(engine: SearchEngine, query: Partial<SearchQuery> & Pick<SearchQuery, 'readerLevel'>): Promise<SearchResult> {
		const result = await engine.search({ q: '', limit: 20, offset: 0, ...query })
		for (const hit of result.hits) expect(hit.levels, `${hit.id} shown to ${query.readerLevel}`).toContain(query.readerLevel)
		expect(sum(result.facets.type)).toBe(result.total)
		expect(sum(result.facets.category)).toBe(result.total)
		return result
	}

	describe(`search engine contract: ${name}`, () => {
		let engine: SearchEngine
		beforeAll(async () => {
			engine = await makeEngine()
			await engine.init()
			await engine.init() // settings are applied idempotently
			await engine.replaceAll(docs)
		})

		test('indexes every doc variant', async () => {
			expect(await engine.count()).toBe(docs.length)
		})

		test('finds a doc by a word of its title and marks the word', async () => {
			const result = await search(engine, { q: 'snowflake', readerLevel: 'customers' })
			expect(ids(result)).toEqual(['article:connect-snowflake'])
			const [hit] = result.hits
			expect(hit!).toMatchObject({ itemKey: 'article:connect-snowflake', type: 'article', url: '/articles/connect-snowflake', category: 'data-sources' })
			expect(text(hit!.titleHighlight)).toBe('Connect Snowflake')
			expect(marked(hit!.titleHighlight)).toEqual(['snowflake'])
		})

		test('a title match ranks above a body-only match', async () => {
			const result = await search(engine, { q: 'scheduled', readerLevel: 'customers' })
			expect(ids(result)).toEqual(['article:scheduled-deliveries', 'article:report-builder-basics'])
		})

		test('a typo (two letters swapped) still finds the word, and a correction is suggested', async () => {
			const result = await search(engine, { q: 'snowlfake', readerLevel: 'customers' })
			expect(ids(result)).toContain('article:connect-snowflake')
			expect(result.suggestion).toBe('snowflake')

			const longer = await search(engine, { q: 'dashbaord', readerLevel: 'customers' })
			expect(ids(longer)).toEqual(expect.arrayContaining(['article:build-your-first-dashboard', 'article:share-a-dashboard']))
		})

		test('the last word matches as a prefix', async () => {
			const result = await search(engine, { q: 'connect snowf', readerLevel: 'customers' })
			expect(ids(result)).toEqual(['article:connect-snowflake'])
			const single = await search(engine, { q: 'dashb', readerLevel: 'public' })
			expect(ids(single)).toEqual(['article:build-your-first-dashboard'])
		})

		test('docs holding every word come first; a word found nowhere does not empty the results', async () => {
			const both = await search(engine, { q: 'dashboard charts', readerLevel: 'customers' })
			expect(both.hits.length).toBeGreaterThan(0)
			for (const hit of both.hits.slice(0, 2)) expect(['article:build-your-first-dashboard', 'article:share-a-dashboard']).toContain(hit.id)

			const relaxed = await search(engine, { q: 'dashboard zzqxv', readerLevel: 'customers' })
			expect(ids(relaxed)).toContain('article:build-your-first-dashboard')
		})

		test('synonyms count as the word', async () => {
			const result = await search(engine, { q: 'spreadsheet', readerLevel: 'public' })
			expect(ids(result)).toEqual(['article:report-builder-basics'])
		})

		describe('audience', () => {
			test('a reader only sees docs listing their level', async () => {
				const anonymous = await search(engine, { q: 'dashboard', readerLevel: 'public' })
				expect(ids(anonymous)).toEqual(['article:build-your-first-dashboard'])
				const customer = await search(engine, { q: 'dashboard', readerLevel: 'customers' })
				expect(ids(customer)).not.toContain('lesson:dashboard-layouts')
				expect(ids(customer)).not.toContain('article:renewal-risk-playbook')
				const staff = await search(engine, { q: 'dashboard', readerLevel: 'staff' })
				expect(ids(staff)).toEqual(expect.arrayContaining(['lesson:dashboard-layouts', 'article:renewal-risk-playbook']))
			})

			test('each reader level gets its own variant of an item', async () => {
				expect(ids(await search(engine, { q: 'escalation', readerLevel: 'tier1' }))).toEqual(['article:alert-thresholds:tier1'])
				expect(ids(await search(engine, { q: 'escalation', readerLevel: 'tier2' }))).toEqual([])
				expect(ids(await search(engine, { q: 'thresholds', readerLevel: 'tier2' }))).toEqual(['article:alert-thresholds:base'])
				expect(ids(await search(engine, { q: 'thresholds', readerLevel: 'staff' }))).toEqual(['article:alert-thresholds:tier1'])
			})

			test('no suggestion reveals a word that only docs above the reader hold', async () => {
				const customer = await search(engine, { q: 'confidental', readerLevel: 'customers' })
				expect(customer.total).toBe(0)
				expect(customer.suggestion).toBeUndefined()
				const staff = await search(engine, { q: 'confidental', readerLevel: 'staff' })
				expect(ids(staff)).toEqual(['article:renewal-risk-playbook'])
				expect(staff.suggestion).toBe('confidential')
			})
		})

		describe('filters and facets', () => {
			test('facets count the matches this reader may see', async () => {
				const result = await search(engine, { q: 'dashboard', readerLevel: 'tier2' })
				const expected = docs.filter((d) => d.levels.includes('tier2') && /dashboard/i.test(`${d.title} ${d.summary} ${d.body} ${d.tags.join(' ')}`))
				expect(result.total).toBe(expected.length)
				expect(result.facets.type).toEqual(countBy(expected, (d) => [d.type]))
				expect(result.facets.category).toEqual(countBy(expected, (d) => [d.category]))
				expect(result.facets.tags).toEqual(countBy(expected, (d) => d.tags))
			})

			test('type, category and tag filters narrow the hits and the facets', async () => {
				const lessons = await search(engine, { q: 'dashboard', readerLevel: 'tier2', types: ['lesson'] })
				expect(ids(lessons)).toEqual(['lesson:dashboard-layouts'])
				expect(lessons.facets.type).toEqual({ lesson: 1 })

				const reports = await search(engine, { q: '', readerLevel: 'customers', category: 'reports' })
				expect(ids(reports).sort()).toEqual(['article:report-builder-basics', 'article:scheduled-deliveries'])

				const tagged = await search(engine, { q: '', readerLevel: 'customers', tags: ['charts', 'permissions'] })
				expect(ids(tagged).sort()).toEqual(['article:build-your-first-dashboard', 'article:share-a-dashboard'])
			})

			test('a filter value is a value, never part of the filter expression', async () => {
				const result = await search(engine, { q: '', readerLevel: 'public', category: 'dashboards" OR levels = "staff' })
				expect(result.total).toBe(0)
				const tags = await search(engine, { q: '', readerLevel: 'public', tags: ["x' OR 1=1"] })
				expect(tags.total).toBe(0)
			})
		})

		describe('highlights and snippets', () => {
			test('segments are the text as written, matches marked, no markup added', async () => {
				const result = await search(engine, { q: 'charts', readerLevel: 'public' })
				const hit = result.hits.find((h) => h.id === 'article:build-your-first-dashboard')!
				expect(hit).toBeDefined()
				expect(text(hit.titleHighlight)).toBe('Build your first dashboard')
				expect(marked(hit.snippet)).toContain('charts')
				// eslint-disable-next-line no-control-regex -- no highlight tag (a control character) may leak into the text
				expect(text(hit.snippet)).not.toMatch(/[<>\u0002\u0003]/)
			})

			test('text that looks like HTML comes back as plain text', async () => {
				const result = await search(engine, { q: 'iframe', readerLevel: 'public' })
				expect(ids(result)).toEqual(['article:embed-iframes'])
				expect(text(result.hits[0]!.titleHighlight)).toBe('Embed <iframe> tags & <script> safely')
				expect(marked(result.hits[0]!.titleHighlight)).toEqual(['iframe'])
			})

			test('the snippet shows body text around the match when the summary lacks it', async () => {
				const result = await search(engine, { q: 'champion', readerLevel: 'staff' })
				const snippet = result.hits[0]!.snippet
				expect(marked(snippet)).toEqual(['champion'])
				expect(text(snippet)).toContain('call the champion')
			})
		})

		test('the empty query lists the newest docs for the reader, with facets', async () => {
			const result = await search(engine, { q: '', readerLevel: 'customers', limit: 3 })
			const visible = visibleTo('customers')
			const newest = [...visible].sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))
			expect(result.total).toBe(visible.length)
			expect(ids(result)).toEqual(newest.slice(0, 3).map((d) => d.id))
			expect(result.facets.type).toEqual(countBy(visible, (d) => [d.type]))
		})

		test('pages are disjoint and together give every hit once', async () => {
			const all = await search(engine, { q: '', readerLevel: 'staff', limit: 50 })
			const seen: string[] = []
			for (let offset = 0; offset < all.total; offset += 4) {
				const page = await search(engine, { q: '', readerLevel: 'staff', limit: 4, offset })
				expect(page.total).toBe(all.total)
				seen.push(...ids(page))
			}
			expect(seen).toEqual(ids(all))

			const ranked = await search(engine, { q: 'dashboard', readerLevel: 'staff', limit: 50 })
			const first = await search(engine, { q: 'dashboard', readerLevel: 'staff', limit: 2, offset: 0 })
			const second = await search(engine, { q: 'dashboard', readerLevel: 'staff', limit: 2, offset: 2 })
			expect([...ids(first), ...ids(second)]).toEqual(ids(ranked).slice(0, 4))
		})
	})

	describe(`search engine contract: ${name}, changes`, () => {
		let engine: SearchEngine
		beforeAll(async () => {
			engine = await makeEngine()
			await engine.init()
			await engine.replaceAll(docs)
		})

		test('upsert adds a doc, and replaces it by id', async () => {
			const added = makeDoc({ itemKey: 'article:workspace-themes', title: 'Workspace themes', body: 'Pick colours for charts.' })
			await engine.upsert([added])
			expect(await engine.count()).toBe(docs.length + 1)
			expect(ids(await search(engine, { q: 'themes', readerLevel: 'public' }))).toEqual(['article:workspace-themes'])

			await engine.upsert([{ ...added, title: 'Workspace palettes', audience: 'customers', levels: ['customers', 'tier2', 'tier1', 'staff'] }])
			expect(await engine.count()).toBe(docs.length + 1)
			expect(ids(await search(engine, { q: 'themes', readerLevel: 'customers' }))).toEqual([])
			expect(ids(await search(engine, { q: 'palettes', readerLevel: 'customers' }))).toEqual(['article:workspace-themes'])
			expect(ids(await search(engine, { q: 'palettes', readerLevel: 'public' }))).toEqual([])
		})

		test('removeItem drops every variant of the item', async () => {
			const before = await engine.count()
			await engine.removeItem('article:alert-thresholds')
			expect(await engine.count()).toBe(before - 2)
			for (const level of ['customers', 'tier1', 'staff'] as const) {
				expect(ids(await search(engine, { q: 'thresholds', readerLevel: level }))).toEqual([])
			}
			await engine.removeItem('article:no-such-item')
			expect(await engine.count()).toBe(before - 2)
		})

		test('a batch with a doc no reader could see is refused whole', async () => {
			const before = await engine.count()
			const good = makeDoc({ itemKey: 'article:fine', title: 'Fine doc' })
			const bad = makeDoc({ itemKey: 'article:nobody', title: 'Nobody reads this', levels: [] })
			await expect(engine.upsert([good, bad])).rejects.toThrow(/no reader levels/)
			expect(await engine.count()).toBe(before)
		})

		test('replaceAll leaves exactly the new docs', async () => {
			const only = makeDoc({ itemKey: 'article:only-one', title: 'The only doc' })
			await engine.replaceAll([only])
			expect(await engine.count()).toBe(1)
			expect(ids(await search(engine, { q: '', readerLevel: 'staff' }))).toEqual(['article:only-one'])
			expect(ids(await search(engine, { q: 'dashboard', readerLevel: 'staff' }))).toEqual([])
		})
	})
}

function ids(result: SearchResult): string[] {
	return result.hits.map((hit) => hit.id)
}

function text(segments: Segment[]): string {
	return segments.map((s) => s.text).join('')
}

/** Marked words, lower case, as typed in the doc. */
function marked(segments: Segment[]): string[] {
	return segments.filter((s) => s.match).map((s) => s.text.toLowerCase())
}

function sum(counts: Record<string, number>): number {
	return Object.values(counts).reduce((a, b) => a + b, 0)
}

function countBy(docs: SearchDoc[], keys: (doc: SearchDoc) => string[]): Record<string, number> {
	const counts: Record<string, number> = {}
	for (const doc of docs) for (const key of keys(doc)) counts[key] = (counts[key] ?? 0) + 1
	return counts
}
