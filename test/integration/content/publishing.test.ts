import fs from 'node:fs/promises'
import path from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { syncArticles } from '#app/domain/content/article-sync.server.ts'
import {
	approveArticle,
	archiveArticle,
	diffArticleRevisions,
	getArticleForEditing,
	listRevisions,
	restoreRevision,
	runScheduledPublication,
	saveArticleDraft,
	setSelfPublishAllowed,
	submitForReview,
	WorkflowError,
} from '#app/domain/content/publishing.server.ts'
import { parseSearchParams, searchForReader } from '#app/domain/search/search-service.server.ts'
import { loader as articleLoader } from '#app/routes/kb.$slug.tsx'
import { prisma } from '#app/utils/db.server.ts'
import { articleSource, syncFixtureArticles } from '#test/support/content.ts'
import { createUser, makeRequest, settle } from '#test/support/requests.ts'

const form = (slug: string, body: string, baseRevision: number, over: Partial<{ title: string; audience: 'public' | 'customers' | 'tier1' }> = {}) => ({
	title: over.title ?? `Console article ${slug}`,
	slug,
	summary: 'A summary long enough for the frontmatter rules.',
	category: 'reports',
	tags: ['reports'],
	audience: over.audience ?? ('public' as const),
	productArea: 'Reports',
	level: 'beginner' as const,
	updated: '2026-11-01',
	related: [],
	body,
	baseRevision,
})

let author: { id: string }
let reviewer: { id: string }
let admin: { id: string }
beforeAll(async () => {
	author = await createUser('EDITOR')
	reviewer = await createUser('EDITOR')
	admin = await createUser('ADMIN')
})

async function saved(result: Awaited<ReturnType<typeof saveArticleDraft>>) {
	if (result.kind !== 'saved') throw new Error(`expected a save, got ${JSON.stringify(result)}`)
	return result
}

const search = (q: string) => searchForReader({ kind: 'anonymous' }, parseSearchParams(new URLSearchParams({ q })))

