import { combine, NO_ACTIVITY_YET, type ScoreBreakdown } from '#app/domain/scoring/breakdown.ts'
import { defaultScoringConfig, type ScoringConfig } from '#app/domain/scoring/config.ts'
import { type EventKind } from '#app/domain/engagement/event-kinds.ts'
import { type ScoringEventData, type UserActivity } from '#app/domain/scoring/inputs.ts'
import { clamp01, dayNumber, decayWeight, finite, localDay, percent, plural } from '#app/domain/scoring/math.ts'
import { DAY_MS } from '#app/utils/time.ts'

/**
 * Will: motivation shown by behaviour over time, 0-100, over the last `will.windowDays` local days.
 *   frequency     share of days active, each day weighted 0.5^(age / half-life): recent weeks count
 *                 most, so a sustained decline moves the score within a few weeks
 *   recency       0.5^(days since last activity / half-life)
 *   regularity    weeks with any activity out of the last few
 *   selfDirected  share of (weighted) days with learning nobody assigned: reading, lessons, quizzes, search
 *   trend         pace of the last weeks against the earlier ones; only a decline costs points
 * An active day is a local day (the account's time zone) with any event or with product use.
 */

/** What someone does of their own accord; `data.voluntary === false` (assigned learning) never counts. */
const SELF_DIRECTED: ReadonlySet<EventKind> = new Set<EventKind>([
	'article_view',
	'article_read',
	'lesson_complete',
	'quiz_attempt',
	'check_answer',
	'path_enrol',
	'search',
	'video_play',
])

// Reused between calls: one byte per day of the window (index 0 = today). 1 = active, 2 = also self-directed.
let dayFlags = new Uint8Array(56)
// Days of the window with product use (1), kept apart from portal days: the two channels have their own scales.
let productFlags = new Uint8Array(56)

/**
 * The measurements will is made of, before they are turned into points: an account averages its
 * people's measurements (linear shares, not clamped points), so its will reads like one person's.
 */
export type WillSignals = {
	/** Recency-weighted share of observed days with activity in the portal, 0..1. */
	frequency: number
	/**
	 * Recency-weighted share of observed days with product use, 0..1; null when the product reports
	 * nothing about this person (will then reads from the portal alone, on the same scale).
	 */
	productFrequency: number | null
	/** Recency-weighted share of observed days with self-directed learning, 0..1. */
	selfDirected: number
	/** 0..1 (1 = active today). */
	recency: number
	/** Share of recent weeks with any activity, 0..1. */
	regularity: number
	/** 0..1 (1 = steady or rising). */
	trend: number
	activeDays: number
	observedDays: number
	activeWeeks: number
	observedWeeks: number
	/** Days since last activity; null when never active. */
	daysSince: number | null
	trendExplanation: string
}

export type WillScore = ScoreBreakdown & { signals: WillSignals }

export function scoreWill(activity: UserActivity, config: ScoringConfig = defaultScoringConfig): WillScore {
	const signals = willSignals(activity, config)
	return { ...willFromSignals(signals, config), signals }
}

