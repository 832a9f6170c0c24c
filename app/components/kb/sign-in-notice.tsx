import { Link } from '@remix-run/react'

/**
 * What a signed-out visitor sees for an article reserved for customers: its title and why they must
 * sign in, with a sign-in that comes back here. The loader sends nothing else of the article.
 */
export function SignInNotice({ title, readers, returnTo }: { title: string; readers: string; returnTo: string }) {
	return (
		<div className="mx-auto max-w-xl py-12 text-center" data-testid="sign-in-notice">
			<p className="text-sm font-semibold text-amber-700">Sign in to read this article</p>
			<h1 className="mt-2 text-2xl font-bold break-words">{title}</h1>
			<p className="mt-3 text-slate-600">
				This article is for {readers}. Sign in with your work email to read it; if your company's plan includes it, you will come
				straight back here.
			</p>
			<p className="mt-6 flex flex-wrap justify-center gap-4">
				<Link to={`/login?${new URLSearchParams({ redirectTo: returnTo })}`} className="rounded-md border border-brand-600 bg-brand-600 px-4 py-2 text-white no-underline hover:bg-brand-700">
					Sign in
				</Link>
				<Link to="/kb" className="rounded-md border border-slate-300 px-4 py-2 no-underline">
					Browse public articles
				</Link>
			</p>
		</div>
	)
}
