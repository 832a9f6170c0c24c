/**
 * A third, independent synthetic customer population ("field" model): a held-out cross-check for
 * the skill/will scoring, written without looking at the scoring or at the other two generators'
 * behaviour models. Pure (no I/O, no clock), seeded with its own generator: same options, same
 * population. It fills the same `Population` shape as `generatePopulation` in population.ts.
 *
 *   import { generateFieldPopulation } from './lib/population-field.ts'
 *   const pop = generateFieldPopulation({ accounts: 300, days: 60, seed: 1 })
 *
 * How these customers behave (the modelling choices, deliberately not a logistic score model):
 * - Accounts are drawn around a company-level centre of skill and will (a mixture over the four
 *   quadrants, distance from the midpoint Beta-distributed, so truths spread over the whole scale).
 *   The account's story (kind) shapes who its people are: champions with shelfware seats, fading
 *   sponsors, ramping new customers, disengaged experts, eager newcomers, or a mix.
 * - Will is a path, not a number: a Brownian bridge in logit space from `willStart` to `will`
 *   (the end value), with a logistic change point for fading people and late starters.
 * - Portal visits are a discrete-time self-exciting (Hawkes-like) Poisson process: a base rate that
 *   grows convexly with the day's will, personal weekday habits, weekends, public holidays of the
 *   account's region and personal vacations, plus excitation from the previous days' visits
 *   (bursty people are mostly excitation).
 * - Inside a visit people sign in (sometimes), search, read articles at a level chosen from their
 *   skill plus noise, follow a path lesson by lesson (with in-lesson check questions), and take the
 *   path quiz once the lessons are done. Quiz scores are Beta-binomial: the number of questions
 *   right out of the quiz's length, with the success rate drawn from a Beta whose mean is a
 *   normal-ogive of (skill - the difficulty's threshold), above a guessing floor, and lowered by
 *   rushing when the quiz is assigned and the person does not care. About a third of people never
 *   take a quiz voluntarily, whatever their skill.
 * - Some accounts assign a path (data.voluntary = false) with a deadline: compliant people do it in
 *   extra sessions before the deadline, however low their will.
 * - Product usage is job-driven: a daily Bernoulli with a per-person reliance, lifted by will;
 *   minutes log-normal; features adopted are the account's features whose difficulty (plus a
 *   personal offset) sits below the person's reach, which grows with skill and a little with will.
 */
import { type EventData, type EventKind } from '#app/domain/engagement/event-kinds.ts'
import {
	DEFAULT_END,
	segmentOf,
	type AccountKind,
	type AccountUsageDay,
	type Archetype,
	type Catalogue,
	type CataloguePath,
	type Level,
	type Population,
	type SimAccount,
	type SimEvent,
	type SimUser,
	type UserUsageDay,
} from './population.ts'

export type FieldPopulationOptions = { accounts: number; days: number; seed: number; end?: Date }

const DAY = 86_400_000
const MINUTE = 60_000
const LEVELS: Level[] = ['beginner', 'intermediate', 'advanced']

// ---- random numbers: sfc32 seeded through a string hash (own generator, independent streams) ----

type Rng = {
	next(): number
	int(lo: number, hi: number): number
	chance(p: number): boolean
	normal(mu?: number, sd?: number): number
	beta(a: number, b: number): number
	gamma(shape: number): number
	poisson(lambda: number): number
	binomial(n: number, p: number): number
	pick<T>(items: readonly T[]): T
	weighted<T extends string>(weights: Partial<Record<T, number>>): T
}

function hashString(text: string): [number, number, number, number] {
	let h1 = 1779033703
	let h2 = 3144134277
	let h3 = 1013904242
	let h4 = 2773480762
	for (let i = 0; i < text.length; i++) {
		const k = text.charCodeAt(i)
		h1 = h2 ^ Math.imul(h1 ^ k, 597399067)
		h2 = h3 ^ Math.imul(h2 ^ k, 2869860233)
		h3 = h4 ^ Math.imul(h3 ^ k, 951274213)
		h4 = h1 ^ Math.imul(h4 ^ k, 2716044179)
	}
	h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067)
	h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233)
	h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213)
	h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179)
	return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0]
}

function makeRng(key: string): Rng {
	let [a, b, c, d] = hashString(key)
	const raw = () => {
		a >>>= 0
		b >>>= 0
		c >>>= 0
		d >>>= 0
		let t = (a + b) | 0
		a = b ^ (b >>> 9)
		b = (c + (c << 3)) | 0
		c = (c << 21) | (c >>> 11)
		d = (d + 1) | 0
		t = (t + d) | 0
		c = (c + t) | 0
		return (t >>> 0) / 4294967296
	}
	for (let i = 0; i < 12; i++) raw()
	let spare: number | null = null
	const rng: Rng = {
		next: raw,
		int: (lo, hi) => lo + Math.floor(raw() * (hi - lo + 1)),
		chance: (p) => raw() < p,
		normal(mu = 0, sd = 1) {
			if (spare !== null) {
				const z = spare
				spare = null
				return mu + sd * z
			}
			let u = 0
			while (u === 0) u = raw()
			const v = raw()
			const r = Math.sqrt(-2 * Math.log(u))
			spare = r * Math.sin(2 * Math.PI * v)
			return mu + sd * r * Math.cos(2 * Math.PI * v)
		},
		gamma(shape) {
			if (shape < 1) return rng.gamma(shape + 1) * Math.pow(raw() || 1e-12, 1 / shape)
			const d3 = shape - 1 / 3
			const c3 = 1 / Math.sqrt(9 * d3)
			for (;;) {
				const x = rng.normal()
				const v = Math.pow(1 + c3 * x, 3)
				if (v <= 0) continue
				const u = raw()
				if (Math.log(u || 1e-12) < 0.5 * x * x + d3 - d3 * v + d3 * Math.log(v)) return d3 * v
			}
		},
		beta(a2, b2) {
			const x = rng.gamma(a2)
			const y = rng.gamma(b2)
			return x / (x + y)
		},
		poisson(lambda) {
			if (lambda <= 0) return 0
			const limit = Math.exp(-lambda)
			let k = 0
			let p = raw()
			while (p > limit) {
				k++
				p *= raw()
			}
			return k
		},
		binomial(n, p) {
			let k = 0
			for (let i = 0; i < n; i++) if (raw() < p) k++
			return k
		},
		pick: (items) => items[Math.floor(raw() * items.length)],
		weighted<T extends string>(weights: Partial<Record<T, number>>): T {
			const entries = Object.entries(weights) as Array<[T, number]>
			const total = entries.reduce((s, [, w]) => s + w, 0)
			let r = raw() * total
			for (const [k, w] of entries) {
				r -= w
				if (r < 0) return k
			}
			return entries[entries.length - 1][0]
		},
	}
	return rng
}

