/**
 * npm run simulate -- [--accounts 300] [--days 60] [--seed S | --seeds 101,102,103 | --calibration | --evaluation]
 *                     [--defaults | --config overrides.json] [--dump truth.json]
 *
 * Generates a population with known latent skill and will (scripts/lib/population.ts), loads it into
 * a scratch database through the real recording path (recordEvents, usage rows), runs the real full
 * recompute and the playbooks after it, and reports how well the scored segments recover the truth:
 * confusion matrices, recall per segment, accuracy per behaviour archetype, the share of "not enough
 * evidence yet", and the five-whys and exit-review tasks raised. Several seeds pool their results.
 *
 * Seeds: --calibration (1-5) are for tuning the scoring; --evaluation (101-103) and the default seed
 * (101) are for reporting. Tune on one, report on the other. See docs/simulation.md.
 * It scores with the portal's running config unless --defaults (the documented defaults) or
 * --config FILE (the defaults plus the file's overrides) says otherwise.
 * --dump FILE keeps the scratch database (of the last seed) and writes the latent truth to FILE.
 */
import { parseArgs } from 'node:util'
import fs from 'node:fs'
import path from 'node:path'
import { useScratchDatabase } from '../bench/lib/scratch-db.ts'
import { chunked } from '#app/utils/chunked.ts'
import {
	ACCOUNT_KINDS,
	ARCHETYPES,
	CALIBRATION_SEEDS,
	DEFAULT_END,
	DEFAULT_SEED,
	EVALUATION_SEEDS,
	generatePopulation,
	type Catalogue,
	type Population,
	type Segment,
} from './lib/population.ts'

const { values } = parseArgs({
	options: {
		accounts: { type: 'string', default: '300' },
		days: { type: 'string', default: '60' },
		seed: { type: 'string' },
		seeds: { type: 'string' },
		calibration: { type: 'boolean', default: false },
		evaluation: { type: 'boolean', default: false },
		config: { type: 'string' },
		defaults: { type: 'boolean', default: false },
		dump: { type: 'string' },
	},
})
const ACCOUNTS = positiveInt(values.accounts, 'accounts')
const DAYS = positiveInt(values.days, 'days')
const SEEDS: number[] = values.calibration
	? [...CALIBRATION_SEEDS]
	: values.evaluation
		? [...EVALUATION_SEEDS]
		: values.seeds
			? values.seeds.split(',').map((s) => positiveInt(s.trim(), 'seeds'))
			: [values.seed !== undefined ? positiveInt(values.seed, 'seed') : DEFAULT_SEED]
const calibrating = SEEDS.some((s) => (CALIBRATION_SEEDS as readonly number[]).includes(s))

const dbFile = useScratchDatabase('simulate')
const { prisma } = await import('#app/utils/db.server.ts')
const { recordEvents } = await import('#app/domain/engagement/record.server.ts')
const { recomputeAll } = await import('#app/domain/scoring/recompute.server.ts')
const { applyScoreChanges, collectAccountFacts } = await import('#app/domain/playbooks/apply.server.ts')
const { parseScoringConfig } = await import('#app/domain/scoring/config.ts')
type EventInput = Parameters<typeof recordEvents>[1][number]

// Without a flag the recompute uses the portal's running config, as `scores:recompute` does.
const config = values.config ? parseScoringConfig(JSON.parse(fs.readFileSync(values.config, 'utf8'))) : values.defaults ? parseScoringConfig({}) : undefined
console.log(`Scoring with ${values.config ? `the defaults plus ${values.config}` : values.defaults ? 'the documented defaults' : "the portal's running config"}`)
console.log(`${ACCOUNTS} accounts, ${DAYS} days, seed${SEEDS.length > 1 ? 's' : ''} ${SEEDS.join(', ')} (${calibrating ? 'CALIBRATION seeds: tune on these, do not report them' : 'evaluation seeds'})`)

const STATUSES = ['HIGH_PERFORMER', 'UNTRAINED', 'UNMOTIVATED', 'NEED_TO_EXIT', 'NOT_ENOUGH_EVIDENCE'] as const
type Status = (typeof STATUSES)[number]
const SHORT: Record<Status, string> = { HIGH_PERFORMER: 'HighPerf', UNTRAINED: 'Untrained', UNMOTIVATED: 'Unmotiv', NEED_TO_EXIT: 'NeedExit', NOT_ENOUGH_EVIDENCE: 'NotEnough' }

