import type { ReactNode } from 'react'
import { RecommendedSteps, type StepView } from '#app/components/engagement/recommended-steps.tsx'

export type CustomerHomeData = {
	name: string
	account: {
		name: string
		planName: string
		services: string[]
		csm: { name: string; email: string } | null
	}
	nextSteps: StepView[]
	/** The learner's own progress (continue where you left off, certificates), above the recommendations. */
	journey?: ReactNode
}

/** The signed-in customer's home: their account and plan, what to do next, what the plan includes. */
export function CustomerHome({ name, account, nextSteps, journey }: CustomerHomeData) {
	return (
		<div className="space-y-8">
			<section>
				<h1 className="text-2xl font-bold">Welcome back, {name}</h1>
				<p className="mt-1 text-slate-600" data-testid="account-tier">
					{account.name} · {account.planName}
				</p>
			</section>
			{journey}
			<RecommendedSteps steps={nextSteps} />
			<section aria-labelledby="plan-includes" className="rounded-lg border border-slate-200 bg-white p-6">
				<h2 id="plan-includes" className="text-lg font-semibold">
					What your plan includes
				</h2>
				<ul className="mt-3 list-disc space-y-1 pl-6">
					{account.services.map((s) => (
						<li key={s}>{s}</li>
					))}
				</ul>
				{account.csm ? (
					<p className="mt-4 text-sm">
						Your success manager: <strong>{account.csm.name}</strong> (<a href={`mailto:${account.csm.email}`}>{account.csm.email}</a>)
					</p>
				) : null}
			</section>
		</div>
	)
}
