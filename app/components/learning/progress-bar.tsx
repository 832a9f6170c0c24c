/** A labelled progress bar; screen readers get the value through role="progressbar". */
export function ProgressBar({ percent, label }: { percent: number; label: string }) {
	const value = Math.max(0, Math.min(100, Math.round(percent)))
	return (
		<div className="space-y-1">
			<div className="flex justify-between text-sm text-slate-600">
				<span>{label}</span>
				<span data-testid="progress-percent">{value}%</span>
			</div>
			<div
				role="progressbar"
				aria-label={label}
				aria-valuemin={0}
				aria-valuemax={100}
				aria-valuenow={value}
				className="h-2 overflow-hidden rounded-full bg-slate-200"
			>
				<div className="h-full rounded-full bg-brand-600 transition-all" style={{ width: `${value}%` }} />
			</div>
		</div>
	)
}