const clamp = (x: number, lo = 0, hi = 1) => Math.min(hi, Math.max(lo, x))
const logit = (p: number) => Math.log(clamp(p, 1e-4, 1 - 1e-4) / (1 - clamp(p, 1e-4, 1 - 1e-4)))
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x))
const round3 = (x: number) => Math.round(x * 1000) / 1000
const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0)

/** Standard normal CDF (Abramowitz-Stegun 7.1.26 on erf). */
function phi(z: number) {
	const x = Math.abs(z) / Math.SQRT2
	const t = 1 / (1 + 0.3275911 * x)
	const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x)
	return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf)
}

// ---- the catalogue: this model's own content ----------------------------------------------------

const PATH_SPECS: Array<[slug: string, level: Level, difficulty: 1 | 2 | 3, certificate: boolean, lessons: number, passMark: number, questions: number]> = [
	['field-first-steps', 'beginner', 1, false, 4, 60, 6],
	['field-workspace-basics', 'beginner', 1, true, 5, 70, 8],
	['field-reports-101', 'beginner', 2, false, 3, 65, 6],
	['field-data-imports', 'intermediate', 2, true, 5, 70, 10],
	['field-automation-rules', 'intermediate', 2, false, 4, 75, 8],
	['field-dashboards-in-depth', 'intermediate', 3, true, 6, 70, 10],
	['field-admin-and-permissions', 'intermediate', 2, true, 4, 80, 10],
	['field-api-integrations', 'advanced', 3, true, 6, 75, 12],
	['field-advanced-modelling', 'advanced', 3, true, 5, 80, 12],
	['field-scaling-governance', 'advanced', 2, false, 4, 70, 8],
]
const QUESTIONS = new Map(PATH_SPECS.map((p) => [p.at(0) as string, p[6]]))
const ARTICLE_TOPICS: Record<Level, string[]> = {
	beginner: ['logging-in', 'your-first-project', 'inviting-teammates', 'navigation-tour', 'notifications', 'exporting-a-csv', 'filters-basics', 'glossary', 'mobile-app', 'profile-settings', 'sharing-a-view', 'keyboard-shortcuts'],
	intermediate: ['custom-fields', 'scheduled-reports', 'bulk-edits', 'sso-setup', 'workflow-templates', 'calculated-columns', 'audit-log', 'import-mapping', 'alerts-and-thresholds', 'role-design'],
	advanced: ['webhook-retries', 'api-rate-limits', 'query-performance', 'data-residency', 'sandbox-promotion', 'multi-region-rollout', 'event-streaming', 'custom-connectors'],
}
const ASSESSMENT_SPECS: Array<[key: string, difficulty: 1 | 2 | 3, passMark: number, questions: number]> = [
	['field-readiness-check', 1, 60, 10],
	['field-power-user-check', 2, 70, 15],
	['field-architect-check', 3, 75, 20],
]
const SEARCH_TERMS = ['export', 'sso', 'api key', 'invite user', 'dashboard', 'permissions', 'webhook', 'import csv', 'report schedule', 'reset password', 'formula', 'audit', 'billing', 'integrations', 'rate limit', 'custom field']

function buildCatalogue(): Catalogue {
	const articles = LEVELS.flatMap((level) => ARTICLE_TOPICS[level].map((t) => ({ slug: `field-${t}`, level })))
	const paths: CataloguePath[] = PATH_SPECS.map(([slug, level, difficulty, certificate, lessons, passMark]) => ({
		slug,
		level,
		difficulty,
		certificate,
		// A path's lessons climb: the last ones can sit a level above the path.
		lessons: Array.from({ length: lessons }, (_, i) => {
			const bump = level !== 'advanced' && i >= lessons - 1 && difficulty >= 2 ? 1 : 0
			return { slug: `lesson-${i + 1}`, level: LEVELS[LEVELS.indexOf(level) + bump] }
		}),
		quizKey: 'final-check',
		passMark,
	}))
	const assessments = ASSESSMENT_SPECS.map(([key, difficulty, passMark]) => ({ key, difficulty, passMark }))
	return { articles, paths, assessments }
}

// ---- time: local calendar days of an IANA zone, holidays -----------------------------------------

const formatters = new Map<string, Intl.DateTimeFormat>()
function wallClock(zone: string, utcMs: number) {
	let f = formatters.get(zone)
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
		formatters.set(zone, f)
	}
	const parts: Record<string, number> = {}
	for (const p of f.formatToParts(new Date(utcMs))) if (p.type !== 'literal') parts[p.type] = Number(p.value)
	return { y: parts.year, m: parts.month - 1, d: parts.day, h: parts.hour % 24, mi: parts.minute, s: parts.second }
}
function offsetMs(zone: string, utcMs: number) {
	const w = wallClock(zone, utcMs)
	return Date.UTC(w.y, w.m, w.d, w.h, w.mi, w.s) - Math.floor(utcMs / 1000) * 1000
}

