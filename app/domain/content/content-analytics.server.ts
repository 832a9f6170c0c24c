import { prisma } from '#app/utils/db.server.ts'

/**
 * What content works, for the content team: per article its views and read-throughs in the last 30
 * days and its helpful votes; plus the searches that found nothing (the gap list).
 */
export async function getContentAnalytics(now = new Date()) {
	const since = new Date(now.getTime() - 30 * 24 * 3600 * 1000)
	const [articles, events, votes, gaps] = await Promise.all([
		prisma.article.findMany({
			select: { id: true, slug: true, title: true, audience: true, status: true, category: true, contentUpdatedAt: true },
			orderBy: { title: 'asc' },
		}),
		prisma.engagementEvent.groupBy({
			by: ['itemKey', 'kind'],
			where: { kind: { in: ['article_view', 'article_read'] }, occurredAt: { gte: since }, itemKey: { startsWith: 'article:' } },
			_count: { _all: true },
		}),
		prisma.helpfulVote.groupBy({ by: ['articleId', 'helpful'], _count: { _all: true } }),
		prisma.searchLog.groupBy({
			by: ['query'],
			where: { hits: 0, createdAt: { gte: since } },
			_count: { _all: true },
			orderBy: { _count: { query: 'desc' } },
			take: 25,
		}),
	])
	const count = (slug: string, kind: string) =>
		events.find((e) => e.itemKey === `article:${slug}` && e.kind === kind)?._count._all ?? 0
	const voteCount = (articleId: string, helpful: boolean) =>
		votes.find((v) => v.articleId === articleId && v.helpful === helpful)?._count._all ?? 0
	return {
		articles: articles
			.map((a) => {
				const views = count(a.slug, 'article_view')
				const reads = count(a.slug, 'article_read')
				const yes = voteCount(a.id, true)
				const no = voteCount(a.id, false)
				return {
					...a,
					views,
					reads,
					readThroughRate: views ? reads / views : null,
					helpfulYes: yes,
					helpfulNo: no,
					helpfulRate: yes + no ? yes / (yes + no) : null,
				}
			})
			.sort((a, b) => b.views - a.views || a.title.localeCompare(b.title)),
		zeroResultSearches: gaps.map((g) => ({ query: g.query, count: g._count._all })),
	}
}
