/**
 * A seeded synthetic customer population with known latent skill and will: pure (no database, no
 * clock, no I/O), so the simulator loads it into a scratch database and calibration can score it in
 * memory. Same options, same population.
 *
 *   import { generatePopulation } from './lib/population.ts'
 *   const pop = generatePopulation({ accounts: 300, days: 60, seed: 101, end: new Date('2026-06-01T18:00:00Z') })
 *   pop.start, pop.end                  the period [end - days, end]
 *   pop.accounts[i]                     { id, name, emailDomain, timeZone, seats, arr, costToServe, kind,
 *                                         usageSource, truth: { skill, will, segment }, users, usage }
 *   pop.accounts[i].users[j]            { id, email, name, accountId, joinedAt, archetype, skill, will,
 *                                         truth: { segment }, events, usage }
 *   user.events                         [{ kind, at: Date, itemKey, data }] in time order, kinds from event-kinds.ts
 *   user.usage                          per-user product usage days [{ day, activeMinutes, featuresAdopted?, featuresAvailable? }]
 *                                       (empty unless the account's usageSource is 'user')
 *   account.usage                       per-account days [{ day, activeUsers, activeMinutes, featuresAdopted?, featuresAvailable?, seats? }]
 *                                       (empty when usageSource is 'none')
 *   pop.users                           every user, flat
 *   pop.catalogue                       the articles, paths (lessons, quiz) and assessments the events name,
 *                                       with levels and difficulty, for loading as content rows
 *
 * `skill` and `will` are latent, 0..1; `will` is the will at the END of the period (a user whose
 * engagement faded is truly low-will now). `day` strings are the account's local calendar day.
 * The behaviour model, the shares and the truth definition are described in docs/simulation.md.
 */
import { type EventData, type EventKind } from '#app/domain/engagement/event-kinds.ts'

export type Segment = 'HIGH_PERFORMER' | 'UNTRAINED' | 'UNMOTIVATED' | 'NEED_TO_EXIT'
export type Level = 'beginner' | 'intermediate' | 'advanced'

export const ARCHETYPES = [
	'steady',
	'dormant_expert',
	'fading',
	'late_starter',
	'reader',
	'bursty',
	'champion',
	'idle_seat',
] as const
export type Archetype = (typeof ARCHETYPES)[number]

export const ACCOUNT_KINDS = ['mixed', 'champions', 'disengaged_experts', 'fading', 'ramping', 'eager_newcomers'] as const
export type AccountKind = (typeof ACCOUNT_KINDS)[number]

/** Share of accounts of each kind. */
export const ACCOUNT_KIND_SHARES: Record<AccountKind, number> = {
	mixed: 0.57,
	champions: 0.11,
	disengaged_experts: 0.08,
	fading: 0.1,
	ramping: 0.09,
	eager_newcomers: 0.05,
}

/** Archetypes of the users of each account kind (champion accounts pick their 1-2 champions first). */
export const ARCHETYPE_SHARES: Record<AccountKind, Partial<Record<Archetype, number>>> = {
	mixed: { steady: 0.5, dormant_expert: 0.1, fading: 0.1, late_starter: 0.08, reader: 0.12, bursty: 0.1 },
	champions: { idle_seat: 0.65, steady: 0.35 },
	disengaged_experts: { dormant_expert: 0.55, fading: 0.15, steady: 0.2, reader: 0.1 },
	fading: { fading: 0.7, steady: 0.2, bursty: 0.1 },
	ramping: { late_starter: 0.7, steady: 0.3 },
	eager_newcomers: { steady: 0.6, late_starter: 0.2, reader: 0.2 },
}

/** Seeds for tuning the scoring, and the seeds its accuracy is reported on. Never tune on the second. */
export const CALIBRATION_SEEDS = [1, 2, 3, 4, 5] as const
export const EVALUATION_SEEDS = [101, 102, 103] as const
export const DEFAULT_SEED = EVALUATION_SEEDS[0]
export const DEFAULT_END = new Date(Date.UTC(2026, 5, 1, 18))

export type SimEvent = { kind: EventKind; at: Date; itemKey: string | null; data: EventData }
export type UserUsageDay = { day: string; activeMinutes: number; featuresAdopted?: number; featuresAvailable?: number }
export type AccountUsageDay = { day: string; activeUsers: number; activeMinutes: number; featuresAdopted?: number; featuresAvailable?: number; seats?: number }

export type SimUser = {
	id: string
	email: string
	name: string
	accountId: string
	/** When the seat was created: before the period for most, during it for new joiners. */
	joinedAt: Date
	archetype: Archetype
	skill: number
	/** Will at the end of the period. */
	will: number
	/** Will at the start of the period (differs from `will` for fading users and late starters). */
	willStart: number
	truth: { segment: Segment }
	events: SimEvent[]
	usage: UserUsageDay[]
}

export type SimAccount = {
	id: string
	name: string
	emailDomain: string
	timeZone: string
	seats: number
	arr: number
	costToServe: number
	kind: AccountKind
	/** What product analytics the account sends: per-user and per-account rows, per-account only, or nothing. */
	usageSource: 'user' | 'account' | 'none'
	truth: { skill: number; will: number; segment: Segment }
	users: SimUser[]
	usage: AccountUsageDay[]
}

