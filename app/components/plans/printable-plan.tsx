import type { PlanContent, PlanPage } from '#app/domain/plans/queries.server.ts'
import { AGREEMENT_LABELS, PLAN_STATUS_LABELS } from '#app/domain/plans/plan-state.ts'
import { OBJECTIVE_STATUS_LABELS } from '#app/domain/plans/objective-status.ts'
import { formatValue } from '#app/domain/plans/progress-series.ts'
import { formatDateTime, formatDay, percent } from './format.ts'
import { ProgressChart } from './progress-chart.tsx'
import { DeliveryView, InitiativesTable, PlanTextSections } from './plan-sections.tsx'

/** The plan on paper: what success means, the measures and where they stand, what we do, how we deliver. */
export function PrintablePlan({ page, content, printedAt }: { page: PlanPage; content: PlanContent; printedAt: Date }) {
	return (
		<article className="mx-auto max-w-4xl space-y-6 bg-white p-8 print:max-w-none print:p-0" data-testid="printable-plan">
			<header className="border-b border-slate-300 pb-4">
				<p className="text-sm text-slate-600">Success plan · {page.account.name}</p>
				<h1 className="text-3xl font-bold">{page.title}</h1>
				<p className="mt-1 text-sm text-slate-600">
					{PLAN_STATUS_LABELS[page.status]}
					{content.agreedAt ? ` on ${formatDay(content.agreedAt)}` : ''}
					{page.account.csm ? ` · Success manager: ${page.account.csm.name}` : ''} · As of {formatDateTime(printedAt)}
				</p>
			</header>

			<PlanTextSections content={content} />

			<section aria-labelledby="print-objectives">
				<h2 id="print-objectives" className="text-xl font-semibold">
					Objectives
				</h2>
				<table className="mt-3 w-full border-collapse text-left text-sm">
					<thead>
						<tr className="border-b border-slate-300">
							<th className="py-1 pr-2">Objective</th>
							<th className="py-1 pr-2">Baseline</th>
							<th className="py-1 pr-2">Target</th>
							<th className="py-1 pr-2">Current</th>
							<th className="py-1 pr-2">Due</th>
							<th className="py-1 pr-2">Progress</th>
							<th className="py-1 pr-2">Status</th>
							<th className="py-1">Agreement</th>
						</tr>
					</thead>
					<tbody>
						{content.objectives.map((o) => (
							<tr key={o.id} className="border-b border-slate-100">
								<td className="py-1 pr-2 font-medium">{o.metric}</td>
								<td className="py-1 pr-2">{formatValue(o.baseline, o.unit)}</td>
								<td className="py-1 pr-2">{formatValue(o.target, o.unit)}</td>
								<td className="py-1 pr-2">{formatValue(o.current, o.unit)}</td>
								<td className="py-1 pr-2">{formatDay(o.dueDate)}</td>
								<td className="py-1 pr-2">{percent(Math.max(0, o.assessment.progress))}</td>
								<td className="py-1 pr-2">{OBJECTIVE_STATUS_LABELS[o.assessment.status]}</td>
								<td className="py-1">{AGREEMENT_LABELS[o.agreement]}</td>
							</tr>
						))}
					</tbody>
				</table>
				<div className="mt-4 grid gap-4 sm:grid-cols-2 print:grid-cols-2">
					{content.objectives.map((o) => (
						<div key={o.id} className="break-inside-avoid">
							<h3 className="text-sm font-semibold">{o.metric}</h3>
							<ProgressChart series={o.series} target={o.target} unit={o.unit} metric={o.metric} />
						</div>
					))}
				</div>
			</section>

			<section aria-labelledby="print-initiatives" className="break-inside-avoid">
				<h2 id="print-initiatives" className="text-xl font-semibold">
					What we are doing together
				</h2>
				<InitiativesTable initiatives={content.initiatives} />
			</section>

			<section aria-labelledby="print-delivery" className="break-inside-avoid">
				<h2 id="print-delivery" className="text-xl font-semibold">
					How we are delivering, in the customer's words
				</h2>
				<DeliveryView rating={content.deliveryRating} comment={content.deliveryComment} />
			</section>
		</article>
	)
}
