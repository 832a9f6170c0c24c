/**
 * npm run calibrate -- [--seeds 1,2,3,4,5] [--accounts 300] [--days 60] [--config overrides.json] [--grid]
 *
 * Scores simulated populations in memory with the pure scoring functions (no database: the same
 * inputs the recompute builds) and prints account accuracy and recall per segment. Tune on the
 * calibration seeds only; `npm run simulate` reports on the evaluation seeds through the real
 * recompute. --grid tries a small set of alternatives around the running config and ranks them by
 * the worst segment recall, then accuracy (a config that finds no Unmotivated account is no good).
 */
import fs from 'node:fs'
import { parseArgs } from 'node:util'
import { CALIBRATION_SEEDS, generatePopulation, type Population } from './lib/population.ts'
import { generateFieldPopulation } from './lib/population-field.ts'
import { generateSteadyPopulation } from './lib/population-steady.ts'
import { parseScoringConfig, type ScoringConfig, type ScoringConfigInput } from '#app/domain/scoring/config.ts'
import { withContentFacts, type ContentFacts } from '#app/domain/scoring/content-facts.ts'
import { type ProductUsageDay } from '#app/domain/scoring/inputs.ts'
import { scoreUser } from '#app/domain/scoring/score-user.ts'
import { reclassify, rollUpAccount, SEGMENT_STATUSES, type SegmentStatus } from '#app/domain/scoring/segments.ts'
import { portfolioWillLine, withWillLine } from '#app/domain/scoring/will-line.ts'
import { SCORING_OVERRIDES } from '#app/domain/scoring/settings.server.ts'

const { values } = parseArgs({
	options: {
		seeds: { type: 'string', default: CALIBRATION_SEEDS.join(',') },
		accounts: { type: 'string', default: '300' },
		days: { type: 'string', default: '60' },
		config: { type: 'string' },
		grid: { type: 'boolean', default: false },
		verbose: { type: 'boolean', default: false },
		/** population (the simulator's, default), steady (the simpler cross-check model) or field (the held-out independent one) */
		model: { type: 'string', default: 'population' },
	},
})
const seeds = values.seeds.split(',').map(Number)
const generate = values.model === 'steady' ? generateSteadyPopulation : values.model === 'field' ? generateFieldPopulation : generatePopulation
const populations = seeds.map((seed) => generate({ accounts: Number(values.accounts), days: Number(values.days), seed }))
const base: ScoringConfigInput = values.config ? JSON.parse(fs.readFileSync(values.config, 'utf8')) : SCORING_OVERRIDES

type Result = { accuracy: number; recall: Record<string, number>; userAccuracy: number; thin: number; confusion: Map<string, number>; byKind: Map<string, [number, number]> }

function evaluate(config: ScoringConfig): Result {
	let right = 0
	let total = 0
	let userRight = 0
	let userTotal = 0
	let thin = 0
	const confusion = new Map<string, number>()
	const recallCounts = new Map<string, [number, number]>()
	const byKind = new Map<string, [number, number]>()
	for (const pop of populations) {
		const facts = contentFacts(pop)
		// Scores first, then the portfolio's will line drawn from them, then segments: as the full recompute does.
		const scored = pop.accounts.map((account) => {
			const accountUsage: ProductUsageDay[] = account.usage.map((d) => ({
				day: d.day,
				activeMinutes: d.activeMinutes > 0 || d.activeUsers > 0 ? Math.max(1, d.activeMinutes) : 0,
				activeUsers: d.activeUsers,
				featuresAdopted: d.featuresAdopted,
				featuresAvailable: d.featuresAvailable,
			}))
			const rollUpUsers = account.users.map((user) => {
				const score = scoreUser(
					{
						now: pop.end,
						events: user.events.map((e) => withContentFacts(e, facts)),
						productUsage: account.usageSource === 'user' ? user.usage : undefined,
						accountUsage: accountUsage.length ? accountUsage : undefined,
						since: user.joinedAt,
						timeZone: account.timeZone,
					},
					config,
				)
				return { truth: user.truth.segment, segment: score.segment, skill: score.skill.score, will: score.will.score, skillEvidence: score.skill.evidence, willSignals: score.will.signals, lastActiveAt: score.lastActiveAt, willLowEvidence: score.will.lowEvidence }
			})
			const rollUp = rollUpAccount(rollUpUsers, { now: pop.end, seats: account.seats, productUsage: accountUsage.length ? accountUsage : undefined, timeZone: account.timeZone }, config)
			return { account, rollUp, users: rollUpUsers }
		})
		const line = portfolioWillLine(scored.filter((a) => a.rollUp.segment !== 'NOT_ENOUGH_EVIDENCE').map((a) => a.rollUp.will), config)
		const lined = withWillLine(config, line)
		for (const { account, rollUp: unplaced, users } of scored) {
			for (const user of users) {
				userTotal++
				if (reclassify(user, lined).segment === user.truth) userRight++
			}
			const rollUp = { ...unplaced, ...reclassify(unplaced, lined) }
			const truth = account.truth.segment
			total++
			const ok = rollUp.segment === truth
			if (ok) right++
			if (rollUp.segment === 'NOT_ENOUGH_EVIDENCE') thin++
			const key = `${truth}>${rollUp.segment}`
			confusion.set(key, (confusion.get(key) ?? 0) + 1)
			const r = recallCounts.get(truth) ?? [0, 0]
			recallCounts.set(truth, [r[0] + (ok ? 1 : 0), r[1] + 1])
			const k = byKind.get(account.kind) ?? [0, 0]
			byKind.set(account.kind, [k[0] + (ok ? 1 : 0), k[1] + 1])
			if (values.verbose && !ok) {
				console.log(`  ${account.kind} truth ${truth} (${account.truth.skill.toFixed(2)}/${account.truth.will.toFixed(2)}) scored ${rollUp.segment} ${rollUp.skill}/${rollUp.will} ev ${rollUp.skillEvidence}`)
			}
		}
	}
	const recall: Record<string, number> = {}
	for (const [segment, [ok, n]] of recallCounts) recall[segment] = ok / n
	return { accuracy: right / total, recall, userAccuracy: userRight / userTotal, thin: thin / total, confusion, byKind }
}