type Pair = { truth: Segment; scored: Status; group: string; margin: number }
const userPairs: Pair[] = []
const accountPairs: Pair[] = []
const seedAccuracy: Array<{ seed: number; accounts: number; users: number }> = []
const accountTruthById = new Map<string, Segment>()
function truthOf(accountId: string) {
	return accountTruthById.get(accountId)
}

const tasks = { rootCause: 0, rootCauseAccounts: new Set<string>(), exitReview: 0, exitReviewAccounts: new Set<string>() }

await loadCatalogue(generatePopulation({ accounts: 1, days: DAYS, seed: SEEDS[0]!, end: DEFAULT_END }).catalogue)
let last: Population | undefined
for (const seed of SEEDS) {
	const t0 = performance.now()
	const pop = generatePopulation({ accounts: ACCOUNTS, days: DAYS, seed, end: DEFAULT_END })
	const t1 = performance.now()
	// Each seed scores on its own: the previous seed's accounts go (users, events, usage, scores and tasks cascade).
	await prisma.account.deleteMany({})
	const loaded = await load(pop)
	const t2 = performance.now()
	const collected = collectAccountFacts(pop.end)
	const report = await recomputeAll({ now: pop.end, ...(config ? { config } : {}), onUserEvents: collected.onUserEvents })
	const applied = await applyScoreChanges(report.changes, pop.end, { facts: collected.facts })
	const t3 = performance.now()
	console.log(
		`Seed ${seed}: ${pop.accounts.length} accounts, ${pop.users.length} users, ${loaded.events} events, ${loaded.usage} usage rows; ` +
			`generated in ${ms(t1 - t0)}, loaded in ${ms(t2 - t1)} (events ${ms(loaded.eventsMs)}, usage ${ms(loaded.usageMs)}), scored in ${ms(t3 - t2)} (${applied.tasksCreated} tasks raised); ` +
			`will line ${report.willLine ? `${report.willLine.line} (${report.willLine.source}, ${report.willLine.accounts} accounts)` : 'none'}`,
	)
	const before = { users: userPairs.length, accounts: accountPairs.length }
	await compare(pop)
	seedAccuracy.push({ seed, accounts: accuracy(accountPairs.slice(before.accounts)), users: accuracy(userPairs.slice(before.users)) })
	last = pop
}

printMatrix('Users', userPairs)
printMatrix('Accounts (truth: mean skill of the people who use the product, mean end-of-period will of every seat)', accountPairs)
printGroups('Users by behaviour archetype', userPairs, ARCHETYPES)
printGroups('Accounts by kind', accountPairs, ACCOUNT_KINDS)

console.log('\n## Not enough evidence (counted as wrong)')
console.log(`Users: ${pct(userPairs.filter((p) => p.scored === 'NOT_ENOUGH_EVIDENCE').length, userPairs.length)}; accounts: ${pct(accountPairs.filter((p) => p.scored === 'NOT_ENOUGH_EVIDENCE').length, accountPairs.length)}`)

console.log('\n## Plays raised')
const trulyUnmotivated = accountPairs.filter((p) => p.truth === 'UNMOTIVATED').length
const trulyExit = accountPairs.filter((p) => p.truth === 'NEED_TO_EXIT').length
const unmotivatedWithTask = [...tasks.rootCauseAccounts].filter((id) => truthOf(id) === 'UNMOTIVATED').length
const exitWithTask = [...tasks.exitReviewAccounts].filter((id) => truthOf(id) === 'NEED_TO_EXIT').length
console.log(`Five whys (ROOT_CAUSE_CHECKIN): ${tasks.rootCause} tasks on ${tasks.rootCauseAccounts.size} accounts; ${unmotivatedWithTask} of ${trulyUnmotivated} truly Unmotivated accounts got one`)
console.log(`Exit review (EXIT_REVIEW): ${tasks.exitReview} tasks on ${tasks.exitReviewAccounts.size} accounts; ${exitWithTask} of ${trulyExit} truly Need to Exit accounts got one`)