describe('console publishing', () => {
	test('a policy violation is saved with its line, and blocks submission until fixed', async () => {
		const first = await saved(await saveArticleDraft({ existingSlug: null, form: form('bad-expr', '## Start\n\nTotal: {1 + 1}\n', 0), authorId: author.id }))
		expect(first.revision).toBe(1)
		// Frontmatter is 11 lines (--- title..updated ---), the body starts on line 12: the expression is on line 14.
		expect(first.problems).toEqual([expect.objectContaining({ line: 14, reason: expect.stringMatching(/expression/i) })])
		await expect(submitForReview({ slug: 'bad-expr', revision: 1 })).rejects.toThrow(/problems/)
		const fixed = await saved(await saveArticleDraft({ existingSlug: 'bad-expr', form: form('bad-expr', '## Start\n\nTotal: two.\n', 1), authorId: author.id }))
		expect(fixed).toMatchObject({ revision: 2, problems: [] })
		await submitForReview({ slug: 'bad-expr', revision: 2 })
		expect((await getArticleForEditing('bad-expr'))!.article.state).toBe('in_review')
	})

	test('the author cannot approve their own article unless the admin setting allows it', async () => {
		await saved(await saveArticleDraft({ existingSlug: null, form: form('own-work', '## Start\n\nMine.\n', 0), authorId: author.id }))
		await submitForReview({ slug: 'own-work', revision: 1 })
		await expect(approveArticle({ slug: 'own-work', revision: 1, reviewerId: author.id })).rejects.toThrow(WorkflowError)
		expect(await prisma.article.findUnique({ where: { slug: 'own-work' }, select: { status: true } })).toEqual({ status: 'draft' })

		await setSelfPublishAllowed(true, admin.id)
		try {
			await expect(approveArticle({ slug: 'own-work', revision: 1, reviewerId: author.id })).resolves.toMatchObject({ published: true })
		} finally {
			await setSelfPublishAllowed(false, admin.id)
		}
		expect(await prisma.article.findUnique({ where: { slug: 'own-work' }, select: { status: true, publishedRevision: true } })).toEqual({ status: 'published', publishedRevision: 1 })
	})

	test('another editor approves: the article is readable and searchable at once', async () => {
		await saved(await saveArticleDraft({ existingSlug: null, form: form('peer-reviewed', '## Start\n\nquillfeather marmalade notes.\n', 0), authorId: author.id }))
		await submitForReview({ slug: 'peer-reviewed', revision: 1 })
		expect((await search('quillfeather')).hits).toHaveLength(0)
		await approveArticle({ slug: 'peer-reviewed', revision: 1, reviewerId: reviewer.id })
		expect((await search('quillfeather')).hits.map((h) => h.url)).toEqual(['/kb/peer-reviewed'])
		const page = await settle(() => articleLoader({ request: makeRequest('/kb/peer-reviewed'), params: { slug: 'peer-reviewed' }, context: {} }))
		expect(JSON.stringify(page)).toContain('quillfeather marmalade')
	})

	test('a stale revision number is refused, nothing is lost, and the caller gets their text back', async () => {
		await saved(await saveArticleDraft({ existingSlug: null, form: form('two-editors', '## Start\n\nFirst.\n', 0), authorId: author.id }))
		await saved(await saveArticleDraft({ existingSlug: 'two-editors', form: form('two-editors', '## Start\n\nAuthor edit.\n', 1), authorId: author.id }))
		const late = await saveArticleDraft({ existingSlug: 'two-editors', form: form('two-editors', '## Start\n\nReviewer edit from revision 1.\n', 1), authorId: reviewer.id })
		expect(late).toMatchObject({ kind: 'conflict', head: { number: 2, origin: 'console' } })
		if (late.kind !== 'conflict') throw new Error('unreachable')
		expect(late.source).toContain('Reviewer edit from revision 1.')
		const revisions = await listRevisions('two-editors')
		expect(revisions!.revisions.map((r) => r.number)).toEqual([2, 1])
		expect((await getArticleForEditing('two-editors'))!.head.source).toContain('Author edit.')
	})

	test('diff between any two revisions, and restore makes a new revision', async () => {
		await saved(await saveArticleDraft({ existingSlug: null, form: form('history', '## Start\n\nOne.\n\nKeep.\n', 0), authorId: author.id }))
		await saved(await saveArticleDraft({ existingSlug: 'history', form: form('history', '## Start\n\nTwo.\n\nKeep.\n', 1), authorId: author.id }))
		await saved(await saveArticleDraft({ existingSlug: 'history', form: form('history', '## Start\n\nThree.\n\nKeep.\n', 2, { title: 'Console history renamed' }), authorId: author.id }))
		const diff = await diffArticleRevisions('history', 1, 3)
		expect(diff!.lines.filter((l) => l.kind === 'removed').map((l) => 'text' in l && l.text)).toEqual(['title: Console article history', 'One.'])
		expect(diff!.lines.filter((l) => l.kind === 'added').map((l) => 'text' in l && l.text)).toEqual(['title: Console history renamed', 'Three.'])
		expect(diff).toMatchObject({ added: 2, removed: 2 })

		// Restoring from a stale base is a conflict; from the head it is revision 4 with revision 1's text.
		expect(await restoreRevision({ slug: 'history', number: 1, baseRevision: 2, authorId: reviewer.id })).toMatchObject({ kind: 'conflict' })
		expect(await restoreRevision({ slug: 'history', number: 1, baseRevision: 3, authorId: reviewer.id })).toMatchObject({ kind: 'saved', revision: 4 })
		const rows = await prisma.articleRevision.findMany({ where: { article: { slug: 'history' } }, orderBy: { number: 'asc' }, select: { number: true, source: true, authorId: true } })
		expect(rows.map((r) => r.number)).toEqual([1, 2, 3, 4])
		expect(rows[3]!.source).toBe(rows[0]!.source)
		expect(rows[3]!.authorId).toBe(reviewer.id)
		expect((await diffArticleRevisions('history', 1, 4))!.lines.every((l) => l.kind === 'skipped' || l.kind === 'same')).toBe(true)
	})

	test('archive: its URL answers 410 with the replacement, and search no longer finds it', async () => {
		await saved(await saveArticleDraft({ existingSlug: null, form: form('old-guide', '## Start\n\nzephyrine lanterns.\n', 0), authorId: author.id }))
		await submitForReview({ slug: 'old-guide', revision: 1 })
		await approveArticle({ slug: 'old-guide', revision: 1, reviewerId: reviewer.id })
		expect((await search('zephyrine')).hits).toHaveLength(1)

		await expect(archiveArticle({ slug: 'old-guide', replacementSlug: 'no-such-article' })).rejects.toThrow(/No published article/)
		await archiveArticle({ slug: 'old-guide', replacementSlug: 'peer-reviewed' })
		expect((await search('zephyrine')).hits).toHaveLength(0)
		const gone = await settle(() => articleLoader({ request: makeRequest('/kb/old-guide'), params: { slug: 'old-guide' }, context: {} }))
		expect(gone).toMatchObject({ init: { status: 410 }, data: { kind: 'archived', replacement: { slug: 'peer-reviewed' } } })
	})

	test('scheduled publication publishes when due, not before', async () => {
		await saved(await saveArticleDraft({ existingSlug: null, form: form('later', '## Start\n\nnebulith scheduled words.\n', 0), authorId: author.id }))
		await submitForReview({ slug: 'later', revision: 1 })
		const now = new Date()
		const at = new Date(now.getTime() + 60 * 60_000)
		await approveArticle({ slug: 'later', revision: 1, reviewerId: reviewer.id, publishAt: at, now })
		expect((await getArticleForEditing('later'))!.article.state).toBe('scheduled')

		expect(await runScheduledPublication('instance-a', { now: new Date(now.getTime() + 60_000) })).toEqual([])
		// Another instance does nothing while the first one's lease (60 s by default) runs.
		expect(await runScheduledPublication('instance-b', { now: new Date(now.getTime() + 90_000) })).toBeNull()
		expect(await runScheduledPublication('instance-a', { now: new Date(now.getTime() + 61 * 60_000) })).toEqual(['later'])
		expect(await prisma.article.findUnique({ where: { slug: 'later' }, select: { status: true, reviewState: true } })).toEqual({ status: 'published', reviewState: null })
		expect((await search('nebulith')).hits).toHaveLength(1)
	})
})

