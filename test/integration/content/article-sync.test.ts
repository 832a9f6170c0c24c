import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { beforeEach, describe, expect, test } from 'vitest'
import { syncArticles } from '#app/domain/content/article-sync.server.ts'
import { prisma } from '#app/utils/db.server.ts'

function article(slug: string, opts: { audience?: string; body?: string; title?: string; level?: string } = {}) {
	return `---
title: ${opts.title ?? `Guide to ${slug}`}
slug: ${slug}
summary: A short summary of ${slug} long enough to pass validation.
category: dashboards
tags: [dashboards]
audience: ${opts.audience ?? 'customers'}
productArea: Dashboards
updated: 2026-10-01
${opts.level ? `level: ${opts.level}\n` : ''}---
${opts.body ?? `## Overview\n\nEverything about ${slug}.\n`}`
}

let dir: string
async function write(slug: string, source: string) {
	await fs.writeFile(path.join(dir, 'articles', `${slug}.mdx`), source)
}

beforeEach(async () => {
	dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kb-sync-'))
	await fs.mkdir(path.join(dir, 'articles'))
	await prisma.article.deleteMany()
})

describe('article sync', () => {
	test('is idempotent: a second run compiles nothing and changes nothing', async () => {
		await write('alpha', article('alpha'))
		await write('beta', article('beta', { body: '## Intro\n\nBase.\n\n<Audience min="tier1">\nExecutive extras.\n</Audience>\n' }))
		const first = await syncArticles(dir)
		expect(first).toMatchObject({ created: 2, errors: [] })
		expect(first.compiled).toBe(3) // alpha once; beta twice (below Tier 1 and Tier 1+)
		const before = await prisma.article.findMany({ select: { slug: true, updatedAt: true }, orderBy: { slug: 'asc' } })
		const second = await syncArticles(dir)
		expect(second).toMatchObject({ compiled: 0, created: 0, updated: 0, unchanged: 2 })
		const after = await prisma.article.findMany({ select: { slug: true, updatedAt: true }, orderBy: { slug: 'asc' } })
		expect(after).toEqual(before)
	})

	test('a changed file makes a new revision and recompiles only what changed', async () => {
		await write('alpha', article('alpha'))
		await syncArticles(dir)
		await write('alpha', article('alpha', { body: '## Overview\n\nRewritten body.\n' }))
		const report = await syncArticles(dir)
		expect(report).toMatchObject({ updated: 1, compiled: 1 })
		const revisions = await prisma.articleRevision.findMany({ where: { article: { slug: 'alpha' } } })
		expect(revisions).toHaveLength(2)
		// Reverting to the first source reuses its compiled output from the cache.
		await write('alpha', article('alpha'))
		const reverted = await syncArticles(dir)
		expect(reverted).toMatchObject({ updated: 1, compiled: 0, reused: 1 })
	})

	test('a broken file is reported with its name and skipped; the others still sync', async () => {
		await write('good', article('good'))
		await write('bad-frontmatter', article('bad-frontmatter', { audience: 'everyone' }))
		await write('bad-mdx', article('bad-mdx', { body: '## Oops\n\n<Callout type="info">\nnever closed\n' }))
		const report = await syncArticles(dir)
		expect(report.created).toBe(1)
		expect(report.errors.map((e) => e.file).sort()).toEqual(['articles/bad-frontmatter.mdx', 'articles/bad-mdx.mdx'])
		expect(report.errors.find((e) => e.file === 'articles/bad-frontmatter.mdx')!.problems[0]).toMatch(/audience: expected one of/)
		expect(await prisma.article.count()).toBe(1)
	})

	test('a bad edit keeps the last good version published', async () => {
		await write('alpha', article('alpha', { title: 'The good title' }))
		await syncArticles(dir)
		await write('alpha', article('alpha', { body: '{process.env.SESSION_SECRET}' }))
		const report = await syncArticles(dir)
		expect(report.errors).toHaveLength(1)
		expect(await prisma.article.findUnique({ where: { slug: 'alpha' }, select: { title: true, status: true } })).toEqual({
			title: 'The good title',
			status: 'published',
		})
	})

	test('unsafe MDX is rejected with line and reason: env, file system, imports, unknown components', async () => {
		const cases = {
			'reads-env': 'Hello {process.env.SESSION_SECRET}\n',
			'reads-fs': "import fs from 'node:fs'\n\n{fs.readFileSync('/etc/passwd', 'utf8')}\n",
			exports: 'export const secret = 1\n',
			'unknown-component': '<Script src="x" />\n',
			'expression-prop': '<Callout type={globalThis.x}>hi</Callout>\n',
		}
		for (const [slug, body] of Object.entries(cases)) await write(slug, article(slug, { body }))
		const report = await syncArticles(dir)
		expect(report.created).toBe(0)
		expect(report.errors).toHaveLength(5)
		for (const error of report.errors) expect(error.problems.join(' ')).toMatch(/line \d+/)
		expect(await prisma.compiledMdx.count({ where: { code: { contains: 'process.env' } } })).toBe(0)
	})

	test('stores the level (beginner when the file states none) and follows a change of level', async () => {
		await write('basics', article('basics'))
		await write('tuning', article('tuning', { level: 'advanced' }))
		expect(await syncArticles(dir)).toMatchObject({ created: 2, errors: [] })
		const levels = async () =>
			Object.fromEntries((await prisma.article.findMany({ select: { slug: true, level: true } })).map((a) => [a.slug, a.level]))
		expect(await levels()).toEqual({ basics: 'beginner', tuning: 'advanced' })
		await write('basics', article('basics', { level: 'intermediate' }))
		expect(await syncArticles(dir)).toMatchObject({ updated: 1, errors: [] })
		expect(await levels()).toEqual({ basics: 'intermediate', tuning: 'advanced' })
	})

	test('an unknown level is an error naming the file, and the last good level stays', async () => {
		await write('tuning', article('tuning', { level: 'advanced' }))
		await syncArticles(dir)
		await write('tuning', article('tuning', { level: 'expert' }))
		const report = await syncArticles(dir)
		expect(report.errors).toEqual([
			{ file: 'articles/tuning.mdx', problems: ['articles/tuning.mdx: line 10: level: expected one of beginner|intermediate|advanced'] },
		])
		expect(await prisma.article.findUnique({ where: { slug: 'tuning' }, select: { level: true } })).toEqual({ level: 'advanced' })
	})

	test('a file removed from content retires its article instead of deleting it', async () => {
		await write('alpha', article('alpha'))
		await syncArticles(dir)
		await fs.rm(path.join(dir, 'articles', 'alpha.mdx'))
		const report = await syncArticles(dir)
		expect(report.retired).toBe(1)
		expect(await prisma.article.findUnique({ where: { slug: 'alpha' }, select: { status: true } })).toEqual({ status: 'retired' })
	})
})