export function willSignals(activity: UserActivity, config: ScoringConfig = defaultScoringConfig): WillSignals {
	const c = config.will
	const windowDays = c.windowDays
	if (dayFlags.length !== windowDays) {
		dayFlags = new Uint8Array(windowDays)
		productFlags = new Uint8Array(windowDays)
	} else {
		dayFlags.fill(0)
		productFlags.fill(0)
	}

	const now = activity.now.getTime()
	const zone = activity.timeZone
	const today = localDay(now, zone)
	let lastActive = Number.NEGATIVE_INFINITY
	let firstSeen = Number.POSITIVE_INFINITY

	for (const event of activity.events) {
		const raw = event.at instanceof Date ? event.at.getTime() : Number.NaN
		if (!Number.isFinite(raw)) continue
		const t = raw > now ? now : raw
		if (t > lastActive) lastActive = t
		if (t < firstSeen) firstSeen = t
		const daysAgo = today - localDay(t, zone)
		if (daysAgo >= windowDays || daysAgo < 0) continue
		const data = (event.data ?? undefined) as ScoringEventData | undefined
		const selfDirected = SELF_DIRECTED.has(event.kind) && data?.voluntary !== false
		dayFlags[daysAgo] = Math.max(dayFlags[daysAgo]!, selfDirected ? 2 : 1)
	}
	const productReported = (activity.productUsage?.length ?? 0) > 0
	for (const row of activity.productUsage ?? []) {
		const start = dayNumber(row.day)
		const minutes = finite(row.activeMinutes)
		if (!Number.isFinite(start)) continue
		const period = Math.max(1, Math.floor(finite(row.periodDays) ?? 1))
		const reportedDays = finite(row.activeDays)
		// A daily row is one day; a period row marks as many of its days as it says were active
		// (or as its minutes suggest, at most one a day), spread from the period's start.
		let active = 0
		if (reportedDays !== undefined) active = Math.min(period, Math.round(reportedDays))
		else if (minutes !== undefined && minutes >= c.activeMinutes) active = period === 1 ? 1 : Math.min(period, Math.max(1, Math.round(minutes / 30)))
		if (active === 0) continue
		const step = period / active
		for (let i = 0; i < active; i++) {
			const day = start + Math.floor(i * step)
			const daysAgo = today - day
			const t = Math.min(now, day * DAY_MS)
			if (t > lastActive) lastActive = t
			if (t < firstSeen) firstSeen = t
			if (daysAgo >= 0 && daysAgo < windowDays) productFlags[daysAgo] = 1
		}
	}

	// Days the user could have been active: since joining (or their first trace), at most the window.
	const sinceMs = activity.since instanceof Date && Number.isFinite(activity.since.getTime()) ? Math.min(activity.since.getTime(), firstSeen) : firstSeen
	const observedDays = Number.isFinite(sinceMs) ? Math.min(windowDays, Math.max(1, today - localDay(sinceMs, zone) + 1)) : windowDays

	let weighted = 0
	let weightedSelf = 0
	let weightedProduct = 0
	let weightSum = 0
	let recentActive = 0
	let priorActive = 0
	const recentDays = Math.min(c.trendRecentDays, observedDays)
	for (let i = 0; i < observedDays; i++) {
		const w = decayWeight(i, c.frequencyHalfLifeDays)
		weightSum += w
		if (productFlags[i] === 1) weightedProduct += w
		const flag = dayFlags[i]!
		if (flag === 0) continue
		weighted += w
		if (flag === 2) weightedSelf += w
		if (i < recentDays) recentActive++
		else priorActive++
	}
	const frequency = weightSum > 0 ? weighted / weightSum : 0
	const selfDirected = weightSum > 0 ? weightedSelf / weightSum : 0
	const productFrequency = productReported ? (weightSum > 0 ? weightedProduct / weightSum : 0) : null

	const observedWeeks = Math.max(1, Math.min(c.regularityWeeks, Math.ceil(observedDays / 7)))
	let activeWeeks = 0
	for (let w = 0; w < observedWeeks; w++) {
		for (let i = w * 7; i < w * 7 + 7 && i < windowDays; i++) {
			if (dayFlags[i] !== 0) {
				activeWeeks++
				break
			}
		}
	}

	const noActivity = lastActive === Number.NEGATIVE_INFINITY
	const daysSince = noActivity ? null : Math.max(0, (now - lastActive) / DAY_MS)
	const trend = trendValue(recentActive, priorActive, recentDays, observedDays)
	return {
		frequency,
		productFrequency,
		selfDirected,
		recency: daysSince === null ? 0 : decayWeight(daysSince, c.recencyHalfLifeDays),
		regularity: activeWeeks / observedWeeks,
		trend: trend.value,
		activeDays: recentActive + priorActive,
		observedDays,
		activeWeeks,
		observedWeeks,
		daysSince,
		trendExplanation: trend.explanation,
	}
}

