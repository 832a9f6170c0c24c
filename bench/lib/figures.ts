import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * One figure of issue 13's goals table, as a benchmark measured it. Each benchmark writes its figures
 * to .tmp/bench/<bench>.json; bench/report.ts gathers them into bench/report.md and report.json.
 */
export type Figure = {
	/** The row of the goals table this figure belongs to. */
	measure: string
	/** What was measured, e.g. "req/s" or "p99 ms". */
	metric: string
	value: number
	unit: string
	/** The baseline measured in the same run, when the goal is a ratio to it. */
	baseline?: { label: string; value: number }
	/** value / baseline.value */
	ratio?: number
	/** The goal as written in the issue, and whether this run met it. */
	goal: string
	met: boolean
	note?: string
}

export const FIGURES_DIR = path.resolve('.tmp/bench')

/** Collects a benchmark's figures and writes them with the machine's state at the end of the run. */
export class FigureLog {
	private figures: Figure[] = []
	constructor(private readonly bench: string) {}

	add(figure: Omit<Figure, 'ratio'> & { ratio?: number }) {
		const ratio = figure.ratio ?? (figure.baseline ? figure.value / figure.baseline.value : undefined)
		this.figures.push({ ...figure, ratio })
	}

	/** Goal "ratio >= min" against a baseline measured in the same run. */
	ratioAtLeast(measure: string, metric: string, value: number, unit: string, baseline: { label: string; value: number }, min: number) {
		this.add({ measure, metric, value, unit, baseline, goal: `>= ${min} of ${baseline.label}`, met: value / baseline.value >= min })
	}

	/** Goal "value < max" (latency, time, memory). */
	below(measure: string, metric: string, value: number, unit: string, max: number, note?: string) {
		this.add({ measure, metric, value, unit, goal: `< ${max} ${unit}`, met: value < max, note })
	}

	/** Goal "value >= min" (absolute throughput). */
	atLeast(measure: string, metric: string, value: number, unit: string, min: number, note?: string) {
		this.add({ measure, metric, value, unit, goal: `>= ${min.toLocaleString('en-US')} ${unit}`, met: value >= min, note })
	}

	write() {
		fs.mkdirSync(FIGURES_DIR, { recursive: true })
		const file = path.join(FIGURES_DIR, `${this.bench}.json`)
		fs.writeFileSync(file, JSON.stringify({ bench: this.bench, at: new Date().toISOString(), machine: machine(), figures: this.figures }, null, '\t'))
		return file
	}
}

export function machine() {
	return { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? 'unknown', loadAverage: os.loadavg().map((n) => Number(n.toFixed(2))), memoryGb: Number((os.totalmem() / 2 ** 30).toFixed(1)), node: process.version }
}