export type CatalogueArticle = { slug: string; level: Level }
export type CataloguePath = {
	slug: string
	level: Level
	difficulty: 1 | 2 | 3
	certificate: boolean
	lessons: Array<{ slug: string; level: Level }>
	quizKey: string
	passMark: number
}
export type CatalogueAssessment = { key: string; difficulty: 1 | 2 | 3; passMark: number }
export type Catalogue = { articles: CatalogueArticle[]; paths: CataloguePath[]; assessments: CatalogueAssessment[] }

export type Population = {
	seed: number
	days: number
	start: Date
	end: Date
	accounts: SimAccount[]
	users: SimUser[]
	catalogue: Catalogue
}

export type PopulationOptions = {
	accounts: number
	days: number
	seed: number
	end?: Date
	/** Overrides ACCOUNT_KIND_SHARES (normalised). */
	kindShares?: Partial<Record<AccountKind, number>>
}

const DAY = 86_400_000
const HOUR = 3_600_000
const MINUTE = 60_000

/** High means at or above 0.5 on the latent scale. */
export function segmentOf(skill: number, will: number): Segment {
	if (skill >= 0.5) return will >= 0.5 ? 'HIGH_PERFORMER' : 'UNMOTIVATED'
	return will >= 0.5 ? 'UNTRAINED' : 'NEED_TO_EXIT'
}

/**
 * An account's truth as a CS team would call it: its skill is the mean skill of the people who use
 * the product (an idle seat shows nothing of anyone's competence), its will the mean end-of-period
 * will of every seat it pays for (an idle seat is disengagement, so it counts, near 0).
 */
export function accountTruth(users: ReadonlyArray<Pick<SimUser, 'skill' | 'will' | 'archetype'>>) {
	const using = users.filter((u) => u.archetype !== 'idle_seat')
	const skill = mean((using.length ? using : users).map((u) => u.skill))
	const will = mean(users.map((u) => u.will))
	return { skill, will, segment: segmentOf(skill, will) }
}

// ---- random numbers -----------------------------------------------------------------------------

/** A small 32-bit generator (splitmix-style mixing): fast, and independent streams per account. */
export function createRng(seed: number) {
	let state = seed >>> 0
	const next = () => {
		state = (state + 0x9e3779b9) >>> 0
		let z = state
		z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
		z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
		z = (z ^ (z >>> 16)) >>> 0
		return z / 4_294_967_296
	}
	const rng = {
		next,
		between: (lo: number, hi: number) => lo + next() * (hi - lo),
		int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
		chance: (p: number) => next() < p,
		normal: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
		pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
		/** Index drawn with the given (non-negative) weights. */
		weighted: (weights: readonly number[]) => {
			const total = weights.reduce((s, w) => s + w, 0)
			let r = next() * total
			for (let i = 0; i < weights.length; i++) {
				r -= weights[i]!
				if (r < 0) return i
			}
			return weights.length - 1
		},
		poisson: (lambda: number) => {
			if (lambda <= 0) return 0
			const limit = Math.exp(-lambda)
			let k = 0
			let p = next()
			while (p > limit && k < 50) {
				k++
				p *= next()
			}
			return k
		},
	}
	return rng
}
type Rng = ReturnType<typeof createRng>

function subSeed(seed: number, stream: number, index: number) {
	let h = (seed * 0x27d4eb2d) ^ (stream * 0x165667b1) ^ (index * 0x9e3779b1)
	h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d)
	h = Math.imul(h ^ (h >>> 12), 0x297a2d39)
	return (h ^ (h >>> 15)) >>> 0
}

// ---- catalogue ----------------------------------------------------------------------------------

const LEVELS: readonly Level[] = ['beginner', 'intermediate', 'advanced']
const LEVEL_INDEX: Record<Level, number> = { beginner: 0, intermediate: 1, advanced: 2 }
/** Item difficulty on the latent skill scale: the skill at which a person gets half the non-guessed answers right. */
const ITEM_DIFFICULTY = [0.2, 0.45, 0.65]

export function buildCatalogue(): Catalogue {
	const articles: CatalogueArticle[] = []
	const counts: Record<Level, number> = { beginner: 28, intermediate: 20, advanced: 14 }
	for (const level of LEVELS) for (let i = 0; i < counts[level]; i++) articles.push({ slug: `sim-${level}-${i + 1}`, level })
	const pathSpecs: Array<[string, Level, boolean, number]> = [
		['sim-getting-started', 'beginner', false, 4],
		['sim-fundamentals', 'beginner', true, 5],
		['sim-dashboards', 'intermediate', true, 4],
		['sim-automation', 'intermediate', false, 5],
		['sim-data-modelling', 'advanced', true, 4],
		['sim-governance', 'advanced', true, 3],
	]
	const paths = pathSpecs.map(([slug, level, certificate, n]): CataloguePath => ({
		slug,
		level,
		difficulty: (LEVEL_INDEX[level] + 1) as 1 | 2 | 3,
		certificate,
		// A path's first lesson is often a level easier: a warm-up.
		lessons: Array.from({ length: n }, (_, i) => ({ slug: `lesson-${i + 1}`, level: i === 0 && level !== 'beginner' ? LEVELS[LEVEL_INDEX[level] - 1]! : level })),
		quizKey: 'final-check',
		passMark: 70,
	}))
	const assessments: CatalogueAssessment[] = [
		{ key: 'sim-foundations', difficulty: 1, passMark: 60 },
		{ key: 'sim-practitioner', difficulty: 2, passMark: 60 },
		{ key: 'sim-expert', difficulty: 3, passMark: 60 },
		{ key: 'sim-admin-expert', difficulty: 3, passMark: 60 },
	]
	return { articles, paths, assessments }
}

