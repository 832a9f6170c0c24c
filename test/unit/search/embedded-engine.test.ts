import { describe, expect, test } from 'vitest'
import { EmbeddedSearchEngine } from '#app/domain/search/embedded-engine.ts'
import { pageBounds, type SearchQuery } from '#app/domain/search/search-port.ts'
import { makeDoc } from '#test/contract/search/fixtures.ts'

const query = (q: string, extra: Partial<SearchQuery> = {}): SearchQuery => ({ q, readerLevel: 'public', limit: 10, offset: 0, ...extra })
const ids = (result: { hits: Array<{ id: string }> }) => result.hits.map((h) => h.id)

describe('EmbeddedSearchEngine', () => {
	test('hits as typed rank above typo hits, even against a title boost', async () => {
		const engine = new EmbeddedSearchEngine()
		await engine.replaceAll([
			makeDoc({ itemKey: 'article:typed', title: 'Warehouses', body: 'Connect snowflake here.' }),
			makeDoc({ itemKey: 'article:near', title: 'Snowflakes', body: 'Other words.' }),
		])
		const result = await engine.search(query('snowflake '))
		expect(ids(result)).toEqual(['article:typed', 'article:near'])
	})

	test('a trailing space ends the last word: no prefix matching', async () => {
		const engine = new EmbeddedSearchEngine()
		await engine.replaceAll([makeDoc({ itemKey: 'article:a', title: 'Dashboard basics' })])
		expect(ids(await engine.search(query('dash')))).toEqual(['article:a'])
		expect(ids(await engine.search(query('dash ')))).toEqual([])
	})

	test('stop words alone are the empty query', async () => {
		const engine = new EmbeddedSearchEngine()
		await engine.replaceAll([makeDoc({ itemKey: 'article:a', title: 'One' }), makeDoc({ itemKey: 'article:b', title: 'Two' })])
		const result = await engine.search(query('how to'))
		expect(ids(result)).toEqual(['article:b', 'article:a'])
	})

	test('an offset past the end gives no hits but the same total', async () => {
		const engine = new EmbeddedSearchEngine()
		await engine.replaceAll([makeDoc({ itemKey: 'article:a', title: 'Alpha' }), makeDoc({ itemKey: 'article:b', title: 'Alpha beta' })])
		const result = await engine.search(query('alpha', { offset: 5 }))
		expect(result.hits).toEqual([])
		expect(result.total).toBe(2)
	})

	test('many updates of one doc (compaction under the hood) leave one doc that is found once', async () => {
		const engine = new EmbeddedSearchEngine()
		await engine.replaceAll([makeDoc({ itemKey: 'article:other', title: 'Other' })])
		for (let i = 0; i < 200; i++) {
			await engine.upsert([makeDoc({ itemKey: 'article:edited', title: `Edited version${i} text` })])
		}
		expect(await engine.count()).toBe(2)
		expect(ids(await engine.search(query('edited')))).toEqual(['article:edited'])
		expect(ids(await engine.search(query('version199 ')))).toEqual(['article:edited'])
		expect(ids(await engine.search(query('version5 ')))).toEqual([])
		expect(ids(await engine.search(query('other')))).toEqual(['article:other'])
	})

	test('a snapshot from other settings is refused (the caller rebuilds)', async () => {
		const engine = new EmbeddedSearchEngine()
		await engine.replaceAll([makeDoc({ itemKey: 'article:a', title: 'Alpha' })])
		const snapshot = JSON.parse(engine.toSnapshot()) as { version: number }
		expect(() => EmbeddedSearchEngine.fromSnapshot(JSON.stringify({ ...snapshot, version: snapshot.version + 1 }))).toThrow(/rebuild/)
		expect(() => EmbeddedSearchEngine.fromSnapshot('{}')).toThrow(/rebuild/)
	})

	test('a snapshot taken after removals loads the live docs only', async () => {
		const engine = new EmbeddedSearchEngine()
		await engine.replaceAll([makeDoc({ itemKey: 'article:a', title: 'Alpha' }), makeDoc({ itemKey: 'article:b', title: 'Alpha beta' })])
		await engine.removeItem('article:a')
		const loaded = EmbeddedSearchEngine.fromSnapshot(engine.toSnapshot())
		expect(await loaded.count()).toBe(1)
		expect(ids(await loaded.search(query('alpha')))).toEqual(['article:b'])
		await loaded.upsert([makeDoc({ itemKey: 'article:c', title: 'Alpha gamma' })])
		expect(ids(await loaded.search(query('gamma')))).toEqual(['article:c'])
	})
})

