import { defaultScoringConfig, type ScoringConfig } from '#app/domain/scoring/config.ts'
import { type ProductUsageDay } from '#app/domain/scoring/inputs.ts'
import { clamp, decayWeight, finite, percent, plural } from '#app/domain/scoring/math.ts'
import { DAY_MS } from '#app/utils/time.ts'
import { featureAdoption } from '#app/domain/scoring/skill.ts'
import { scoreWill } from '#app/domain/scoring/will.ts'

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

export type UserScoreForRollUp = {
	skill: number
	will: number
	lastActiveAt?: Date | null
	/** The user's own scores rest on little evidence. */
	lowEvidence?: boolean
}

export type AccountUsage = {
	now: Date
	/** Licensed seats; seats beyond the listed users count as users who never signed in. */
	seats?: number
	/** Account-level product usage, when the product reports it. */
	productUsage?: readonly ProductUsageDay[]
	/** The account's segment last time, for the hysteresis band. */
	previousSegment?: Segment | null
}

export type AccountRollUp = {
	skill: number
	will: number
	segment: Segment
	users: number
	activeUsers: number
	lowEvidence: boolean
	explanations: string[]
}

const usageOnlyConfigs = new WeakMap<ScoringConfig, ScoringConfig>()

/**
 * Account skill and will: the users' scores averaged with weights that favour recently active users
 * (weight 1 today, halving every `activeHalfLifeDays`, never below `inactiveUserWeight`), so the
 * people who actually use the product speak for the account, while a crowd of idle seats still
 * pulls will down. An account with nobody active has low will (capped below the threshold, whatever
 * stale user scores say). When account product usage is
 * known it takes `productUsageWeight` of each score.
 */
export function rollUpAccount(
	users: readonly UserScoreForRollUp[],
	usage: AccountUsage,
	config: ScoringConfig = defaultScoringConfig,
): AccountRollUp {
	const { activeHalfLifeDays, inactiveUserWeight, productUsageWeight } = config.rollUp
	const now = usage.now.getTime()
	const activeWindowMs = config.will.activeDaysWindow * DAY_MS
	let weightSum = 0
	let skillSum = 0
	let willSum = 0
	let activeUsers = 0
	let trusted = 0
	for (const user of users) {
		const last = user.lastActiveAt instanceof Date ? user.lastActiveAt.getTime() : Number.NaN
		let weight = inactiveUserWeight
		if (Number.isFinite(last)) {
			const ageMs = Math.max(0, now - last)
			if (ageMs <= activeWindowMs) activeUsers++
			weight += (1 - inactiveUserWeight) * decayWeight(ageMs / DAY_MS, activeHalfLifeDays)
		}
		weightSum += weight
		skillSum += weight * clamp(user.skill, 0, 100)
		willSum += weight * clamp(user.will, 0, 100)
		if (!user.lowEvidence) trusted++
	}
	const seats = finite(usage.seats)
	const idleSeats = seats !== undefined ? Math.max(0, Math.floor(seats) - users.length) : 0
	weightSum += idleSeats * inactiveUserWeight

	let skill = weightSum > 0 ? skillSum / weightSum : 0
	let will = weightSum > 0 ? willSum / weightSum : 0
	const explanations: string[] = []
	if (users.length === 0) explanations.push('No users yet')
	else {
		const population = seats !== undefined && seats > users.length ? `${Math.floor(seats)} seats` : plural(users.length, 'user')
		explanations.push(`${activeUsers} of ${population} active in the last ${config.will.activeDaysWindow} days`)
		explanations.push(`Users' skill ${Math.round(skill)} and will ${Math.round(will)}, weighted toward active users`)
		if (activeUsers === 0) {
			// Stale user scores must not make a silent account look motivated.
			will = Math.min(will, Math.max(0, config.segments.willThreshold - 1))
			explanations.push(`Nobody active in the last ${config.will.activeDaysWindow} days: will capped below the threshold`)
		}
	}

	let productKnown = false
	if (usage.productUsage && usage.productUsage.length > 0 && productUsageWeight > 0) {
		productKnown = true
		const productWill = scoreWill({ now: usage.now, events: [], productUsage: usage.productUsage }, usageOnlyConfig(config)).score
		const adoption = featureAdoption(usage.productUsage, now, config.skill.horizonDays * DAY_MS)
		const p = users.length === 0 ? 1 : productUsageWeight
		will = (1 - p) * will + p * productWill
		if (adoption.hasData) skill = (1 - p) * skill + p * adoption.value * 100
		explanations.push(
			`Product usage will ${productWill}` + (adoption.hasData ? `; ${percent(adoption.value)} of features adopted` : ''),
		)
	}

	const roundedSkill = Math.round(clamp(skill, 0, 100))
	const roundedWill = Math.round(clamp(will, 0, 100))
	return {
		skill: roundedSkill,
		will: roundedWill,
		segment: segmentFor(roundedSkill, roundedWill, config, usage.previousSegment),
		users: users.length,
		activeUsers,
		lowEvidence: trusted === 0 && !productKnown,
		explanations,
	}
}

/** Product usage has no voluntary learning: score it on the other will components only. */
function usageOnlyConfig(config: ScoringConfig): ScoringConfig {
	let derived = usageOnlyConfigs.get(config)
	if (!derived) {
		derived = { ...config, will: { ...config.will, weights: { ...config.will.weights, voluntary: 0 } } }
		usageOnlyConfigs.set(config, derived)
	}
	return derived
}