type LocalDay = { key: string; y: number; m: number; d: number; weekday: number; holiday: boolean; midnightUtc: number; offset: number; t: number }

const ymd = (y: number, m: number, d: number) => `${y}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`

function easterSunday(y: number): [number, number] {
	const a = y % 19
	const b = Math.floor(y / 100)
	const c = y % 100
	const d = Math.floor(b / 4)
	const e = b % 4
	const f = Math.floor((b + 8) / 25)
	const g = Math.floor((b - f + 1) / 3)
	const h = (19 * a + b - d - g + 15) % 30
	const i = Math.floor(c / 4)
	const k = c % 4
	const l = (32 + 2 * e + 2 * i - h - k) % 7
	const m = Math.floor((a + 11 * h + 22 * l) / 451)
	const month = Math.floor((h + l - 7 * m + 114) / 31)
	const day = ((h + l - 7 * m + 114) % 31) + 1
	return [month - 1, day]
}
function nthWeekday(y: number, m: number, weekday: number, n: number) {
	if (n > 0) {
		const first = new Date(Date.UTC(y, m, 1)).getUTCDay()
		return 1 + ((weekday - first + 7) % 7) + (n - 1) * 7
	}
	const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate()
	const lastWd = new Date(Date.UTC(y, m, lastDay)).getUTCDay()
	return lastDay - ((lastWd - weekday + 7) % 7)
}

type Region = 'us' | 'europe' | 'uk' | 'apac' | 'latam' | 'india'
function holidays(region: Region, y: number): Set<string> {
	const set = new Set<string>([ymd(y, 0, 1), ymd(y, 11, 25)])
	const [em, ed] = easterSunday(y)
	const easter = Date.UTC(y, em, ed)
	const shifted = (days: number) => {
		const dt = new Date(easter + days * DAY)
		return ymd(dt.getUTCFullYear(), dt.getUTCMonth(), dt.getUTCDate())
	}
	if (region === 'us') {
		set.add(ymd(y, 0, nthWeekday(y, 0, 1, 3)))
		set.add(ymd(y, 4, nthWeekday(y, 4, 1, -1)))
		set.add(ymd(y, 6, 4))
		set.add(ymd(y, 8, nthWeekday(y, 8, 1, 1)))
		const thanks = nthWeekday(y, 10, 4, 4)
		set.add(ymd(y, 10, thanks))
		set.add(ymd(y, 10, thanks + 1))
	}
	if (region === 'europe' || region === 'uk') {
		set.add(shifted(-2))
		set.add(shifted(1))
		set.add(ymd(y, 11, 26))
		if (region === 'europe') {
			set.add(ymd(y, 4, 1))
			set.add(shifted(39))
			set.add(shifted(50))
		} else {
			set.add(ymd(y, 4, nthWeekday(y, 4, 1, 1)))
			set.add(ymd(y, 4, nthWeekday(y, 4, 1, -1)))
			set.add(ymd(y, 7, nthWeekday(y, 7, 1, -1)))
		}
	}
	if (region === 'latam') {
		set.add(shifted(-2))
		set.add(ymd(y, 4, 1))
		set.add(shifted(-47))
		set.add(shifted(-48))
	}
	if (region === 'india') {
		set.add(ymd(y, 0, 26))
		set.add(ymd(y, 7, 15))
		set.add(ymd(y, 9, 2))
	}
	if (region === 'apac') {
		set.add(shifted(-2))
		set.add(shifted(1))
		set.add(ymd(y, 3, 25))
		set.add(ymd(y, 0, 2))
	}
	return set
}

const ZONES: Array<[zone: string, region: Region, weight: number]> = [
	['America/New_York', 'us', 16],
	['America/Chicago', 'us', 9],
	['America/Denver', 'us', 3],
	['America/Los_Angeles', 'us', 10],
	['America/Toronto', 'us', 4],
	['America/Sao_Paulo', 'latam', 4],
	['America/Mexico_City', 'latam', 2],
	['Europe/London', 'uk', 10],
	['Europe/Dublin', 'uk', 2],
	['Europe/Berlin', 'europe', 8],
	['Europe/Paris', 'europe', 6],
	['Europe/Amsterdam', 'europe', 4],
	['Europe/Madrid', 'europe', 3],
	['Europe/Stockholm', 'europe', 2],
	['Asia/Kolkata', 'india', 5],
	['Asia/Singapore', 'apac', 4],
	['Asia/Tokyo', 'apac', 3],
	['Australia/Sydney', 'apac', 4],
	['Pacific/Auckland', 'apac', 1],
]

const calendars = new Map<string, LocalDay[]>()
/** The account's local calendar days overlapping the period (memoised: read-only, same for every account in a zone). */
function localDays(zone: string, region: Region, startMs: number, endMs: number): LocalDay[] {
	const cacheKey = `${zone}|${startMs}|${endMs}`
	const cached = calendars.get(cacheKey)
	if (cached) return cached
	const first = wallClock(zone, startMs)
	const last = wallClock(zone, endMs)
	const days: LocalDay[] = []
	const hol = new Map<number, Set<string>>()
	for (let u = Date.UTC(first.y, first.m, first.d); u <= Date.UTC(last.y, last.m, last.d); u += DAY) {
		const dt = new Date(u)
		const y = dt.getUTCFullYear()
		const m = dt.getUTCMonth()
		const d = dt.getUTCDate()
		if (!hol.has(y)) hol.set(y, holidays(region, y))
		const noonGuess = u + 12 * 3_600_000
		const offset = offsetMs(zone, noonGuess - offsetMs(zone, noonGuess))
		const key = ymd(y, m, d)
		days.push({ key, y, m, d, weekday: dt.getUTCDay(), holiday: hol.get(y)!.has(key), midnightUtc: u - offset, offset, t: clamp((u - offset + DAY / 2 - startMs) / (endMs - startMs)) })
	}
	if (calendars.size > 500) calendars.clear()
	calendars.set(cacheKey, days)
	return days
}

