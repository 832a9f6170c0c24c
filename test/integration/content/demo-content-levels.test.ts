import fs from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { ArticleFrontmatterSchema, LessonFrontmatterSchema, parseFrontmatter } from '#app/domain/content/frontmatter.ts'
import { syncAllContent } from '#app/domain/content/sync-all.server.ts'
import { prisma } from '#app/utils/db.server.ts'

const CONTENT = path.resolve('content')

/** The YAML text of a file's frontmatter, for checking what the author wrote (before defaults). */
async function frontmatterText(file: string) {
	const source = await fs.readFile(file, 'utf8')
	return source.slice(0, source.indexOf('\n---', 4))
}

describe('demo content levels', () => {
	test('every demo article and lesson states its level explicitly', async () => {
		const articles = (await fs.readdir(path.join(CONTENT, 'articles'))).filter((f) => f.endsWith('.mdx'))
		const lessons: string[] = []
		for (const folder of await fs.readdir(path.join(CONTENT, 'paths'))) {
			for (const file of await fs.readdir(path.join(CONTENT, 'paths', folder, 'lessons'))) lessons.push(path.join('paths', folder, 'lessons', file))
		}
		expect(articles.length).toBeGreaterThan(0)
		expect(lessons.length).toBeGreaterThan(0)
		const missing: string[] = []
		for (const file of [...articles.map((f) => path.join('articles', f)), ...lessons]) {
			if (!/\nlevel: (beginner|intermediate|advanced)\n/.test(`${await frontmatterText(path.join(CONTENT, file))}\n`)) missing.push(file)
			const schema = file.startsWith('articles') ? ArticleFrontmatterSchema : LessonFrontmatterSchema
			expect(parseFrontmatter(await fs.readFile(path.join(CONTENT, file), 'utf8'), schema, file).ok).toBe(true)
		}
		expect(missing).toEqual([])
	})

	// Runs the real content sync against this test file's scratch database (never data/portal.db).
	test('the demo content syncs cleanly and stores its levels', { timeout: 120_000 }, async () => {
		const report = await syncAllContent(CONTENT)
		expect(report.errors).toEqual([])
		const article = async (slug: string) => (await prisma.article.findUnique({ where: { slug }, select: { level: true } }))?.level
		expect(await article('what-is-prism')).toBe('beginner')
		expect(await article('create-a-metric-alert')).toBe('intermediate')
		expect(await article('configure-single-sign-on')).toBe('advanced')
		const lesson = async (pathSlug: string, slug: string) =>
			(await prisma.lesson.findFirst({ where: { slug, path: { slug: pathSlug } }, select: { level: true } }))?.level
		expect(await lesson('prism-fundamentals', 'welcome-to-prism')).toBe('beginner')
		expect(await lesson('advanced-dashboards', 'calculated-fields')).toBe('intermediate')
		expect(await lesson('advanced-dashboards', 'embedded-dashboards')).toBe('advanced')
		expect(await lesson('enterprise-governance', 'sso-and-scim')).toBe('advanced')
		const byLevel = await prisma.article.groupBy({ by: ['level'], _count: { _all: true } })
		// Every level is used, so depth can count for something.
		expect(byLevel.map((row) => row.level).sort()).toEqual(['advanced', 'beginner', 'intermediate'])
	})
})