const byLevel = new WeakMap<Catalogue, Record<Level, CatalogueArticle[]>>()
function articlesByLevel(catalogue: Catalogue): Record<Level, CatalogueArticle[]> {
	let cached = byLevel.get(catalogue)
	if (!cached) {
		cached = { beginner: [], intermediate: [], advanced: [] }
		for (const a of catalogue.articles) cached[a.level].push(a)
		byLevel.set(catalogue, cached)
	}
	return cached
}

// ---- time zones ---------------------------------------------------------------------------------

const ZONES: Array<[string, number]> = [
	['UTC', 0.5],
	['America/New_York', 0.08],
	['America/Chicago', 0.04],
	['America/Denver', 0.02],
	['America/Los_Angeles', 0.06],
	['America/Sao_Paulo', 0.02],
	['Europe/London', 0.04],
	['Europe/Berlin', 0.05],
	['Europe/Paris', 0.03],
	['Europe/Madrid', 0.02],
	['Europe/Warsaw', 0.02],
	['Asia/Tokyo', 0.03],
	['Asia/Singapore', 0.03],
	['Asia/Kolkata', 0.04],
	['Asia/Dubai', 0.02],
]

const formatters = new Map<string, Intl.DateTimeFormat>()
/** Offset of `timeZone` from UTC at the instant `at`, in ms (positive east of Greenwich). */
export function zoneOffset(timeZone: string, at: number): number {
	if (timeZone === 'UTC') return 0
	let format = formatters.get(timeZone)
	if (!format) {
		format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' })
		formatters.set(timeZone, format)
	}
	const p: Record<string, number> = {}
	for (const part of format.formatToParts(new Date(at))) if (part.type !== 'literal') p[part.type] = Number(part.value)
	const local = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour! % 24, p.minute!)
	return local - Math.floor(at / MINUTE) * MINUTE
}

type LocalDay = { day: string; week: string; midnight: number; weekday: number; daysBeforeEnd: number }
const dayCache = new Map<string, LocalDay[]>()
/** The account's local calendar days that overlap the period, oldest first. */
function localDays(timeZone: string, start: number, end: number): LocalDay[] {
	const key = `${timeZone}|${start}|${end}`
	const cached = dayCache.get(key)
	if (cached) return cached
	const days: LocalDay[] = []
	const first = Math.floor((start + zoneOffset(timeZone, start)) / DAY)
	const last = Math.floor((end + zoneOffset(timeZone, end)) / DAY)
	for (let d = first; d <= last; d++) {
		const midnight = d * DAY - zoneOffset(timeZone, d * DAY + 12 * HOUR)
		const weekday = new Date(d * DAY).getUTCDay()
		days.push({
			day: new Date(d * DAY).toISOString().slice(0, 10),
			// Monday of the week: weekly feature rows report once per week.
			week: new Date((d - ((weekday + 6) % 7)) * DAY).toISOString().slice(0, 10),
			midnight,
			weekday,
			daysBeforeEnd: (end - (midnight + 12 * HOUR)) / DAY,
		})
	}
	dayCache.set(key, days)
	return days
}

// ---- people -------------------------------------------------------------------------------------

type AccountTraits = {
	kind: AccountKind
	cultureSkill: number
	cultureWill: number
	/** How much this company uses tools at all: scales activity rates, not will. */
	intensity: number
	/** How much the company values formal learning and tests. */
	learnCulture: number
	weekendFactor: number
	/** Share of article and lesson rows that carry data.level. */
	levelShare: number
	/** Share of quiz rows that carry data.difficulty. */
	difficultyShare: number
	/** Whether CSMs or admins assign learning (assigned enrolments carry voluntary: false). */
	assignsLearning: boolean
	featuresAvailable: number
	featureRows: 'daily' | 'weekly' | 'none'
}

type Person = {
	archetype: Archetype
	skill: number
	willStart: number
	willEnd: number
	willAt: (daysBeforeEnd: number) => number
	/** Days before the end at which the seat was created (> period length: before the period). */
	joinedDaysBeforeEnd: number
	activity: number
	readFactor: number
	quizAffinity: number
	retaker: boolean
	eveningPerson: boolean
	weekdayWeights: number[]
	vacation: [number, number] | null
	primaryContact: boolean
}

/** Two modes per axis: companies tend to be clearly healthy or clearly at risk, few sit on the fence. */
function bimodal(rng: Rng) {
	return clamp(rng.chance(0.5) ? 0.25 + rng.normal() * 0.1 : 0.75 + rng.normal() * 0.1, 0.03, 0.97)
}

