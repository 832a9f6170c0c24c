import type { Prisma } from '#app/generated/prisma/client.ts'
import type { ArticleFrontmatter } from './frontmatter.ts'
import type { StoredVariant } from './compiled-store.server.ts'

/**
 * The one write that makes a revision what readers get: the article row's reader-facing fields
 * and its audience variants. Used by the content/ sync and by console publication alike, inside
 * their transaction, so both paths publish exactly the same way.
 */
export async function writePublishedArticle(
	tx: Prisma.TransactionClient,
	input: {
		slug: string
		frontmatter: ArticleFrontmatter
		variants: readonly StoredVariant[]
		sourceHash: string
		/** content/ path of a synced article; undefined leaves the stored one as it is. */
		sourcePath?: string | null
		revisionNumber: number
		now?: Date
	},
): Promise<{ id: string }> {
	const fields = {
		...frontmatterColumns(input.frontmatter),
		status: 'published',
		reviewState: null,
		scheduledFor: null,
		scheduledById: null,
		archivedAt: null,
		replacementSlug: null,
		publishedRevision: input.revisionNumber,
		publishedAt: input.now ?? new Date(),
		sourceHash: input.sourceHash,
		...(input.sourcePath === undefined ? {} : { sourcePath: input.sourcePath }),
		readingMinutes: Math.max(...input.variants.map((v) => v.readingMinutes)),
	}
	const article = await tx.article.upsert({
		where: { slug: input.slug },
		create: { slug: input.slug, ...fields },
		update: fields,
		select: { id: true },
	})
	await tx.articleVariant.deleteMany({ where: { articleId: article.id } })
	await tx.articleVariant.createMany({
		data: input.variants.flatMap((v) => v.levels.map((level) => ({ articleId: article.id, level, cacheKey: v.cacheKey }))),
	})
	return article
}

/** The article row's columns that come from its frontmatter (a draft's and a published article's alike). */
export function frontmatterColumns(fm: ArticleFrontmatter) {
	return {
		title: fm.title,
		summary: fm.summary,
		category: fm.category,
		tags: JSON.stringify(fm.tags),
		audience: fm.audience,
		productArea: fm.productArea,
		contentUpdatedAt: new Date(`${fm.updated}T00:00:00Z`),
		related: JSON.stringify(fm.related),
		level: fm.level,
	}
}

/** The newest revision of an article (its number is what a save must start from). */
export function headRevision(tx: Prisma.TransactionClient, articleId: string) {
	return tx.articleRevision.findFirst({
		where: { articleId },
		orderBy: { number: 'desc' },
		select: { id: true, number: true, origin: true, sourceHash: true, source: true, problems: true, variants: true, authorId: true, createdAt: true },
	})
}
