/**
 * npm run simulate -- --accounts N --days D [--seed S] [--onboarding-days O] [--defaults | --config overrides.json] [--sweep]
 *
 * Builds a population with known latent skill and will in a scratch database, drives D days of
 * behaviour through the real recording path (recordEvents, the signals import), runs the real full
 * recompute, and prints how well the segments recover the latent truth: confusion matrices and
 * accuracy for users and accounts. It scores with the portal's running config unless --defaults
 * (the documented defaults) or --config FILE (the defaults plus the file's overrides) says
 * otherwise. --sweep then rescores the same events with other thresholds and weights (the pure
 * functions, no writes) to show which settings recover the truth best.
 *
 * Behaviour model (see docs/decisions/005-engagement-and-scoring.md):
 * - will decides how often someone shows up (active-day chance 3 % to 75 %), how much they read and
 *   search, and how much voluntary learning they do;
 * - skill decides quiz scores (skill × 100 ± 12), knowledge-check answers and so paths passed, how
 *   often someone tests out of a lesson straight to the quiz, self-assessment scores, and the
 *   features an account adopts;
 * - everyone starts with an onboarding stretch (default a third of the days, at least 14) where
 *   they learn at least moderately, so a skilled but now unmotivated user has shown their skill once.
 */
import { parseArgs } from 'node:util'
import fs from 'node:fs'
import path from 'node:path'
import { useScratchDatabase } from '../bench/lib/scratch-db.ts'

const { values } = parseArgs({
	options: {
		accounts: { type: 'string', default: '200' },
		days: { type: 'string', default: '60' },
		seed: { type: 'string', default: '7' },
		'onboarding-days': { type: 'string' },
		config: { type: 'string' },
		defaults: { type: 'boolean', default: false },
		sweep: { type: 'boolean', default: false },
		dump: { type: 'string' },
	},
})
const ACCOUNTS = positiveInt(values.accounts, 'accounts')
const DAYS = positiveInt(values.days, 'days')
const ONBOARDING =
	values['onboarding-days'] !== undefined ? positiveInt(values['onboarding-days'], 'onboarding-days') : Math.min(DAYS, Math.max(14, Math.round(DAYS / 3)))

const dbFile = useScratchDatabase('simulate')
const { prisma } = await import('#app/utils/db.server.ts')
const { recordEvents } = await import('#app/domain/engagement/record.server.ts')
const { importSignals } = await import('#app/domain/engagement/signals-import.server.ts')
const { recomputeAll } = await import('#app/domain/scoring/recompute.server.ts')
const { loadUserEvents } = await import('#app/domain/scoring/activity.server.ts')
const { parseScoringConfig, eventHorizonDays } = await import('#app/domain/scoring/config.ts')
const { getScoringConfig, SCORING_OVERRIDES } = await import('#app/domain/scoring/settings.server.ts')
const { scoreUser } = await import('#app/domain/scoring/score-user.ts')
const { SEGMENTS, segmentFor } = await import('#app/domain/scoring/segments.ts')
const { seededRandom } = await import('#prisma/demo-accounts.ts')
type Segment = (typeof SEGMENTS)[number]
type EventInput = Parameters<typeof recordEvents>[1][number]

const config = values.config
	? parseScoringConfig(JSON.parse(fs.readFileSync(values.config, 'utf8')))
	: values.defaults
		? parseScoringConfig({})
		: getScoringConfig()
console.log(`Scoring with ${values.config ? `the defaults plus ${values.config}` : values.defaults ? 'the documented defaults' : "the portal's running config"}`)

const rand = seededRandom(Number(values.seed))
const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand())
const clamp01 = (x: number) => Math.min(1, Math.max(0, x))
const DAY = 86_400_000
const end = new Date(Date.UTC(2026, 5, 1, 18))
const start = new Date(end.getTime() - DAYS * DAY)

// ---- population -------------------------------------------------------------------------------
type SimUser = { id: string; accountId: string; skill: number; will: number; enrolled: Map<string, number>; passed: Set<string> }
type SimAccount = { id: string; domain: string; users: SimUser[] }
const PATHS = [
	{ slug: 'sim-basics', level: 'beginner', difficulty: 1, lessons: 4, certificate: false },
	{ slug: 'sim-fundamentals', level: 'beginner', difficulty: 1, lessons: 5, certificate: true },
	{ slug: 'sim-dashboards', level: 'intermediate', difficulty: 2, lessons: 4, certificate: true },
	{ slug: 'sim-governance', level: 'advanced', difficulty: 3, lessons: 4, certificate: true },
]
const ARTICLES = 40
const latent = (x: number) => clamp01(x)

