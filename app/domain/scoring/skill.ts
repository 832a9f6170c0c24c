import { combine, type ScoreBreakdown } from '#app/domain/scoring/breakdown.ts'
import { defaultScoringConfig, type ScoringConfig } from '#app/domain/scoring/config.ts'
import { type ActivityEvent, type ProductUsageDay, type ScoringEventData, type UserActivity } from '#app/domain/scoring/inputs.ts'
import { clamp, clamp01, dayNumber, decayWeight, finite, percent, plural } from '#app/domain/scoring/math.ts'
import { DAY_MS } from '#app/utils/time.ts'

/**
 * Skill: demonstrated competence, 0-100.
 *   quizzes         latest attempt per quiz, weighted by difficulty × recency; the average is scaled
 *                   down until enough weighted quizzes exist (one lucky 100% is not mastery)
 *   paths           completed paths by level, plus certificates, decayed slowly
 *   contentDepth    distinct articles, lessons and videos used
 *   featureAdoption share of product features in use (only when a usage source exists)
 * One pass over the events (plus one for de-duplication); scratch maps are reused between calls.
 */

// Reused between calls so scoring 100,000 users does not allocate two maps each (scoring is synchronous).
const latestAt = new Map<string, number>()
const bestContent = new Map<string, number>()

export function scoreSkill(activity: UserActivity, config: ScoringConfig = defaultScoringConfig): ScoreBreakdown {
	const c = config.skill
	const now = activity.now.getTime()
	const horizonMs = c.horizonDays * DAY_MS
	latestAt.clear()
	bestContent.clear()

	// Pass 1: the latest time of each (kind, item), so a retaken quiz or a re-issued certificate counts once.
	for (const event of activity.events) {
		const key = dedupeKey(event)
		if (key === undefined || !scorable(event)) continue
		const t = eventTime(event, now, horizonMs)
		if (t === undefined) continue
		const seen = latestAt.get(key)
		if (seen === undefined || t > seen) latestAt.set(key, t)
	}

	let quizWeighted = 0
	let quizWeight = 0
	let quizzes = 0
	let checks = 0
	let pathCredits = 0
	let paths = 0
	let certificates = 0
	let contentCredits = 0
	let contentItems = 0
	let anyEvent = false

	for (const event of activity.events) {
		const t = eventTime(event, now, horizonMs)
		if (t === undefined) continue
		anyEvent = true
		const age = (now - t) / DAY_MS
		const key = dedupeKey(event)
		if (key !== undefined) {
			if (!scorable(event) || latestAt.get(key) !== t) continue
			latestAt.set(key, Number.NaN) // counted: a second event at the same instant will not match
		}
		const data = (event.data ?? undefined) as ScoringEventData | undefined
		switch (event.kind) {
			case 'quiz_attempt': {
				const score = finite(data?.score)
				if (score === undefined) break
				const w = difficultyWeight(config, data?.difficulty, data?.level) * decayWeight(age, c.quizHalfLifeDays)
				quizWeighted += w * (clamp(score, 0, 100) / 100)
				quizWeight += w
				quizzes++
				break
			}
			case 'check_answer': {
				if (typeof data?.correct !== 'boolean') break
				const w = c.checkAnswerWeight * decayWeight(age, c.quizHalfLifeDays)
				quizWeighted += data.correct ? w : 0
				quizWeight += w
				checks++
				break
			}
			case 'path_complete':
				pathCredits += difficultyWeight(config, data?.difficulty, data?.level) * decayWeight(age, c.pathHalfLifeDays)
				paths++
				break
			case 'certificate_issued':
				pathCredits += c.certificateCredit * decayWeight(age, c.pathHalfLifeDays)
				certificates++
				break
		}
		const kindWeight = c.contentKindWeights[event.kind]
		if (kindWeight !== undefined && kindWeight > 0) {
			const credit = kindWeight * decayWeight(age, c.contentHalfLifeDays)
			if (event.itemKey) {
				// An article viewed, read and re-read counts once, at its best.
				const previous = bestContent.get(event.itemKey)
				if (previous === undefined || credit > previous) bestContent.set(event.itemKey, credit)
			} else {
				contentCredits += credit
				contentItems++
			}
		}
	}
	for (const credit of bestContent.values()) contentCredits += credit
	contentItems += bestContent.size

	const quizAverage = quizWeight > 0 ? quizWeighted / quizWeight : 0
	const quizConfidence = clamp01(quizWeight / c.quizEvidenceForFull)
	const adoption = featureAdoption(activity.productUsage, now, horizonMs)
	const evidenceItems = quizzes + checks + paths + certificates + contentItems
	const noActivity = !anyEvent && !(adoption.available && adoption.hasData)

	return combine(
		[
			{
				key: 'quizzes',
				label: 'Quiz results',
				value: quizAverage * quizConfidence,
				weight: c.weights.quizzes,
				explanation: quizExplanation(quizzes, checks, quizAverage, quizConfidence),
			},
			{
				key: 'paths',
				label: 'Paths and certificates',
				value: pathCredits / c.pathCreditsForFull,
				weight: c.weights.paths,
				explanation: pathExplanation(paths, certificates),
			},
			{
				key: 'contentDepth',
				label: 'Depth of content used',
				value: contentCredits / c.contentCreditsForFull,
				weight: c.weights.contentDepth,
				explanation:
					contentItems === 0
						? 'No articles, lessons or videos used yet'
						: `${plural(contentItems, 'article, lesson or video', 'articles, lessons or videos')} used`,
			},
			{
				key: 'featureAdoption',
				label: 'Feature adoption',
				value: adoption.value,
				weight: c.weights.featureAdoption,
				explanation: adoption.explanation,
				available: adoption.available,
			},
		],
		evidenceItems < config.minimumEvidence.skillItems,
		noActivity,
	)
}

