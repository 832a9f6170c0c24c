import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { listCategory } from '#app/domain/content/articles.server.ts'
import { filterByLevel, levelFromSearch } from '#app/domain/content/levels.ts'
import { ArticleList, categoryLabel } from '#app/components/kb/article-list.tsx'
import { LevelFilter } from '#app/components/kb/level-badge.tsx'
import { getReader } from '#app/utils/auth.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? categoryLabel(data.category) : 'Category'} · Knowledge base` }]

const ParamsSchema = z.object({ category: z.string().regex(/^[a-z0-9-]{1,60}$/) })

export async function loader({ request, params }: LoaderFunctionArgs) {
	const parsed = ParamsSchema.safeParse(params)
	if (!parsed.success) throw new Response('Not found', { status: 404 })
	const { reader } = await getReader(request)
	const articles = await listCategory(reader, parsed.data.category)
	if (!articles.length) throw new Response('Not found', { status: 404 })
	return { category: parsed.data.category, ...filterByLevel(articles, levelFromSearch(new URL(request.url).searchParams)) }
}

export default function CategoryPage() {
	const { category, items, counts, level } = useLoaderData<typeof loader>()
	return (
		<div>
			<p className="text-sm">
				<Link to="/kb">Knowledge base</Link> /
			</p>
			<h1 className="mt-1 mb-6 text-2xl font-bold">{categoryLabel(category)}</h1>
			<LevelFilter current={level} counts={counts} />
			<ArticleList articles={items} empty="No articles at this level here." />
		</div>
	)
}
