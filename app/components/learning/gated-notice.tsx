import { Link, useLocation } from '@remix-run/react'

/** The page a reader gets for a path or assessment above their plan: a title at most, never content. */
export function GatedNotice({ title, audience, back }: { title: string | null; audience: string; back: { to: string; label: string } }) {
	const { pathname } = useLocation()
	return (
		<div className="mx-auto max-w-xl py-12 text-center" data-testid="gated-notice">
			<p className="text-sm font-semibold text-amber-700">Not included in your plan</p>
			<h1 className="mt-2 text-2xl font-bold">{title ?? 'This training is reserved for another plan'}</h1>
			<p className="mt-3 text-slate-600">
				It is available to: {audience}. <Link to={`/contact?${new URLSearchParams({ about: pathname })}`}>Ask your success team</Link> what upgrading would include.
			</p>
			<p className="mt-6">
				<Link to={back.to}>{back.label}</Link>
			</p>
		</div>
	)
}
