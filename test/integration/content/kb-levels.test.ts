import { beforeAll, describe, expect, test } from 'vitest'
import { loader as articleLoader } from '#app/routes/kb.$slug.tsx'
import { loader as categoryLoader } from '#app/routes/kb.category.$category.tsx'
import { loader as tagLoader } from '#app/routes/kb.tag.$tag.tsx'
import { articleSource, syncFixtureArticles } from '#test/support/content.ts'
import { makeRequest, settle } from '#test/support/requests.ts'

const withLevel = (source: string, level: string) => source.replace('productArea: Reports\n', `productArea: Reports\nlevel: ${level}\n`)

beforeAll(async () => {
	const { report } = await syncFixtureArticles({
		'first-report': articleSource('first-report', { audience: 'public' }),
		'report-formatting': withLevel(articleSource('report-formatting', { audience: 'public' }), 'intermediate'),
		'report-bursting': withLevel(articleSource('report-bursting', { audience: 'public' }), 'advanced'),
		'report-internals': withLevel(articleSource('report-internals', { audience: 'tier1' }), 'advanced'),
		'only-basics': articleSource('only-basics', { audience: 'public', category: 'alerts' }),
	})
	expect(report.errors).toEqual([])
})

const category = (search = '') =>
	categoryLoader({ request: makeRequest(`/kb/category/reports${search}`), params: { category: 'reports' }, context: {} })

describe('content level in the knowledge base', () => {
	test('a category lists every level with counts of what the reader may read', async () => {
		const page = await category()
		expect(page.level).toBeNull()
		expect(page.items.map((a) => [a.slug, a.level])).toEqual([
			['first-report', 'beginner'],
			['report-bursting', 'advanced'],
			['report-formatting', 'intermediate'],
		])
		// The Tier 1 article is not counted for a signed-out reader.
		expect(page.counts).toEqual({ beginner: 1, intermediate: 1, advanced: 1 })
	})

	test('?level= narrows the list; an unknown level lists everything', async () => {
		expect((await category('?level=advanced')).items.map((a) => a.slug)).toEqual(['report-bursting'])
		const unknown = await category('?level=expert')
		expect(unknown.level).toBeNull()
		expect(unknown.items).toHaveLength(3)
	})

	test('a level with no articles in the category is an empty list, not a missing category', async () => {
		const page = await settle(() =>
			categoryLoader({ request: makeRequest('/kb/category/alerts?level=advanced'), params: { category: 'alerts' }, context: {} }),
		)
		expect(page).toMatchObject({ items: [], counts: { beginner: 1, intermediate: 0, advanced: 0 } })
	})

	test('tag lists filter by level too, and the article page carries its level', async () => {
		const tag = await tagLoader({ request: makeRequest('/kb/tag/reports?level=intermediate'), params: { tag: 'reports' }, context: {} })
		expect(tag.items.map((a) => a.slug)).toEqual(['report-formatting'])
		const article = await articleLoader({ request: makeRequest('/kb/report-bursting'), params: { slug: 'report-bursting' }, context: {} })
		expect(article).toMatchObject({ kind: 'article', article: { level: 'advanced' } })
	})
})
