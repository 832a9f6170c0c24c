import { Link, useNavigate } from '@remix-run/react'
import { plural } from '#app/utils/plural.ts'
import { type ReactNode } from 'react'
import { CartesianGrid, ReferenceArea, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts'
import { useHydrated } from '#app/components/ui/use-hydrated.ts'
import { type ApartAccount, type QuadrantPoint, type SkillWillPoint } from '#app/domain/scoring/portfolio.ts'
import { QUADRANT_DESCRIPTIONS, QUADRANT_LABELS, QUADRANTS, type Quadrant } from '#app/domain/scoring/quadrant.ts'
import { SEGMENT_DESCRIPTIONS, SEGMENT_LABELS, SEGMENTS, type Segment } from '#app/domain/scoring/segments.ts'

const HEIGHT = 360
const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 })

/** Point and area colours; the same families as the segment and quadrant badges. */
const SEGMENT_COLORS: Record<Segment, { point: string; area: string; text: string }> = {
	HIGH_PERFORMER: { point: '#16a34a', area: '#dcfce7', text: '#166534' },
	UNTRAINED: { point: '#2563c9', area: '#dbeafe', text: '#1e3a8a' },
	UNMOTIVATED: { point: '#d97706', area: '#fef3c7', text: '#78350f' },
	NEED_TO_EXIT: { point: '#dc2626', area: '#fee2e2', text: '#991b1b' },
}

const QUADRANT_COLORS: Record<Quadrant, { point: string; area: string; text: string }> = {
	SUCCESS: { point: '#16a34a', area: '#dcfce7', text: '#166534' },
	FLIGHT_RISK: { point: '#d97706', area: '#fef3c7', text: '#78350f' },
	FIX_COST: { point: '#0284c7', area: '#e0f2fe', text: '#0c4a6e' },
	RECONSIDER: { point: '#dc2626', area: '#fee2e2', text: '#991b1b' },
}

type Corner = 'topLeft' | 'topRight' | 'bottomLeft' | 'bottomRight'
type Region = { corner: Corner; label: string; fill: string; text: string }
type Series = { key: string; label: string; color: string; points: Array<{ id: string; name: string; x: number; y: number; r: number }> }
type TooltipRow = { id: string; lines: string[] }

/**
 * A 0-100 scatter split in four by a vertical and a horizontal line, each region named and tinted.
 * Recharts 3 renders nothing on the server, so it mounts in the browser; the table beside it holds
 * the same numbers for everyone. A click on a point opens the account; keyboard users have the
 * table's links (a focusable point inside role="img" would be hidden from assistive technology).
 */
