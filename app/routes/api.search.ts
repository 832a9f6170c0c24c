import type { LoaderFunctionArgs } from '@remix-run/node'
import { readerFor } from '#app/domain/accounts-tiers/audience.ts'
import { parseSearchParams, searchForReader } from '#app/domain/search/search-service.server.ts'
import { getUser } from '#app/utils/auth.server.ts'

/**
 * GET /api/search?q=&type=&limit= — the search page's hits as JSON, for the signed-in reader.
 * Logs nothing: a GET only reads, and a client calling it as you type is not searching yet.
 */
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await getUser(request)
	if (!user) return Response.json({ error: 'Sign in to search.' }, { status: 401 })
	const params = parseSearchParams(new URL(request.url).searchParams)
	const result = await searchForReader(readerFor(user), params)
	return Response.json(
		{
			query: params.q,
			total: result.total,
			page: params.page,
			suggestion: result.suggestion ?? null,
			facets: result.facets,
			hits: result.hits.map((h) => ({
				type: h.type,
				url: h.url,
				title: h.title,
				category: h.category,
				tags: h.tags,
				audience: h.audience,
				updatedAt: h.updatedAt,
				titleHighlight: h.titleHighlight,
				snippet: h.snippet,
			})),
		},
		{ headers: { 'Cache-Control': 'private, no-store' } },
	)
}