const accounts: SimAccount[] = []
const userRows: Array<{ id: string; email: string; name: string; role: string; accountId: string; createdAt: Date }> = []
for (let a = 0; a < ACCOUNTS; a++) {
	const id = `sim-acct-${a}`
	const domain = `sim${a}.example.com`
	// Account culture: users of one account resemble each other, as teams do.
	const baseSkill = rand()
	const baseWill = rand()
	const account: SimAccount = { id, domain, users: [] }
	const size = 3 + Math.floor(rand() * 6)
	for (let u = 0; u < size; u++) {
		const user: SimUser = {
			id: `sim-user-${a}-${u}`,
			accountId: id,
			skill: latent(baseSkill + normal() * 0.15),
			will: latent(baseWill + normal() * 0.15),
			enrolled: new Map(),
			passed: new Set(),
		}
		account.users.push(user)
		userRows.push({ id: user.id, email: `u${u}@${domain}`, name: `Sim ${a}-${u}`, role: 'CUSTOMER', accountId: id, createdAt: start })
	}
	accounts.push(account)
}
await prisma.account.createMany({
	data: accounts.map((a) => ({ id: a.id, name: `Sim ${a.id}`, emailDomain: a.domain, tier: 3, computedTier: 3, arr: 20_000, costToServe: 5_000 })),
})
for (let i = 0; i < userRows.length; i += 500) await prisma.user.createMany({ data: userRows.slice(i, i + 500) })
const users = accounts.flatMap((a) => a.users)
console.log(`Population: ${accounts.length} accounts, ${users.length} users; ${DAYS} days (${ONBOARDING} onboarding); seed ${values.seed}`)

// ---- behaviour --------------------------------------------------------------------------------
let eventCount = 0
const usage: string[] = []
const t0 = performance.now()
for (let d = 0; d < DAYS; d++) {
	const dayStart = start.getTime() + d * DAY
	const weekend = new Date(dayStart).getUTCDay() % 6 === 0
	const onboarding = d < ONBOARDING
	const batch: EventInput[] = []
	for (const account of accounts) {
		let activeUsers = 0
		let minutes = 0
		for (const user of account.users) {
			const will = onboarding ? Math.max(user.will, 0.6) : user.will
			const chance = (0.03 + 0.72 * will ** 1.3) * (weekend ? 0.3 : 1)
			if (rand() >= chance) continue
			activeUsers++
			minutes += Math.round(10 + 50 * user.skill * rand())
			let clock = dayStart + (8 + Math.floor(rand() * 8)) * 3600_000
			const push = (kind: EventInput['kind'], itemKey?: string, data?: EventInput['data']) => {
				clock += 60_000 + Math.floor(rand() * 600_000)
				batch.push({ kind, userId: user.id, accountId: account.id, itemKey: itemKey ?? null, data, occurredAt: new Date(Math.min(clock, end.getTime())) })
			}
			push('sign_in')
			const reads = Math.floor(rand() * (1 + 3 * will))
			for (let r = 0; r < reads; r++) {
				const article = `article:sim-${Math.floor(rand() * ARTICLES)}`
				push('article_view', article)
				if (rand() < 0.3 + 0.5 * will) push('article_read', article, { seconds: 60 + Math.floor(rand() * 300) })
			}
			if (rand() < 0.2 + 0.3 * will) push('search', undefined, { hits: Math.floor(rand() * 10) })
			if (rand() < 0.1 + 0.2 * will) push('video_play', `video:sim-${Math.floor(rand() * 10)}`)
			if (rand() < (onboarding ? 0.8 : 0.1 + 0.4 * will)) learn(user, push)
			// A self-assessment now and then: skilled people like to prove it.
			if (rand() < 0.03 + 0.07 * user.skill) {
				const score = Math.round(100 * clamp01(user.skill + normal() * 0.12))
				push('quiz_attempt', `assessment:sim-${Math.floor(rand() * 2)}`, { score, difficulty: 2, passed: score >= 50 })
			}
		}
		usage.push(JSON.stringify({ account: account.domain, day: isoDay(dayStart), metric: 'active_users', value: activeUsers }))
		usage.push(JSON.stringify({ account: account.domain, day: isoDay(dayStart), metric: 'active_minutes', value: minutes }))
		if (d % 7 === 6) {
			const adopted = Math.round(10 * clamp01(mean(account.users.map((u) => u.skill)) + normal() * 0.08))
			usage.push(JSON.stringify({ account: account.domain, day: isoDay(dayStart), metric: 'features_adopted', value: adopted }))
			usage.push(JSON.stringify({ account: account.domain, day: isoDay(dayStart), metric: 'features_available', value: 10 }))
		}
	}
	eventCount += await recordEvents(prisma, batch)
	if (d % 10 === 9 || d === DAYS - 1) console.log(`  day ${d + 1}/${DAYS}: ${eventCount} events`)
}
const signals = await importSignals(usage.join('\n'), { format: 'ndjson' })
console.log(`Recorded ${eventCount} events and imported ${signals.created} usage rows in ${Math.round(performance.now() - t0)} ms`)

