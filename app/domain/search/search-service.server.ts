import { canRead, readerLevel, type Reader } from '#app/domain/accounts-tiers/audience.ts'
import { recordEvent } from '#app/domain/engagement/record.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { getSearchEngine } from './search-index.server.ts'
import { DOC_TYPES, type DocType, type SearchResult } from './search-port.ts'
import { z } from 'zod'

/** Search parameters as they arrive in a URL; anything odd falls back to a sensible default. */
export const SearchParamsSchema = z.object({
	q: z.string().trim().max(200).catch(''),
	type: z.array(z.enum(DOC_TYPES)).catch([]),
	category: z.string().regex(/^[a-z0-9-]{1,60}$/).optional().catch(undefined),
	tag: z.array(z.string().regex(/^[a-z0-9-]{1,60}$/)).max(8).catch([]),
	page: z.coerce.number().int().min(1).max(50).catch(1),
	limit: z.coerce.number().int().min(1).max(50).catch(10),
})
export type SearchParams = z.infer<typeof SearchParamsSchema>

export function parseSearchParams(params: URLSearchParams): SearchParams {
	return SearchParamsSchema.parse({
		q: params.get('q') ?? '',
		type: params.getAll('type'),
		category: params.get('category') ?? undefined,
		tag: params.getAll('tag'),
		page: params.get('page') ?? 1,
		limit: params.get('limit') ?? 10,
	})
}

/**
 * Searches as one reader. The engine filters by the reader's level; every hit is then checked again
 * here, so a mistake in an index can show fewer results but never a title or snippet above the reader.
 */
export async function searchForReader(reader: Reader, params: SearchParams): Promise<SearchResult> {
	const engine = await getSearchEngine()
	const level = readerLevel(reader)
	const result = await engine.search({
		q: params.q,
		readerLevel: level,
		types: params.type.length ? (params.type as DocType[]) : undefined,
		category: params.category,
		tags: params.tag.length ? params.tag : undefined,
		limit: params.limit,
		offset: (params.page - 1) * params.limit,
	})
	const hits = result.hits.filter((hit) => hit.levels.includes(level) && canRead(reader, hit.audience))
	if (hits.length !== result.hits.length) {
		console.warn(`search: dropped ${result.hits.length - hits.length} hit(s) above reader level ${level}`)
	}
	return { ...result, hits }
}

/**
 * Records a search for the content team (zero-hit queries are their gap list) and for engagement:
 * the query, its hit count, who and when, nothing more. Called once per query the search page
 * showed, as the page reports it (loaders only read); the clientEventId makes a retried report
 * count once (a second one fails on the unique key and writes nothing).
 */
export async function logSearch(input: { query: string; hits: number; userId: string | null; accountId: string | null; clientEventId?: string }) {
	if (!input.query) return
	const clientEventId = input.clientEventId ?? null
	await prisma.$transaction(async (tx) => {
		await tx.searchLog.create({
			data: { query: input.query.toLowerCase(), hits: input.hits, userId: input.userId, accountId: input.accountId, clientEventId },
		})
		if (input.userId) {
			await recordEvent(tx, { kind: 'search', userId: input.userId, accountId: input.accountId, data: { hits: input.hits }, clientEventId })
		}
	})
}

/**
 * Logs a search the page showed to this reader. The hit count is counted again here, as this
 * reader, rather than taken from the browser: a report cannot claim hits (or gaps) that are not there.
 */
export async function logShownSearch(
	reader: Reader,
	user: { id: string; accountId: string | null } | null,
	input: { query: string; clientEventId: string },
) {
	const query = SearchParamsSchema.shape.q.parse(input.query)
	if (!query) return
	const result = await searchForReader(reader, { q: query, type: [], tag: [], category: undefined, page: 1, limit: 1 })
	await logSearch({ query, hits: result.total, userId: user?.id ?? null, accountId: user?.accountId ?? null, clientEventId: input.clientEventId })
}
