import { type Settings } from 'meilisearch'
import { describe, expect, test } from 'vitest'
import { createSearchEngine } from '#app/domain/search/create-search-engine.ts'
import { quoteFilterValue, searchFilter } from '#app/domain/search/meili-filter.ts'
import { changedSettings, sameSetting } from '#app/domain/search/meilisearch-engine.ts'
import { SEARCHABLE_FIELDS, STOP_WORDS, SYNONYMS } from '#app/domain/search/search-settings.ts'

describe('Meilisearch filters', () => {
	test('reader level always, types and tags as OR groups, category as one value', () => {
		expect(searchFilter({ readerLevel: 'tier2', types: ['article', 'lesson'], category: 'data-sources', tags: ['charts', 'sql'] })).toEqual([
			'levels = "tier2"',
			['type = "article"', 'type = "lesson"'],
			'category = "data-sources"',
			['tags = "charts"', 'tags = "sql"'],
		])
		expect(searchFilter({ readerLevel: 'public' })).toEqual(['levels = "public"'])
	})

	test('a value no doc can hold gives no filter (the engine answers with no hits)', () => {
		expect(searchFilter({ readerLevel: 'public', category: 'reports" OR levels = "staff' })).toBeNull()
		expect(searchFilter({ readerLevel: 'public', tags: ['ok', 'Not Kebab'] })).toBeNull()
		expect(searchFilter({ readerLevel: 'admin' as never })).toBeNull()
		expect(searchFilter({ readerLevel: 'public', types: ['page' as never] })).toBeNull()
	})

	test('quoting escapes quotes and backslashes', () => {
		expect(quoteFilterValue('a"b\\c')).toBe('"a\\"b\\\\c"')
	})
})

describe('Meilisearch settings', () => {
	/** Settings as a server that already has ours would answer (extra fields, other order). */
	const applied: Settings = {
		searchableAttributes: [...SEARCHABLE_FIELDS],
		filterableAttributes: ['tags', 'itemKey', 'generation', 'levels', 'type', 'category'],
		sortableAttributes: ['updatedAtMs'],
		stopWords: [...STOP_WORDS].reverse(),
		synonyms: Object.fromEntries(Object.entries(SYNONYMS).reverse()),
		typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnWords: [], disableOnAttributes: [] },
		pagination: { maxTotalHits: 10_000 },
		faceting: { maxValuesPerFacet: 500, sortFacetValuesBy: { '*': 'alpha' } },
		rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
	}

	test('nothing to change when the server already has our settings', () => {
		expect(changedSettings(applied)).toEqual({})
	})

	test('only what differs is sent, and searchable attribute order matters', () => {
		const changed = changedSettings({ ...applied, searchableAttributes: [...SEARCHABLE_FIELDS].reverse(), typoTolerance: { enabled: false } })
		expect(Object.keys(changed).sort()).toEqual(['searchableAttributes', 'typoTolerance'])
		expect(Object.keys(changedSettings({ ...applied, synonyms: { ...SYNONYMS, extra: ['x'] } }))).toEqual(['synonyms'])
		expect(sameSetting(['a', 'b'], ['b', 'a'])).toBe(true)
		expect(sameSetting(['a', 'b'], ['b', 'a'], true)).toBe(false)
	})
})

describe('createSearchEngine', () => {
	test('Meilisearch when MEILI_HOST is set, the embedded engine otherwise', () => {
		expect(createSearchEngine({}).name).toBe('embedded')
		expect(createSearchEngine({ MEILI_HOST: '' }).name).toBe('embedded')
		expect(createSearchEngine({ MEILI_HOST: 'http://127.0.0.1:7700', MEILI_API_KEY: 'key', MEILI_INDEX: 'portal_x' }).name).toBe('meilisearch')
	})
})