function accountTraits(rng: Rng, kind: AccountKind): AccountTraits {
	let cultureSkill = bimodal(rng)
	let cultureWill = bimodal(rng)
	if (kind === 'disengaged_experts') {
		cultureSkill = rng.between(0.62, 0.9)
		cultureWill = rng.between(0.08, 0.3)
	} else if (kind === 'eager_newcomers') {
		cultureSkill = rng.between(0.12, 0.38)
		cultureWill = rng.between(0.62, 0.9)
	} else if (kind === 'ramping') {
		cultureWill = rng.between(0.6, 0.9)
	}
	const levelRoll = rng.next()
	const difficultyRoll = rng.next()
	const featureRoll = rng.next()
	return {
		kind,
		cultureSkill,
		cultureWill,
		intensity: Math.exp(rng.normal() * 0.18),
		learnCulture: Math.exp(rng.normal() * 0.4),
		weekendFactor: rng.chance(0.2) ? rng.between(0.2, 0.4) : rng.between(0.03, 0.12),
		levelShare: levelRoll < 0.35 ? 0 : levelRoll < 0.6 ? rng.between(0.2, 0.6) : rng.between(0.7, 1),
		difficultyShare: difficultyRoll < 0.15 ? 0 : difficultyRoll < 0.4 ? rng.between(0.4, 0.9) : 1,
		assignsLearning: rng.chance(0.5),
		featuresAvailable: rng.int(10, 30),
		featureRows: featureRoll < 0.6 ? 'daily' : featureRoll < 0.88 ? 'weekly' : 'none',
	}
}

function drawArchetype(rng: Rng, shares: Partial<Record<Archetype, number>>): Archetype {
	const entries = Object.entries(shares) as Array<[Archetype, number]>
	return entries[rng.weighted(entries.map(([, s]) => s))]![0]
}

function person(rng: Rng, account: AccountTraits, archetype: Archetype, days: number, primaryContact: boolean): Person {
	let skill = clamp(account.cultureSkill + rng.normal() * 0.13, 0.02, 0.98)
	let will = clamp(account.cultureWill + rng.normal() * 0.13, 0.02, 0.98)
	let willStart = will
	let willAt = (_: number) => will
	let joinedDaysBeforeEnd = days + rng.between(30, 700)
	switch (archetype) {
		case 'dormant_expert':
			skill = Math.max(skill, rng.between(0.62, 0.96))
			will = willStart = rng.between(0.04, 0.3)
			break
		case 'fading': {
			const wStart = rng.between(0.62, 0.92)
			const wEnd = rng.between(0.03, 0.3)
			// Slides over the last 3-5 weeks, reaching its low up to ~10 days before the end.
			const from = Math.min(rng.between(21, 35), days * 0.85)
			const reached = rng.between(0, 0.35) * from
			willStart = wStart
			will = wEnd
			willAt = (d) => (d >= from ? wStart : d <= reached ? wEnd : wEnd + ((wStart - wEnd) * (d - reached)) / (from - reached))
			break
		}
		case 'late_starter': {
			const wLow = rng.between(0.01, 0.12)
			const wEnd = rng.between(0.55, 0.92)
			const from = Math.min(rng.between(14, 32), days * 0.7)
			const reached = Math.max(0, from - rng.between(7, 16))
			willStart = wLow
			will = wEnd
			willAt = (d) => (d >= from ? wLow : d <= reached ? wEnd : wLow + ((wEnd - wLow) * (from - d)) / (from - reached))
			// Half are new hires whose seat appears when they start.
			if (rng.chance(0.5)) joinedDaysBeforeEnd = from + rng.between(0, 3)
			break
		}
		case 'reader':
			will = willStart = Math.max(will, rng.between(0.4, 0.85))
			break
		case 'bursty':
			will = willStart = clamp(will, 0.25, 0.85)
			break
		case 'champion':
			skill = clamp(Math.max(skill, account.cultureSkill + 0.1), 0.05, 0.97)
			will = willStart = rng.between(0.72, 0.96)
			break
		case 'idle_seat':
			// Someone who never took the product up has no competence with it either.
			skill = rng.between(0.05, 0.3)
			will = willStart = rng.between(0, 0.06)
			break
		case 'steady':
			if (account.kind === 'champions' || account.kind === 'disengaged_experts' || account.kind === 'fading') {
				will = willStart = Math.min(will, rng.between(0.08, 0.35))
			}
			break
	}
	if (archetype === 'dormant_expert' || archetype === 'idle_seat' || archetype === 'reader' || archetype === 'bursty' || archetype === 'champion') {
		const w = will
		willAt = () => w
	}
	// High-will people keep weekly habits: some weekdays are theirs.
	const habit = will
	const weekdayWeights = [0, 1, 2, 3, 4, 5, 6].map(() => Math.max(0.1, 1 + habit * rng.normal() * 0.6))
	return {
		archetype,
		skill,
		willStart,
		willEnd: will,
		willAt,
		joinedDaysBeforeEnd,
		activity: Math.exp(rng.normal() * 0.2),
		readFactor: (archetype === 'reader' ? 2.2 : archetype === 'champion' ? 1.4 : 1) * Math.exp(rng.normal() * 0.3),
		// Readers rarely or never test; half never do.
		quizAffinity: archetype === 'reader' ? (rng.chance(0.5) ? 0 : rng.between(0.02, 0.12)) : Math.exp(rng.normal() * 0.35),
		retaker: archetype !== 'reader' && rng.chance(0.25),
		eveningPerson: rng.chance(0.08),
		weekdayWeights,
		vacation: rng.chance(0.15) ? vacationWindow(rng, days) : null,
		primaryContact,
	}
}

