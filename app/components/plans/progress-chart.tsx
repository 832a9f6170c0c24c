import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { formatValue, type ProgressPoint } from '#app/domain/plans/progress-series.ts'
import { useHydrated } from '#app/components/ui/use-hydrated.ts'
import { formatDay } from './format.ts'

const HEIGHT = 180

/**
 * Progress over time with the target as a line. Recharts 3 renders nothing on the server, so the
 * chart mounts in the browser; the update table next to it carries the same numbers for everyone.
 */
export function ProgressChart({ series, target, unit, metric }: { series: ProgressPoint[]; target: number; unit: string; metric: string }) {
	const mounted = useHydrated()
	const points = series.map((p) => ({ t: new Date(p.at).getTime(), value: p.value }))
	const last = series[series.length - 1]
	const caption = `${metric}: ${series.length} data point${series.length === 1 ? '' : 's'}, latest ${last ? formatValue(last.value, unit) : 'none'}, target ${formatValue(target, unit)}.`
	return (
		<figure className="w-full" data-testid="progress-chart">
			<div style={{ height: HEIGHT }} className="w-full">
				{mounted ? (
					<ResponsiveContainer width="100%" height={HEIGHT}>
						<LineChart data={points} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
							<CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
							<XAxis
								dataKey="t"
								type="number"
								scale="time"
								domain={['dataMin', 'dataMax']}
								tickFormatter={(t: number) => formatDay(new Date(t))}
								fontSize={11}
							/>
							<YAxis fontSize={11} width={48} domain={['auto', 'auto']} />
							<Tooltip
								labelFormatter={(t) => formatDay(new Date(Number(t)))}
								formatter={(v) => [formatValue(Number(v), unit), metric]}
							/>
							<ReferenceLine y={target} stroke="#16a34a" strokeDasharray="6 3" ifOverflow="extendDomain" label={{ value: 'Target', fontSize: 11, position: 'insideTopRight' }} />
							<Line type="monotone" dataKey="value" stroke="#2563c9" strokeWidth={2} dot isAnimationActive={false} />
						</LineChart>
					</ResponsiveContainer>
				) : null}
			</div>
			<figcaption className="sr-only">{caption}</figcaption>
		</figure>
	)
}
