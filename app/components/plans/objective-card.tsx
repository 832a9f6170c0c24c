import type { PlanObjective } from '#app/domain/plans/queries.server.ts'
import { formatValue } from '#app/domain/plans/progress-series.ts'
import { AgreementBadge, ObjectiveStatusBadge } from './badges.tsx'
import { CommentList } from './comments.tsx'
import { formatDateTime, formatDay, percent } from './format.ts'
import { ProgressChart } from './progress-chart.tsx'

/** One objective: its measure, how it is doing, its progress over time and its comments; actions go in `children`. */
export function ObjectiveCard({
	objective: o,
	children,
	updatesOpen = false,
}: {
	objective: PlanObjective
	children?: React.ReactNode
	/** The print view opens the update table so it reaches paper. */
	updatesOpen?: boolean
}) {
	const headingId = `objective-${o.id}`
	return (
		<article aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-5 print:break-inside-avoid" data-testid="objective">
			<header className="flex flex-wrap items-center gap-2">
				<h3 id={headingId} className="mr-auto text-base font-semibold">
					{o.metric}
				</h3>
				<ObjectiveStatusBadge status={o.assessment.status} />
				<AgreementBadge agreement={o.agreement} />
			</header>
			<dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-5">
				<Stat label="Baseline" value={formatValue(o.baseline, o.unit)} />
				<Stat label="Target" value={formatValue(o.target, o.unit)} />
				<Stat label="Current" value={formatValue(o.current, o.unit)} />
				<Stat label="Due" value={formatDay(o.dueDate)} />
				<Stat label="Progress" value={`${percent(Math.max(0, o.assessment.progress))} (expected ${percent(o.assessment.expected)})`} />
			</dl>
			<ProgressChart series={o.series} target={o.target} unit={o.unit} metric={o.metric} />
			<details className="mt-2 text-sm" open={updatesOpen}>
				<summary className="cursor-pointer text-slate-600">Progress updates ({o.updates.length})</summary>
				{o.updates.length === 0 ? (
					<p className="mt-2 text-slate-600">No updates yet: the current value is the baseline.</p>
				) : (
					<table className="mt-2 w-full text-left text-sm" data-testid="progress-updates">
						<thead>
							<tr className="text-slate-500">
								<th className="py-1 font-medium">When</th>
								<th className="py-1 font-medium">Who</th>
								<th className="py-1 font-medium">Change</th>
								<th className="py-1 font-medium">Note</th>
							</tr>
						</thead>
						<tbody>
							{o.updates.map((u) => (
								<tr key={u.id} className="border-t border-slate-100">
									<td className="py-1">{formatDateTime(u.createdAt)}</td>
									<td className="py-1">{u.authorName}</td>
									<td className="py-1">
										{formatValue(u.oldValue, o.unit)} → {formatValue(u.newValue, o.unit)}
									</td>
									<td className="py-1">{u.note ?? ''}</td>
								</tr>
							))}
						</tbody>
					</table>
				)}
			</details>
			{children ? <div className="mt-4 space-y-3">{children}</div> : null}
			{o.comments.length ? (
				<div className="mt-4">
					<h4 className="text-sm font-medium text-slate-700">Comments</h4>
					<div className="mt-2">
						<CommentList comments={o.comments} label={`Comments on ${o.metric}`} />
					</div>
				</div>
			) : null}
		</article>
	)
}

function Stat({ label, value }: { label: string; value: string }) {
	return (
		<div>
			<dt className="text-xs text-slate-500">{label}</dt>
			<dd className="font-medium">{value}</dd>
		</div>
	)
}