function QuadrantScatter({
	label,
	testId,
	xLabel,
	yLabel,
	xLine,
	yLine,
	xLineLabel,
	yLineLabel,
	regions,
	series,
	tooltips,
	linkTo = (id) => `/console/accounts/${id}`,
}: {
	label: string
	testId: string
	xLabel: string
	yLabel: string
	xLine: number
	yLine: number
	xLineLabel: string
	yLineLabel: string
	regions: Region[]
	series: Series[]
	tooltips: TooltipRow[]
	/** Where a click on a point goes; null for points with no page of their own (an account's users). */
	linkTo?: ((id: string) => string) | null
}) {
	const mounted = useHydrated()
	const navigate = useNavigate()
	const lines = new Map(tooltips.map((t) => [t.id, t.lines]))
	const area = (corner: Corner) => ({
		x1: corner.endsWith('Left') ? 0 : xLine,
		x2: corner.endsWith('Left') ? xLine : 100,
		y1: corner.startsWith('bottom') ? 0 : yLine,
		y2: corner.startsWith('bottom') ? yLine : 100,
	})
	const position = (corner: Corner) =>
		({ topLeft: 'insideTopLeft', topRight: 'insideTopRight', bottomLeft: 'insideBottomLeft', bottomRight: 'insideBottomRight' })[corner] as
			| 'insideTopLeft'
			| 'insideTopRight'
			| 'insideBottomLeft'
			| 'insideBottomRight'
	return (
		<div style={{ height: HEIGHT }} className="w-full" data-testid={testId}>
			{mounted ? (
				<ResponsiveContainer width="100%" height={HEIGHT}>
					<ScatterChart margin={{ top: 20, right: 64, bottom: 28, left: 8 }} accessibilityLayer={false} role="img" aria-label={label}>
						{regions.map((r) => (
							<ReferenceArea
								key={r.corner}
								{...area(r.corner)}
								fill={r.fill}
								fillOpacity={0.7}
								stroke="none"
								label={{ value: r.label, position: position(r.corner), fontSize: 12, fill: r.text, fontWeight: 600 }}
							/>
						))}
						<CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
						<XAxis
							type="number"
							dataKey="x"
							domain={[0, 100]}
							ticks={[0, 25, 50, 75, 100]}
							fontSize={11}
							label={{ value: xLabel, position: 'insideBottom', offset: -16, fontSize: 12, fill: '#334155' }}
						/>
						<YAxis
							type="number"
							dataKey="y"
							domain={[0, 100]}
							ticks={[0, 25, 50, 75, 100]}
							fontSize={11}
							width={44}
							label={{ value: yLabel, angle: -90, position: 'insideLeft', offset: 12, fontSize: 12, fill: '#334155' }}
						/>
						<ReferenceLine x={xLine} stroke="#475569" strokeDasharray="6 3" label={{ value: xLineLabel, position: 'top', fontSize: 11, fill: '#334155' }} />
						<ReferenceLine y={yLine} stroke="#475569" strokeDasharray="6 3" label={{ value: yLineLabel, position: 'right', fontSize: 11, fill: '#334155' }} />
						<Tooltip
							cursor={false}
							content={({ active, payload }) => {
								const item = active ? (payload?.[0]?.payload as { id?: string; name?: string } | undefined) : undefined
								if (!item?.id) return null
								return (
									<div className="rounded border border-slate-200 bg-white p-2 text-xs shadow" data-testid="chart-tooltip">
										<p className="font-semibold">{item.name}</p>
										{(lines.get(item.id) ?? []).map((line) => (
											<p key={line}>{line}</p>
										))}
									</div>
								)
							}}
						/>
						{series.map((s) => (
							<Scatter
								key={s.key}
								name={s.label}
								data={s.points}
								fill={s.color}
								isAnimationActive={false}
								shape={(props: { cx?: number; cy?: number; payload?: { id: string; r: number; name: string } }) => {
									const p = props.payload
									if (props.cx === undefined || props.cy === undefined || !p) return <g />
									return (
										<circle
											cx={props.cx}
											cy={props.cy}
											r={p.r}
											fill={s.color}
											fillOpacity={0.75}
											stroke="#fff"
											strokeWidth={1}
											style={linkTo ? { cursor: 'pointer' } : undefined}
											data-account-id={p.id}
											data-testid="chart-point"
											onClick={linkTo ? () => navigate(linkTo(p.id)) : undefined}
										/>
									)
								}}
							/>
						))}
					</ScatterChart>
				</ResponsiveContainer>
			) : null}
		</div>
	)
}

function ChartFigure({ id, title, intro, chart, legend, apart, table }: { id: string; title: string; intro: ReactNode; chart: ReactNode; legend: ReactNode; apart: ReactNode; table: ReactNode }) {
	return (
		<section aria-labelledby={`${id}-heading`} className="rounded border border-slate-200 bg-white p-4" data-testid={id}>
			<h2 id={`${id}-heading`} className="text-lg font-semibold">
				{title}
			</h2>
			<p className="mt-1 text-sm text-slate-600">{intro}</p>
			<figure className="mt-3">
				{chart}
				<figcaption className="mt-2 text-xs text-slate-600">{legend}</figcaption>
			</figure>
			{apart}
			<details className="mt-3 text-sm">
				<summary className="cursor-pointer text-brand-700">Show as table</summary>
				{table}
			</details>
		</section>
	)
}

