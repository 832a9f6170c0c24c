import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData, useParams } from '@remix-run/react'
import { z } from 'zod'
import { readerFor } from '#app/domain/accounts-tiers/audience.ts'
import { AUDIENCE_NAMES, AUDIENCE_READERS } from '#app/domain/accounts-tiers/customer-plans.ts'
import {
	getArticleForReader,
	getVote,
	nextStepsAfterUnhelpful,
	voteHelpful,
} from '#app/domain/content/articles.server.ts'
import { ArticleList, categoryLabel, formatDate } from '#app/components/kb/article-list.tsx'
import { AudienceBadge } from '#app/components/kb/audience-badge.tsx'
import { SignInNotice } from '#app/components/kb/sign-in-notice.tsx'
import { LevelBadge } from '#app/components/kb/level-badge.tsx'
import { HelpfulVote } from '#app/components/kb/helpful-vote.tsx'
import { KnowledgeCheckContext } from '#app/components/mdx/knowledge-check.tsx'
import { MdxContent } from '#app/components/mdx/mdx-content.tsx'
import { ReadThroughBeacon } from '#app/components/engagement/read-through-beacon.tsx'
import { VisitBeacon } from '#app/components/engagement/visit-beacon.tsx'
import { getArchivedArticle } from '#app/domain/content/publishing.server.ts'
import { publicChecksInCode } from '#app/domain/learning/checks.server.ts'
import { getReader, requireUser } from '#app/utils/auth.server.ts'

const SlugSchema = z.string().regex(/^[a-z0-9-]{1,120}$/)

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: data?.kind === 'archived' ? 'Archived article · Knowledge base' : data?.kind === 'article' ? `${data.article.title} · Knowledge base` : data?.kind === 'sign-in' ? `${data.title} · Knowledge base` : 'Knowledge base' },
]

export async function loader({ request, params }: LoaderFunctionArgs) {
	const slug = SlugSchema.safeParse(params.slug)
	if (!slug.success) throw new Response('Not found', { status: 404 })
	const { user, reader } = await getReader(request)
	const result = await getArticleForReader(slug.data, reader)
	switch (result.kind) {
		case 'not-found': {
			// Archived in the console: 410 Gone, pointing to its replacement when one is set.
			const archived = await getArchivedArticle(slug.data, reader)
			if (!archived) throw new Response('Not found', { status: 404 })
			return data({ kind: 'archived' as const, replacement: archived.replacement }, { status: 410 })
		}
		case 'sign-in':
			// Title and audience only: no summary, body or compiled code for a visitor.
			return data({ kind: 'sign-in' as const, title: result.title, readers: AUDIENCE_READERS[result.audience], slug: slug.data }, { status: 401 })
		case 'gated':
			return data({ kind: 'gated' as const, title: result.title, audience: AUDIENCE_NAMES[result.audience] }, { status: 403 })
		case 'article': {
			// Reads only: the page reports the view once per visit (VisitBeacon), so a revalidation after a vote is not another view.
			const vote = user ? await getVote(result.article.id, user.id) : null
			// Knowledge checks embedded in this variant, without their answers.
			const checks = user ? await publicChecksInCode(result.code) : {}
			return { ...result, vote, checks, signedIn: Boolean(user) }
		}
	}
}

const VoteSchema = z.object({
	intent: z.literal('vote'),
	helpful: z.enum(['yes', 'no'], { error: 'Choose yes or no' }),
	comment: z.string().trim().max(1000, 'Keep the comment under 1000 characters').optional(),
})

export async function action({ request, params }: ActionFunctionArgs) {
	const user = await requireUser(request)
	const slug = SlugSchema.safeParse(params.slug)
	if (!slug.success) throw new Response('Not found', { status: 404 })
	const reader = readerFor(user)
	const found = await getArticleForReader(slug.data, reader)
	if (found.kind !== 'article') throw new Response('Not found', { status: 404 })
	const parsed = VoteSchema.safeParse(Object.fromEntries(await request.formData()))
	if (!parsed.success) return data({ ok: false as const, error: parsed.error.issues[0]!.message }, { status: 400 })
	const helpful = parsed.data.helpful === 'yes'
	await voteHelpful({ user, articleId: found.article.id, slug: slug.data, helpful, comment: parsed.data.comment || null })
	const nextSteps = helpful ? [] : await nextStepsAfterUnhelpful(reader, slug.data, user.accountId)
	return { ok: true as const, helpful, nextSteps }
}

