import { Form, Link } from '@remix-run/react'
import { ArticleList, categoryLabel, type ArticleCard } from '#app/components/kb/article-list.tsx'
import { plural } from '#app/utils/plural.ts'

export type VisitorHomeData = {
	categories: Array<{ category: string; count: number }>
	popular: ArticleCard[]
}

/**
 * The signed-out home: a help centre. Search first, then the categories and the most read public
 * articles (the loader passes only what a visitor may read); sign-in and contact are in the footer too.
 */
export function VisitorHome({ categories, popular }: VisitorHomeData) {
	return (
		<div className="space-y-12">
			<section className="rounded-2xl bg-brand-900 px-6 py-10 text-center text-white sm:py-14">
				<h1 className="text-2xl font-bold sm:text-3xl">How can we help?</h1>
				<p className="mx-auto mt-3 max-w-xl text-brand-100">Guides, training paths and self-assessments for getting the most out of Prism.</p>
				<Form method="get" action="/search" role="search" aria-label="Search the help centre" className="mx-auto mt-6 flex max-w-xl gap-2">
					<label htmlFor="home-search" className="sr-only">
						Search the help centre
					</label>
					<input
						id="home-search"
						name="q"
						type="search"
						required
						placeholder="Search for answers, e.g. dashboards"
						className="min-w-0 flex-1 rounded-md border border-white bg-white px-4 py-2.5 text-slate-900"
					/>
					<button type="submit" className="shrink-0 rounded-md bg-brand-600 px-4 py-2.5 font-medium text-white ring-1 ring-white/40 hover:bg-brand-700">
						Search
					</button>
				</Form>
				<p className="mt-5 text-sm text-brand-100">
					Customers see more after signing in.{' '}
					<Link to="/login" className="font-medium text-white underline">
						Sign in
					</Link>
				</p>
			</section>
			<section aria-labelledby="home-categories">
				<h2 id="home-categories" className="text-lg font-semibold">
					Browse by topic
				</h2>
				<ul className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
					{categories.map((c) => (
						<li key={c.category}>
							<Link
								to={`/kb/category/${c.category}`}
								className="flex items-center justify-between rounded-lg border border-slate-200 bg-white p-4 font-medium no-underline hover:border-brand-600"
							>
								{categoryLabel(c.category)}
								<span className="text-sm font-normal text-slate-600">
									{plural(c.count, 'article')}
								</span>
							</Link>
						</li>
					))}
				</ul>
			</section>
			<section aria-labelledby="home-popular">
				<h2 id="home-popular" className="mb-3 text-lg font-semibold">
					Popular articles
				</h2>
				<ArticleList articles={popular} empty="No public articles yet." />
				<p className="mt-4 text-sm">
					<Link to="/kb">Browse the whole knowledge base</Link> · <Link to="/contact">Contact us</Link>
				</p>
			</section>
		</div>
	)
}