/** Time of an event in ms, clamped to `now`; undefined when invalid or beyond the horizon. */
function eventTime(event: ActivityEvent, now: number, horizonMs: number): number | undefined {
	const raw = event.at instanceof Date ? event.at.getTime() : Number.NaN
	if (!Number.isFinite(raw)) return undefined
	const t = raw > now ? now : raw
	return now - t > horizonMs ? undefined : t
}

function dedupeKey(event: ActivityEvent): string | undefined {
	if (!event.itemKey) return undefined
	switch (event.kind) {
		case 'quiz_attempt':
		case 'check_answer':
		case 'path_complete':
		case 'certificate_issued':
			return `${event.kind}\u0000${event.itemKey}`
		default:
			return undefined
	}
}

/** A quiz attempt without a score (started, never submitted) or a check without a verdict shows nothing. */
export function scorable(event: ActivityEvent): boolean {
	const data = event.data as ScoringEventData | null | undefined
	if (event.kind === 'quiz_attempt') return finite(data?.score) !== undefined
	if (event.kind === 'check_answer') return typeof data?.correct === 'boolean'
	return true
}

/** Difficulty 1/2/3 (or path level) to its weight; unknown means medium. */
export function difficultyWeight(config: ScoringConfig, difficulty: unknown, level?: unknown): number {
	const w = config.skill.difficultyWeights
	const d = finite(difficulty)
	if (d !== undefined) return d <= 1.5 ? w.easy : d >= 2.5 ? w.hard : w.medium
	if (level === 'beginner') return w.easy
	if (level === 'advanced') return w.hard
	return w.medium
}

/** Feature adoption from the most recent usage day within the horizon that reports it. */
export function featureAdoption(usage: readonly ProductUsageDay[] | undefined, now: number, horizonMs: number) {
	if (usage === undefined) {
		return { available: false, hasData: false, value: 0, explanation: 'No product usage data' }
	}
	// The most recent day that reports both numbers.
	let latestDay = Number.NEGATIVE_INFINITY
	let adopted = 0
	let available = 0
	const horizonDay = (now - horizonMs) / DAY_MS
	for (const day of usage) {
		const d = dayNumber(day.day)
		const a = finite(day.featuresAdopted)
		const n = finite(day.featuresAvailable)
		if (!(d >= horizonDay) || a === undefined || n === undefined || n <= 0) continue
		if (d > latestDay) {
			latestDay = d
			adopted = clamp(a, 0, n)
			available = n
		}
	}
	if (available === 0) {
		return { available: true, hasData: usage.length > 0, value: 0, explanation: 'No product features adopted yet' }
	}
	return {
		available: true,
		hasData: true,
		value: adopted / available,
		explanation: `Uses ${Math.round(adopted)} of ${Math.round(available)} product features (${percent(adopted / available)})`,
	}
}

function quizExplanation(quizzes: number, checks: number, average: number, confidence: number): string {
	if (quizzes === 0 && checks === 0) return 'No quiz attempts yet'
	const what =
		quizzes > 0
			? plural(quizzes, 'quiz', 'quizzes') + (checks > 0 ? ` and ${plural(checks, 'knowledge check')}` : '')
			: plural(checks, 'knowledge check')
	const base = `Quiz average ${percent(average)} over ${what}`
	return confidence < 1 ? `${base}; more recent quizzes would make it count in full` : base
}

function pathExplanation(paths: number, certificates: number): string {
	if (paths === 0 && certificates === 0) return 'No paths completed yet'
	const done = `${plural(paths, 'path')} completed`
	return certificates > 0 ? `${done} and ${plural(certificates, 'certificate')} earned` : done
}
