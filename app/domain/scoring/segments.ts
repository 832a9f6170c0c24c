import { defaultScoringConfig, type ScoringConfig } from '#app/domain/scoring/config.ts'
import { type ProductUsageDay } from '#app/domain/scoring/inputs.ts'
import { addEvidence, clamp, dayNumber, decayWeight, finite, localDay, percent, plural, type Evidence } from '#app/domain/scoring/math.ts'
import { DAY_MS } from '#app/utils/time.ts'
import { featureAdoption, featureSkillValue, pooledSkill } from '#app/domain/scoring/skill.ts'
import { willFromSignals, type WillSignals } from '#app/domain/scoring/will.ts'

export const SEGMENTS = ['HIGH_PERFORMER', 'UNTRAINED', 'UNMOTIVATED', 'NEED_TO_EXIT'] as const
export type Segment = (typeof SEGMENTS)[number]

export const SEGMENT_LABELS: Record<Segment, string> = {
	HIGH_PERFORMER: 'High Performers',
	UNTRAINED: 'Untrained',
	UNMOTIVATED: 'Unmotivated',
	NEED_TO_EXIT: 'Need to Exit',
}

export const SEGMENT_DESCRIPTIONS: Record<Segment, string> = {
	HIGH_PERFORMER: 'High skill, high will',
	UNTRAINED: 'Low skill, high will',
	UNMOTIVATED: 'High skill, low will',
	NEED_TO_EXIT: 'Low skill, low will',
}

/**
 * What a stored score says about a subject: one of the four segments, or that the evidence is too
 * thin to tell (the console, the API and the plays then say so instead of guessing; the segment
 * the evidence leans to is kept in the breakdown as `leaning`).
 */
export const NOT_ENOUGH_EVIDENCE = 'NOT_ENOUGH_EVIDENCE'
export type SegmentStatus = Segment | typeof NOT_ENOUGH_EVIDENCE
export const SEGMENT_STATUSES = [...SEGMENTS, NOT_ENOUGH_EVIDENCE] as const

export const SEGMENT_STATUS_LABELS: Record<SegmentStatus, string> = {
	...SEGMENT_LABELS,
	NOT_ENOUGH_EVIDENCE: 'Not enough evidence yet',
}

export const SEGMENT_STATUS_DESCRIPTIONS: Record<SegmentStatus, string> = {
	...SEGMENT_DESCRIPTIONS,
	NOT_ENOUGH_EVIDENCE: 'Too little activity to tell skill and will apart yet',
}

/** Fails closed: anything but a known status reads as "not enough evidence". */
export function toSegmentStatus(value: unknown): SegmentStatus {
	return isSegment(value) ? value : NOT_ENOUGH_EVIDENCE
}

export function isSegment(value: unknown): value is Segment {
	return typeof value === 'string' && (SEGMENTS as readonly string[]).includes(value)
}

function isHighSkill(segment: Segment): boolean {
	return segment === 'HIGH_PERFORMER' || segment === 'UNMOTIVATED'
}

function isHighWill(segment: Segment): boolean {
	return segment === 'HIGH_PERFORMER' || segment === 'UNTRAINED'
}

/**
 * High means at or above the threshold. With `previous` and a hysteresis band, a score must cross
 * the threshold by the band to change side, so a user hovering at 49-51 does not flap.
 * NaN counts as 0.
 */
export function segmentFor(
	skill: number,
	will: number,
	config: ScoringConfig = defaultScoringConfig,
	previous?: Segment | null,
): Segment {
	const { skillThreshold, willThreshold, hysteresis } = config.segments
	const band = previous ? hysteresis : 0
	const s = Number.isNaN(skill) ? 0 : skill
	const w = Number.isNaN(will) ? 0 : will
	const highSkill = previous && isHighSkill(previous) ? s >= skillThreshold - band : s >= skillThreshold + band
	const highWill = previous && isHighWill(previous) ? w >= willThreshold - band : w >= willThreshold + band
	if (highSkill) return highWill ? 'HIGH_PERFORMER' : 'UNMOTIVATED'
	return highWill ? 'UNTRAINED' : 'NEED_TO_EXIT'
}

/**
 * The segment a subject is in, or NOT_ENOUGH_EVIDENCE when either score rests on too little to
 * tell: plays and tasks then wait instead of acting on a guess.
 */
export function segmentStatusFor(
	skill: { score: number; lowEvidence: boolean },
	will: { score: number; lowEvidence: boolean },
	config: ScoringConfig = defaultScoringConfig,
	previous?: SegmentStatus | null,
): { segment: SegmentStatus; leaning: Segment } {
	const leaning = segmentFor(skill.score, will.score, config, isSegment(previous) ? previous : null)
	return { segment: skill.lowEvidence || will.lowEvidence ? NOT_ENOUGH_EVIDENCE : leaning, leaning }
}

