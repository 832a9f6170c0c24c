import type { LoaderFunctionArgs } from '@remix-run/node'
import { searchForReader, SearchParamsSchema } from '#app/domain/search/search-service.server.ts'
import { getReader } from '#app/utils/auth.server.ts'

export type Suggestion = { url: string; title: string; type: string }

/**
 * Results as you type, for the header box. Not logged: a keystroke is not a search, and logging
 * "r", "re", "rep" would drown the content team's gap list.
 */
export async function loader({ request }: LoaderFunctionArgs) {
	const { reader } = await getReader(request)
	const q = SearchParamsSchema.shape.q.parse(new URL(request.url).searchParams.get('q') ?? '')
	if (q.length < 2) return Response.json({ q, suggestions: [] })
	const result = await searchForReader(reader, { q, type: [], tag: [], page: 1, limit: 6, category: undefined })
	const suggestions: Suggestion[] = result.hits.map((h) => ({ url: h.url, title: h.title, type: h.type }))
	return Response.json({ q, suggestions }, { headers: { 'Cache-Control': 'private, no-store' } })
}
