import { recordEvent } from '#app/domain/engagement/record.server.ts'
import { prisma } from '#app/utils/db.server.ts'

/**
 * A search as both the content team (SearchLog: zero-hit queries are content gaps) and scoring
 * (a `search` event with its hit count) see it, written together. Signed-out searches are logged
 * for the content team but have no user to score.
 */
export async function recordSearch(input: { userId: string | null; accountId: string | null; query: string; hits: number }) {
	const query = input.query.trim().slice(0, 200)
	if (!query) return
	const hits = Math.max(0, Math.floor(input.hits))
	await prisma.$transaction(async (tx) => {
		await tx.searchLog.create({ data: { query, hits, userId: input.userId, accountId: input.accountId } })
		if (input.userId) {
			await recordEvent(tx, { kind: 'search', userId: input.userId, accountId: input.accountId, data: { hits } })
		}
	})
}
