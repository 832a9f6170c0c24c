import { describe, expect, test } from 'vitest'
import { AUDIENCES, type Audience } from '#app/domain/accounts-tiers/audience.ts'
import { EmbeddedSearchEngine } from '#app/domain/search/embedded-engine.ts'
import { DOC_TYPES, type DocType, type SearchDoc, type SearchFacets, type SearchQuery } from '#app/domain/search/search-port.ts'
import { makeDoc } from '#test/contract/search/fixtures.ts'

/**
 * Every reader level against every filter combination: hits, total and facet counts must come from
 * readable docs only. Every audience holds docs of every type, category and tag, so a filter path
 * that skipped the reader-level check would count docs above the reader.
 */
const CATEGORIES = ['dashboards', 'alerts']
const TAGS = ['charts', 'sharing', 'admin']

const docs: SearchDoc[] = AUDIENCES.flatMap((audience, a) =>
	DOC_TYPES.flatMap((type, t) =>
		CATEGORIES.map((category, c) =>
			makeDoc({
				itemKey: `${type}:${audience}-${category}`,
				type,
				audience,
				title: `Widget ${type} for ${audience}`,
				body: `The widget guide number ${a}${t}${c}.`,
				category,
				tags: [TAGS[(a + t + c) % TAGS.length]!, ...(c === 0 ? [] : [TAGS[(a + t) % TAGS.length]!])].filter((v, i, all) => all.indexOf(v) === i),
			}),
		),
	),
)

type Filters = Pick<SearchQuery, 'types' | 'category' | 'tags'>
const FILTERS: Array<[string, Filters]> = [
	['no filter', {}],
	['type', { types: ['article'] }],
	['two types', { types: ['lesson', 'path'] }],
	['category', { category: 'alerts' }],
	['tag', { tags: ['sharing'] }],
	['two tags', { tags: ['charts', 'admin'] }],
	['type and category', { types: ['assessment'], category: 'dashboards' }],
	['type and tag', { types: ['article', 'lesson'], tags: ['charts'] }],
	['category and tag', { category: 'alerts', tags: ['admin'] }],
	['type, category and tag', { types: ['path'], category: 'alerts', tags: ['sharing', 'charts'] }],
]

function expected(level: Audience, filters: Filters): SearchDoc[] {
	return docs.filter(
		(d) =>
			d.levels.includes(level) &&
			(!filters.types?.length || filters.types.includes(d.type as DocType)) &&
			(!filters.category || d.category === filters.category) &&
			(!filters.tags?.length || d.tags.some((tag) => filters.tags!.includes(tag))),
	)
}

function facetsOf(matched: SearchDoc[]): SearchFacets {
	const count = (values: string[]) => {
		const counts: Record<string, number> = {}
		for (const value of values) counts[value] = (counts[value] ?? 0) + 1
		return counts
	}
	return { type: count(matched.map((d) => d.type)), category: count(matched.map((d) => d.category)), tags: count(matched.flatMap((d) => d.tags)) }
}

describe('search as each reader level with every filter', () => {
	const engine = new EmbeddedSearchEngine()
	const ready = engine.replaceAll(docs)

	for (const level of AUDIENCES) {
		for (const [name, filters] of FILTERS) {
			for (const q of ['widget', '']) {
				test(`${level}, ${name}, ${q ? `"${q}"` : 'empty query'}: only readable docs in hits, total and facets`, async () => {
					await ready
					const want = expected(level, filters)
					// Each combination must leave something out, or it could not catch a leak.
					expect(expected('staff', filters).length).toBeGreaterThan(level === 'staff' ? 0 : want.length)
					const result = await engine.search({ q, readerLevel: level, limit: 100, offset: 0, ...filters })
					expect(result.hits.map((h) => h.id).sort()).toEqual(want.map((d) => d.id).sort())
					expect(result.hits.every((h) => h.levels.includes(level))).toBe(true)
					expect(result.total).toBe(want.length)
					expect(result.facets).toEqual(facetsOf(want))
				})
			}
		}
	}

	test('empty filter values (no types, no tags, an empty category) read as no filter, at every level', async () => {
		await ready
		for (const level of AUDIENCES) {
			const want = expected(level, {})
			for (const q of ['widget', '']) {
				const result = await engine.search({ q, readerLevel: level, limit: 100, offset: 0, types: [], tags: [], category: '' })
				expect(result.hits.map((h) => h.id).sort()).toEqual(want.map((d) => d.id).sort())
				expect(result.total).toBe(want.length)
				expect(result.facets).toEqual(facetsOf(want))
			}
		}
	})

	test('a cached unfiltered answer never serves a filtered query of another level', async () => {
		await ready
		for (const level of AUDIENCES) await engine.search({ q: 'widget', readerLevel: level, limit: 1, offset: 0 })
		const result = await engine.search({ q: 'widget', readerLevel: 'public', limit: 100, offset: 0, category: 'alerts' })
		expect(result.total).toBe(expected('public', { category: 'alerts' }).length)
	})
})