function vacationWindow(rng: Rng, days: number): [number, number] {
	const length = rng.between(5, 10)
	const startsBeforeEnd = rng.between(length, Math.max(length + 1, days))
	return [startsBeforeEnd - length, startsBeforeEnd]
}

// ---- behaviour ----------------------------------------------------------------------------------

type LearningState = {
	paths: Map<string, { done: number; passed: boolean; attempts: number; assigned: boolean; abandoned: boolean; testOut: boolean }>
	pendingRetake: { itemKey: string; difficulty: 1 | 2 | 3; passMark: number; path?: CataloguePath; assessment?: boolean; attempts: number } | null
	assessments: Map<string, number>
}

type Ctx = { rng: Rng; account: AccountTraits; catalogue: Catalogue; start: number; end: number; accountIndex: number }

/** Chance of being right on one question: a 4-option guess floor plus a logistic in skill minus difficulty. */
function pCorrect(skill: number, difficulty: number) {
	return 0.25 + 0.75 / (1 + Math.exp(-9 * (skill - difficulty)))
}

/** Level preference: skilled people choose deeper material, beginners the basics. */
function levelWeights(skill: number, sharpness = 1): number[] {
	return [0.12 + 1.1 * (1 - skill) ** 1.6 * sharpness, 0.35, 0.04 + 1.3 * skill ** 2 * sharpness]
}

function simulatePerson(p: Person, ctx: Ctx, days: LocalDay[]) {
	const { rng, account, end, start } = ctx
	const events: SimEvent[] = []
	const productDays: Array<{ day: string; week: string; minutes: number; adopted: number }> = []
	const learning: LearningState = { paths: new Map(), pendingRetake: null, assessments: new Map() }
	const total = days.length
	const adoptTarget = Math.round(account.featuresAvailable * clamp(0.06 + 0.82 * p.skill ** 1.3 + rng.normal() * 0.07, 0, 1))
	let adopted = p.joinedDaysBeforeEnd > total ? Math.round(adoptTarget * rng.between(0.5, 0.95)) : rng.int(0, 1)
	let burst = false
	let weekMultiplier = 1
	let firstDay = true
	for (const day of days) {
		if (day.daysBeforeEnd > p.joinedDaysBeforeEnd) continue
		if (day.weekday === 1 || firstDay) {
			firstDay = false
			// Low will is irregular: some weeks nothing, some weeks a lot.
			const sigma = 0.9 * (1 - p.willAt(day.daysBeforeEnd))
			weekMultiplier = Math.exp(sigma * rng.normal() - (sigma * sigma) / 2)
		}
		if (p.vacation && day.daysBeforeEnd >= p.vacation[0] && day.daysBeforeEnd <= p.vacation[1]) continue
		const w = p.willAt(day.daysBeforeEnd)
		const weekend = day.weekday === 0 || day.weekday === 6
		let rate = (0.012 + 0.75 * w ** 1.5) * account.intensity * p.activity * weekMultiplier * p.weekdayWeights[day.weekday]!
		if (weekend) rate *= account.weekendFactor
		if (p.archetype === 'bursty') {
			burst = burst ? rng.chance(0.7) : rng.chance(0.08)
			rate *= burst ? 3.2 : 0.4
		}
		const portal = rng.chance(Math.min(0.96, rate))
		const productRate = (0.04 + 0.85 * w ** 1.1) * account.intensity * p.activity * (weekend ? account.weekendFactor : 1) * (portal ? 1.6 : 1)
		if (p.archetype !== 'idle_seat' ? rng.chance(Math.min(0.97, productRate)) : rng.chance(0.01)) {
			if (adopted < adoptTarget && rng.chance(0.25)) adopted++
			const median = (8 + 55 * p.skill ** 1.2) * account.intensity
			productDays.push({ day: day.day, week: day.week, minutes: Math.min(600, Math.round(median * Math.exp(rng.normal() * 0.5))), adopted })
		}
		if (!portal) continue
		const sessions = rng.chance(0.1 + 0.25 * w) ? 2 : 1
		let clock = day.midnight + (p.eveningPerson ? clamp(20 + rng.normal() * 1.5, 17, 23.5) : clamp(10.5 + rng.normal() * 2.2, 7, 18)) * HOUR
		for (let s = 0; s < sessions; s++) {
			if (s > 0) clock += rng.between(1.5, 5) * HOUR
			clock = session(p, ctx, learning, w, clock, events)
		}
	}
	// Drop what falls outside the period (the first and last local days overlap its edges).
	const inPeriod = events.filter((e) => e.at.getTime() >= start && e.at.getTime() <= end)
	inPeriod.sort((a, b) => a.at.getTime() - b.at.getTime())
	return { events: inPeriod, productDays }
}

