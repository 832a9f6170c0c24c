/**
 * Skill and will over time as two step lines (a point is stored only when a score changed), each with
 * its segment line dashed in its colour.
 */
export function ScoreHistoryChart({
	points,
	skillLine = 50,
	willLine = 50,
}: {
	points: Array<{ skill: number; will: number; computedAt: string | Date }>
	skillLine?: number
	willLine?: number
}) {
	if (points.length < 2) return null
	const sorted = [...points].sort((a, b) => +new Date(a.computedAt) - +new Date(b.computedAt))
	const t0 = +new Date(sorted[0]!.computedAt)
	const t1 = Math.max(t0 + 1, +new Date(sorted[sorted.length - 1]!.computedAt))
	const w = 480
	const h = 120
	const x = (d: string | Date) => ((+new Date(d) - t0) / (t1 - t0)) * (w - 20) + 10
	const y = (v: number) => h - 10 - (v / 100) * (h - 20)
	const line = (key: 'skill' | 'will') =>
		sorted.map((p, i) => `${i === 0 ? 'M' : 'H'}${x(p.computedAt).toFixed(1)}${i === 0 ? ` ${y(p[key]).toFixed(1)}` : ` V${y(p[key]).toFixed(1)}`}`).join(' ')
	return (
		<figure>
			<svg viewBox={`0 0 ${w} ${h}`} className="w-full max-w-xl" role="img" aria-label="Skill and will over time">
				<line x1="10" x2={w - 10} y1={y(skillLine)} y2={y(skillLine)} stroke="#93b4e6" strokeDasharray="4 4" />
				<line x1="10" x2={w - 10} y1={y(willLine)} y2={y(willLine)} stroke="#f3c27a" strokeDasharray="4 4" />
				<path d={line('skill')} fill="none" stroke="#2563c9" strokeWidth="2" />
				<path d={line('will')} fill="none" stroke="#d97706" strokeWidth="2" />
			</svg>
			<figcaption className="text-xs text-slate-500">
				<span className="text-brand-700">Skill</span> and <span className="text-amber-700">will</span>; dashed, the lines between low and high
				(skill {skillLine}, will {willLine}).
			</figcaption>
		</figure>
	)
}
