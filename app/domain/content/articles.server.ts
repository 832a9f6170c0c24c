import { audienceRank, canRead, parseAudience, readableAudiences, readerLevel, type Audience, type Reader } from '#app/domain/accounts-tiers/audience.ts'
import { tierHas } from '#app/domain/accounts-tiers/service-matrix.ts'
import { recordEvent } from '#app/domain/engagement/record.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { sqliteRead } from '#app/utils/sqlite-read.server.ts'
import { parseCompiled } from './compiled-store.server.ts'
import { cachedContent } from './content-cache.server.ts'

/** The fields a list of articles shows; never the body. */
const listFields = {
	slug: true,
	title: true,
	summary: true,
	category: true,
	audience: true,
	contentUpdatedAt: true,
	readingMinutes: true,
	level: true,
} as const

const readableWhere = (reader: Reader) => ({ status: 'published', audience: { in: readableAudiences(reader) } })

export type ArticleListItem = {
	slug: string
	title: string
	summary: string
	category: string
	audience: string
	contentUpdatedAt: Date
	readingMinutes: number
	level: string
}

/** The knowledge-base front page: categories, tags, recently updated and popular, all within the reader's audience. */
export async function getKbHome(reader: Reader) {
	const where = readableWhere(reader)
	const [categories, tagRows, recent] = await Promise.all([
		listCategories(reader),
		prisma.article.findMany({ where, select: { tags: true } }),
		prisma.article.findMany({ where, select: listFields, orderBy: { contentUpdatedAt: 'desc' }, take: 6 }),
	])
	const tagCounts = new Map<string, number>()
	for (const row of tagRows) for (const tag of JSON.parse(row.tags) as string[]) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1)
	return {
		categories,
		tags: [...tagCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 24).map(([tag, count]) => ({ tag, count })),
		recent,
		popular: await getPopularArticles(reader, 6),
	}
}

/** The categories with at least one article the reader may read, and how many. */
export async function listCategories(reader: Reader) {
	const rows = await prisma.article.groupBy({ by: ['category'], where: readableWhere(reader), _count: { _all: true }, orderBy: { category: 'asc' } })
	return rows.map((c) => ({ category: c.category, count: c._count._all }))
}

/** Most viewed in the last 30 days, with helpful votes breaking ties; readable articles only. */
export async function getPopularArticles(reader: Reader, take: number): Promise<ArticleListItem[]> {
	const since = new Date(Date.now() - 30 * 24 * 3600 * 1000)
	const views = await prisma.engagementEvent.groupBy({
		by: ['itemKey'],
		where: { kind: 'article_view', occurredAt: { gte: since }, itemKey: { startsWith: 'article:' } },
		_count: { _all: true },
		orderBy: { _count: { itemKey: 'desc' } },
		take: 50,
	})
	const slugs = views.map((v) => v.itemKey!.slice('article:'.length))
	const articles = await prisma.article.findMany({
		where: { ...readableWhere(reader), slug: { in: slugs } },
		select: { ...listFields, _count: { select: { votes: { where: { helpful: true } } } } },
	})
	const rank = new Map(slugs.map((s, i) => [s, i]))
	const popular = articles.sort((a, b) => rank.get(a.slug)! - rank.get(b.slug)! || b._count.votes - a._count.votes).map(({ _count, ...a }) => a)
	if (popular.length >= take) return popular.slice(0, take)
	// Too little traffic yet: fill with the most helpful-voted, then the newest.
	const fill = await prisma.article.findMany({
		where: { ...readableWhere(reader), slug: { notIn: popular.map((a) => a.slug) } },
		select: listFields,
		orderBy: [{ votes: { _count: 'desc' } }, { contentUpdatedAt: 'desc' }],
		take: take - popular.length,
	})
	return [...popular, ...fill]
}

export async function listCategory(reader: Reader, category: string) {
	return prisma.article.findMany({ where: { ...readableWhere(reader), category }, select: listFields, orderBy: { title: 'asc' } })
}

export async function listTag(reader: Reader, tag: string) {
	// Tags are stored as a JSON array; match the quoted tag so "api" does not match "api-keys".
	return prisma.article.findMany({
		where: { ...readableWhere(reader), tags: { contains: JSON.stringify(tag) } },
		select: listFields,
		orderBy: { title: 'asc' },
	})
}

export type ArticleForReader =
	| { kind: 'not-found' }
	| { kind: 'sign-in'; audience: Audience; title: string }
	| { kind: 'gated'; audience: Audience; title: string | null }
	| {
			kind: 'article'
			article: ArticleListItem & { id: string; tags: string[]; productArea: string }
			code: string
			toc: Array<{ depth: 2 | 3; id: string; text: string }>
			related: ArticleListItem[]
	  }

/**
 * An article as one reader may see it. The audience is checked here, on the server, and the compiled
 * code is the variant cut for the reader's level: higher-tier blocks are not in it at all.
 */
export async function getArticleForReader(slug: string, reader: Reader): Promise<ArticleForReader> {
	const article = await publishedArticle(slug)
	if (!article) return { kind: 'not-found' }
	const audience = parseAudience(article.audience)
	if (!canRead(reader, audience)) {
		// Staff-only items do not exist for anyone outside staff, not even by title.
		if (audience === 'staff' && reader.kind !== 'staff') return { kind: 'not-found' }
		// A visitor may be a customer who has not signed in yet: the title and why, never the body.
		if (reader.kind === 'anonymous') return { kind: 'sign-in', audience, title: article.title }
		const teaser = reader.kind === 'customer' && tierHas(reader.tier, 'contentTeasers')
		return { kind: 'gated', audience, title: teaser ? article.title : null }
	}
	// Past the audience check: the variant and the related list are those of this reader's level.
	const level = readerLevel(reader)
	const [variant, related] = await Promise.all([variantFor(article.id, level), relatedFor(article.related, level, reader)])
	if (!variant) return { kind: 'not-found' }
	const { related: _omit, tags, ...rest } = article
	return { kind: 'article', article: { ...rest, tags: JSON.parse(tags) as string[] }, ...variant, related }
}

