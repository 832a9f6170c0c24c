import fs from 'node:fs/promises'
import path from 'node:path'
import { prisma } from '#app/utils/db.server.ts'
import { MdxCompileError, sourceHash } from './compile.server.ts'
import { contentChanged } from './content-cache.server.ts'
import { ensureCompiledVariants } from './compiled-store.server.ts'
import { ArticleFrontmatterSchema, parseFrontmatter } from './frontmatter.ts'

export type SyncReport = {
	compiled: number
	reused: number
	unchanged: number
	created: number
	updated: number
	retired: number
	errors: Array<{ file: string; problems: string[] }>
	/** Item keys whose stored content changed, for the search index. */
	changedItemKeys: string[]
}

export function emptyReport(): SyncReport {
	return { compiled: 0, reused: 0, unchanged: 0, created: 0, updated: 0, retired: 0, errors: [], changedItemKeys: [] }
}

export function problemsOf(error: unknown, file: string): string[] {
	if (error instanceof MdxCompileError) return error.problems.map((p) => `${file}: line ${p.line}: ${p.reason}`)
	return [`${file}: ${error instanceof Error ? error.message : String(error)}`]
}

/**
 * Brings the articles in the database in line with content/articles/*.mdx. An unchanged file costs one
 * hash; a bad file is reported and skipped, and the last good version of it stays published.
 * Articles whose file is gone are retired, never deleted.
 */
export async function syncArticles(contentDir: string, report: SyncReport = emptyReport()): Promise<SyncReport> {
	const dir = path.join(contentDir, 'articles')
	const files = (await fs.readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith('.mdx')).sort()
	const seenSlugs = new Set<string>()
	for (const file of files) {
		const relative = path.join('articles', file)
		const source = await fs.readFile(path.join(dir, file), 'utf8')
		const hash = sourceHash(source)
		const slug = file.replace(/\.mdx$/, '')
		seenSlugs.add(slug)
		const existing = await prisma.article.findUnique({ where: { slug }, select: { id: true, sourceHash: true, status: true } })
		if (existing && existing.sourceHash === hash && existing.status === 'published') {
			report.unchanged++
			continue
		}
		const parsed = parseFrontmatter(source, ArticleFrontmatterSchema, relative)
		if (!parsed.ok) {
			report.errors.push({ file: relative, problems: parsed.errors })
			continue
		}
		const fm = parsed.data
		let variants
		try {
			variants = await ensureCompiledVariants(parsed.body, fm.audience, parsed.bodyStartLine, report)
		} catch (error) {
			report.errors.push({ file: relative, problems: problemsOf(error, relative) })
			continue
		}
		const fields = {
			title: fm.title,
			summary: fm.summary,
			category: fm.category,
			tags: JSON.stringify(fm.tags),
			audience: fm.audience,
			productArea: fm.productArea,
			contentUpdatedAt: new Date(`${fm.updated}T00:00:00Z`),
			related: JSON.stringify(fm.related),
			level: fm.level,
			status: 'published',
			sourceHash: hash,
			sourcePath: relative,
			readingMinutes: Math.max(...variants.map((v) => v.readingMinutes)),
		}
		await prisma.$transaction(async (tx) => {
			const article = await tx.article.upsert({ where: { slug }, create: { slug, ...fields }, update: fields, select: { id: true } })
			await tx.articleRevision.upsert({
				where: { articleId_sourceHash: { articleId: article.id, sourceHash: hash } },
				create: { articleId: article.id, sourceHash: hash, source },
				update: {},
			})
			await tx.articleVariant.deleteMany({ where: { articleId: article.id } })
			await tx.articleVariant.createMany({
				data: variants.flatMap((v) => v.levels.map((level) => ({ articleId: article.id, level, cacheKey: v.cacheKey }))),
			})
		})
		if (existing) report.updated++
		else report.created++
		report.changedItemKeys.push(`article:${slug}`)
	}
	// Files removed from content/ retire their article (synced ones only: console-written articles have no file).
	const gone = await prisma.article.findMany({
		where: { status: 'published', sourcePath: { not: null }, slug: { notIn: [...seenSlugs] } },
		select: { id: true, slug: true },
	})
	for (const article of gone) {
		await prisma.article.update({ where: { id: article.id }, data: { status: 'retired' } })
		report.retired++
		report.changedItemKeys.push(`article:${article.slug}`)
	}
	// This instance's article cache now; other instances see the content stamp move.
	contentChanged()
	return report
}