/** One visit to the portal. Returns the clock after it. */
function session(p: Person, ctx: Ctx, learning: LearningState, w: number, clock: number, out: SimEvent[]): number {
	const { rng, account, catalogue } = ctx
	const push: Push = (kind, itemKey, data = {}, gapMinutes = rng.between(0.5, 7)) => {
		clock += gapMinutes * MINUTE
		out.push({ kind, at: new Date(Math.round(clock)), itemKey, data })
	}
	if (rng.chance(0.55)) push('sign_in', null)
	const expert = p.archetype === 'dormant_expert'
	// A retake waits for the next visit when it did not happen straight away.
	if (learning.pendingRetake && rng.chance(p.retaker ? 0.8 : 0.3)) takeQuiz(p, ctx, learning, learning.pendingRetake, push)
	if (rng.chance(0.15 + 0.45 * w)) {
		const hits = rng.chance(0.15) ? 0 : rng.int(1, 20)
		push('search', null, { hits })
	}
	const reads = rng.poisson((expert ? 1.1 : 0.5 + 2 * w) * p.readFactor)
	for (let r = 0; r < reads; r++) {
		const level = LEVELS[rng.weighted(levelWeights(p.skill, expert ? 1.6 : 1))]!
		const article = rng.pick(articlesByLevel(catalogue)[level])
		const itemKey = `article:${article.slug}`
		push('article_view', itemKey, rng.chance(account.levelShare) ? { level } : {})
		if (rng.chance(0.4 + 0.35 * w + (p.archetype === 'reader' ? 0.15 : 0))) {
			const seconds = Math.round((60 + 240 * (level === 'advanced' ? 1.4 : 1)) * Math.exp(rng.normal() * 0.5))
			push('article_read', itemKey, rng.chance(account.levelShare) ? { seconds, level } : { seconds })
			if (rng.chance(0.05)) push('helpful_vote', itemKey, { helpful: rng.chance(0.8) })
		}
	}
	if (rng.chance(0.05 + 0.08 * w)) push('video_play', `video:sim-${rng.int(1, 12)}`)
	// Skilled people who rarely come prove it when they do: a hard test, straight away.
	if (expert && rng.chance(0.5 * Math.min(1.5, p.quizAffinity))) {
		if (rng.chance(0.5)) {
			const hard = catalogue.assessments.filter((a) => a.difficulty === 3)
			const a = rng.pick(hard)
			takeQuiz(p, ctx, learning, { itemKey: `assessment:${a.key}`, difficulty: a.difficulty, passMark: a.passMark, assessment: true, attempts: learning.assessments.get(a.key) ?? 0 }, push)
		} else {
			const path = rng.pick(catalogue.paths.filter((x) => x.level !== 'beginner'))
			testOutOfPath(p, ctx, learning, path, push)
		}
	}
	const learnChance = account.learnCulture * (0.08 + 0.45 * w) * Math.min(1.6, p.quizAffinity + (p.archetype === 'reader' ? 0.25 : 0))
	if (!expert && rng.chance(Math.min(0.9, learnChance))) learnStep(p, ctx, learning, w, push)
	// A self-assessment now and then: skilled people like to prove it.
	if (!expert && rng.chance((0.02 + 0.06 * p.skill) * p.quizAffinity)) {
		const a = catalogue.assessments[rng.weighted(catalogue.assessments.map((x) => levelWeights(p.skill)[x.difficulty - 1]!))]!
		takeQuiz(p, ctx, learning, { itemKey: `assessment:${a.key}`, difficulty: a.difficulty, passMark: a.passMark, assessment: true, attempts: learning.assessments.get(a.key) ?? 0 }, push)
	}
	if (p.primaryContact && w > 0.4 && rng.chance(0.06)) {
		push('plan_review', `plan:sim-plan-${ctx.accountIndex}`)
		if (rng.chance(0.2)) push('plan_signoff', `plan:sim-plan-${ctx.accountIndex}`, { scope: 'plan' })
	}
	return clock
}

type Push = (kind: EventKind, itemKey: string | null, data?: EventData, gapMinutes?: number) => void

function learnStep(p: Person, ctx: Ctx, learning: LearningState, w: number, push: Push) {
	const { rng, account, catalogue } = ctx
	const current = catalogue.paths.find((path) => {
		const s = learning.paths.get(path.slug)
		return s && !s.passed && !s.abandoned
	})
	let path = current
	if (!path) {
		const open = catalogue.paths.filter((x) => !learning.paths.has(x.slug))
		if (open.length === 0) return
		path = open[rng.weighted(open.map((x) => levelWeights(p.skill, 1.5)[LEVEL_INDEX[x.level]]!))]!
		const assigned = account.assignsLearning && rng.chance(0.2 + 0.5 * (1 - w))
		// Someone who already knows the material goes straight to the final quiz.
		const testOut = rng.chance(clamp(1.3 * (p.skill - 0.45), 0, 0.7))
		learning.paths.set(path.slug, { done: 0, passed: false, attempts: 0, assigned, abandoned: false, testOut })
		push('path_enrol', `path:${path.slug}`, assigned ? { voluntary: false } : {})
		if (!testOut) return
	}
	const state = learning.paths.get(path.slug)!
	if (state.done < path.lessons.length && !state.testOut) {
		const lessons = rng.chance(0.35) ? 2 : 1
		for (let i = 0; i < lessons && state.done < path.lessons.length; i++) {
			const lesson = path.lessons[state.done]!
			const data: EventData = {}
			if (rng.chance(account.levelShare)) data.level = lesson.level
			if (state.assigned) data.voluntary = false
			push('lesson_complete', `lesson:${path.slug}/${lesson.slug}`, data)
			if (rng.chance(0.7)) {
				for (let q = 0, n = rng.int(1, 2); q < n; q++) {
					const correct = rng.chance(pCorrect(p.skill, ITEM_DIFFICULTY[LEVEL_INDEX[lesson.level]]! - 0.05))
					push('check_answer', `check:${path.slug}-${lesson.slug}-q${q + 1}`, { correct })
				}
			}
			state.done++
		}
		return
	}
	takeQuiz(p, ctx, learning, { itemKey: `quiz:${path.slug}/${path.quizKey}`, difficulty: path.difficulty, passMark: path.passMark, path, attempts: state.attempts }, push)
}