console.log('\n## Summary')
if (SEEDS.length > 1) {
	for (const s of seedAccuracy) console.log(`Seed ${s.seed}: accounts ${(s.accounts * 100).toFixed(1)}%, users ${(s.users * 100).toFixed(1)}%`)
}
const clear = accountPairs.filter((p) => p.margin >= 0.05)
console.log(`Accounts at least 0.05 from both thresholds (${clear.length} of ${accountPairs.length}): ${pct(clear.filter((p) => p.truth === p.scored).length, clear.length)}`)
const using = userPairs.filter((p) => p.group !== 'idle_seat')
console.log(`Users without the idle seats (${using.length} of ${userPairs.length}): ${pct(using.filter((p) => p.truth === p.scored).length, using.length)}`)
console.log(`User accuracy: ${(mean(seedAccuracy.map((s) => s.users)) * 100).toFixed(1)}%`)
console.log(`Accuracy: ${(mean(seedAccuracy.map((s) => s.accounts)) * 100).toFixed(1)}%${SEEDS.length > 1 ? ` (mean of ${SEEDS.length} seeds)` : ''}`)

if (values.dump && last) {
	const pop = last
	fs.writeFileSync(
		values.dump,
		JSON.stringify({
			databaseUrl: process.env.DATABASE_URL,
			seed: pop.seed,
			start: pop.start,
			end: pop.end,
			accounts: pop.accounts.map((a) => ({ id: a.id, kind: a.kind, timeZone: a.timeZone, usageSource: a.usageSource, ...a.truth })),
			users: pop.users.map((u) => ({ id: u.id, accountId: u.accountId, archetype: u.archetype, skill: u.skill, will: u.will, willStart: u.willStart, segment: u.truth.segment })),
		}),
	)
	console.log(`Latent truth of seed ${pop.seed} written to ${values.dump}; database kept at ${dbFile}`)
}

await prisma.$disconnect()
// Keep the scratch database only when --dump points at it.
if (!values.dump) fs.rmSync(path.dirname(dbFile), { recursive: true, force: true })

// ---- loading ----------------------------------------------------------------------------------

/** Content rows the events name, so scoring can look up a level or a quiz difficulty a row leaves out. */
async function loadCatalogue(catalogue: Catalogue) {
	const now = DEFAULT_END
	await prisma.article.createMany({
		data: catalogue.articles.map((a) => ({
			slug: a.slug,
			title: `Sim article ${a.slug}`,
			summary: 'A simulated article.',
			category: 'simulation',
			audience: 'customers',
			productArea: 'simulation',
			contentUpdatedAt: now,
			sourceHash: a.slug,
			level: a.level,
		})),
	})
	for (const p of catalogue.paths) {
		const row = await prisma.path.create({
			data: { slug: p.slug, title: `Sim path ${p.slug}`, summary: 'A simulated path.', audience: 'customers', level: p.level, estimatedMinutes: 30, certificate: p.certificate, sourceHash: p.slug },
		})
		await prisma.lesson.createMany({
			data: p.lessons.map((l) => ({ pathId: row.id, slug: l.slug, title: l.slug, summary: 'A simulated lesson.', estimatedMinutes: 5, level: l.level, sourceHash: l.slug })),
		})
		await prisma.pathStep.createMany({
			data: [
				...p.lessons.map((l, i) => ({ pathId: row.id, position: i, kind: 'lesson', ref: l.slug, title: l.slug })),
				{ pathId: row.id, position: p.lessons.length, kind: 'quiz', ref: p.quizKey, title: 'Final check' },
			],
		})
		await prisma.quiz.create({
			data: { key: p.quizKey, kind: 'path', pathId: row.id, title: 'Final check', audience: 'customers', definition: quizDefinition(p.quizKey, p.difficulty, p.passMark), sourceHash: p.slug },
		})
	}
	for (const a of catalogue.assessments) {
		const definition = JSON.parse(quizDefinition(a.key, a.difficulty, a.passMark)) as object
		await prisma.quiz.create({
			data: {
				key: a.key,
				kind: 'assessment',
				title: a.key,
				audience: 'customers',
				definition: JSON.stringify({ ...definition, audience: 'customers', recommendations: [{ minScore: 0, maxScore: 100, path: catalogue.paths[0]!.slug }] }),
				sourceHash: a.key,
			},
		})
	}
}

function quizDefinition(id: string, difficulty: number, passMark: number) {
	const questions = [1, 2, 3].map((n) => ({
		id: `q${n}`,
		type: 'single',
		prompt: `Simulated question ${n}?`,
		explanation: 'Simulated.',
		options: [
			{ id: 'a', text: 'A' },
			{ id: 'b', text: 'B' },
		],
		correct: 'a',
	}))
	return JSON.stringify({ id, title: `Sim quiz ${id}`, passMark, difficulty, questions })
}

