import { Link } from '@remix-run/react'

export type StepItem = { position: number; kind: 'lesson' | 'quiz'; title: string; href: string; done: boolean }

/** The ordered steps of a path, with what is done; the current step is marked for screen readers. */
export function StepList({ steps, current, linked = true }: { steps: StepItem[]; current?: number; linked?: boolean }) {
	return (
		<ol className="space-y-1" data-testid="step-list">
			{steps.map((step) => (
				<li key={step.position} className="flex items-start gap-2">
					<span
						aria-hidden="true"
						className={`mt-0.5 inline-flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-xs ${
							step.done ? 'bg-emerald-600 text-white' : 'border border-slate-300 text-slate-500'
						}`}
					>
						{step.done ? '✓' : step.position + 1}
					</span>
					<span className={step.position === current ? 'font-semibold' : ''}>
						{linked ? (
							<Link to={step.href} aria-current={step.position === current ? 'step' : undefined}>
								{step.title}
							</Link>
						) : (
							step.title
						)}
						<span className="ml-1 text-xs text-slate-500">
							{step.kind === 'quiz' ? 'Quiz' : 'Lesson'}
							{step.done ? ' · done' : ''}
						</span>
					</span>
				</li>
			))}
		</ol>
	)
}