function ApartList({ heading, accounts, testId }: { heading: string; accounts: ApartAccount[]; testId: string }) {
	if (accounts.length === 0) return null
	return (
		<div className="mt-3 text-sm" data-testid={testId}>
			<h3 className="font-medium">{heading}</h3>
			<ul className="mt-1 list-disc pl-5">
				{accounts.map((a) => (
					<li key={a.id}>
						<Link to={`/console/accounts/${a.id}`}>{a.name}</Link> <span className="text-slate-600">· {a.reason}</span>
					</li>
				))}
			</ul>
		</div>
	)
}

type ChartColumn<T> = { header: string; numeric?: boolean; cell: (row: T) => ReactNode }

/** A chart's points as a table: the account (a link to it) and then the chart's own columns. */
function ChartTable<T extends { id: string; name: string }>({ caption, rows, columns }: { caption: string; rows: readonly T[]; columns: Array<ChartColumn<T>> }) {
	const align = (c: ChartColumn<T>) => (c.numeric ? 'p-1 text-right' : 'p-1')
	return (
		<table className="mt-2 w-full border-collapse text-sm">
			<caption className="text-left text-xs text-slate-600">{caption}</caption>
			<thead>
				<tr className="border-b border-slate-200 text-left">
					<th className="p-1">Account</th>
					{columns.map((c) => (
						<th key={c.header} className={align(c)}>
							{c.header}
						</th>
					))}
				</tr>
			</thead>
			<tbody>
				{rows.map((row) => (
					<tr key={row.id} className="border-b border-slate-100">
						<td className="p-1">
							<Link to={`/console/accounts/${row.id}`}>{row.name}</Link>
						</td>
						{columns.map((c) => (
							<td key={c.header} className={align(c)}>
								{c.cell(row)}
							</td>
						))}
					</tr>
				))}
			</tbody>
		</table>
	)
}

function Swatch({ color }: { color: string }) {
	return <span aria-hidden="true" className="mr-1 inline-block h-2.5 w-2.5 rounded-full align-middle" style={{ background: color }} />
}

export type WillLineInfo = { line: number; source: 'portfolio' | 'fixed'; accounts: number }

export function willLineSource(will: WillLineInfo): string {
	return will.source === 'portfolio'
		? `drawn at the natural break of ${will.accounts} accounts' will scores at the last full recompute`
		: 'the fixed will threshold (too few judged accounts, or the portfolio line is off)'
}