function testOutOfPath(p: Person, ctx: Ctx, learning: LearningState, path: CataloguePath, push: Push) {
	const state = learning.paths.get(path.slug)
	if (state?.passed) return
	if (!state) {
		learning.paths.set(path.slug, { done: 0, passed: false, attempts: 0, assigned: false, abandoned: false, testOut: true })
		push('path_enrol', `path:${path.slug}`)
	}
	const s = learning.paths.get(path.slug)!
	takeQuiz(p, ctx, learning, { itemKey: `quiz:${path.slug}/${path.quizKey}`, difficulty: path.difficulty, passMark: path.passMark, path, attempts: s.attempts }, push)
}

function takeQuiz(p: Person, ctx: Ctx, learning: LearningState, quiz: NonNullable<LearningState['pendingRetake']>, push: Push) {
	const { rng, account } = ctx
	let attempts = quiz.attempts
	for (;;) {
		// Each retake is a little easier: the questions repeat and the learner looked things up.
		const effective = clamp(p.skill + 0.05 * attempts + rng.normal() * 0.04, 0, 1)
		const questions = quiz.assessment ? 12 : 8
		let right = 0
		for (let q = 0; q < questions; q++) if (rng.chance(pCorrect(effective, ITEM_DIFFICULTY[quiz.difficulty - 1]!))) right++
		const score = Math.round((100 * right) / questions)
		const passed = score >= quiz.passMark
		const data: EventData = { score, passed }
		if (rng.chance(account.difficultyShare)) data.difficulty = quiz.difficulty
		const pathState = quiz.path ? learning.paths.get(quiz.path.slug) : undefined
		if (pathState?.assigned) data.voluntary = false
		// A retake straight away comes after a short look at the material.
		push('quiz_attempt', quiz.itemKey, data, attempts > quiz.attempts ? rng.between(10, 40) : undefined)
		attempts++
		if (pathState) pathState.attempts = attempts
		if (quiz.assessment) learning.assessments.set(quiz.itemKey.slice('assessment:'.length), attempts)
		learning.pendingRetake = null
		if (passed) {
			if (quiz.path && pathState) {
				pathState.passed = true
				push('path_complete', `path:${quiz.path.slug}`, rng.chance(0.85) ? { level: quiz.path.level } : {})
				if (quiz.path.certificate) push('certificate_issued', `path:${quiz.path.slug}`, { certificateId: `sim-cert-${ctx.accountIndex}-${quiz.path.slug}-${Math.floor(rng.next() * 1e9)}` })
			}
			return
		}
		// People who retake until they pass: now, or on their next visit.
		const again = p.retaker ? attempts < 5 : attempts < 2 && rng.chance(0.3)
		if (!again) {
			if (pathState && !quiz.assessment) pathState.abandoned = !p.retaker || attempts >= 5
			return
		}
		if (rng.chance(0.45)) continue
		learning.pendingRetake = { ...quiz, attempts }
		return
	}
}

// ---- the population -----------------------------------------------------------------------------

const COMPANY_WORDS = ['Acorn', 'Birch', 'Cobalt', 'Delta', 'Ember', 'Fjord', 'Granite', 'Harbor', 'Indigo', 'Jasper', 'Kestrel', 'Lumen', 'Maple', 'Nimbus', 'Onyx', 'Pine', 'Quartz', 'Raven', 'Sable', 'Tundra']
const COMPANY_KINDS = ['Logistics', 'Health', 'Retail', 'Media', 'Credit', 'Foods', 'Labs', 'Energy', 'Systems', 'Travel']
const FIRST_NAMES = ['ana', 'ben', 'chen', 'dara', 'eli', 'fatima', 'gus', 'hana', 'ivan', 'jo', 'kofi', 'lena', 'mia', 'nils', 'omar', 'priya', 'quinn', 'raj', 'sofia', 'tom']

