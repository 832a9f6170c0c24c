import { Link } from '@remix-run/react'
import type { PlanStatus } from '#app/domain/plans/plan-state.ts'
import { PlanStatusBadge } from './badges.tsx'
import { formatDay } from './format.ts'

export type PlanListItem = { id: string; title: string; status: PlanStatus; active: boolean; createdAt: Date; agreedAt: Date | null }

/** The account's plans other than the one on screen, newest first. */
export function PastPlans({
	plans,
	currentId,
	hrefFor,
	heading = 'Other plans of your account',
}: {
	plans: PlanListItem[]
	currentId?: string
	hrefFor: (id: string) => string
	heading?: string
}) {
	const others = plans.filter((p) => p.id !== currentId)
	if (others.length === 0) return null
	return (
		<section aria-labelledby="past-plans" className="no-print rounded-lg border border-slate-200 bg-white p-6">
			<h2 id="past-plans" className="text-lg font-semibold">
				{heading}
			</h2>
			<ul className="mt-3 space-y-2 text-sm" data-testid="past-plans">
				{others.map((p) => (
					<li key={p.id} className="flex flex-wrap items-center gap-2">
						<Link to={hrefFor(p.id)}>{p.title}</Link>
						<PlanStatusBadge status={p.status} testId="past-plan-status" />
						<span className="text-slate-500">
							started {formatDay(p.createdAt)}
							{p.agreedAt ? `, agreed ${formatDay(p.agreedAt)}` : ''}
							{p.active ? ' · current plan' : ''}
						</span>
					</li>
				))}
			</ul>
		</section>
	)
}