export default function ArticlePage() {
	const page = useLoaderData<typeof loader>()
	const params = useParams()
	if (page.kind === 'archived') {
		return (
			<div className="mx-auto max-w-xl py-12 text-center" data-testid="article-archived">
				<p className="text-sm font-semibold text-slate-500">410 · Gone</p>
				<h1 className="mt-2 text-2xl font-bold">This article has been archived</h1>
				{page.replacement ? (
					<p className="mt-3 text-slate-600">
						It has been replaced by <Link to={`/kb/${page.replacement.slug}`}>{page.replacement.title}</Link>.
					</p>
				) : (
					<p className="mt-3 text-slate-600">It is no longer maintained. Search the knowledge base for a current article.</p>
				)}
				<p className="mt-6">
					<Link to="/kb">Back to the knowledge base</Link>
				</p>
			</div>
		)
	}
	if (page.kind === 'sign-in') return <SignInNotice title={page.title} readers={page.readers} returnTo={`/kb/${page.slug}`} />
	if (page.kind === 'gated') {
		return (
			<div className="mx-auto max-w-xl py-12 text-center">
				<p className="text-sm font-semibold text-amber-700">Not included in your plan</p>
				<h1 className="mt-2 text-2xl font-bold">{page.title ?? 'This article is reserved for another plan'}</h1>
				<p className="mt-3 text-slate-600">
					This article is available to: {page.audience}. <Link to={`/contact?${new URLSearchParams({ about: params.slug ?? '' })}`}>Ask your success team</Link> what upgrading would include.
				</p>
				<p className="mt-6">
					<Link to="/kb">Back to the knowledge base</Link>
				</p>
			</div>
		)
	}
	const { article, code, toc, related, vote, checks, signedIn } = page
	return (
		<div className="grid grid-cols-1 gap-10 lg:grid-cols-[minmax(0,1fr)_16rem]">
			<article className="min-w-0">
				<p className="text-sm">
					<Link to="/kb">Knowledge base</Link> / <Link to={`/kb/category/${article.category}`}>{categoryLabel(article.category)}</Link>
				</p>
				<h1 className="mt-2 text-3xl font-bold">
					{article.title}
					<AudienceBadge audience={article.audience} />
				</h1>
				<p className="mt-2 text-slate-600">{article.summary}</p>
				<p className="mt-2 text-sm text-slate-500">
					Updated {formatDate(article.contentUpdatedAt)} · {article.readingMinutes} min read · {article.productArea}
					<LevelBadge level={article.level} />
				</p>
				<div className="mt-6" data-testid="article-body">
					<KnowledgeCheckContext.Provider value={{ questions: checks, action: '/api/checks' }}>
						<MdxContent code={code} />
					</KnowledgeCheckContext.Provider>
				</div>
				{signedIn ? <VisitBeacon key={article.slug} event={{ kind: 'article_view', itemKey: `article:${article.slug}` }} /> : null}
				{signedIn ? <ReadThroughBeacon key={article.slug} slug={article.slug} readingMinutes={article.readingMinutes} /> : null}
				{signedIn ? <HelpfulVote current={vote} slug={article.slug} /> : null}
			</article>
			<aside className="no-print space-y-8 text-sm">
				{toc.length ? (
					<nav aria-labelledby="toc-heading" className="lg:sticky lg:top-4">
						<h2 id="toc-heading" className="font-semibold">
							On this page
						</h2>
						<ul className="mt-2 space-y-1">
							{toc.map((h) => (
								<li key={h.id} className={h.depth === 3 ? 'pl-3' : ''}>
									<a href={`#${h.id}`}>{h.text}</a>
								</li>
							))}
						</ul>
					</nav>
				) : null}
				{related.length ? (
					<section aria-labelledby="related-heading">
						<h2 id="related-heading" className="mb-2 font-semibold">
							Related articles
						</h2>
						<ArticleList articles={related} />
					</section>
				) : null}
				<div className="flex flex-wrap gap-1">
					{article.tags.map((t) => (
						<Link key={t} to={`/kb/tag/${t}`} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs no-underline">
							{t}
						</Link>
					))}
				</div>
			</aside>
		</div>
	)
}