export function SkillWillMatrix({ points, apart, skillLine, will }: { points: SkillWillPoint[]; apart: ApartAccount[]; skillLine: number; will: WillLineInfo }) {
	const corners: Record<Segment, Corner> = { UNTRAINED: 'topLeft', HIGH_PERFORMER: 'topRight', NEED_TO_EXIT: 'bottomLeft', UNMOTIVATED: 'bottomRight' }
	const label = `Skill/will matrix: ${plural(points.length, 'account')} plotted by skill (across) and will (up); skill line ${skillLine}, will line ${will.line}. ${SEGMENTS.map((s) => `${SEGMENT_LABELS[s]} ${points.filter((p) => p.segment === s).length}`).join(', ')}.${apart.length ? ` ${apart.length} listed apart without enough evidence.` : ''}`
	return (
		<ChartFigure
			id="skill-will-matrix"
			title="Skill/will matrix"
			intro={
				<>
					Skill across, will up; a dot&apos;s area grows with ARR. Skill line {skillLine} (fixed); will line {will.line}: {willLineSource(will)}. Click a dot to
					open the account.
				</>
			}
			chart={
				<QuadrantScatter
					label={label}
					testId="skill-will-chart"
					xLabel="Skill"
					yLabel="Will"
					xLine={skillLine}
					yLine={will.line}
					xLineLabel={`Skill ${skillLine}`}
					yLineLabel={`Will ${will.line}`}
					regions={SEGMENTS.map((s) => ({ corner: corners[s], label: SEGMENT_LABELS[s], fill: SEGMENT_COLORS[s].area, text: SEGMENT_COLORS[s].text }))}
					series={SEGMENTS.map((s) => ({
						key: s,
						label: SEGMENT_LABELS[s],
						color: SEGMENT_COLORS[s].point,
						points: points.filter((p) => p.segment === s).map((p) => ({ id: p.id, name: p.name, x: p.skill, y: p.will, r: p.r })),
					}))}
					tooltips={points.map((p) => ({ id: p.id, lines: [`Skill ${p.skill}, will ${p.will}`, p.segmentLabel, `ARR ${money.format(p.arr)}`] }))}
				/>
			}
			legend={
				<>
					{SEGMENTS.map((s) => (
						<span key={s} className="mr-3 whitespace-nowrap">
							<Swatch color={SEGMENT_COLORS[s].point} />
							{SEGMENT_LABELS[s]} ({SEGMENT_DESCRIPTIONS[s].toLowerCase()})
						</span>
					))}
					<span className="block">A dot is coloured by its stored segment; near a line it can keep its previous segment.</span>
				</>
			}
			apart={<ApartList heading="Not enough evidence yet (not plotted)" accounts={apart} testId="skill-will-apart" />}
			table={
				<ChartTable
					caption="Skill/will matrix as a table"
					rows={points}
					columns={[
						{ header: 'Skill', numeric: true, cell: (p) => p.skill },
						{ header: 'Will', numeric: true, cell: (p) => p.will },
						{ header: 'Segment', cell: (p) => p.segmentLabel },
						{ header: 'ARR', numeric: true, cell: (p) => money.format(p.arr) },
					]}
				/>
			}
		/>
	)
}

export function HappinessValueQuadrant({
	points,
	apart,
	happinessLine,
	valueLine,
	marginThreshold,
}: {
	points: QuadrantPoint[]
	apart: ApartAccount[]
	happinessLine: number
	valueLine: number
	marginThreshold: number
}) {
	const corners: Record<Quadrant, Corner> = { FIX_COST: 'topLeft', SUCCESS: 'topRight', RECONSIDER: 'bottomLeft', FLIGHT_RISK: 'bottomRight' }
	const margin = `${Math.round(marginThreshold * 100)}%`
	const label = `Happiness × value quadrant: ${plural(points.length, 'account')} plotted by company value (across) and customer happiness (up); happiness line ${happinessLine}, value line at margin ${margin}. ${QUADRANTS.map((q) => `${QUADRANT_LABELS[q]} ${points.filter((p) => p.quadrant === q).length}`).join(', ')}.`
	return (
		<ChartFigure
			id="happiness-value-quadrant"
			title="Happiness × value"
			intro={
				<>
					Company value across (from the margin, ARR minus cost to serve, −100% to 100%), customer happiness up (NPS, CSAT and helpful votes); a dot&apos;s area
					grows with ARR. Happy from {happinessLine}; profitable from a margin of {margin}. Click a dot to open the account.
				</>
			}
			chart={
				<QuadrantScatter
					label={label}
					testId="happiness-value-chart"
					xLabel="Company value"
					yLabel="Customer happiness"
					xLine={valueLine}
					yLine={happinessLine}
					xLineLabel={`Margin ${margin}`}
					yLineLabel={`Happy ${happinessLine}`}
					regions={QUADRANTS.map((q) => ({ corner: corners[q], label: QUADRANT_LABELS[q], fill: QUADRANT_COLORS[q].area, text: QUADRANT_COLORS[q].text }))}
					series={QUADRANTS.map((q) => ({
						key: q,
						label: QUADRANT_LABELS[q],
						color: QUADRANT_COLORS[q].point,
						points: points.filter((p) => p.quadrant === q).map((p) => ({ id: p.id, name: p.name, x: p.value, y: p.happiness, r: p.r })),
					}))}
					tooltips={points.map((p) => ({
						id: p.id,
						lines: [
							`Happiness ${p.happiness}${p.happinessKnown ? '' : ' (nothing recorded: neutral)'}`,
							`Value ${p.value} (margin ${Math.round(p.relativeMargin * 100)}%)`,
							p.quadrantLabel,
							`ARR ${money.format(p.arr)}`,
						],
					}))}
				/>
			}
			legend={QUADRANTS.map((q) => (
				<span key={q} className="mr-3 whitespace-nowrap">
					<Swatch color={QUADRANT_COLORS[q].point} />
					{QUADRANT_LABELS[q]} ({QUADRANT_DESCRIPTIONS[q].toLowerCase()})
				</span>
			))}
			apart={<ApartList heading="Not placed (not plotted)" accounts={apart} testId="happiness-value-apart" />}
			table={
				<ChartTable
					caption="Happiness × value quadrant as a table"
					rows={points}
					columns={[
						{ header: 'Value', numeric: true, cell: (p) => p.value },
						{ header: 'Margin', numeric: true, cell: (p) => `${Math.round(p.relativeMargin * 100)}%` },
						{ header: 'Happiness', numeric: true, cell: (p) => `${p.happiness}${p.happinessKnown ? '' : ' (neutral: nothing recorded)'}` },
						{ header: 'Quadrant', cell: (p) => p.quadrantLabel },
						{ header: 'ARR', numeric: true, cell: (p) => money.format(p.arr) },
					]}
				/>
			}
		/>
	)
}

