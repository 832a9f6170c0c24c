import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { useHydrated } from '#app/components/ui/use-hydrated.ts'
import { type MovementWeek } from '#app/domain/scoring/portfolio-movement.ts'
import { plural } from '#app/utils/plural.ts'

const week = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' })
const label = (iso: string) => week.format(new Date(iso))

/**
 * Accounts that changed segment each week, as bars, with the same figures and the moves behind them
 * in a table (the chart mounts in the browser only; the table is there for everyone).
 */
export function SegmentMovement({ weeks }: { weeks: MovementWeek[] }) {
	const mounted = useHydrated()
	const total = weeks.reduce((n, w) => n + w.moved, 0)
	const data = weeks.map((w) => ({ week: label(w.weekStart), moved: w.moved }))
	const summary = `Segment movement: ${plural(total, 'move')} between segments over the last ${weeks.length} weeks; ${weeks.map((w) => `${label(w.weekStart)} ${w.moved}`).join(', ')}.`
	return (
		<section aria-labelledby="segment-movement-heading" className="rounded border border-slate-200 bg-white p-4" data-testid="segment-movement">
			<h2 id="segment-movement-heading" className="text-lg font-semibold">
				Segment movement
			</h2>
			<p className="mt-1 text-sm text-slate-600">
				Accounts whose segment at the end of a week differed from the week before (from the score history; a first score is not a move).
			</p>
			<figure className="mt-3">
				<div style={{ height: 220 }} className="w-full" data-testid="segment-movement-chart">
					{mounted ? (
						<ResponsiveContainer width="100%" height={220}>
							<BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false} role="img" aria-label={summary}>
								<CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
								<XAxis dataKey="week" fontSize={11} />
								<YAxis allowDecimals={false} fontSize={11} width={32} />
								<Tooltip />
								<Bar dataKey="moved" name="Accounts moved" fill="#2563c9" isAnimationActive={false} />
							</BarChart>
						</ResponsiveContainer>
					) : null}
				</div>
				<figcaption className="mt-2 text-xs text-slate-600">{plural(total, 'move')} in {weeks.length} weeks, by week starting Monday (UTC).</figcaption>
			</figure>
			<details className="mt-3 text-sm">
				<summary className="cursor-pointer text-brand-700">Show as table</summary>
				<table className="mt-2 w-full border-collapse text-sm">
					<caption className="text-left text-xs text-slate-600">Segment movement by week as a table</caption>
					<thead>
						<tr className="border-b border-slate-200 text-left">
							<th className="p-1">Week of</th>
							<th className="p-1 text-right">Accounts moved</th>
							<th className="p-1">Moves</th>
						</tr>
					</thead>
					<tbody>
						{weeks.map((w) => (
							<tr key={w.weekStart} className="border-b border-slate-100">
								<td className="p-1">{label(w.weekStart)}</td>
								<td className="p-1 text-right tabular-nums">{w.moved}</td>
								<td className="p-1">{w.transitions.map((t) => `${t.fromLabel} → ${t.toLabel}: ${t.count}`).join('; ') || '—'}</td>
							</tr>
						))}
					</tbody>
				</table>
			</details>
		</section>
	)
}