/** One learning step: the next lesson of a path in progress, or its quiz, or a new path. */
function learn(user: SimUser, push: (kind: EventInput['kind'], itemKey?: string, data?: EventInput['data']) => void) {
	const current = PATHS.find((p) => user.enrolled.has(p.slug) && !user.passed.has(p.slug))
	if (!current) {
		const next = PATHS.find((p) => !user.enrolled.has(p.slug))
		if (!next) return
		user.enrolled.set(next.slug, 0)
		push('path_enrol', `path:${next.slug}`)
		return
	}
	const done = user.enrolled.get(current.slug)!
	// Someone who already knows the material tests out of the rest of the lessons.
	const testsOut = done > 0 && rand() < user.skill * 0.5
	if (done < current.lessons && !testsOut) {
		user.enrolled.set(current.slug, done + 1)
		push('lesson_complete', `lesson:${current.slug}/l${done}`)
		if (rand() < 0.5) push('check_answer', `check:${current.slug}-${done}`, { correct: rand() < 0.15 + 0.8 * user.skill })
		return
	}
	// Harder quizzes need more skill for the same score.
	const score = Math.round(100 * clamp01(user.skill - 0.08 * (current.difficulty - 2) + normal() * 0.12))
	const passed = score >= 70
	push('quiz_attempt', `quiz:${current.slug}/check`, { score, difficulty: current.difficulty, passed })
	if (passed) {
		user.passed.add(current.slug)
		push('path_complete', `path:${current.slug}`, { level: current.level })
		if (current.certificate) push('certificate_issued', `path:${current.slug}`)
	}
}

// ---- scoring and comparison -------------------------------------------------------------------
const t1 = performance.now()
const report = await recomputeAll({ now: end, config })
console.log(`Full recompute: ${report.users} users, ${report.accounts} accounts, ${report.events} events in ${Math.round(performance.now() - t1)} ms`)

const truth = (skill: number, will: number): Segment => segmentFor(skill * 100, will * 100)
const snapshots = await prisma.scoreSnapshot.findMany({ where: { isCurrent: true }, select: { subjectType: true, userId: true, accountId: true, segment: true } })
const predictedUser = new Map(snapshots.filter((s) => s.subjectType === 'USER').map((s) => [s.userId!, s.segment as Segment]))
const predictedAccount = new Map(snapshots.filter((s) => s.subjectType === 'ACCOUNT').map((s) => [s.accountId!, s.segment as Segment]))

const userPairs = users.map((u) => ({ truth: truth(u.skill, u.will), predicted: predictedUser.get(u.id)!, margin: Math.min(Math.abs(u.skill - 0.5), Math.abs(u.will - 0.5)) }))
const accountPairs = accounts.map((a) => ({
	truth: truth(mean(a.users.map((u) => u.skill)), mean(a.users.map((u) => u.will))),
	predicted: predictedAccount.get(a.id)!,
	margin: Math.min(Math.abs(mean(a.users.map((u) => u.skill)) - 0.5), Math.abs(mean(a.users.map((u) => u.will)) - 0.5)),
}))
printMatrix('Users', userPairs)
printMatrix('Accounts (truth: the mean latent skill and will of their users)', accountPairs)
const skillOk = users.filter((u) => (u.skill >= 0.5) === isHighSkill(predictedUser.get(u.id)!)).length
const willOk = users.filter((u) => (u.will >= 0.5) === isHighWill(predictedUser.get(u.id)!)).length
console.log(`\nUsers: skill side right for ${pct(skillOk, users.length)}, will side right for ${pct(willOk, users.length)}`)
const clear = userPairs.filter((p) => p.margin >= 0.1)
console.log(`Users at least 0.1 from both thresholds (${clear.length}): accuracy ${pct(clear.filter((p) => p.truth === p.predicted).length, clear.length)}`)