/** The published article row by slug (no body), cached: callers check its audience on every request. */
export function publishedArticle(slug: string) {
	return cachedContent(`article:${slug}`, () =>
		prisma.article.findFirst({
			where: { slug, status: 'published' },
			select: { ...listFields, id: true, tags: true, productArea: true, related: true },
		}),
	)
}

/** The compiled variant cut for one reader level; the level is in the key, so no other level gets it. */
function variantFor(articleId: string, level: Audience) {
	return cachedContent(`variant:${articleId}:${level}`, async () => {
		const row = await prisma.articleVariant.findUnique({
			where: { articleId_level: { articleId, level } },
			select: { compiled: { select: { code: true, toc: true } } },
		})
		return row ? parseCompiled(row.compiled) : null
	})
}

/** The related articles a reader level may read (the reader's level is the reader, as far as lists care). */
function relatedFor(relatedJson: string, level: Audience, reader: Reader): Promise<ArticleListItem[]> {
	const slugs = JSON.parse(relatedJson) as string[]
	if (!slugs.length) return Promise.resolve([])
	return cachedContent(`related:${level}:${relatedJson}`, () =>
		prisma.article.findMany({ where: { ...readableWhere(reader), slug: { in: slugs } }, select: listFields }),
	)
}

/**
 * A reload, a second tab or a return within this long is the same visit: one view. The page reports
 * the view (loaders only read); the beacon's group commit skips a repeat within this window, so
 * "popular" and will count visits, not reloads.
 */
export const VIEW_DEDUPE_MS = 30 * 60 * 1000

/** One vote per user and article: a second vote replaces the first. The event is written with it. */
export async function voteHelpful(input: {
	user: { id: string; accountId: string | null }
	articleId: string
	slug: string
	helpful: boolean
	comment: string | null
}) {
	await prisma.$transaction(async (tx) => {
		await tx.helpfulVote.upsert({
			where: { articleId_userId: { articleId: input.articleId, userId: input.user.id } },
			create: { articleId: input.articleId, userId: input.user.id, helpful: input.helpful, comment: input.comment },
			update: { helpful: input.helpful, comment: input.comment },
		})
		await recordEvent(tx, {
			kind: 'helpful_vote',
			userId: input.user.id,
			accountId: input.user.accountId,
			itemKey: `article:${input.slug}`,
			data: { helpful: input.helpful },
		})
	})
}

export async function getVote(articleId: string, userId: string): Promise<{ helpful: boolean; comment: string | null } | null> {
	// Every signed-in article page asks: on SQLite a prepared statement, not Prisma's per-query cost.
	const fast = sqliteRead('SELECT "helpful", "comment" FROM "HelpfulVote" WHERE "articleId" = ? AND "userId" = ?')
	if (fast) {
		const row = fast.get(articleId, userId) as { helpful: number; comment: string | null } | undefined
		return row ? { helpful: Boolean(row.helpful), comment: row.comment } : null
	}
	return prisma.helpfulVote.findUnique({
		where: { articleId_userId: { articleId, userId } },
		select: { helpful: true, comment: true },
	})
}

export type NextStep = { kind: 'article' | 'path' | 'csm'; title: string; href: string }

/**
 * After a "not helpful" vote: the next step the reader's tier includes. A related article they may
 * read, a training path of their audience, and for Tier 1 their success manager.
 */
export async function nextStepsAfterUnhelpful(reader: Reader, articleSlug: string, accountId: string | null): Promise<NextStep[]> {
	const article = await prisma.article.findUnique({ where: { slug: articleSlug }, select: { related: true, category: true, tags: true } })
	if (!article) return []
	const steps: NextStep[] = []
	const relatedSlugs = JSON.parse(article.related) as string[]
	const related = await prisma.article.findFirst({
		where: {
			...readableWhere(reader),
			slug: relatedSlugs.length ? { in: relatedSlugs } : { not: articleSlug },
			...(relatedSlugs.length ? {} : { category: article.category }),
		},
		select: { slug: true, title: true },
	})
	if (related) steps.push({ kind: 'article', title: related.title, href: `/kb/${related.slug}` })
	const paths = await prisma.path.findMany({
		where: { status: 'published', audience: { in: readableAudiences(reader) } },
		select: { slug: true, title: true, skillTags: true, audience: true },
	})
	const tags = new Set([...(JSON.parse(article.tags) as string[]), article.category])
	const path =
		paths.find((p) => (JSON.parse(p.skillTags) as string[]).some((t) => tags.has(t))) ??
		paths.sort((a, b) => audienceRank(parseAudience(b.audience)) - audienceRank(parseAudience(a.audience)))[0]
	if (path) steps.push({ kind: 'path', title: path.title, href: `/paths/${path.slug}` })
	if (reader.kind === 'customer' && tierHas(reader.tier, 'namedCsm') && accountId) {
		const account = await prisma.account.findUnique({ where: { id: accountId }, select: { csm: { select: { name: true, email: true } } } })
		if (account?.csm) steps.push({ kind: 'csm', title: `Ask ${account.csm.name}, your success manager`, href: `mailto:${account.csm.email}` })
	}
	return steps
}