/** Points from the measurements; `who` names the subject in the sentences ("" for a person). */
export function willFromSignals(signals: WillSignals, config: ScoringConfig = defaultScoringConfig, who = ''): ScoreBreakdown {
	const c = config.will
	const noActivity = signals.daysSince === null
	const { activeDays, observedDays, activeWeeks, observedWeeks } = signals
	return combine(
		[
			{
				key: 'frequency',
				label: 'Frequency',
				value: aboveFloor(signals.frequency, c.frequencyFloor, c.frequencyForFull),
				weight: c.weights.frequency,
				explanation: noActivity
					? NO_ACTIVITY_YET
					: `${who}Active in the portal on ${percent(signals.frequency)} of days, recent weeks counting most (${plural(Math.round(activeDays), 'active day')} in ${plural(observedDays, 'day')})`,
			},
			{
				key: 'product',
				label: 'Product use',
				value: aboveFloor(signals.productFrequency ?? 0, c.productFrequencyFloor, c.productFrequencyForFull),
				weight: c.weights.product,
				available: signals.productFrequency !== null && signals.productFrequency !== undefined,
				explanation: `${who}Uses the product on ${percent(signals.productFrequency ?? 0)} of days, recent weeks counting most`,
			},
			{
				key: 'recency',
				label: 'Recency',
				value: signals.recency,
				weight: c.weights.recency,
				explanation: noActivity ? NO_ACTIVITY_YET : who ? `${who}Recency ${percent(signals.recency)}` : lastActiveSentence(Math.floor(signals.daysSince!)),
			},
			{
				key: 'regularity',
				label: 'Regularity',
				value: signals.regularity,
				weight: c.weights.regularity,
				explanation: noActivity ? NO_ACTIVITY_YET : `${who}Active in ${Math.round(activeWeeks * 10) / 10} of the last ${plural(observedWeeks, 'week')}`,
			},
			{
				key: 'selfDirected',
				label: 'Self-directed learning',
				value: aboveFloor(signals.selfDirected, c.selfDirectedFloor, c.selfDirectedForFull),
				weight: c.weights.selfDirected,
				explanation:
					signals.selfDirected === 0
						? `${who}No self-directed learning lately`
						: `${who}Learns of their own accord on ${percent(signals.selfDirected)} of days (recent weeks count most)`,
			},
			{
				key: 'trend',
				label: 'Trend',
				value: signals.trend,
				weight: c.weights.trend,
				explanation: noActivity ? NO_ACTIVITY_YET : `${who}${signals.trendExplanation}`,
			},
		],
		observedDays < c.minimumObservedDays,
		noActivity,
	)
}

/** 0 at or below the floor, 1 at or above full, linear between. */
function aboveFloor(share: number, floor: number, full: number): number {
	return full > floor ? clamp01((share - floor) / (full - floor)) : share >= full ? 1 : 0
}

/** Recent pace against earlier pace, both in active days per day; 1 means steady or rising. */
function trendValue(recent: number, prior: number, recentDays: number, observedDays: number) {
	if (recent === 0 && prior === 0) return { value: 0, explanation: 'No activity in the window' }
	const priorDays = observedDays - recentDays
	if (prior === 0 || priorDays <= 0) return { value: 1, explanation: `New activity in the last ${recentDays} days` }
	const ratio = recent / recentDays / (prior / priorDays)
	if (ratio >= 1) return { value: 1, explanation: 'Activity steady or rising' }
	return { value: clamp01(ratio), explanation: `Activity in the last ${recentDays} days at ${percent(ratio)} of the earlier pace` }
}

function lastActiveSentence(days: number): string {
	if (days <= 0) return 'Last active today'
	if (days === 1) return 'Last active yesterday'
	return `Last active ${days} days ago`
}
