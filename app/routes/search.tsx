import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useState } from 'react'
import { getPopularArticles } from '#app/domain/content/articles.server.ts'
import { parseSearchParams, searchForReader } from '#app/domain/search/search-service.server.ts'
import { ArticleList, categoryLabel } from '#app/components/kb/article-list.tsx'
import { AudienceBadge } from '#app/components/kb/audience-badge.tsx'
import { Highlighted } from '#app/components/search/highlighted.tsx'
import { VisitBeacon } from '#app/components/engagement/visit-beacon.tsx'
import { getReader } from '#app/utils/auth.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.params.q ? `${data.params.q} · Search` : 'Search · Success Portal' }]

export async function loader({ request }: LoaderFunctionArgs) {
	const { reader } = await getReader(request)
	const params = parseSearchParams(new URL(request.url).searchParams)
	const result = await searchForReader(reader, params)
	const popular = result.total === 0 ? await getPopularArticles(reader, 5) : []
	return { params, result, popular }
}

const TYPE_LABELS: Record<string, string> = { article: 'Articles', lesson: 'Lessons', path: 'Training paths', assessment: 'Self-assessments' }

/** A link to the same search with one parameter toggled (a facet) or set (a page). */
function useSearchLink() {
	const [searchParams] = useSearchParams()
	return (change: (p: URLSearchParams) => void) => {
		const next = new URLSearchParams(searchParams)
		next.delete('page')
		change(next)
		return `/search?${next}`
	}
}

function toggle(p: URLSearchParams, key: string, value: string) {
	const values = p.getAll(key)
	p.delete(key)
	for (const v of values) if (v !== value) p.append(key, v)
	if (!values.includes(value)) p.append(key, value)
}

/** A parameter that holds one value at most (the category): choosing the active one clears it. */
function toggleSingle(p: URLSearchParams, key: string, value: string) {
	if (p.get(key) === value) p.delete(key)
	else p.set(key, value)
}

function FacetGroup({ title, name, counts, active, label = (v: string) => v }: {
	title: string
	name: string
	counts: Record<string, number>
	active: string[]
	label?: (value: string) => string
}) {
	const link = useSearchLink()
	const entries = Object.entries(counts).sort((a, b) => b[1] - a[1])
	if (!entries.length) return null
	return (
		<fieldset className="space-y-1">
			<legend className="mb-1 font-semibold">{title}</legend>
			{entries.slice(0, 12).map(([value, count]) => (
				<Link
					key={value}
					to={link((p) => (name === 'category' ? toggleSingle(p, name, value) : toggle(p, name, value)))}
					className={`flex justify-between rounded px-2 py-0.5 text-sm no-underline ${active.includes(value) ? 'bg-brand-100 font-medium' : 'hover:bg-slate-100'}`}
					aria-current={active.includes(value) ? 'true' : undefined}
				>
					<span>{label(value)}</span>
					<span className="text-slate-500">{count}</span>
				</Link>
			))}
		</fieldset>
	)
}

