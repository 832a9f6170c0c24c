/**
 * The last step of `npm run bench`: gathers the figures the benchmarks wrote to .tmp/bench/*.json
 * into bench/report.md and bench/report.json — every figure of issue 13's goals table with its
 * ratio to the baseline measured in the same run, the goal, whether it was met, and the machine.
 */
import fs from 'node:fs'
import path from 'node:path'
import { FIGURES_DIR, machine, type Figure } from './lib/figures.ts'

type BenchFile = { bench: string; at: string; machine: ReturnType<typeof machine>; figures: Figure[] }

const files = fs.existsSync(FIGURES_DIR) ? fs.readdirSync(FIGURES_DIR).filter((f) => f.endsWith('.json')).sort() : []
const benches = files.map((f) => JSON.parse(fs.readFileSync(path.join(FIGURES_DIR, f), 'utf8')) as BenchFile)
if (!benches.length) throw new Error(`No figures in ${FIGURES_DIR}: run npm run bench:kb and bench:engagement first.`)

const format = (n: number) => (Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 3 }))
const lines: string[] = [
	'# Benchmark report (issue 13)',
	'',
	'Written by `npm run bench` (bench/report.ts). Absolute figures move with the machine and whatever else',
	'runs on it; ratios are to a baseline measured in the same run. No test asserts these.',
	'',
	'| bench | finished | cores | CPU | load average (1, 5, 15 min) at the end | Node |',
	'| --- | --- | --- | --- | --- | --- |',
	...benches.map((b) => `| ${b.bench} | ${b.at} | ${b.machine.cores} | ${b.machine.cpu} | ${b.machine.loadAverage.join(', ')} | ${b.machine.node} |`),
	'',
	'| measure | figure | value | baseline (same run) | ratio | goal | met |',
	'| --- | --- | --- | --- | --- | --- | --- |',
]
for (const bench of benches) {
	for (const f of bench.figures) {
		const baseline = f.baseline ? `${f.baseline.label}: ${format(f.baseline.value)}` : ''
		const ratio = f.ratio === undefined ? '' : f.ratio.toFixed(4)
		const note = f.note ? ` (${f.note})` : ''
		lines.push(`| ${f.measure} | ${f.metric}${note} | ${format(f.value)} ${f.unit} | ${baseline} | ${ratio} | ${f.goal} | ${f.met ? 'yes' : '**no**'} |`)
	}
}
const all = benches.flatMap((b) => b.figures)
const missed = all.filter((f) => !f.met)
lines.push('', `${all.length - missed.length} of ${all.length} figures meet their goal.`)
if (missed.length) lines.push(`Missed: ${missed.map((f) => `${f.measure} (${f.metric})`).join('; ')}. See docs/decisions/009-speed.md for why.`)

fs.writeFileSync('bench/report.md', `${lines.join('\n')}\n`)
fs.writeFileSync('bench/report.json', `${JSON.stringify({ generatedAt: new Date().toISOString(), machine: machine(), benches }, null, '\t')}\n`)
console.log(lines.join('\n'))
