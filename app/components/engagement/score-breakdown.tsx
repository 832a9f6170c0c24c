export type ComponentView = { key: string; label: string; contribution: number; weight?: number; explanation?: string; available?: boolean }

/** Which inputs made a score: each component's points out of its share, with the sentence behind it. */
export function ScoreBreakdownList({ title, score, components, testId }: { title: string; score: number; components: ComponentView[]; testId?: string }) {
	return (
		<div data-testid={testId}>
			<h3 className="flex items-baseline justify-between font-semibold">
				<span>{title}</span>
				<span className="text-2xl tabular-nums">{score}</span>
			</h3>
			<ul className="mt-2 space-y-2 text-sm">
				{components
					.filter((c) => c.available !== false)
					.map((c) => {
						const max = c.weight !== undefined ? c.weight * 100 : undefined
						return (
							<li key={c.key}>
								<div className="flex justify-between gap-2">
									<span>{c.label}</span>
									<span className="tabular-nums text-slate-600">
										{c.contribution.toFixed(1)}
										{max !== undefined ? ` / ${max.toFixed(0)}` : ''}
									</span>
								</div>
								{max !== undefined && max > 0 ? (
									<div className="mt-1 h-1.5 rounded bg-slate-100" aria-hidden>
										<div className="h-1.5 rounded bg-brand-600" style={{ width: `${Math.min(100, (c.contribution / max) * 100)}%` }} />
									</div>
								) : null}
								{c.explanation ? <p className="text-xs text-slate-500">{c.explanation}</p> : null}
							</li>
						)
					})}
			</ul>
		</div>
	)
}