// ---- people ------------------------------------------------------------------------------------

const FIRST = ['ada', 'ben', 'chen', 'dana', 'eli', 'fatima', 'gus', 'hana', 'ivan', 'jade', 'kofi', 'lena', 'marco', 'nia', 'omar', 'priya', 'quinn', 'rosa', 'sven', 'tara', 'umar', 'vera', 'wes', 'xin', 'yara', 'zane', 'aiko', 'bruno', 'carla', 'dev']
const LAST = ['adams', 'baker', 'costa', 'dubois', 'eriksen', 'fischer', 'garcia', 'hughes', 'ito', 'jensen', 'khan', 'lopez', 'moreau', 'novak', 'okafor', 'patel', 'quist', 'rossi', 'silva', 'tanaka', 'ueda', 'varga', 'weber', 'young', 'zhang']
const COMPANY_A = ['north', 'blue', 'iron', 'silver', 'maple', 'harbor', 'summit', 'cedar', 'bright', 'river', 'stone', 'lark', 'oak', 'pine', 'delta', 'nova']
const COMPANY_B = ['works', 'labs', 'logistics', 'health', 'retail', 'systems', 'foods', 'finance', 'media', 'energy', 'build', 'travel']
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

type Quadrant = 'HIGH_PERFORMER' | 'UNTRAINED' | 'UNMOTIVATED' | 'NEED_TO_EXIT'
const QUADRANT_SHARES: Record<Quadrant, number> = { HIGH_PERFORMER: 0.26, UNTRAINED: 0.3, UNMOTIVATED: 0.2, NEED_TO_EXIT: 0.24 }
const KIND_BY_QUADRANT: Record<Quadrant, Partial<Record<AccountKind, number>>> = {
	HIGH_PERFORMER: { mixed: 0.55, champions: 0.3, ramping: 0.15 },
	UNTRAINED: { mixed: 0.4, eager_newcomers: 0.35, ramping: 0.25 },
	UNMOTIVATED: { disengaged_experts: 0.5, fading: 0.3, mixed: 0.2 },
	NEED_TO_EXIT: { mixed: 0.55, fading: 0.35, champions: 0.1 },
}
const ARCHETYPES_BY_KIND: Record<AccountKind, Partial<Record<Archetype, number>>> = {
	mixed: { steady: 0.46, reader: 0.16, bursty: 0.12, dormant_expert: 0.08, fading: 0.08, late_starter: 0.06, idle_seat: 0.04 },
	champions: { steady: 0.4, reader: 0.15, bursty: 0.1, idle_seat: 0.35 },
	disengaged_experts: { dormant_expert: 0.5, steady: 0.2, reader: 0.15, fading: 0.1, idle_seat: 0.05 },
	fading: { fading: 0.6, steady: 0.2, bursty: 0.1, idle_seat: 0.1 },
	ramping: { late_starter: 0.6, steady: 0.3, reader: 0.1 },
	eager_newcomers: { steady: 0.55, reader: 0.2, bursty: 0.15, late_starter: 0.1 },
}

/** How far from the midpoint a centre sits: mostly moderate, sometimes extreme. */
const spread = (rng: Rng) => 0.03 + 0.44 * rng.beta(1.5, 2.3)

type Traits = {
	skill: number
	willStart: number
	will: number
	path: number[]
	regularity: number[]
	excitation: number
	baseScale: number
	learner: number
	quizShy: boolean
	reliance: number
	featureOffset: number[]
	vacation: [number, number] | null
	eveningOwl: number
	joinedAt: number
}

function willPath(rng: Rng, n: number, start: number, end: number, shape: 'bridge' | 'fade' | 'rise', vol: number): number[] {
	const a = logit(start)
	const b = logit(end)
	const centre = 0.2 + 0.6 * rng.next()
	const width = 0.03 + 0.1 * rng.next()
	const g0 = sigmoid((0 - centre) / width)
	const g1 = sigmoid((1 - centre) / width)
	const walk = [0]
	for (let i = 1; i < n; i++) walk.push(walk[i - 1] + rng.normal(0, vol / Math.sqrt(Math.max(1, n - 1))))
	const last = walk[n - 1]
	return walk.map((w, i) => {
		const t = n === 1 ? 1 : i / (n - 1)
		const base = shape === 'bridge' ? a + (b - a) * t : a + ((b - a) * (sigmoid((t - centre) / width) - g0)) / (g1 - g0)
		return sigmoid(base + w - t * last)
	})
}

// ---- the generator -------------------------------------------------------------------------------

export function generateFieldPopulation(options: FieldPopulationOptions): Population {
	const end = options.end ?? DEFAULT_END
	const endMs = end.getTime()
	const startMs = endMs - options.days * DAY
	const catalogue = buildCatalogue()
	const accounts: SimAccount[] = []
	for (let i = 0; i < options.accounts; i++) accounts.push(generateAccount(options.seed, i, startMs, endMs, options.days, catalogue))
	return { seed: options.seed, days: options.days, start: new Date(startMs), end: new Date(endMs), accounts, users: accounts.flatMap((a) => a.users), catalogue }
}