async function load(pop: Population) {
	await prisma.account.createMany({
		data: pop.accounts.map((a) => {
			const tier = a.arr >= 60_000 ? 1 : a.arr >= 25_000 ? 2 : 3
			return { id: a.id, name: a.name, emailDomain: a.emailDomain, timeZone: a.timeZone, tier, computedTier: tier, arr: a.arr, costToServe: a.costToServe }
		}),
	})
	for (const part of chunked(pop.users, 500)) {
		await prisma.user.createMany({ data: part.map((u) => ({ id: u.id, email: u.email, name: u.name, role: 'CUSTOMER', accountId: u.accountId, createdAt: u.joinedAt })) })
	}
	// Events through the real recording path, in large batches inside transactions.
	const events: EventInput[] = []
	for (const u of pop.users) {
		for (const e of u.events) events.push({ kind: e.kind, userId: u.id, accountId: u.accountId, itemKey: e.itemKey, data: e.data, occurredAt: e.at })
	}
	const tEvents = performance.now()
	let recorded = 0
	for (const batch of chunked(events, 20_000)) {
		recorded += await prisma.$transaction(
			async (tx) => {
				let n = 0
				for (const part of chunked(batch, 2_000)) n += await recordEvents(tx, part)
				return n
			},
			{ timeout: 120_000 },
		)
	}
	const eventsMs = performance.now() - tEvents
	const tUsage = performance.now()
	const userUsage = pop.accounts.flatMap((a) =>
		a.users.flatMap((u) =>
			u.usage.flatMap((d) => {
				const rows = [{ userId: u.id, accountId: a.id, day: d.day, metric: 'active_minutes', value: d.activeMinutes }]
				if (d.featuresAdopted !== undefined) rows.push({ userId: u.id, accountId: a.id, day: d.day, metric: 'features_adopted', value: d.featuresAdopted })
				if (d.featuresAvailable !== undefined) rows.push({ userId: u.id, accountId: a.id, day: d.day, metric: 'features_available', value: d.featuresAvailable })
				return rows
			}),
		),
	)
	for (const part of chunked(userUsage, 5_000)) await prisma.userProductUsage.createMany({ data: part })
	const accountUsage = pop.accounts.flatMap((a) =>
		a.usage.flatMap((d) => {
			const rows = [
				{ accountId: a.id, day: d.day, metric: 'active_users', value: d.activeUsers },
				{ accountId: a.id, day: d.day, metric: 'active_minutes', value: d.activeMinutes },
			]
			if (d.featuresAdopted !== undefined) rows.push({ accountId: a.id, day: d.day, metric: 'features_adopted', value: d.featuresAdopted })
			if (d.featuresAvailable !== undefined) rows.push({ accountId: a.id, day: d.day, metric: 'features_available', value: d.featuresAvailable })
			if (d.seats !== undefined) rows.push({ accountId: a.id, day: d.day, metric: 'seats', value: d.seats })
			return rows
		}),
	)
	for (const part of chunked(accountUsage, 5_000)) await prisma.productUsage.createMany({ data: part })
	return { events: recorded, usage: userUsage.length + accountUsage.length, eventsMs, usageMs: performance.now() - tUsage }
}

// ---- comparison -------------------------------------------------------------------------------

async function compare(pop: Population) {
	const snapshots = await prisma.scoreSnapshot.findMany({ where: { isCurrent: true }, select: { subjectType: true, userId: true, accountId: true, segment: true } })
	const scoredUser = new Map(snapshots.filter((s) => s.subjectType === 'USER').map((s) => [s.userId!, toStatus(s.segment)]))
	const scoredAccount = new Map(snapshots.filter((s) => s.subjectType === 'ACCOUNT').map((s) => [s.accountId!, toStatus(s.segment)]))
	for (const u of pop.users) {
		userPairs.push({ truth: u.truth.segment, scored: scoredUser.get(u.id) ?? 'NOT_ENOUGH_EVIDENCE', group: u.archetype, margin: margin(u.skill, u.will) })
	}
	for (const a of pop.accounts) {
		accountTruthById.set(a.id, a.truth.segment)
		accountPairs.push({ truth: a.truth.segment, scored: scoredAccount.get(a.id) ?? 'NOT_ENOUGH_EVIDENCE', group: a.kind, margin: margin(a.truth.skill, a.truth.will) })
	}
	const raised = await prisma.csmTask.findMany({ where: { kind: { in: ['ROOT_CAUSE_CHECKIN', 'EXIT_REVIEW'] } }, select: { kind: true, accountId: true } })
	for (const t of raised) {
		if (t.kind === 'ROOT_CAUSE_CHECKIN') {
			tasks.rootCause++
			tasks.rootCauseAccounts.add(t.accountId)
		} else {
			tasks.exitReview++
			tasks.exitReviewAccounts.add(t.accountId)
		}
	}
}