describe('pageBounds', () => {
	test('limits are whole, within 0..100, offsets never negative', () => {
		expect(pageBounds({ limit: 500, offset: -3 })).toEqual({ limit: 100, offset: 0 })
		expect(pageBounds({ limit: 2.7, offset: 4.2 })).toEqual({ limit: 2, offset: 4 })
		expect(pageBounds({ limit: Number.NaN, offset: Number.POSITIVE_INFINITY })).toEqual({ limit: 0, offset: 0 })
	})
})

// Words that name Object.prototype members: a lookup in a plain object keyed by them used to throw (500).
const PROTOTYPE_WORDS = ['__proto__', 'constructor', 'hasOwnProperty', 'toString', 'valueOf', 'isPrototypeOf', 'propertyIsEnumerable']

describe('queries that name Object.prototype members', () => {
	const docs = () => [
		makeDoc({ itemKey: 'article:js', title: 'The constructor and toString of a valueOf', body: 'hasOwnProperty __proto__ isPrototypeOf', tags: ['constructor', '__proto__'] }),
		makeDoc({ itemKey: 'article:other', title: 'Dashboards', tags: ['toString'] }),
	]

	test.each(PROTOTYPE_WORDS.flatMap((word) => [word, word.toUpperCase(), `dashboards ${word}`, `${word} `, `${word.slice(0, -1)}`]))('%j searches without throwing', async (q) => {
		const engine = new EmbeddedSearchEngine()
		await engine.replaceAll(docs())
		const result = await engine.search(query(q))
		expect(result.total).toBe(result.hits.length)
		for (const counts of Object.values(result.facets)) {
			for (const value of Object.values(counts)) expect(typeof value).toBe('number')
		}
	})

	test('a word such as constructor finds the doc that holds it, and nothing when no doc does', async () => {
		const engine = new EmbeddedSearchEngine()
		await engine.replaceAll(docs())
		expect(ids(await engine.search(query('constructor')))).toEqual(['article:js'])
		expect(ids(await engine.search(query('valueof ')))).toEqual(['article:js'])
		await engine.replaceAll([makeDoc({ itemKey: 'article:plain', title: 'Dashboards' })])
		for (const word of PROTOTYPE_WORDS) expect((await engine.search(query(word))).total, word).toBe(0)
	})

	test('facet values named like prototype members are counted as own keys', async () => {
		const engine = new EmbeddedSearchEngine()
		await engine.replaceAll(docs())
		const { facets } = await engine.search(query(''))
		expect(Object.getPrototypeOf(facets.tags)).toBe(Object.prototype)
		expect(Object.entries(facets.tags).sort()).toEqual([['__proto__', 1], ['constructor', 1], ['toString', 1]])
		expect(Object.hasOwn(facets.tags, '__proto__')).toBe(true)
	})
})

describe('suggestions never carry a word above the reader (mutation testing)', () => {
	test('a two-word suggestion is dropped when one of its words is only in staff docs', async () => {
		const engine = new EmbeddedSearchEngine()
		await engine.replaceAll([
			makeDoc({ itemKey: 'article:open', title: 'Warehouse basics', body: 'warehouse warehouse' }),
			makeDoc({ itemKey: 'article:staff', title: 'Escalation runbook', audience: 'staff', body: 'escalation escalation' }),
		])
		const staff = await engine.search(query('warehuose escalatoin', { readerLevel: 'staff' }))
		expect(staff.suggestion).toBe('warehouse escalation')
		const visitor = await engine.search(query('warehuose escalatoin'))
		expect(visitor.suggestion).toBeUndefined()
	})
})