export default function SearchPage() {
	const { params, result, popular } = useLoaderData<typeof loader>()
	const link = useSearchLink()
	const pages = Math.ceil(result.total / params.limit)
	const [filtersOpen, setFiltersOpen] = useState(false)
	const activeFilters = params.type.length + params.tag.length + (params.category ? 1 : 0)
	return (
		<div className="space-y-4 md:space-y-6">
			{/* The loader only reads: the page reports each query it shows once. Paging, facet clicks and
			    revalidations keep the same query mounted, so they are the same search. */}
			{params.q ? <VisitBeacon key={params.q} event={{ kind: 'search', q: params.q }} /> : null}
			<h1 className="text-2xl font-bold">Search</h1>
			<Form method="get" role="search" aria-label="Search the portal" className="flex gap-2">
				<label htmlFor="search-page-q" className="sr-only">
					Search
				</label>
				<input id="search-page-q" name="q" type="search" defaultValue={params.q} placeholder="Search articles, lessons and paths" className="w-full max-w-xl min-w-0 rounded-md border border-slate-300 px-3 py-2" />
				<button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-white">
					Search
				</button>
			</Form>
			{result.suggestion ? (
				<p className="text-sm">
					Did you mean{' '}
					<Link to={`/search?${new URLSearchParams({ q: result.suggestion })}`} className="font-medium">
						{result.suggestion}
					</Link>
					?
				</p>
			) : null}
			<div className="grid grid-cols-1 gap-6 md:grid-cols-[14rem_minmax(0,1fr)] md:gap-8">
				{/* On a phone the filters fold behind a toggle so the first result shows without scrolling. */}
				<div>
					<button
						type="button"
						className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm md:hidden"
						aria-expanded={filtersOpen}
						aria-controls="search-filters"
						onClick={() => setFiltersOpen((open) => !open)}
					>
						Filters{activeFilters ? ` (${activeFilters} on)` : ''}
					</button>
					<aside id="search-filters" className={`${filtersOpen ? 'mt-4 block' : 'hidden'} space-y-6 md:mt-0 md:block`} aria-label="Filters">
						<FacetGroup title="Type" name="type" counts={result.facets.type} active={params.type} label={(v) => TYPE_LABELS[v] ?? v} />
						<FacetGroup title="Category" name="category" counts={result.facets.category} active={params.category ? [params.category] : []} label={categoryLabel} />
						<FacetGroup title="Tags" name="tag" counts={result.facets.tags} active={params.tag} />
					</aside>
				</div>
				<section aria-live="polite" className="min-w-0">
					<p className="text-sm text-slate-600" data-testid="search-total">
						{result.total} result{result.total === 1 ? '' : 's'}
						{params.q ? ` for “${params.q}”` : ''}
					</p>
					{result.hits.length ? (
						<ol className="mt-3 space-y-4" data-testid="search-results">
							{result.hits.map((hit) => (
								<li key={hit.id} className="rounded-lg border border-slate-200 bg-white p-4">
									<p className="text-xs uppercase tracking-wide text-slate-500">
										{TYPE_LABELS[hit.type] ?? hit.type} · {categoryLabel(hit.category)}
									</p>
									<Link to={hit.url} className="text-lg font-medium">
										<Highlighted segments={hit.titleHighlight} />
									</Link>
									<AudienceBadge audience={hit.audience} />
									<p className="mt-1 text-sm text-slate-700">
										<Highlighted segments={hit.snippet} />
									</p>
								</li>
							))}
						</ol>
					) : (
						<div className="mt-4 rounded-lg border border-dashed border-slate-300 p-6" data-testid="search-empty">
							<p className="font-medium">Nothing matched{params.q ? ` “${params.q}”` : ''}.</p>
							<p className="mt-1 text-sm text-slate-600">Try fewer or more general words, check the spelling, or start from a popular article:</p>
							<div className="mt-4">
								<ArticleList articles={popular} />
							</div>
							<p className="mt-4 text-sm">
								Still nothing? <Link to={`/contact?${new URLSearchParams({ about: `/search?${new URLSearchParams({ q: params.q })}` })}`}>Ask a person</Link>.
							</p>
						</div>
					)}
					{pages > 1 ? (
						<nav aria-label="Pagination" className="mt-6 flex gap-2">
							{Array.from({ length: Math.min(pages, 10) }, (_, i) => i + 1).map((n) => (
								<Link
									key={n}
									to={link((p) => p.set('page', String(n)))}
									aria-current={n === params.page ? 'page' : undefined}
									className={`rounded border px-3 py-1 text-sm no-underline ${n === params.page ? 'border-brand-600 bg-brand-50' : 'border-slate-300'}`}
								>
									{n}
								</Link>
							))}
						</nav>
					) : null}
				</section>
			</div>
		</div>
	)
}
