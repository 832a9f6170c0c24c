import { describe, expect, test } from 'vitest'
import {
	ArticleFrontmatterSchema,
	LessonFrontmatterSchema,
	parseFrontmatter,
} from '#app/domain/content/frontmatter.ts'
import { articleFile } from './fixtures.ts'

const FILE = 'create-a-metric-alert.mdx'

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

function errorsFor(overrides: Record<string, string>, fileName = FILE): string[] {
	const result = parseFrontmatter(articleFile(overrides), ArticleFrontmatterSchema, fileName)
	if (result.ok) throw new Error('expected the frontmatter to be rejected')
	return result.errors
}

describe('parseFrontmatter for articles', () => {
	test('a good file gives typed data, the body and the line the body starts on', () => {
		const source = articleFile({}, 'First line of the body.\n')
		const result = parseFrontmatter(source, ArticleFrontmatterSchema, FILE)
		expect(result.ok).toBe(true)
		if (!result.ok) return
		expect(result.data).toEqual({
			title: 'Create a metric alert',
			slug: 'create-a-metric-alert',
			summary: 'Set up an alert that watches a governed metric and notifies your team.',
			category: 'alerts',
			tags: ['alerts', 'metrics'],
			audience: 'customers',
			productArea: 'Alerts',
			updated: '2026-09-08',
			related: ['alert-conditions-and-thresholds'],
			level: 'beginner',
		})
		expect(result.body).toBe('First line of the body.\n')
		// 9 fields + two fences: the body starts on line 12.
		expect(result.bodyStartLine).toBe(12)
		expect(source.split('\n')[result.bodyStartLine - 1]).toBe('First line of the body.')
	})

	test('related is optional and defaults to an empty list', () => {
		const result = parseFrontmatter(articleFile({ related: '<omit>' }), ArticleFrontmatterSchema, FILE)
		expect(result.ok && result.data.related).toEqual([])
	})

	test('level is optional and defaults to beginner; a stated level is kept', () => {
		const omitted = parseFrontmatter(articleFile(), ArticleFrontmatterSchema, FILE)
		expect(omitted.ok && omitted.data.level).toBe('beginner')
		const advanced = parseFrontmatter(articleFile({ level: 'advanced' }), ArticleFrontmatterSchema, FILE)
		expect(advanced.ok && advanced.data.level).toBe('advanced')
	})

	test('an unknown level names the file, the field and the allowed values', () => {
		expect(errorsFor({ level: 'expert' })).toEqual([
			'create-a-metric-alert.mdx: line 11: level: expected one of beginner|intermediate|advanced',
		])
		// A capitalised level is a typo, not a synonym.
		expect(errorsFor({ level: 'Advanced' })).toEqual([
			'create-a-metric-alert.mdx: line 11: level: expected one of beginner|intermediate|advanced',
		])
	})

	test('a bad audience names the file, the field and the allowed values', () => {
		expect(errorsFor({ audience: 'vip' })).toEqual([
			'create-a-metric-alert.mdx: line 7: audience: expected one of public|customers|tier2|tier1|staff',
		])
	})

	// Lines in the file: the opening --- is line 1, then title, slug, summary, category, tags,
	// audience, productArea, updated, related (10), then any added field (11).
	test.each([
		['title', { title: 'Hi' }, 'line 2: title: must be at least 5 characters'],
		['summary', { summary: 'Too short.' }, 'line 4: summary: must be at least 20 characters'],
		['category', { category: 'Dashboards' }, 'line 5: category: must be kebab-case'],
		['tags (none)', { tags: '[]' }, 'line 6: tags: needs at least 1 tag'],
		['tags (too many)', { tags: '[a, b, c, d, e, f, g, h, i]' }, 'line 6: tags: allows at most 8 tags'],
		['tags (not kebab-case)', { tags: '[alerts, Big Tag]' }, 'line 6: tags.1: must be kebab-case'],
		['tags (not kebab-case, block list)', { tags: '\n  - alerts\n  - Big Tag' }, 'line 8: tags.1: must be kebab-case'],
		// A missing field has no line of its own: it is reported on the opening ---.
		['productArea', { productArea: '<omit>' }, 'line 1: productArea: is required'],
		['related', { related: '[Not_A_Slug]' }, 'line 10: related.0: must be kebab-case'],
		['unknown field', { audiance: 'customers' }, 'line 11: audiance: unknown field'],
		['updated format', { updated: '14/10/2026' }, 'line 9: updated: must be a date written as YYYY-MM-DD'],
	])('rejects a bad %s, with its line in the file', (_, overrides, expected) => {
		const errors = errorsFor(overrides)
		expect(errors).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^${FILE}: ${escape(expected)}`))]))
	})

	test('rejects a date that does not exist', () => {
		expect(errorsFor({ updated: '2026-02-30' })).toEqual([`${FILE}: line 9: updated: is not a real calendar date`])
		expect(errorsFor({ updated: '2026-13-01' })).toEqual([`${FILE}: line 9: updated: is not a real calendar date`])
	})

	test('the slug must equal the file name', () => {
		expect(errorsFor({}, 'content/articles/some-other-name.mdx')).toEqual([
			'content/articles/some-other-name.mdx: line 3: slug: "create-a-metric-alert" must equal the file name "some-other-name"',
		])
	})

	test('reports every bad field at once', () => {
		const errors = errorsFor({ audience: 'vip', tags: '[]', updated: 'soon' })
		expect(errors).toHaveLength(3)
	})

	test('a file without frontmatter is rejected', () => {
		const result = parseFrontmatter('# Just a body\n', ArticleFrontmatterSchema, FILE)
		expect(result.ok).toBe(false)
		expect(!result.ok && result.errors[0]).toMatch(/^create-a-metric-alert\.mdx: line 1: missing frontmatter/)
	})

	test('broken YAML is reported with its line in the file', () => {
		const source = '---\ntitle: Create a metric alert\ntags: [alerts\nslug: x\n---\nBody'
		const result = parseFrontmatter(source, ArticleFrontmatterSchema, FILE)
		expect(result.ok).toBe(false)
		// The list opens on line 3; the parser notices it unclosed on line 4.
		expect(!result.ok && result.errors[0]).toMatch(/^create-a-metric-alert\.mdx: line [34]: invalid YAML/)
		const twice = parseFrontmatter('---\ntitle: Create a metric alert\nslug: x\nslug: y\n---\nBody', ArticleFrontmatterSchema, FILE)
		expect(!twice.ok && twice.errors).toEqual([`${FILE}: line 4: invalid YAML: Map keys must be unique`])
	})
})

describe('parseFrontmatter for lessons', () => {
	const lesson = (minutes: string, extra = '') =>
		`---\ntitle: Connect a data source\nslug: connect-a-source\nsummary: Connect a warehouse, a SaaS tool or a CSV file.\nestimatedMinutes: ${minutes}\n${extra}---\nBody\n`

	test('accepts a lesson', () => {
		const result = parseFrontmatter(lesson('15'), LessonFrontmatterSchema, 'lessons/connect-a-source.mdx')
		expect(result.ok && result.data.estimatedMinutes).toBe(15)
	})

	test('level is optional (the path gives it) and validated when stated', () => {
		const omitted = parseFrontmatter(lesson('15'), LessonFrontmatterSchema, 'connect-a-source.mdx')
		expect(omitted.ok && omitted.data.level).toBeUndefined()
		const stated = parseFrontmatter(lesson('15', 'level: intermediate\n'), LessonFrontmatterSchema, 'connect-a-source.mdx')
		expect(stated.ok && stated.data.level).toBe('intermediate')
		const bad = parseFrontmatter(lesson('15', 'level: hard\n'), LessonFrontmatterSchema, 'lessons/connect-a-source.mdx')
		expect(!bad.ok && bad.errors).toEqual(['lessons/connect-a-source.mdx: line 6: level: expected one of beginner|intermediate|advanced'])
	})

	test('estimatedMinutes must be a positive whole number', () => {
		const result = parseFrontmatter(lesson('0'), LessonFrontmatterSchema, 'connect-a-source.mdx')
		expect(!result.ok && result.errors).toEqual(['connect-a-source.mdx: line 5: estimatedMinutes: must be at least 1'])
	})
})
