import { describe, expect, test } from 'vitest'
import { composeArticleSource, formValuesFromSource } from '#app/domain/content/article-source.ts'
import { ArticleFrontmatterSchema, parseFrontmatter } from '#app/domain/content/frontmatter.ts'
import { approvalVerdict, ArticleFormSchema, bodyLineOf, workflowStateOf } from '#app/domain/content/publishing.ts'
import { revisionDiff } from '#app/domain/content/revision-diff.ts'

const form = {
	title: 'Quotes: "and" colons # hashes',
	slug: 'quoted-title',
	summary: 'A summary: with a colon, long enough for the rules.',
	category: 'reports',
	tags: ['reports', 'sharing'],
	audience: 'tier2' as const,
	productArea: 'Reports',
	level: 'advanced' as const,
	updated: '2026-11-01',
	related: ['share-a-dashboard'],
	body: '## Start\n\nWords.',
}

describe('publishing rules', () => {
	test('the authors of a change cannot approve it unless self-publishing is allowed', () => {
		expect(approvalVerdict({ reviewerId: 'a', changeAuthorIds: ['a', 'b'], selfPublishAllowed: false })).toMatchObject({ ok: false })
		expect(approvalVerdict({ reviewerId: 'c', changeAuthorIds: ['a', 'b'], selfPublishAllowed: false })).toEqual({ ok: true })
		expect(approvalVerdict({ reviewerId: 'a', changeAuthorIds: ['a'], selfPublishAllowed: true })).toEqual({ ok: true })
	})

	test('the state shown is the pending review state, else what readers have', () => {
		expect(workflowStateOf({ status: 'published', reviewState: 'in_review' })).toBe('in_review')
		expect(workflowStateOf({ status: 'published', reviewState: null })).toBe('published')
		expect(workflowStateOf({ status: 'archived', reviewState: null })).toBe('archived')
		expect(workflowStateOf({ status: 'retired', reviewState: null })).toBe('draft')
		expect(workflowStateOf({ status: 'draft', reviewState: 'bogus' })).toBe('draft')
	})

	test('body lines: file line minus the frontmatter; frontmatter lines have none', () => {
		expect(bodyLineOf(14, 12)).toBe(3)
		expect(bodyLineOf(12, 12)).toBe(1)
		expect(bodyLineOf(3, 12)).toBeNull()
	})

	test('list fields: one error on the field, empty related allowed, tags required', () => {
		const parse = (over: Record<string, string | undefined>) =>
			ArticleFormSchema.safeParse({ ...form, tags: 'reports, sharing', related: undefined, baseRevision: '0', ...over })
		expect(parse({}).success).toBe(true)
		const bad = parse({ tags: 'reports, Not_Kebab' })
		expect(bad.success ? [] : bad.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['tags', '"Not_Kebab" is not kebab-case (lowercase letters, digits, single hyphens)']])
		const none = parse({ tags: undefined })
		expect(none.success ? [] : none.error.issues.map((i) => i.path.join('.'))).toEqual(['tags'])
	})
})

describe('article source', () => {
	test('a composed file passes the sync frontmatter schema and reads back into the same form values', () => {
		const source = composeArticleSource(form)
		const parsed = parseFrontmatter(source, ArticleFrontmatterSchema, 'quoted-title.mdx')
		expect(parsed.ok).toBe(true)
		if (!parsed.ok) return
		expect(parsed.data).toMatchObject({ title: form.title, summary: form.summary, tags: form.tags, related: form.related, level: 'advanced' })
		expect(parsed.body).toBe('## Start\n\nWords.\n')
		expect(formValuesFromSource(source)).toMatchObject({ title: form.title, tags: 'reports, sharing', related: 'share-a-dashboard', body: '## Start\n\nWords.\n' })
	})
})

describe('revision diff', () => {
	test('changed lines with their numbers; long unchanged stretches folded', () => {
		const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n')
		const after = before.replace('line 10', 'line ten')
		const diff = revisionDiff(before, after)
		expect(diff).toMatchObject({ added: 1, removed: 1 })
		expect(diff.lines[0]).toEqual({ kind: 'skipped', count: 6 })
		expect(diff.lines).toContainEqual({ kind: 'removed', text: 'line 10', oldLine: 10, newLine: null })
		expect(diff.lines).toContainEqual({ kind: 'added', text: 'line ten', oldLine: null, newLine: 10 })
		expect(diff.lines.at(-1)).toEqual({ kind: 'skipped', count: 7 })
	})
})
