import { beforeAll, describe, expect, test, vi } from 'vitest'
import { getSearchEngine } from '#app/domain/search/search-index.server.ts'
import { parseSearchParams, searchForReader, type SearchParams } from '#app/domain/search/search-service.server.ts'
import { articleSource, syncFixtureArticles } from '#test/support/content.ts'

const parse = (query: string | Record<string, string | string[]>) => {
	const params = new URLSearchParams()
	if (typeof query === 'string') return parseSearchParams(new URLSearchParams(query))
	for (const [key, value] of Object.entries(query)) for (const item of [value].flat()) params.append(key, item)
	return parseSearchParams(params)
}

describe('search parameters from a URL: anything odd falls back to its default', () => {
	test('nothing given: the empty query, no filters, page 1 of 10', () => {
		expect(parse('')).toEqual({ q: '', type: [], category: undefined, tag: [], page: 1, limit: 10 })
	})

	test('the query is trimmed; one over 200 characters is dropped', () => {
		expect(parse({ q: '  report  ' }).q).toBe('report')
		expect(parse({ q: 'a'.repeat(200) }).q).toHaveLength(200)
		expect(parse({ q: 'a'.repeat(201) }).q).toBe('')
	})

	test('types are kept when every one is known, else dropped together', () => {
		expect(parse({ type: ['article', 'lesson'] }).type).toEqual(['article', 'lesson'])
		expect(parse({ type: ['article', 'secret'] }).type).toEqual([])
	})

	test('a category or tag is a lower-case slug of 1-60 characters, anchored at both ends', () => {
		expect(parse({ category: 'getting-started' }).category).toBe('getting-started')
		expect(parse({ category: 'x' }).category).toBe('x')
		for (const bad of ['', 'Reports', 'ok!', '!ok', 'a b', 'a'.repeat(61)]) expect(parse({ category: bad }).category, bad).toBeUndefined()
		expect(parse({ tag: ['charts', 'a-1'] }).tag).toEqual(['charts', 'a-1'])
		for (const bad of ['ok!', '!ok', 'Tag', 'a'.repeat(61)]) expect(parse({ tag: ['charts', bad] }).tag, bad).toEqual([])
	})

	test('at most 8 tags', () => {
		const tags = (n: number) => Array.from({ length: n }, (_, i) => `t${i}`)
		expect(parse({ tag: tags(8) }).tag).toEqual(tags(8))
		expect(parse({ tag: tags(9) }).tag).toEqual([])
	})

	test('page 1-50 and limit 1-50, whole numbers', () => {
		expect(parse({ page: '3', limit: '5' })).toMatchObject({ page: 3, limit: 5 })
		expect(parse({ page: '50', limit: '50' })).toMatchObject({ page: 50, limit: 50 })
		expect(parse({ page: '1', limit: '1' })).toMatchObject({ page: 1, limit: 1 })
		for (const bad of ['0', '51', '2.5', 'two', '-1']) expect(parse({ page: bad, limit: bad }), bad).toMatchObject({ page: 1, limit: 10 })
	})
})

describe('searchForReader', () => {
	const params = (extra: Partial<SearchParams>): SearchParams => ({ q: 'glowmoss', type: [], tag: [], category: undefined, page: 1, limit: 10, ...extra })
	const titles = (result: { hits: Array<{ title: string }> }) => result.hits.map((hit) => hit.title)

	beforeAll(async () => {
		const body = (n: number) => `## Glowmoss ${n}\n\nGlowmoss care, part ${n}.\n`
		const { report } = await syncFixtureArticles({
			'glowmoss-one': articleSource('glowmoss-one', { title: 'Glowmoss one', audience: 'public', category: 'garden', body: body(1) }),
			'glowmoss-two': articleSource('glowmoss-two', { title: 'Glowmoss two', audience: 'public', category: 'garden', body: body(2) }),
			'glowmoss-three': articleSource('glowmoss-three', { title: 'Glowmoss three', audience: 'public', category: 'cellar', body: body(3) }),
			'glowmoss-tier1': articleSource('glowmoss-tier1', { title: 'Glowmoss for Tier 1', audience: 'tier1', category: 'garden', body: body(4) }),
		})
		expect(report.errors).toEqual([])
	})

	test('pages follow page and limit: each hit once, in the same order as one long page', async () => {
		const reader = { kind: 'anonymous' } as const
		const all = titles(await searchForReader(reader, params({ limit: 10 })))
		expect(all).toHaveLength(3)
		const paged = []
		for (const page of [1, 2, 3]) paged.push(...titles(await searchForReader(reader, params({ page, limit: 1 }))))
		expect(paged).toEqual(all)
		expect(titles(await searchForReader(reader, params({ page: 2, limit: 2 })))).toEqual(all.slice(2))
	})

	test('type, category and tag filters reach the engine; empty ones filter nothing', async () => {
		const reader = { kind: 'staff' } as const
		expect((await searchForReader(reader, params({}))).total).toBe(4)
		expect(titles(await searchForReader(reader, params({ category: 'cellar' })))).toEqual(['Glowmoss three'])
		expect((await searchForReader(reader, params({ type: ['lesson'] }))).total).toBe(0)
		expect((await searchForReader(reader, params({ type: ['article'] }))).total).toBe(4)
		// The fixture articles are tagged with their category.
		expect((await searchForReader(reader, params({ tag: ['garden'] }))).total).toBe(3)
		expect((await searchForReader(reader, params({ tag: ['reports'] }))).total).toBe(0)
	})

	test('a hit the engine should not have given is dropped, with a warning', async () => {
		const engine = await getSearchEngine()
		const staff = await engine.search({ q: 'glowmoss', readerLevel: 'staff', limit: 10, offset: 0 })
		const forPublic = await engine.search({ q: 'glowmoss', readerLevel: 'public', limit: 10, offset: 0 })
		const tier1 = staff.hits.find((hit) => hit.audience === 'tier1')!
		const open = forPublic.hits[0]!
		// A broken index: a Tier 1 doc that lists the public level, and a public doc that does not list it.
		const broken = [{ ...tier1, levels: [...tier1.levels, 'public' as const] }, { ...open, id: 'other-variant', levels: ['staff' as const] }]
		vi.spyOn(engine, 'search').mockResolvedValueOnce({ ...forPublic, hits: [...broken, ...forPublic.hits] })
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
		const result = await searchForReader({ kind: 'anonymous' }, params({}))
		expect(result.hits.map((hit) => hit.id)).toEqual(forPublic.hits.map((hit) => hit.id))
		expect(warn).toHaveBeenCalledWith('search: dropped 2 hit(s) above reader level public')
		warn.mockClear()
		await searchForReader({ kind: 'anonymous' }, params({}))
		expect(warn).not.toHaveBeenCalled()
	})
})
