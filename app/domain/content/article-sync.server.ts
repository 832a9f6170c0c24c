import fs from 'node:fs/promises'
import path from 'node:path'
import { prisma } from '#app/utils/db.server.ts'
import { MdxCompileError, sourceHash } from './compile.server.ts'
import { contentChanged } from './content-cache.server.ts'
import { ensureCompiledVariants } from './compiled-store.server.ts'
import { headRevision, writePublishedArticle } from './article-store.server.ts'
import { ArticleFrontmatterSchema, parseFrontmatter } from './frontmatter.ts'

export type SyncReport = {
	compiled: number
	reused: number
	unchanged: number
	created: number
	updated: number
	retired: number
	errors: Array<{ file: string; problems: string[] }>
	/** Articles the console changed since the last sync whose file differs: left as they are. */
	conflicts: SyncConflict[]
	/** Item keys whose stored content changed, for the search index. */
	changedItemKeys: string[]
}

export function emptyReport(): SyncReport {
	return { compiled: 0, reused: 0, unchanged: 0, created: 0, updated: 0, retired: 0, errors: [], conflicts: [], changedItemKeys: [] }
}

export function problemsOf(error: unknown, file: string): string[] {
	if (error instanceof MdxCompileError) return error.problems.map((p) => `${file}: line ${p.line}: ${p.reason}`)
	return [`${file}: ${error instanceof Error ? error.message : String(error)}`]
}

/** Where the sync and the console disagree: reported, and the sync changes nothing for that article. */
export type SyncConflict = { file: string; slug: string; reason: string }

/**
 * Brings the articles in the database in line with content/articles/*.mdx. An unchanged file costs one
 * hash; a bad file is reported and skipped, and the last good version of it stays published.
 * Articles whose file is gone are retired, never deleted. A file that differs from what the console
 * has since saved or archived is a conflict: reported, never silently overwritten.
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
		if (existing) {
			const verdict = await consoleVerdict(existing, hash)
			if (verdict === 'unchanged') {
				report.unchanged++
				continue
			}
			if (verdict) {
				report.conflicts.push({ file: relative, slug, reason: verdict })
				continue
			}
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
		await prisma.$transaction(async (tx) => {
			const article = existing ?? (await tx.article.findUnique({ where: { slug }, select: { id: true } }))
			const head = article ? await headRevision(tx, article.id) : null
			// A file reverted to the newest revision's text publishes that revision; anything else is a new one.
			const number = head && head.sourceHash === hash ? head.number : (head?.number ?? 0) + 1
			const { id } = await writePublishedArticle(tx, { slug, frontmatter: fm, variants, sourceHash: hash, sourcePath: relative, revisionNumber: number })
			if (number !== head?.number) {
				await tx.articleRevision.create({
					data: {
						articleId: id,
						number,
						origin: 'sync',
						title: fm.title,
						sourceHash: hash,
						source,
						variants: JSON.stringify(variants.map((v) => ({ levels: v.levels, cacheKey: v.cacheKey }))),
					},
				})
			}
		})
		if (existing) report.updated++
		else report.created++
		report.changedItemKeys.push(`article:${slug}`)
	}
	// Files removed from content/ retire their article (synced ones only: console-written articles have no file).
	const gone = await prisma.article.findMany({
		where: { status: 'published', sourcePath: { not: null }, slug: { notIn: [...seenSlugs] } },
		select: { id: true, slug: true, sourcePath: true },
	})
	for (const article of gone) {
		const head = await headRevision(prisma, article.id)
		if (head?.origin === 'console') {
			report.conflicts.push({ file: article.sourcePath!, slug: article.slug, reason: `the file is gone but the console has a newer revision (${head.number}); not retired` })
			continue
		}
		await prisma.article.update({ where: { id: article.id }, data: { status: 'retired' } })
		report.retired++
		report.changedItemKeys.push(`article:${article.slug}`)
	}
	// This instance's article cache now; other instances see the content stamp move.
	contentChanged()
	return report
}

/**
 * What the console has done to an article since content/ last synced it: null when the file may be
 * synced, 'unchanged' when the file is no news (the console is ahead and the file still holds what
 * was last synced, or already holds the console's text), else the conflict's reason.
 */
async function consoleVerdict(article: { id: string; sourceHash: string; status: string }, fileHash: string): Promise<string | 'unchanged' | null> {
	const [head, lastSynced] = await Promise.all([
		headRevision(prisma, article.id),
		prisma.articleRevision.findFirst({ where: { articleId: article.id, origin: 'sync' }, orderBy: { number: 'desc' }, select: { number: true, sourceHash: true } }),
	])
	const consoleAhead = head !== null && head.origin === 'console' && head.number > (lastSynced?.number ?? 0)
	if (consoleAhead) {
		if (fileHash === lastSynced?.sourceHash || fileHash === head.sourceHash) return 'unchanged'
		return `the console has a newer revision (${head.number}, ${head.createdAt.toISOString()}) than the last sync; the file was not synced`
	}
	if (article.status === 'archived') {
		if (fileHash === lastSynced?.sourceHash || fileHash === article.sourceHash) return 'unchanged'
		return 'the article was archived in the console; the file was not synced'
	}
	if (article.sourceHash === fileHash && article.status === 'published') return 'unchanged'
	return null
}