/**
 * A status placed again under another config (a new will line): thin evidence stays thin, whatever
 * the line; otherwise the scores decide as in segmentStatusFor.
 */
export function reclassify(
	status: { segment: SegmentStatus; skill: number; will: number },
	config: ScoringConfig,
	previous?: SegmentStatus | null,
): { segment: SegmentStatus; leaning: Segment } {
	const leaning = segmentFor(status.skill, status.will, config, isSegment(previous) ? previous : null)
	return { segment: status.segment === NOT_ENOUGH_EVIDENCE ? NOT_ENOUGH_EVIDENCE : leaning, leaning }
}

export type UserScoreForRollUp = {
	skill: number
	will: number
	/** The user's skill observations (prior excluded), pooled into the account's skill. */
	skillEvidence?: Evidence
	/** The measurements the user's will was made of; the account averages them. */
	willSignals?: WillSignals
	lastActiveAt?: Date | null
	/** The user was seen for too short a time to judge their will (a new user). */
	willLowEvidence?: boolean
}

export type AccountUsage = {
	now: Date
	/** Licensed seats; seats beyond the listed users count as users who never signed in. */
	seats?: number
	/** Account-level product usage, when the product reports it. */
	productUsage?: readonly ProductUsageDay[]
	/** IANA time zone of the account. */
	timeZone?: string
	/** The account's segment last time, for the hysteresis band. */
	previousSegment?: SegmentStatus | null
}

export type AccountRollUp = {
	skill: number
	will: number
	segment: SegmentStatus
	leaning: Segment
	users: number
	activeUsers: number
	lowEvidence: boolean
	/** Weight of the skill observations pooled from the users and the account's usage. */
	skillEvidence: number
	explanations: string[]
}

/** A user is "active" for the account's head count when seen within this many days. */
const ACTIVE_USER_DAYS = 30

/**
 * Account skill pools the users' observations (each user's weight capped, so one power user does not
 * speak for everyone) with the account's feature adoption: the account is as skilled as the evidence
 * of all its people says. Account will is the mean will of its people, idle licensed seats included
 * (up to a cap): a few champions do not make a motivated account. Product use per person comes from
 * the account's daily active users when reported, else from its people's own usage.
 */
export function rollUpAccount(
	users: readonly UserScoreForRollUp[],
	usage: AccountUsage,
	config: ScoringConfig = defaultScoringConfig,
): AccountRollUp {
	const { idleSeatsMaxRatio, userEvidenceMax } = config.rollUp
	const now = usage.now.getTime()
	const members: Evidence[] = []
	let willSum = 0
	let activeUsers = 0
	let judgedWill = 0
	for (const user of users) {
		const last = user.lastActiveAt instanceof Date ? user.lastActiveAt.getTime() : Number.NaN
		if (Number.isFinite(last) && now - last <= ACTIVE_USER_DAYS * DAY_MS) activeUsers++
		willSum += clamp(user.will, 0, 100)
		if (!user.willLowEvidence) judgedWill++
		const e = user.skillEvidence
		if (e && e.weight > 0) {
			const scale = e.weight > userEvidenceMax ? userEvidenceMax / e.weight : 1
			members.push({ weight: e.weight * scale, weightedSum: e.weightedSum * scale })
		}
	}
	const seats = finite(usage.seats)
	const idleSeats = seats !== undefined ? Math.min(Math.max(0, Math.floor(seats) - users.length), Math.ceil(idleSeatsMaxRatio * Math.max(1, activeUsers))) : 0
	const people = users.length + idleSeats
	// Product use per person: the account's own daily active users when it reports them (they cover
	// everyone), else the mean of its people's own product use.
	const perCapita = people > 0 && usage.productUsage ? productFrequency(usage.productUsage, people, now, usage.timeZone, config) : undefined
	const measured = meanSignals(users, idleSeats)
	const signals = perCapita === undefined ? measured : { ...(measured ?? zeroSignals(config)), productFrequency: perCapita }
	// Old snapshots without measurements fall back to the mean of the scores (unused seats at 0).
	const will = signals ? willFromSignals(signals, config, 'On average: ').score : people > 0 ? willSum / people : 0

	const adoption = featureAdoption(usage.productUsage, now, config.skill.horizonDays * DAY_MS)
	const accountFeatures: Evidence = { weight: 0, weightedSum: 0 }
	if (adoption.hasData) addEvidence(accountFeatures, featureSkillValue(adoption.value, config), config.rollUp.accountFeatureWeight)
	const skill = pooledSkill(members, config, accountFeatures)

	const explanations: string[] = []
	if (users.length === 0) explanations.push('No users yet')
	else {
		const population = idleSeats > 0 ? `${users.length + idleSeats} people (${plural(idleSeats, 'unused seat')})` : plural(users.length, 'user')
		explanations.push(`${activeUsers} of ${population} active in the last ${ACTIVE_USER_DAYS} days`)
		explanations.push(`Skill pooled from the evidence of ${plural(members.length, 'user')}; will is the mean of everyone's`)
	}
	const productKnown = perCapita !== undefined
	if (productKnown) explanations.push(`In the product, ${percent(perCapita)} of its people are active on a typical day (recent weeks count most)`)
	if (adoption.hasData) explanations.push(`${percent(adoption.value)} of product features adopted`)

	const roundedWill = Math.round(clamp(will, 0, 100))
	const willLowEvidence = judgedWill === 0 && !productKnown
	const status = segmentStatusFor({ score: skill.score, lowEvidence: skill.lowEvidence }, { score: roundedWill, lowEvidence: willLowEvidence }, config, usage.previousSegment)
	if (status.segment === NOT_ENOUGH_EVIDENCE) {
		explanations.push(skill.lowEvidence ? 'Not enough evidence of skill yet: no quizzes, paths, content levels or feature adoption' : 'Everyone is new: too early to judge will')
	}
	return {
		skill: skill.score,
		will: roundedWill,
		segment: status.segment,
		leaning: status.leaning,
		users: users.length,
		activeUsers,
		lowEvidence: status.segment === NOT_ENOUGH_EVIDENCE,
		skillEvidence: Math.round(skill.evidence.weight * 100) / 100,
		explanations,
	}
}

