import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getKbHome } from '#app/domain/content/articles.server.ts'
import { ArticleList, categoryLabel } from '#app/components/kb/article-list.tsx'
import { getReader } from '#app/utils/auth.server.ts'

export const meta: MetaFunction = () => [{ title: 'Knowledge base · Success Portal' }]

export async function loader({ request }: LoaderFunctionArgs) {
	const { reader } = await getReader(request)
	return { ...(await getKbHome(reader)), signedIn: reader.kind !== 'anonymous' }
}

export default function KnowledgeBase() {
	const { categories, tags, recent, popular, signedIn } = useLoaderData<typeof loader>()
	return (
		<div className="space-y-10">
			<header>
				<h1 className="text-2xl font-bold">Knowledge base</h1>
				{!signedIn ? (
					<p className="mt-2 text-slate-600">
						You are seeing public articles. <Link to="/login?redirectTo=/kb">Sign in</Link> to see everything your plan includes.
					</p>
				) : null}
			</header>
			<section aria-labelledby="categories">
				<h2 id="categories" className="text-lg font-semibold">
					Categories
				</h2>
				<ul className="mt-3 grid gap-3 sm:grid-cols-3">
					{categories.map((c) => (
						<li key={c.category} className="rounded-lg border border-slate-200 bg-white p-4">
							<Link to={`/kb/category/${c.category}`}>{categoryLabel(c.category)}</Link>
							<span className="ml-2 text-sm text-slate-500">{c.count}</span>
						</li>
					))}
				</ul>
			</section>
			<div className="grid gap-8 md:grid-cols-2">
				<section aria-labelledby="recent">
					<h2 id="recent" className="mb-3 text-lg font-semibold">
						Recently updated
					</h2>
					<ArticleList articles={recent} />
				</section>
				<section aria-labelledby="popular">
					<h2 id="popular" className="mb-3 text-lg font-semibold">
						Popular
					</h2>
					<ArticleList articles={popular} />
				</section>
			</div>
			<section aria-labelledby="tags">
				<h2 id="tags" className="text-lg font-semibold">
					Tags
				</h2>
				<ul className="mt-3 flex flex-wrap gap-2">
					{tags.map((t) => (
						<li key={t.tag}>
							<Link to={`/kb/tag/${t.tag}`} className="rounded-full bg-slate-100 px-3 py-1 text-sm no-underline">
								{t.tag} <span className="text-slate-600">{t.count}</span>
							</Link>
						</li>
					))}
				</ul>
			</section>
		</div>
	)
}