function generateAccount(seed: number, index: number, startMs: number, endMs: number, days: number, catalogue: Catalogue): SimAccount {
	const rng = makeRng(`field:${seed}:account:${index}`)
	const quadrant = rng.weighted(QUADRANT_SHARES)
	const kind = rng.weighted(KIND_BY_QUADRANT[quadrant])
	const highSkill = quadrant === 'HIGH_PERFORMER' || quadrant === 'UNMOTIVATED'
	const highWill = quadrant === 'HIGH_PERFORMER' || quadrant === 'UNTRAINED'
	const skillCentre = 0.5 + (highSkill ? 1 : -1) * spread(rng)
	const willCentre = 0.5 + (highWill ? 1 : -1) * spread(rng)

	const [zone, region] = (() => {
		const total = ZONES.reduce((s, z) => s + z[2], 0)
		let r = rng.next() * total
		for (const z of ZONES) if ((r -= z[2]) < 0) return [z[0], z[1]] as const
		return [ZONES[0][0], ZONES[0][1]] as const
	})()
	const calendar = localDays(zone, region, startMs, endMs)
	const n = calendar.length

	// Heavy-tailed team size: most long-tail customers have a handful of people.
	const userCount = clamp(Math.round(Math.exp(rng.normal(kind === 'champions' ? 1.9 : 1.3, 0.75))), kind === 'champions' ? 3 : 1, 45)
	const seats = userCount + Math.round(userCount * rng.beta(1.2, 4) * 0.8) + (rng.chance(0.3) ? rng.int(1, 5) : 0)
	const domain = `${rng.pick(COMPANY_A)}${rng.pick(COMPANY_B)}-f${index}.example.com`
	const name = domain.split('.')[0].split('-')[0]
	const accountId = `field-${seed}-acc-${index}`
	const sourceRoll = rng.next()
	const usageSource: SimAccount['usageSource'] =
		sourceRoll < 0.2 + Math.min(0.3, userCount * 0.02) ? 'user' : sourceRoll < (userCount <= 2 ? 0.62 : 0.8) ? 'account' : 'none'
	const featuresAvailable = rng.pick([8, 10, 12, 16, 20])
	const featureDifficulty = Array.from({ length: featuresAvailable }, (_, f) => clamp((f + 0.5) / featuresAvailable + rng.normal(0, 0.06), 0.02, 0.98))
	const assigned = rng.chance(kind === 'ramping' || kind === 'eager_newcomers' ? 0.5 : 0.25)
		? { path: rng.pick(catalogue.paths.filter((p) => p.level !== 'advanced')), from: Math.floor(n * rng.next() * 0.5), length: rng.int(10, 28) }
		: null

	// Who the people are.
	const archetypes: Archetype[] = []
	if (kind === 'champions') for (let c = 0, k = rng.chance(0.4) ? 2 : 1; c < Math.min(k, userCount); c++) archetypes.push('champion')
	while (archetypes.length < userCount) {
		const shares = { ...ARCHETYPES_BY_KIND[kind] }
		if (kind === 'champions' || kind === 'fading' || quadrant === 'NEED_TO_EXIT') shares.idle_seat = (shares.idle_seat ?? 0) + 0.1
		archetypes.push(rng.weighted(shares))
	}
	if (!archetypes.some((a) => a !== 'idle_seat')) archetypes[0] = 'steady'
	const idleShare = archetypes.filter((a) => a === 'idle_seat').length / userCount
	// The will the active people need for the whole account to sit near its centre (idle seats are ~0.05).
	const activeWill = clamp((willCentre - idleShare * 0.05) / Math.max(0.05, 1 - idleShare), 0.04, 0.95)

	const users: SimUser[] = []
	const traits: Traits[] = []
	for (let j = 0; j < userCount; j++) {
		const archetype = archetypes[j]
		let skill = sigmoid(logit(skillCentre) + rng.normal(0, 0.75))
		let will = sigmoid(logit(activeWill) + rng.normal(0, 0.65))
		let willStart = sigmoid(logit(will) + rng.normal(0, 0.35))
		let shape: 'bridge' | 'fade' | 'rise' = 'bridge'
		let vol = 0.5 + rng.next() * 0.6
		if (archetype === 'champion') {
			skill = 0.72 + 0.26 * rng.beta(2, 1.5)
			will = 0.75 + 0.23 * rng.beta(2, 1.5)
			willStart = clamp(will + rng.normal(0, 0.05), 0.6, 0.99)
		} else if (archetype === 'dormant_expert') {
			skill = Math.max(skill, 0.6 + 0.35 * rng.beta(2, 2))
			will = 0.05 + 0.3 * rng.beta(1.5, 2)
			willStart = clamp(will + rng.normal(0.03, 0.06), 0.03, 0.45)
		} else if (archetype === 'fading') {
			willStart = 0.55 + 0.4 * rng.beta(2, 1.5)
			will = Math.min(will, 0.1 + 0.35 * rng.beta(1.5, 2))
			shape = 'fade'
		} else if (archetype === 'late_starter') {
			willStart = 0.04 + 0.2 * rng.beta(1.5, 2)
			will = Math.max(will, 0.5 + 0.45 * rng.beta(2, 1.5))
			shape = 'rise'
		} else if (archetype === 'idle_seat') {
			will = 0.02 + 0.08 * rng.next()
			willStart = will
			vol = 0.1
		} else if (archetype === 'bursty') {
			vol = 1.1 + rng.next() * 0.6
		}
		const path = archetype === 'idle_seat' ? new Array<number>(n).fill(will) : willPath(rng, n, willStart, will, shape, vol)
		// The truth is the path's end points: what the person is like when the period closes.
		willStart = path[0]
		will = path[n - 1]
		const joinedAt = rng.chance(archetype === 'late_starter' ? 0.35 : kind === 'ramping' ? 0.25 : 0.06)
			? startMs + Math.floor(rng.next() * 0.6 * (endMs - startMs))
			: startMs - rng.int(10, 900) * DAY
		const first = rng.pick(FIRST)
		const last = rng.pick(LAST)
		users.push({
			id: `field-${seed}-usr-${index}-${j}`,
			email: `${first}.${last}${j}@${domain}`,
			name: `${cap(first)} ${cap(last)}`,
			accountId,
			joinedAt: new Date(joinedAt),
			archetype,
			skill: round3(skill),
			will: round3(will),
			willStart: round3(willStart),
			truth: { segment: segmentOf(round3(skill), round3(will)) },
			events: [],
			usage: [],
		})
		const vacationStart = rng.chance(0.35) ? rng.int(0, n - 1) : -1
		traits.push({
			skill,
			willStart,
			will,
			path,
			regularity: Array.from({ length: 7 }, () => rng.gamma(archetype === 'steady' || archetype === 'champion' ? 6 : 2) / (archetype === 'steady' || archetype === 'champion' ? 6 : 2)),
			excitation: archetype === 'bursty' ? 0.25 + 0.13 * rng.next() : 0.04 + 0.08 * rng.next(),
			baseScale: archetype === 'bursty' ? 0.45 : archetype === 'reader' ? 1.15 : archetype === 'champion' ? 1.3 : 1,
			learner: archetype === 'reader' ? 0.25 * rng.beta(2, 3) : rng.beta(2, 2.5) * (archetype === 'champion' ? 1.5 : 1),
			quizShy: archetype === 'reader' ? rng.chance(0.8) : archetype === 'dormant_expert' ? rng.chance(0.5) : rng.chance(0.3),
			reliance: rng.beta(3, 2),
			featureOffset: featureDifficulty.map(() => rng.normal(0, 0.12)),
			vacation: vacationStart >= 0 ? [vacationStart, vacationStart + rng.int(4, 11)] : null,
			eveningOwl: archetype === 'bursty' || archetype === 'champion' ? 0.3 : 0.1,
			joinedAt,
		})
	}

	// Behaviour, person by person.
	const productDays: Array<Map<number, { minutes: number; adopted: Set<number> }>> = []
	for (let j = 0; j < userCount; j++) {
		const user = users[j]
		const tr = traits[j]
		const urng = makeRng(`field:${seed}:account:${index}:user:${j}`)
		const events: SimEvent[] = []
		const usage = new Map<number, { minutes: number; adopted: Set<number> }>()
		productDays.push(usage)
		if (user.archetype === 'idle_seat') {
			// An idle seat: at most a look around once, and nothing in the product.
			if (urng.chance(0.2)) {
				const d = urng.int(0, n - 1)
				pushEvent(events, sessionTime(urng, calendar[d], 0.1), 'sign_in', null, {}, startMs, endMs, tr.joinedAt)
			}
			user.events = events
			continue
		}
		simulatePortal(urng, user, tr, calendar, catalogue, assigned, events, startMs, endMs)
		// Product usage: the job needs the product on some days; will lifts it.
		for (let d = 0; d < n; d++) {
			const day = calendar[d]
			if (day.midnightUtc + DAY <= tr.joinedAt) continue
			const w = tr.path[d]
			let p = tr.reliance * (0.12 + 0.78 * Math.pow(w, 0.8))
			if (day.weekday === 0 || day.weekday === 6) p *= 0.12
			if (day.holiday) p *= 0.1
			if (tr.vacation && d >= tr.vacation[0] && d <= tr.vacation[1]) p *= 0.05
			if (!urng.chance(p)) continue
			const minutes = Math.max(1, Math.round(Math.exp(urng.normal(Math.log(10 + 55 * w * (0.6 + tr.skill) * tr.reliance), 0.7))))
			const reach = 0.8 * tr.skill * (0.6 + 0.4 * w) + 0.12 * tr.reliance + 0.06 * day.t
			const adopted = new Set<number>()
			featureDifficulty.forEach((fd, f) => {
				if (reach > fd + tr.featureOffset[f]) adopted.add(f)
			})
			if (adopted.size === 0) adopted.add(0)
			usage.set(d, { minutes, adopted })
		}
		user.events = events
		if (usageSource === 'user') {
			let lastWeek = -1
			const rows: UserUsageDay[] = []
			for (const [d, u] of [...usage.entries()].sort((a, b) => a[0] - b[0])) {
				const week = weekIndex(calendar[d])
				const row: UserUsageDay = { day: calendar[d].key, activeMinutes: u.minutes }
				if (week !== lastWeek) {
					row.featuresAdopted = u.adopted.size
					row.featuresAvailable = featuresAvailable
					lastWeek = week
				}
				rows.push(row)
			}
			user.usage = rows
		}
	}

	// Account rows: daily active users and minutes; a weekly snapshot of what the account uses.
	const accountUsage: AccountUsageDay[] = []
	if (usageSource !== 'none') {
		for (let d = 0; d < n; d++) {
			const day = calendar[d]
			let activeUsers = 0
			let activeMinutes = 0
			for (const u of productDays) {
				const row = u.get(d)
				if (row) {
					activeUsers++
					activeMinutes += row.minutes
				}
			}
			const snapshot = day.weekday === 1 || d === 0
			if (!activeUsers && !snapshot) continue
			const row: AccountUsageDay = { day: day.key, activeUsers, activeMinutes }
			if (snapshot) {
				const used = new Set<number>()
				for (const u of productDays) for (let k = Math.max(0, d - 13); k <= d; k++) u.get(k)?.adopted.forEach((f) => used.add(f))
				row.featuresAdopted = used.size
				row.featuresAvailable = featuresAvailable
				row.seats = seats
			}
			accountUsage.push(row)
		}
	}

	const using = users.filter((u) => u.archetype !== 'idle_seat')
	const truthSkill = round3(mean(using.map((u) => u.skill)))
	const truthWill = round3(mean(users.map((u) => u.will)))
	const perSeat = Math.exp(rng.normal(Math.log(kind === 'champions' ? 1800 : 900), 0.45))
	const arr = Math.round((seats * perSeat) / 100) * 100
	const supportLoad = users.reduce((s, u) => s + (1 - u.skill) * u.will, 0)
	const costToServe = Math.round(600 + arr * (0.06 + 0.12 * rng.next()) + 220 * supportLoad + (kind === 'champions' ? 4000 : 0))

	return {
		id: accountId,
		name: name.replace(/^([a-z]+?)(works|labs|logistics|health|retail|systems|foods|finance|media|energy|build|travel)$/, (_, a: string, b: string) => `${cap(a)} ${cap(b)}`),
		emailDomain: domain,
		timeZone: zone,
		seats,
		arr,
		costToServe,
		kind,
		usageSource,
		truth: { skill: truthSkill, will: truthWill, segment: segmentOf(truthSkill, truthWill) },
		users,
		usage: accountUsage,
	}
}