/**
 * The account's will measurements: the mean of its people's (an unused seat measures 0 on every
 * one). Shares are averaged before they become points, so the account's will is linear in how much
 * its people do: ten people at one day a week are not ten half-motivated people.
 */
function meanSignals(users: readonly UserScoreForRollUp[], idleSeats: number): WillSignals | undefined {
	const measured = users.filter((u) => u.willSignals)
	if (measured.length === 0) return undefined
	const n = measured.length + idleSeats
	const sum = (pick: (s: WillSignals) => number) => measured.reduce((total, u) => total + pick(u.willSignals!), 0) / n
	const observedDays = Math.max(...measured.map((u) => u.willSignals!.observedDays))
	const frequency = sum((s) => s.frequency)
	const active = measured.filter((u) => u.willSignals!.daysSince !== null)
	// Product use is per-user data when anyone's is reported; a person without rows then used it on no day.
	const productReported = measured.some((u) => u.willSignals!.productFrequency != null)
	return {
		frequency,
		productFrequency: productReported ? sum((s) => s.productFrequency ?? 0) : null,
		selfDirected: sum((s) => s.selfDirected),
		recency: sum((s) => s.recency),
		regularity: sum((s) => s.regularity),
		trend: sum((s) => s.trend),
		activeDays: sum((s) => s.activeDays),
		observedDays,
		activeWeeks: sum((s) => s.activeWeeks),
		observedWeeks: Math.max(...measured.map((u) => u.willSignals!.observedWeeks)),
		daysSince: active.length ? Math.min(...active.map((u) => u.willSignals!.daysSince!)) : null,
		trendExplanation: `Trend ${percent(sum((s) => s.trend))} of steady`,
	}
}

/** Recency-weighted mean share of people active per day in the product, or undefined without daily users. */
function productFrequency(days: readonly ProductUsageDay[], people: number, now: number, timeZone: string | undefined, config: ScoringConfig) {
	const c = config.will
	const today = localDay(now, timeZone)
	let weighted = 0
	let weightSum = 0
	for (const day of days) {
		const users = finite(day.activeUsers)
		const d = dayNumber(day.day)
		if (users === undefined || !Number.isFinite(d) || (day.periodDays ?? 1) !== 1) continue
		const age = today - d
		if (age < 0 || age >= c.windowDays) continue
		const w = decayWeight(age, c.frequencyHalfLifeDays)
		weighted += w * Math.min(1, users / people)
		weightSum += w
	}
	return weightSum > 0 ? weighted / weightSum : undefined
}

function zeroSignals(config: ScoringConfig): WillSignals {
	return {
		frequency: 0,
		productFrequency: null,
		selfDirected: 0,
		recency: 0,
		regularity: 0,
		trend: 0,
		activeDays: 0,
		observedDays: config.will.windowDays,
		activeWeeks: 0,
		observedWeeks: config.will.regularityWeeks,
		daysSince: null,
		trendExplanation: 'No activity in the window',
	}
}