export function generatePopulation(options: PopulationOptions): Population {
	const { accounts: accountCount, days, seed } = options
	if (!Number.isInteger(accountCount) || accountCount < 1) throw new Error('accounts must be a positive whole number')
	if (!Number.isInteger(days) || days < 7) throw new Error('days must be a whole number of at least 7')
	const end = (options.end ?? DEFAULT_END).getTime()
	const start = end - days * DAY
	const catalogue = buildCatalogue()
	const kindShares = { ...ACCOUNT_KIND_SHARES, ...options.kindShares }
	const kinds = ACCOUNT_KINDS.filter((k) => (kindShares[k] ?? 0) > 0)
	const accounts: SimAccount[] = []
	for (let i = 0; i < accountCount; i++) {
		// Each account has its own stream: account i is the same whatever the population size.
		const rng = createRng(subSeed(seed, 1, i))
		const kind = kinds[rng.weighted(kinds.map((k) => kindShares[k]!))]!
		const traits = accountTraits(rng, kind)
		const timeZone = ZONES[rng.weighted(ZONES.map(([, s]) => s))]![0]
		const seats = kind === 'champions' ? rng.int(6, 24) : clamp(Math.round(Math.exp(Math.log(7) + rng.normal() * 0.55)), 2, 40)
		const word = COMPANY_WORDS[i % COMPANY_WORDS.length]!
		const sector = COMPANY_KINDS[Math.floor(i / COMPANY_WORDS.length) % COMPANY_KINDS.length]!
		const id = `sim-s${seed}-a${i}`
		const emailDomain = `${word}-${sector}-${i}.example.com`.toLowerCase()
		const arr = Math.round((seats * rng.between(600, 2400) + rng.between(3000, 30000)) / 100) * 100
		const usageRoll = rng.next()
		const usageSource = usageRoll < 0.7 ? 'user' : usageRoll < 0.9 ? 'account' : 'none'
		const ctx: Ctx = { rng, account: traits, catalogue, start, end, accountIndex: i }
		const local = localDays(timeZone, start, end)
		const champions = kind === 'champions' ? rng.int(1, 2) : 0
		const users: SimUser[] = []
		const productByDay = new Map<string, { users: number; minutes: number; adopted: number[] }>()
		for (let j = 0; j < seats; j++) {
			const archetype: Archetype = j < champions ? 'champion' : drawArchetype(rng, ARCHETYPE_SHARES[kind])
			const p = person(rng, traits, archetype, days, j === 0)
			const userId = `${id}-u${j}`
			const { events, productDays } = simulatePerson(p, ctx, local)
			const first = FIRST_NAMES[(i + j * 7) % FIRST_NAMES.length]!
			const usage: UserUsageDay[] = []
			let lastWeek = ''
			for (const pd of productDays) {
				const row: UserUsageDay = { day: pd.day, activeMinutes: pd.minutes }
				const week = pd.week
				if (traits.featureRows === 'daily' || (traits.featureRows === 'weekly' && week !== lastWeek)) {
					row.featuresAdopted = pd.adopted
					row.featuresAvailable = traits.featuresAvailable
				}
				lastWeek = week
				if (usageSource === 'user') usage.push(row)
				const cell = productByDay.get(pd.day) ?? { users: 0, minutes: 0, adopted: [] }
				cell.users++
				cell.minutes += pd.minutes
				cell.adopted.push(pd.adopted)
				productByDay.set(pd.day, cell)
			}
			users.push({
				id: userId,
				email: `${first}.${j}@${emailDomain}`,
				name: `${first[0]!.toUpperCase()}${first.slice(1)} ${word[0]}${j}`,
				accountId: id,
				joinedAt: new Date(Math.round(end - p.joinedDaysBeforeEnd * DAY)),
				archetype,
				skill: round3(p.skill),
				will: round3(p.willEnd),
				willStart: round3(p.willStart),
				truth: { segment: segmentOf(round3(p.skill), round3(p.willEnd)) },
				events,
				usage,
			})
		}
		const usage: AccountUsageDay[] = []
		if (usageSource !== 'none') {
			// The account's best users set its feature adoption; the week's highest count is reported on Mondays.
			let weekAdopted: number[] = []
			for (const day of local) {
				const cell = productByDay.get(day.day)
				if (cell) weekAdopted = weekAdopted.concat(cell.adopted)
				const row: AccountUsageDay = { day: day.day, activeUsers: cell?.users ?? 0, activeMinutes: cell?.minutes ?? 0 }
				if (day.weekday === 1 && weekAdopted.length > 0) {
					const sorted = [...weekAdopted].sort((a, b) => b - a)
					row.featuresAdopted = Math.min(traits.featuresAvailable, sorted[0]! + Math.round(0.3 * (sorted[1] ?? 0)))
					row.featuresAvailable = traits.featuresAvailable
					row.seats = seats
					weekAdopted = []
				}
				usage.push(row)
			}
		}
		accounts.push({
			id,
			name: `${word} ${sector} ${i}`,
			emailDomain,
			timeZone,
			seats,
			arr,
			costToServe: Math.round((arr * rng.between(0.08, 0.45)) / 100) * 100,
			kind,
			usageSource,
			truth: roundTruth(accountTruth(users)),
			users,
			usage,
		})
	}
	return { seed, days, start: new Date(start), end: new Date(end), accounts, users: accounts.flatMap((a) => a.users), catalogue }
}

function roundTruth(t: { skill: number; will: number; segment: Segment }) {
	return { skill: round3(t.skill), will: round3(t.will), segment: t.segment }
}

function clamp(x: number, lo: number, hi: number) {
	return Math.min(hi, Math.max(lo, x))
}
function round3(x: number) {
	return Math.round(x * 1000) / 1000
}
function mean(xs: readonly number[]) {
	return xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0
}