function toStatus(segment: string): Status {
	return (STATUSES as readonly string[]).includes(segment) ? (segment as Status) : 'NOT_ENOUGH_EVIDENCE'
}

function margin(skill: number, will: number) {
	return Math.min(Math.abs(skill - 0.5), Math.abs(will - 0.5))
}

// ---- report -----------------------------------------------------------------------------------

function printMatrix(title: string, pairs: Pair[]) {
	const truths = STATUSES.filter((s): s is Segment => s !== 'NOT_ENOUGH_EVIDENCE')
	console.log(`\n## ${title}: rows = latent truth, columns = scored`)
	console.log(`| truth \\ scored | ${STATUSES.map((s) => SHORT[s]).join(' | ')} | recall |`)
	console.log(`| --- | ${STATUSES.map(() => '---').join(' | ')} | --- |`)
	for (const t of truths) {
		const row = pairs.filter((p) => p.truth === t)
		console.log(`| ${SHORT[t]} (${row.length}) | ${STATUSES.map((s) => row.filter((p) => p.scored === s).length).join(' | ')} | ${row.length ? pct(row.filter((p) => p.scored === t).length, row.length) : '-'} |`)
	}
	const decided = pairs.filter((p) => p.scored !== 'NOT_ENOUGH_EVIDENCE')
	const skillRight = decided.filter((p) => highSkill(p.truth) === highSkill(p.scored)).length
	const willRight = decided.filter((p) => highWill(p.truth) === highWill(p.scored)).length
	console.log(`Right: ${pct(pairs.filter((p) => p.truth === p.scored).length, pairs.length)} of ${pairs.length}; of those scored, skill side right ${pct(skillRight, decided.length)}, will side right ${pct(willRight, decided.length)}`)
}

function printGroups(title: string, pairs: Pair[], groups: readonly string[]) {
	console.log(`\n## ${title}`)
	console.log('| group | n | right | not enough evidence | truth mix |')
	console.log('| --- | --- | --- | --- | --- |')
	for (const g of groups) {
		const rows = pairs.filter((p) => p.group === g)
		if (rows.length === 0) continue
		const mix = STATUSES.filter((s) => s !== 'NOT_ENOUGH_EVIDENCE')
			.map((s) => [SHORT[s], rows.filter((p) => p.truth === s).length] as const)
			.filter(([, n]) => n > 0)
			.map(([s, n]) => `${s} ${n}`)
			.join(', ')
		console.log(`| ${g} | ${rows.length} | ${pct(rows.filter((p) => p.truth === p.scored).length, rows.length)} | ${pct(rows.filter((p) => p.scored === 'NOT_ENOUGH_EVIDENCE').length, rows.length)} | ${mix} |`)
	}
}

function highSkill(s: Status) {
	return s === 'HIGH_PERFORMER' || s === 'UNMOTIVATED'
}
function highWill(s: Status) {
	return s === 'HIGH_PERFORMER' || s === 'UNTRAINED'
}
function accuracy(pairs: Pair[]) {
	return pairs.filter((p) => p.truth === p.scored).length / Math.max(1, pairs.length)
}
function mean(xs: number[]) {
	return xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length)
}
function pct(n: number, d: number) {
	return `${((n / Math.max(1, d)) * 100).toFixed(1)}%`
}
function ms(t: number) {
	return `${(t / 1000).toFixed(1)} s`
}
function positiveInt(value: string | undefined, name: string): number {
	const n = Number(value)
	if (!Number.isInteger(n) || n < 1) {
		console.error(`--${name} must be a positive whole number`)
		process.exit(2)
	}
	return n
}