function contentFacts(pop: Population) {
	const facts: ContentFacts = new Map()
	for (const a of pop.catalogue.articles) facts.set(`article:${a.slug}`, { level: a.level })
	for (const p of pop.catalogue.paths) {
		facts.set(`path:${p.slug}`, { level: p.level })
		for (const l of p.lessons) facts.set(`lesson:${p.slug}/${l.slug}`, { level: l.level })
		facts.set(`quiz:${p.slug}/${p.quizKey}`, { difficulty: p.difficulty, passMark: p.passMark })
	}
	for (const a of pop.catalogue.assessments) facts.set(`assessment:${a.key}`, { difficulty: a.difficulty, passMark: a.passMark })
	return facts
}

function print(label: string, r: Result) {
	const recall = Object.entries(r.recall)
		.map(([s, v]) => `${s.slice(0, 8)} ${(v * 100).toFixed(0)}%`)
		.join(', ')
	console.log(`${(r.accuracy * 100).toFixed(1)}%  users ${(r.userAccuracy * 100).toFixed(1)}%  thin ${(r.thin * 100).toFixed(1)}%  [${recall}]  ${label}`)
}

function merge(a: ScoringConfigInput, b: ScoringConfigInput): ScoringConfigInput {
	const out: Record<string, unknown> = { ...(a as Record<string, unknown>) }
	for (const [k, v] of Object.entries(b as Record<string, unknown>)) {
		const prev = out[k]
		out[k] = v && typeof v === 'object' && prev && typeof prev === 'object' ? merge(prev as ScoringConfigInput, v as ScoringConfigInput) : v
	}
	return out as ScoringConfigInput
}

const running = evaluate(parseScoringConfig(base))
print('running config', running)
const kinds = [...running.byKind].map(([k, [ok, n]]) => `${k} ${((ok / n) * 100).toFixed(0)}% (${n})`).join(', ')
console.log(`  by account kind: ${kinds}`)
console.log('  confusion (truth>scored):')
for (const truth of SEGMENT_STATUSES.slice(0, 4)) {
	const row = SEGMENT_STATUSES.map((s: SegmentStatus) => `${s.slice(0, 6)} ${running.confusion.get(`${truth}>${s}`) ?? 0}`).join(' | ')
	console.log(`    ${truth.padEnd(15)} ${row}`)
}

if (values.grid) {
	const alternatives: Array<[string, ScoringConfigInput]> = []
	for (const willThreshold of [40, 45, 50, 55, 60]) alternatives.push([`will threshold ${willThreshold}`, { segments: { willThreshold } }])
	for (const skillThreshold of [40, 45, 50, 55, 60]) alternatives.push([`skill threshold ${skillThreshold}`, { segments: { skillThreshold } }])
	for (const frequencyForFull of [0.35, 0.45, 0.6, 0.7]) alternatives.push([`frequencyForFull ${frequencyForFull}`, { will: { frequencyForFull } }])
	for (const frequencyHalfLifeDays of [7, 10, 21]) alternatives.push([`frequency half-life ${frequencyHalfLifeDays}`, { will: { frequencyHalfLifeDays } }])
	for (const priorWeight of [0.5, 2]) alternatives.push([`prior weight ${priorWeight}`, { skill: { priorWeight } }])
	for (const featureAdoptionWeight of [0.6, 2]) alternatives.push([`feature weight ${featureAdoptionWeight}`, { skill: { featureAdoptionWeight } }])
	for (const difficultyShift of [0, 0.1]) alternatives.push([`difficulty shift ${difficultyShift}`, { skill: { quiz: { difficultyShift } } }])
	for (const product of [0, 0.15, 0.35]) alternatives.push([`product weight ${product}`, { will: { weights: { product } } }])
	for (const minimumEvidence of [0.25, 1]) alternatives.push([`minimum evidence ${minimumEvidence}`, { skill: { minimumEvidence } }])
	const rows = alternatives.map(([label, overrides]) => ({ label, result: evaluate(parseScoringConfig(merge(base, overrides))) }))
	rows.sort((a, b) => Math.min(...Object.values(b.result.recall)) - Math.min(...Object.values(a.result.recall)) || b.result.accuracy - a.result.accuracy)
	for (const row of rows) print(row.label, row.result)
}
