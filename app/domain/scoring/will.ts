import { combine, NO_ACTIVITY_YET, type ScoreBreakdown } from '#app/domain/scoring/breakdown.ts'
import { defaultScoringConfig, type ScoringConfig } from '#app/domain/scoring/config.ts'
import { type ScoringEventData, type UserActivity } from '#app/domain/scoring/inputs.ts'
import { clamp01, dayNumber, decayWeight, finite, percent, plural, utcDay } from '#app/domain/scoring/math.ts'
import { DAY_MS } from '#app/utils/time.ts'

/**
 * Will: motivation shown by engagement, 0-100, over the last `windowDays` (UTC days).
 *   activeDays  distinct active days in the last `activeDaysWindow` days
 *   recency     0.5^(days since last activity / half-life)
 *   regularity  share of weeks in the window with any activity
 *   voluntary   self-directed learning actions, kind-weighted and decayed
 *   trend       pace of the last `trendRecentDays` against the earlier part of the window (1 = steady or rising)
 * An active day is a day with any event, or with product usage minutes > 0.
 */

// Reused between calls: one byte per day of the window (index 0 = today).
let activeByDay = new Uint8Array(90)

export function scoreWill(activity: UserActivity, config: ScoringConfig = defaultScoringConfig): ScoreBreakdown {
	const c = config.will
	const windowDays = config.windowDays
	if (activeByDay.length !== windowDays) activeByDay = new Uint8Array(windowDays)
	else activeByDay.fill(0)

	const now = activity.now.getTime()
	const today = utcDay(now)
	let lastActive = Number.NEGATIVE_INFINITY
	let voluntaryCredits = 0
	let voluntaryActions = 0

	for (const event of activity.events) {
		const raw = event.at instanceof Date ? event.at.getTime() : Number.NaN
		if (!Number.isFinite(raw)) continue
		const t = raw > now ? now : raw
		if (t > lastActive) lastActive = t
		const daysAgo = today - utcDay(t)
		if (daysAgo >= windowDays) continue
		activeByDay[daysAgo] = 1
		const kindWeight = c.voluntaryKindWeights[event.kind]
		if (kindWeight !== undefined && kindWeight > 0) {
			const data = (event.data ?? undefined) as ScoringEventData | undefined
			if (data?.voluntary !== false) {
				voluntaryCredits += kindWeight * decayWeight((now - t) / DAY_MS, c.voluntaryHalfLifeDays)
				voluntaryActions++
			}
		}
	}
	if (activity.productUsage) {
		for (const day of activity.productUsage) {
			const minutes = finite(day.activeMinutes)
			const d = dayNumber(day.day)
			if (minutes === undefined || minutes <= 0 || !Number.isFinite(d)) continue
			const daysAgo = Math.max(0, today - d)
			// Count the usage day as active at its start (or now, if it is today).
			const t = Math.min(now, d * DAY_MS)
			if (t > lastActive) lastActive = t
			if (daysAgo < windowDays) activeByDay[daysAgo] = 1
		}
	}

	// Days the user could have been active: since joining, at most the window.
	const sinceMs = activity.since instanceof Date ? activity.since.getTime() : Number.NaN
	const observedDays = Number.isFinite(sinceMs) ? Math.min(windowDays, Math.max(1, today - utcDay(sinceMs) + 1)) : windowDays

	let recentActive = 0 // within activeDaysWindow
	let windowActive = 0
	let trendRecent = 0
	let trendPrior = 0
	for (let i = 0; i < windowDays; i++) {
		if (activeByDay[i] === 0) continue
		windowActive++
		if (i < c.activeDaysWindow) recentActive++
		if (i < c.trendRecentDays) trendRecent++
		else trendPrior++
	}

	const weeks = Math.max(1, Math.floor(windowDays / 7))
	const observedWeeks = Math.min(weeks, Math.max(1, Math.ceil(observedDays / 7)))
	let activeWeeks = 0
	for (let w = 0; w < observedWeeks; w++) {
		for (let i = w * 7; i < w * 7 + 7 && i < windowDays; i++) {
			if (activeByDay[i] === 1) {
				activeWeeks++
				break
			}
		}
	}

	const noActivity = lastActive === Number.NEGATIVE_INFINITY
	const daysSince = noActivity ? Number.POSITIVE_INFINITY : Math.max(0, (now - lastActive) / DAY_MS)
	const trend = trendValue(trendRecent, trendPrior, c.trendRecentDays, observedDays)

	return combine(
		[
			{
				key: 'activeDays',
				label: 'Active days',
				value: recentActive / c.activeDaysForFull,
				weight: c.weights.activeDays,
				explanation: noActivity
					? NO_ACTIVITY_YET
					: `${plural(recentActive, 'active day')} in the last ${c.activeDaysWindow}`,
			},
			{
				key: 'recency',
				label: 'Recency',
				value: noActivity ? 0 : decayWeight(daysSince, c.recencyHalfLifeDays),
				weight: c.weights.recency,
				explanation: noActivity ? NO_ACTIVITY_YET : lastActiveSentence(Math.floor(daysSince)),
			},
			{
				key: 'regularity',
				label: 'Regularity',
				value: activeWeeks / observedWeeks,
				weight: c.weights.regularity,
				explanation: noActivity
					? NO_ACTIVITY_YET
					: `Active in ${activeWeeks} of the last ${plural(observedWeeks, 'week')}`,
			},
			{
				key: 'voluntary',
				label: 'Voluntary learning',
				value: voluntaryCredits / c.voluntaryCreditsForFull,
				weight: c.weights.voluntary,
				explanation:
					voluntaryActions === 0
						? 'No self-directed learning yet'
						: `${plural(voluntaryActions, 'self-directed learning action')} in the last ${windowDays} days`,
			},
			{
				key: 'trend',
				label: 'Usage trend',
				value: trend.value,
				weight: c.weights.trend,
				explanation: noActivity ? NO_ACTIVITY_YET : trend.explanation,
			},
		],
		windowActive < config.minimumEvidence.activeDays,
		noActivity,
	)
}

/** Recent pace against earlier pace, both in active days per day; 1 means steady or rising. */
function trendValue(recent: number, prior: number, recentDays: number, observedDays: number) {
	if (recent === 0 && prior === 0) return { value: 0, explanation: 'No activity in the window' }
	const priorDays = observedDays - recentDays
	if (prior === 0 || priorDays <= 0) {
		return { value: 1, explanation: `New activity in the last ${recentDays} days` }
	}
	const ratio = recent / recentDays / (prior / priorDays)
	if (ratio >= 1) return { value: 1, explanation: 'Activity steady or rising' }
	return {
		value: ratio,
		explanation: `Activity in the last ${recentDays} days at ${percent(ratio)} of the earlier pace`,
	}
}

function lastActiveSentence(days: number): string {
	if (days <= 0) return 'Last active today'
	if (days === 1) return 'Last active yesterday'
	return `Last active ${days} days ago`
}