export type UserPoint = { id: string; name: string; skill: number; will: number; segment: Segment }

/**
 * An account's users on the same skill/will plane as the portfolio, coloured by each user's own
 * segment (same-sized dots: users have no ARR). The users table below it holds the same numbers.
 */
export function AccountUsersMatrix({ points, apart, skillLine, willLine }: { points: UserPoint[]; apart: number; skillLine: number; willLine: number }) {
	const corners: Record<Segment, Corner> = { UNTRAINED: 'topLeft', HIGH_PERFORMER: 'topRight', NEED_TO_EXIT: 'bottomLeft', UNMOTIVATED: 'bottomRight' }
	const label = `Users' skill/will matrix: ${plural(points.length, 'user')} plotted by skill (across) and will (up). ${SEGMENTS.map((s) => `${SEGMENT_LABELS[s]} ${points.filter((p) => p.segment === s).length}`).join(', ')}.${apart ? ` ${plural(apart, 'user')} without enough evidence not plotted.` : ''}`
	return (
		<figure data-testid="users-matrix">
			<QuadrantScatter
				label={label}
				testId="users-chart"
				xLabel="Skill"
				yLabel="Will"
				xLine={skillLine}
				yLine={willLine}
				xLineLabel={`Skill ${skillLine}`}
				yLineLabel={`Will ${willLine}`}
				regions={SEGMENTS.map((s) => ({ corner: corners[s], label: SEGMENT_LABELS[s], fill: SEGMENT_COLORS[s].area, text: SEGMENT_COLORS[s].text }))}
				series={SEGMENTS.map((s) => ({
					key: s,
					label: SEGMENT_LABELS[s],
					color: SEGMENT_COLORS[s].point,
					points: points.filter((p) => p.segment === s).map((p) => ({ id: p.id, name: p.name, x: p.skill, y: p.will, r: MIN_USER_RADIUS })),
				}))}
				tooltips={points.map((p) => ({ id: p.id, lines: [`Skill ${p.skill}, will ${p.will}`, SEGMENT_LABELS[p.segment]] }))}
				linkTo={null}
			/>
			<figcaption className="mt-2 text-xs text-slate-600">
				{label} The users table below lists each user&apos;s scores and why.
			</figcaption>
		</figure>
	)
}

const MIN_USER_RADIUS = 7