if (values.sweep) await sweep()
if (values.dump) {
	fs.writeFileSync(values.dump, JSON.stringify({ databaseUrl: process.env.DATABASE_URL, end, start, users: users.map((u) => ({ id: u.id, accountId: u.accountId, skill: u.skill, will: u.will })) }))
	console.log(`Latent truth and database written to ${values.dump}`)
}

await prisma.$disconnect()
// Keep the scratch database only when --dump points at it.
if (!values.dump) fs.rmSync(path.dirname(dbFile), { recursive: true, force: true })

async function sweep() {
	console.log('\n## Sweep (pure scoring of the same events; user accuracy)')
	const since = new Date(end.getTime() - eventHorizonDays(config) * DAY)
	const events = await loadUserEvents(users.map((u) => u.id), since)
	const candidates: Array<{ label: string; overrides: object }> = [{ label: 'running config', overrides: SCORING_OVERRIDES }]
	for (const skillThreshold of [35, 40, 45, 50, 55]) {
		for (const willThreshold of [35, 40, 45, 50, 55]) {
			candidates.push({ label: `thresholds skill ${skillThreshold} will ${willThreshold}`, overrides: { segments: { skillThreshold, willThreshold } } })
		}
	}
	candidates.push({ label: 'quiz evidence for full 2', overrides: { skill: { quizEvidenceForFull: 2 } } })
	candidates.push({ label: 'content depth weight 0.05', overrides: { skill: { weights: { contentDepth: 0.05 } } } })
	candidates.push({ label: 'active days for full 15', overrides: { will: { activeDaysForFull: 15 } } })
	candidates.push({ label: 'will: active days 0.4, voluntary 0.05', overrides: { will: { weights: { activeDays: 0.4, voluntary: 0.05 } } } })
	const rows = candidates.map(({ label, overrides }) => {
		const c = parseScoringConfig(overrides)
		let right = 0
		for (const user of users) {
			const score = scoreUser({ now: end, events: events.get(user.id) ?? [], since: start }, c)
			if (score.segment === truth(user.skill, user.will)) right++
		}
		return { label, accuracy: right / users.length }
	})
	rows.sort((a, b) => b.accuracy - a.accuracy)
	for (const row of rows.slice(0, 12)) console.log(`  ${(row.accuracy * 100).toFixed(1)}%  ${row.label}`)
	const running = rows.find((r) => r.label === 'running config')!
	console.log(`  (running config: ${(running.accuracy * 100).toFixed(1)}%)`)
}

function printMatrix(title: string, pairs: Array<{ truth: Segment; predicted: Segment }>) {
	const short: Record<Segment, string> = { HIGH_PERFORMER: 'HighPerf', UNTRAINED: 'Untrained', UNMOTIVATED: 'Unmotiv', NEED_TO_EXIT: 'NeedExit' }
	console.log(`\n## ${title}: rows = latent truth, columns = scored segment`)
	console.log(`| truth \\ scored | ${SEGMENTS.map((s) => short[s]).join(' | ')} | recall |`)
	console.log(`| --- | ${SEGMENTS.map(() => '---').join(' | ')} | --- |`)
	for (const t of SEGMENTS) {
		const row = pairs.filter((p) => p.truth === t)
		console.log(`| ${short[t]} (${row.length}) | ${SEGMENTS.map((s) => row.filter((p) => p.predicted === s).length).join(' | ')} | ${row.length ? pct(row.filter((p) => p.predicted === t).length, row.length) : '—'} |`)
	}
	const right = pairs.filter((p) => p.truth === p.predicted).length
	console.log(`Accuracy: ${pct(right, pairs.length)} (${right} of ${pairs.length})`)
}

function isHighSkill(s: Segment) {
	return s === 'HIGH_PERFORMER' || s === 'UNMOTIVATED'
}
function isHighWill(s: Segment) {
	return s === 'HIGH_PERFORMER' || s === 'UNTRAINED'
}
function mean(xs: number[]) {
	return xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length)
}
function pct(n: number, d: number) {
	return `${((n / Math.max(1, d)) * 100).toFixed(1)}%`
}
function isoDay(ms: number) {
	return new Date(ms).toISOString().slice(0, 10)
}
function positiveInt(value: string | undefined, name: string): number {
	const n = Number(value)
	if (!Number.isInteger(n) || n < 1) {
		console.error(`--${name} must be a positive whole number`)
		process.exit(2)
	}
	return n
}