describe('content/ sync meeting console revisions', () => {
	test('a sync meeting a newer console revision reports a conflict and changes nothing', async () => {
		const { dir, report } = await syncFixtureArticles({ 'git-guide': articleSource('git-guide', { audience: 'public', body: '## Start\n\nFrom git.\n' }) })
		expect(report.created).toBe(1)
		await saved(await saveArticleDraft({ existingSlug: 'git-guide', form: form('git-guide', '## Start\n\nFrom the console.\n', 1), authorId: author.id }))
		const before = await prisma.article.findUnique({ where: { slug: 'git-guide' }, select: { updatedAt: true, sourceHash: true, reviewState: true } })

		// The unchanged file is no news: nothing to report.
		expect(await syncArticles(dir)).toMatchObject({ unchanged: 1, updated: 0, conflicts: [] })
		// An edited file meets the newer console revision: a conflict, and nothing changes.
		await fs.writeFile(path.join(dir, 'articles', 'git-guide.mdx'), articleSource('git-guide', { audience: 'public', body: '## Start\n\nEdited in git.\n' }))
		const second = await syncArticles(dir)
		expect(second).toMatchObject({ updated: 0, conflicts: [{ slug: 'git-guide', reason: expect.stringMatching(/console has a newer revision \(2/) }] })
		expect(await prisma.article.findUnique({ where: { slug: 'git-guide' }, select: { updatedAt: true, sourceHash: true, reviewState: true } })).toEqual(before)
		expect((await listRevisions('git-guide'))!.revisions.map((r) => `${r.number}:${r.origin}`)).toEqual(['2:console', '1:sync'])
	})

	test('a sync leaves an archived article archived', async () => {
		const { dir } = await syncFixtureArticles({ 'archived-in-console': articleSource('archived-in-console', { audience: 'public' }) })
		await archiveArticle({ slug: 'archived-in-console', replacementSlug: null })
		expect(await syncArticles(dir)).toMatchObject({ unchanged: 1, updated: 0 })
		expect(await prisma.article.findUnique({ where: { slug: 'archived-in-console' }, select: { status: true } })).toEqual({ status: 'archived' })
	})
})

describe('demo console articles', () => {
	test('the seed writes drafts, reviews and a scheduled article through the workflow, once', async () => {
		const { seedConsoleArticles } = await import('#prisma/seed-content.ts')
		await createUser('EDITOR', { email: 'editor@demo.test' })
		await createUser('ADMIN', { email: 'admin@demo.test' })
		expect(await seedConsoleArticles()).toBe(4)
		expect(await seedConsoleArticles()).toBe(0)
		const rows = await prisma.article.findMany({
			where: { slug: { in: ['rotate-warehouse-credentials', 'dashboard-refresh-faq', 'alerting-playbook-finance', 'whats-new-this-quarter'] } },
			select: { slug: true, status: true, reviewState: true },
			orderBy: { slug: 'asc' },
		})
		expect(rows.map((r) => `${r.slug}:${r.status}:${r.reviewState}`)).toEqual([
			'alerting-playbook-finance:draft:draft',
			'dashboard-refresh-faq:draft:in_review',
			'rotate-warehouse-credentials:draft:in_review',
			'whats-new-this-quarter:draft:scheduled',
		])
	})
})
