import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { syncArticles } from '#app/domain/content/article-sync.server.ts'
import { compileCacheKey } from '#app/domain/content/compile.server.ts'
import { syncAllContent } from '#app/domain/content/sync-all.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { articleSource } from '#test/support/content.ts'

/**
 * What `npm run content:sync` reports for a refused file: the file, the line counted from the
 * file's first line (frontmatter included) and the reason, for every problem it can find.
 */

const dirs: string[] = []
afterEach(async () => {
	for (const dir of dirs.splice(0)) await fs.rm(dir, { recursive: true, force: true })
})

async function contentDir(files: Record<string, string>) {
	const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'content-problems-'))
	dirs.push(dir)
	for (const [file, text] of Object.entries(files)) {
		await fs.mkdir(path.dirname(path.join(dir, file)), { recursive: true })
		await fs.writeFile(path.join(dir, file), text)
	}
	return dir
}

/** The 1-based line of the file that contains `marker` (exactly one must). */
function lineOf(source: string, marker: string): number {
	const lines = source.split('\n')
	const found = lines.flatMap((line, index) => (line.includes(marker) ? [index + 1] : []))
	if (found.length !== 1) throw new Error(`"${marker}" is on ${found.length} lines`)
	return found[0]!
}

async function problemsFor(slug: string, body: string) {
	const source = articleSource(slug, { body })
	const dir = await contentDir({ [`articles/${slug}.mdx`]: source })
	const report = await syncArticles(dir)
	expect(report.created).toBe(0)
	expect(report.errors.map((error) => error.file)).toEqual([`articles/${slug}.mdx`])
	return { source, problems: report.errors[0]!.problems }
}

describe('content sync: refused files name file, file line and reason', () => {
	test.each([
		['heading-id', 'Intro\n\n## Setup {#setup}\n\nText\n', '{#setup}', /invalid MDX: Could not parse expression/],
		['html-comment', 'Intro\n\n<!-- a note for editors -->\n\nText\n', '<!--', /invalid MDX: .*to create a comment in MDX/],
		['table-cell', 'Intro\n\n| Plan | Seats |\n| --- | --- |\n| Team | <5 users |\n\nText\n', '<5 users', /invalid MDX: Unexpected character `5`/],
	])('%s: the reported line is the line in the file', async (slug, body, marker, reason) => {
		const { source, problems } = await problemsFor(slug, body)
		const line = lineOf(source, marker)
		// The frontmatter takes 10 lines: a line counted from the body would be 10 too small.
		expect(line).toBeGreaterThan(10)
		expect(problems).toEqual([expect.stringMatching(new RegExp(`^articles/${slug}\\.mdx: line ${line}: ${reason.source}`))])
	})

	test('a file with two policy violations reports both, with their lines', async () => {
		const body = 'Intro\n\n<div>raw</div>\n\nText with a [link](javascript:alert(1)).\n'
		const { source, problems } = await problemsFor('two-violations', body)
		expect(problems).toEqual([
			expect.stringMatching(new RegExp(`^articles/two-violations\\.mdx: line ${lineOf(source, '<div>')}: raw HTML element <div>`)),
			expect.stringMatching(new RegExp(`^articles/two-violations\\.mdx: line ${lineOf(source, 'javascript:')}: link URL`)),
		])
	})

	test('checking goes on after a syntax error, also inside a gated block', async () => {
		const body = [
			'Intro',
			'',
			'<Audience min="tier1">',
			'',
			'## Extras {#extras}',
			'',
			'</Audience>',
			'',
			'<!-- todo -->',
			'',
			'<Script src="x" />',
			'',
		].join('\n')
		const { source, problems } = await problemsFor('many', body)
		expect(problems.map((problem) => Number(/: line (\d+):/.exec(problem)?.[1]))).toEqual([
			lineOf(source, '{#extras}'),
			lineOf(source, '<!--'),
			lineOf(source, '<Script'),
		])
	})

	test('a reference-style image with a tracking URL is refused, and nothing of it is stored', async () => {
		const body = 'Intro\n\n![pixel][r]\n\n[r]: http://tracker.example/pixel.png\n'
		const { source, problems } = await problemsFor('tracker', body)
		expect(problems).toEqual([
			`articles/tracker.mdx: line ${lineOf(source, '![pixel]')}: image URL "http://tracker.example/pixel.png" (from the definition [r]) is not allowed; image URLs must start with /images/ or https://`,
		])
		expect(await prisma.compiledMdx.count({ where: { code: { contains: 'tracker.example' } } })).toBe(0)
	})

	test('a body compiled and cached before the rule is still refused', async () => {
		const body = 'Intro\n\n![pixel][]\n\n[pixel]: http://tracker.example/cached.png\n'
		// As if an older policy had compiled it: the cache must not let it through.
		await prisma.compiledMdx.create({ data: { cacheKey: compileCacheKey(body), code: 'stale', toc: '[]', text: 'Intro', words: 1 } })
		const dir = await contentDir({ 'articles/cached.mdx': articleSource('cached', { body }) })
		const report = await syncArticles(dir)
		expect(report).toMatchObject({ created: 0, reused: 0 })
		expect(report.errors[0]!.problems).toEqual([expect.stringMatching(/line 13: image URL "http:\/\/tracker\.example\/cached\.png"/)])
	})

	test('a lesson reports its problems with file lines too, and its path is not published', async () => {
		const lesson = [
			'---',
			'title: Lesson with problems',
			'slug: broken',
			'summary: A fixture lesson long enough to pass the summary check.',
			'estimatedMinutes: 5',
			'---',
			'Intro',
			'',
			'## Setup {#setup}',
			'',
			'![a][r]',
			'',
			'[r]: /assets/x.png',
			'',
		].join('\n')
		const manifest = [
			'title: A path with a broken lesson',
			'summary: A fixture path whose only lesson does not compile.',
			'audience: customers',
			'level: beginner',
			'estimatedMinutes: 5',
			'skillTags: [getting-started]',
			'certificate: false',
			'steps:',
			'  - lesson: broken',
			'',
		].join('\n')
		const dir = await contentDir({ 'paths/problems/path.yaml': manifest, 'paths/problems/lessons/broken.mdx': lesson })
		const report = await syncAllContent(dir)
		const file = 'paths/problems/lessons/broken.mdx'
		expect(report.errors).toEqual([
			{
				file,
				problems: [
					expect.stringMatching(new RegExp(`^${file}: line ${lineOf(lesson, '{#setup}')}: invalid MDX: Could not parse expression`)),
					expect.stringMatching(new RegExp(`^${file}: line ${lineOf(lesson, '![a][r]')}: image URL "/assets/x\\.png"`)),
				],
			},
		])
		expect(await prisma.path.count({ where: { slug: 'problems' } })).toBe(0)
	})
})
