import { Link } from '@remix-run/react'

export type StepView = { kind: string; title: string; href: string; reason: string }

const KIND_LABELS: Record<string, string> = {
	path: 'Training path',
	article: 'Guide',
	'short-win': 'Quick win',
	advocacy: 'Community',
	'contact-csm': 'Talk to us',
}

/** The customer's next steps, as their playbook orders them. */
export function RecommendedSteps({ steps }: { steps: StepView[] }) {
	if (steps.length === 0) return null
	return (
		<section aria-labelledby="next-steps" className="rounded-lg border border-slate-200 bg-white p-6" data-testid="recommended-steps">
			<h2 id="next-steps" className="text-lg font-semibold">
				Recommended next steps
			</h2>
			<ol className="mt-3 space-y-3">
				{steps.map((step) => (
					<li key={step.href} className="flex flex-col gap-0.5" data-kind={step.kind}>
						<span className="text-xs font-medium uppercase tracking-wide text-slate-500">{KIND_LABELS[step.kind] ?? 'Next step'}</span>
						{step.href.startsWith('/') ? (
							<Link to={step.href} className="font-medium">
								{step.title}
							</Link>
						) : (
							<a href={step.href} className="font-medium">
								{step.title}
							</a>
						)}
						<span className="text-sm text-slate-600">{step.reason}</span>
					</li>
				))}
			</ol>
		</section>
	)
}
