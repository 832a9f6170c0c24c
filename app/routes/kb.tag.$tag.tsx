import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { listTag } from '#app/domain/content/articles.server.ts'
import { filterByLevel, levelFromSearch } from '#app/domain/content/levels.ts'
import { ArticleList } from '#app/components/kb/article-list.tsx'
import { LevelFilter } from '#app/components/kb/level-badge.tsx'
import { getReader } from '#app/utils/auth.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `#${data?.tag ?? 'tag'} · Knowledge base` }]

const ParamsSchema = z.object({ tag: z.string().regex(/^[a-z0-9-]{1,60}$/) })

export async function loader({ request, params }: LoaderFunctionArgs) {
	const parsed = ParamsSchema.safeParse(params)
	if (!parsed.success) throw new Response('Not found', { status: 404 })
	const { reader } = await getReader(request)
	const articles = await listTag(reader, parsed.data.tag)
	return { tag: parsed.data.tag, ...filterByLevel(articles, levelFromSearch(new URL(request.url).searchParams)) }
}

export default function TagPage() {
	const { tag, items, counts, level } = useLoaderData<typeof loader>()
	return (
		<div>
			<p className="text-sm">
				<Link to="/kb">Knowledge base</Link> /
			</p>
			<h1 className="mt-1 mb-6 text-2xl font-bold">Tagged “{tag}”</h1>
			<LevelFilter current={level} counts={counts} />
			<ArticleList articles={items} empty={level ? 'No articles at this level carry this tag.' : 'No articles you can read carry this tag.'} />
		</div>
	)
}
