import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'

const MESSAGES: Record<number, { title: string; body: string }> = {
	400: { title: 'That request did not make sense', body: 'Check what you entered and try again.' },
	403: { title: 'You do not have access to this page', body: 'Your role does not include it. If you think it should, ask your administrator.' },
	404: { title: 'Page not found', body: 'It may have moved, or it may not exist.' },
	429: { title: 'Slow down a little', body: 'Too many requests in a short time. Try again in a few minutes.' },
}

/** Friendly error page: a status and a sentence, never a stack trace. */
export function ErrorPage() {
	const error = useRouteError()
	const status = isRouteErrorResponse(error) ? error.status : 500
	const known = MESSAGES[status]
	const title = known?.title ?? 'Something went wrong on our side'
	const body = known?.body ?? 'The problem has been logged. Try again in a moment.'
	return (
		<div className="mx-auto max-w-xl py-16 text-center">
			<p className="text-sm font-semibold text-brand-700">Error {status}</p>
			<h1 className="mt-2 text-2xl font-bold">{title}</h1>
			<p className="mt-3 text-slate-600">{body}</p>
			<p className="mt-6">
				<Link to="/">Go to the home page</Link>
			</p>
		</div>
	)
}