function weekIndex(day: LocalDay) {
	// Monday-based week number since the epoch.
	return Math.floor((Date.UTC(day.y, day.m, day.d) / DAY + 3) / 7)
}

function sessionTime(rng: Rng, day: LocalDay, eveningOwl: number): number {
	let hour: number
	if (rng.chance(eveningOwl)) hour = rng.normal(20.5, 1.3)
	else hour = rng.chance(0.55) ? rng.normal(10.3, 1.4) : rng.normal(14.8, 1.6)
	const minutes = clamp(hour * 60, 6 * 60, 23.5 * 60)
	return day.midnightUtc + Math.floor(minutes * MINUTE) + rng.int(0, 59) * 1000
}

function pushEvent(events: SimEvent[], at: number, kind: EventKind, itemKey: string | null, data: EventData, startMs: number, endMs: number, joinedAt: number) {
	if (at < startMs || at > endMs || at < joinedAt) return
	events.push({ kind, at: new Date(at), itemKey, data })
}

type Enrolment = { path: CataloguePath; next: number; attempts: number; done: boolean; voluntary: boolean; retakeWanted: boolean }

function simulatePortal(
	rng: Rng,
	user: SimUser,
	tr: Traits,
	calendar: LocalDay[],
	catalogue: Catalogue,
	assigned: { path: CataloguePath; from: number; length: number } | null,
	events: SimEvent[],
	startMs: number,
	endMs: number,
) {
	const n = calendar.length
	const enrolments = new Map<string, Enrolment>()
	let current: Enrolment | null = null
	let excitation = 0
	let signedInRecently = -10
	// Does this person do the assigned path, and on which days (extra sessions before the deadline)?
	const meanWill = mean(tr.path)
	const assignedDays = new Set<number>()
	if (assigned && rng.chance(0.45 + 0.5 * meanWill)) {
		const stepsNeeded = assigned.path.lessons.length + 1
		const lateness = 1 - meanWill // the less they care, the nearer the deadline they start
		for (let s = 0; s < Math.ceil(stepsNeeded / 2) + 1; s++) {
			const d = assigned.from + Math.floor(assigned.length * clamp(lateness * 0.6 + rng.next() * 0.4))
			if (d < n) assignedDays.add(d)
		}
	}
	const levelFor = (shift = 0): Level => {
		const x = tr.skill + shift + rng.normal(0, 0.2)
		return x < 0.38 ? 'beginner' : x < 0.68 ? 'intermediate' : 'advanced'
	}
	const quizScore = (difficulty: 1 | 2 | 3, questions: number, w: number, voluntary: boolean, attempt: number) => {
		const threshold = difficulty === 1 ? 0.22 : difficulty === 2 ? 0.45 : 0.66
		const effective = tr.skill + 0.035 * attempt
		let mu = 0.2 + 0.78 * phi((effective - threshold) / 0.17)
		if (!voluntary) mu -= 0.12 * (1 - w) // rushing an assigned quiz
		mu = clamp(mu, 0.03, 0.97)
		const kappa = 12
		const p = rng.beta(mu * kappa, (1 - mu) * kappa)
		return Math.round((100 * rng.binomial(questions, p)) / questions)
	}

	for (let d = 0; d < n; d++) {
		const day = calendar[d]
		const w = tr.path[d]
		let season = 1.1 * tr.regularity[day.weekday]
		if (day.weekday === 0 || day.weekday === 6) season *= 0.1
		if (day.holiday) season *= 0.08
		if (tr.vacation && d >= tr.vacation[0] && d <= tr.vacation[1]) season *= 0.04
		const base = tr.baseScale * (0.01 + 0.6 * Math.pow(w, 1.8))
		const lambda = base * season + excitation
		let sessions = Math.min(5, rng.poisson(lambda))
		const forced = assignedDays.has(d)
		if (forced && sessions === 0) sessions = 1
		excitation = excitation * Math.exp(-1 / 1.6) + tr.excitation * sessions * (0.4 + 0.6 * w)

		const times = Array.from({ length: sessions }, () => sessionTime(rng, day, tr.eveningOwl)).sort((a, b) => a - b)
		for (let s = 0; s < sessions; s++) {
			let at = times[s]
			const step = () => (at += rng.int(20, 420) * 1000)
			const emit = (kind: EventKind, itemKey: string | null, data: EventData = {}) => pushEvent(events, step(), kind, itemKey, data, startMs, endMs, tr.joinedAt)
			if (d - signedInRecently > 3 || rng.chance(0.25)) {
				emit('sign_in', null)
				signedInRecently = d
			}
			// Assigned work comes first on the days it is done.
			if (forced && s === 0 && assigned) {
				const key = assigned.path.slug
				let e = enrolments.get(key)
				if (!e) {
					e = { path: assigned.path, next: 0, attempts: 0, done: false, voluntary: false, retakeWanted: false }
					enrolments.set(key, e)
					emit('path_enrol', `path:${key}`, { voluntary: false })
				}
				if (!e.done) current = e
			}
			if (rng.chance(0.3 + 0.15 * (1 - tr.skill))) {
				const hits = rng.chance(0.08) ? 0 : rng.int(1, 18)
				emit('search', null, { q: rng.pick(SEARCH_TERMS), hits })
			}
			// Reading: a few articles at a level that suits them (with noise, sometimes above).
			const reads = rng.poisson(0.4 + 0.9 * w * (user.archetype === 'reader' ? 2 : 1))
			for (let r = 0; r < reads; r++) {
				const level = levelFor(rng.chance(0.15) ? 0.25 : 0)
				const article = rng.pick(catalogue.articles.filter((a) => a.level === level))
				const key = `article:${article.slug}`
				const withLevel = rng.chance(0.5)
				emit('article_view', key, withLevel ? { level } : {})
				const tooHard = LEVELS.indexOf(level) > LEVELS.indexOf(levelFor())
				if (rng.chance((0.3 + 0.45 * w) * (tooHard ? 0.5 : 1))) {
					emit('article_read', key, { seconds: Math.round(Math.exp(rng.normal(Math.log(90 + 120 * LEVELS.indexOf(level)), 0.5))), ...(withLevel ? { level } : {}) })
					if (rng.chance(0.06)) emit('helpful_vote', key, { helpful: rng.chance(tooHard ? 0.5 : 0.85) })
				}
			}
			// Voluntary learning: enrol in a path near (a little above) their level.
			if (!current || current.done) {
				current = null
				const retake = [...enrolments.values()].find((e) => e.retakeWanted && !e.done)
				if (retake && rng.chance(0.4 + 0.4 * w)) current = retake
				else if (rng.chance(tr.learner * (0.04 + 0.3 * w))) {
					const level = levelFor(0.08)
					const options = catalogue.paths.filter((p) => p.level === level && !enrolments.has(p.slug))
					if (options.length) {
						const path = rng.pick(options)
						current = { path, next: 0, attempts: 0, done: false, voluntary: true, retakeWanted: false }
						enrolments.set(path.slug, current)
						emit('path_enrol', `path:${path.slug}`)
					}
				}
			}
			if (current && !current.done && (forced || rng.chance(0.5 + 0.4 * w))) {
				const e = current
				const lessonsNow = forced ? rng.int(1, 3) : rng.int(1, 2)
				for (let l = 0; l < lessonsNow && e.next < e.path.lessons.length; l++) {
					const lesson = e.path.lessons[e.next]
					const key = `lesson:${e.path.slug}/${lesson.slug}`
					if (rng.chance(0.3)) emit('video_play', key, { seconds: rng.int(30, 600) })
					const checks = rng.chance(0.6) ? rng.int(1, 3) : 0
					const cut = lesson.level === 'beginner' ? 0.2 : lesson.level === 'intermediate' ? 0.45 : 0.7
					for (let c = 0; c < checks; c++) emit('check_answer', `check:${e.path.slug}.${lesson.slug}.q${c + 1}`, { correct: rng.chance(0.2 + 0.75 * phi((tr.skill - cut) / 0.2)) })
					emit('lesson_complete', key, rng.chance(0.5) ? { level: lesson.level } : {})
					e.next++
				}
				// The quiz, once the lessons are done: the quiz-shy only sit it when it is assigned.
				const willTry = !e.voluntary || !tr.quizShy
				if (e.next >= e.path.lessons.length && willTry && (forced || e.retakeWanted || rng.chance(0.6))) {
					const score = quizScore(e.path.difficulty, QUESTIONS.get(e.path.slug) ?? 10, w, e.voluntary, e.attempts)
					const passed = score >= e.path.passMark
					e.attempts++
					const data: EventData = { score }
					if (rng.chance(0.45)) data.difficulty = e.path.difficulty
					if (rng.chance(0.4)) data.passMark = e.path.passMark
					if (rng.chance(0.85)) data.passed = passed
					if (!e.voluntary) data.voluntary = false
					else if (rng.chance(0.3)) data.voluntary = true
					emit('quiz_attempt', `quiz:${e.path.slug}/${e.path.quizKey}`, data)
					if (passed) {
						e.done = true
						e.retakeWanted = false
						emit('path_complete', `path:${e.path.slug}`, { level: e.path.level })
						if (e.path.certificate) emit('certificate_issued', `path:${e.path.slug}`, { certificateId: `cert-${user.id}-${e.path.slug}` })
						current = null
					} else {
						// Retry later if they care (and always, eventually, when it is assigned); otherwise give up.
						e.retakeWanted = e.attempts < 3 && (!e.voluntary || rng.chance(0.3 + 0.5 * w))
						if (!e.retakeWanted) {
							e.done = true
							current = null
						}
					}
				}
			}
			// A standalone self-assessment now and then, by those who test themselves.
			if (!tr.quizShy && rng.chance(0.025 + 0.05 * tr.learner * w)) {
				const [key, difficulty, passMark, questions] = rng.pick(ASSESSMENT_SPECS.filter((a) => a[1] <= (tr.skill > 0.55 ? 3 : tr.skill > 0.3 ? 2 : 1)))
				const score = quizScore(difficulty, questions, w, true, 0)
				const data: EventData = { score }
				if (rng.chance(0.5)) data.difficulty = difficulty
				if (rng.chance(0.4)) data.passMark = passMark
				if (rng.chance(0.85)) data.passed = score >= passMark
				emit('quiz_attempt', `assessment:${key}`, data)
			}
		}
	}
	events.sort((a, b) => a.at.getTime() - b.at.getTime())
}
