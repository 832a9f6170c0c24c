import { combine, type ScoreBreakdown } from '#app/domain/scoring/breakdown.ts'
import { defaultScoringConfig, type Level, type ScoringConfig } from '#app/domain/scoring/config.ts'
import { type ActivityEvent, type ProductUsageDay, type ScoringEventData, type UserActivity } from '#app/domain/scoring/inputs.ts'
import { addEvidence, clamp, clamp01, dayNumber, decayWeight, evidenceMean, finite, percent, plural, type Evidence } from '#app/domain/scoring/math.ts'
import { DAY_MS } from '#app/utils/time.ts'

/**
 * Skill: an estimate of demonstrated competence, 0-100, with how much evidence it rests on.
 *
 * Every piece of evidence is an observation of competence (a value 0..1) with a weight, and the
 * estimate is the weighted mean of the observations and a prior (a Bayesian estimate of a mean
 * with the prior as pseudo-observations):
 *   quizzes   score adjusted for difficulty, weighted by difficulty and recency; retakes average in
 *   checks    knowledge-check answers, right or wrong, their total weight capped
 *   paths     completed paths and certificates by level
 *   content   the level of what someone reads and completes, total weight capped
 *   features  share of product features in use (their own usage, else half-weight account usage)
 * So the amount of activity moves the confidence, not the estimate: two hard quizzes at 90% mean
 * high skill, fifty basic articles read mean beginner material (and weigh no more than a few items).
 */

export type SkillScore = ScoreBreakdown & {
	/**
	 * The user's own observations without the prior: what an account pools from its users. Feature
	 * adoption reported for the whole account is left out: the account counts it once, not once per seat.
	 */
	evidence: Evidence
}

type Kind = 'quizzes' | 'checks' | 'paths' | 'content' | 'features'

// Reused between calls so scoring 100,000 users does not allocate maps each (scoring is synchronous).
const quizzes = new Map<string, { sum: number; count: number; latestAt: number; latestValue: number; difficultyWeight: number }>()
const checks = new Map<string, { at: number; correct: boolean }>()
const paths = new Map<string, { at: number; level: Level }>()
const certificates = new Map<string, number>()
const content = new Map<string, { weight: number; level: Level }>()

export function scoreSkill(activity: UserActivity, config: ScoringConfig = defaultScoringConfig): SkillScore {
	const c = config.skill
	const now = activity.now.getTime()
	const horizonMs = c.horizonDays * DAY_MS
	quizzes.clear()
	checks.clear()
	paths.clear()
	certificates.clear()
	content.clear()

	let anyEvent = false
	for (const event of activity.events) {
		const t = eventTime(event, now, horizonMs)
		if (t === undefined) continue
		anyEvent = true
		const data = (event.data ?? undefined) as ScoringEventData | undefined
		const key = event.itemKey || undefined
		switch (event.kind) {
			case 'quiz_attempt': {
				const score = finite(data?.score)
				if (score === undefined) break
				const difficulty = difficultyOf(data)
				const passMark = finite(data?.passMark) ?? c.quiz.passMark
				const relative = relativeToMark(clamp(score, 0, 100) / 100, passMark / 100)
				const value = clamp01(0.5 + (relative - 0.5) * levelNumber(c.quiz.spread, difficulty) + c.quiz.difficultyShift * (difficulty - 2))
				// Attempts of one quiz average, the latest counting double: retaking until passing is not mastery.
				const quizKey = key ?? `#${quizzes.size}`
				const entry = quizzes.get(quizKey)
				if (!entry) {
					quizzes.set(quizKey, { sum: value, count: 1, latestAt: t, latestValue: value, difficultyWeight: levelNumber(c.quiz.weights, difficulty) })
					break
				}
				entry.sum += value
				entry.count++
				if (t >= entry.latestAt) {
					entry.latestAt = t
					entry.latestValue = value
				}
				break
			}
			case 'check_answer': {
				if (typeof data?.correct !== 'boolean') break
				const checkKey = key ?? `#${checks.size}`
				const seen = checks.get(checkKey)
				if (!seen || t >= seen.at) checks.set(checkKey, { at: t, correct: data.correct })
				break
			}
			case 'path_complete': {
				const pathKey = key ?? `#${paths.size}`
				const seen = paths.get(pathKey)
				if (!seen || t >= seen.at) paths.set(pathKey, { at: t, level: levelOf(data) ?? 'intermediate' })
				break
			}
			case 'certificate_issued': {
				const certKey = key ?? `#${certificates.size}`
				certificates.set(certKey, Math.max(t, certificates.get(certKey) ?? t))
				break
			}
			case 'article_read':
			case 'article_view':
			case 'lesson_complete': {
				const level = levelOf(data)
				if (!level || !key) break
				const w = (event.kind === 'article_view' ? 0.5 : 1) * c.content.itemWeight * decayWeight((now - t) / DAY_MS, c.content.halfLifeDays)
				const seen = content.get(key)
				if (!seen || w > seen.weight) content.set(key, { weight: w, level })
				break
			}
		}
	}

	const evidence: Record<Kind, Evidence> = {
		quizzes: { weight: 0, weightedSum: 0 },
		checks: { weight: 0, weightedSum: 0 },
		paths: { weight: 0, weightedSum: 0 },
		content: { weight: 0, weightedSum: 0 },
		features: { weight: 0, weightedSum: 0 },
	}
	for (const q of quizzes.values()) {
		addEvidence(evidence.quizzes, (q.sum + q.latestValue) / (q.count + 1), q.difficultyWeight * decayWeight((now - q.latestAt) / DAY_MS, c.quiz.halfLifeDays))
	}
	// Checks are judged together: the share answered right, against the share a competent user gets.
	let checkWeight = 0
	let checkRight = 0
	for (const check of checks.values()) {
		const w = c.quiz.checkWeight * decayWeight((now - check.at) / DAY_MS, c.quiz.halfLifeDays)
		checkWeight += w
		if (check.correct) checkRight += w
	}
	if (checkWeight > 0) addEvidence(evidence.checks, relativeToMark(checkRight / checkWeight, c.quiz.checkMark), Math.min(checkWeight, c.quiz.checksMaxWeight))
	for (const path of paths.values()) {
		const decay = decayWeight((now - path.at) / DAY_MS, c.paths.halfLifeDays)
		addEvidence(evidence.paths, levelNumber(c.paths.values, path.level), levelNumber(c.paths.weights, path.level) * decay)
	}
	for (const at of certificates.values()) {
		addEvidence(evidence.paths, c.paths.values.intermediate, c.paths.certificateWeight * decayWeight((now - at) / DAY_MS, c.paths.halfLifeDays))
	}
	const levelCounts = { beginner: 0, intermediate: 0, advanced: 0 }
	for (const item of content.values()) {
		addEvidence(evidence.content, levelNumber(c.content.values, item.level), item.weight)
		levelCounts[item.level]++
	}
	capWeight(evidence.content, c.content.maxWeight)

	const own = featureAdoption(activity.productUsage, now, horizonMs)
	const shared = own.hasData ? undefined : featureAdoption(activity.accountUsage, now, horizonMs)
	const adoption = own.hasData ? own : shared?.hasData ? shared : own
	if (adoption.hasData) addEvidence(evidence.features, featureSkillValue(adoption.value, config), c.featureAdoptionWeight * (own.hasData ? 1 : c.accountFeatureShare))

	const total: Evidence = { weight: 0, weightedSum: 0 }
	for (const e of Object.values(evidence)) {
		total.weight += e.weight
		total.weightedSum += e.weightedSum
	}
	const noActivity = !anyEvent && !adoption.hasData
	const quizAverage = evidenceMean(evidence.quizzes)

	const breakdown = combine(
		[
			{
				key: 'quizzes',
				label: 'Quiz results',
				value: quizAverage,
				weight: evidence.quizzes.weight,
				explanation:
					quizzes.size === 0
						? 'No quiz attempts yet'
						: `${plural(quizzes.size, 'quiz', 'quizzes')}: ${percent(quizAverage)} on a scale where the pass mark is 50% (difficulty-adjusted)`,
			},
			{
				key: 'checks',
				label: 'Knowledge checks',
				value: evidenceMean(evidence.checks),
				weight: evidence.checks.weight,
				explanation:
					checks.size === 0
						? 'No knowledge checks answered yet'
						: `${percent(checkWeight > 0 ? checkRight / checkWeight : 0)} of ${plural(checks.size, 'knowledge check')} right`,
			},
			{
				key: 'paths',
				label: 'Paths and certificates',
				value: evidenceMean(evidence.paths),
				weight: evidence.paths.weight,
				explanation: pathExplanation(paths.size, certificates.size),
			},
			{
				key: 'content',
				label: 'Level of content used',
				value: evidenceMean(evidence.content),
				weight: evidence.content.weight,
				explanation: contentExplanation(levelCounts),
			},
			{
				key: 'features',
				label: 'Feature adoption',
				value: featureSkillValue(adoption.value, config),
				weight: evidence.features.weight,
				explanation: own.hasData || !shared?.hasData ? adoption.explanation : `Account: ${lowerFirst(adoption.explanation)}`,
				available: adoption.available || Boolean(activity.accountUsage),
			},
			{
				key: 'prior',
				label: 'Starting point',
				value: c.priorMean,
				weight: c.priorWeight,
				explanation: `Everyone starts at ${Math.round(c.priorMean * 100)} until evidence moves them`,
			},
		],
		total.weight < c.minimumEvidence,
		noActivity,
	)
	// The account's adoption is the account's observation, pooled once by the roll-up.
	const pooled: Evidence = own.hasData ? total : { weight: total.weight - evidence.features.weight, weightedSum: total.weightedSum - evidence.features.weightedSum }
	return { ...breakdown, evidence: pooled }
}

/** Skill of a group from pooled observations (each member's capped), plus the prior. */
export function pooledSkill(members: readonly Evidence[], config: ScoringConfig = defaultScoringConfig, extra?: Evidence) {
	const c = config.skill
	const pooled: Evidence = { weight: 0, weightedSum: 0 }
	for (const e of [...members, ...(extra ? [extra] : [])]) {
		pooled.weight += e.weight
		pooled.weightedSum += e.weightedSum
	}
	const estimate = (c.priorMean * c.priorWeight + pooled.weightedSum) / (c.priorWeight + pooled.weight)
	return { score: Math.round(clamp(estimate * 100, 0, 100)), evidence: pooled, lowEvidence: pooled.weight < c.minimumEvidence }
}

/**
 * A result on a scale where the mark a competent person reaches is the middle: 0 -> 0, the mark ->
 * 0.5, full marks -> 1. Passing a quiz is the line between low and high skill.
 */
export function relativeToMark(share: number, mark: number): number {
	const m = clamp(mark, 0.05, 0.95)
	const x = clamp01(share)
	return x >= m ? 0.5 + (0.5 * (x - m)) / (1 - m) : (0.5 * x) / m
}

function capWeight(evidence: Evidence, max: number) {
	if (evidence.weight <= max || evidence.weight === 0) return
	const scale = max / evidence.weight
	evidence.weight = max
	evidence.weightedSum *= scale
}

/** Time of an event in ms, clamped to `now`; undefined when invalid or beyond the horizon. */
function eventTime(event: ActivityEvent, now: number, horizonMs: number): number | undefined {
	const raw = event.at instanceof Date ? event.at.getTime() : Number.NaN
	if (!Number.isFinite(raw)) return undefined
	const t = raw > now ? now : raw
	return now - t > horizonMs ? undefined : t
}

/** A quiz attempt without a score (started, never submitted) or a check without a verdict shows nothing. */
export function scorable(event: ActivityEvent): boolean {
	const data = event.data as ScoringEventData | null | undefined
	if (event.kind === 'quiz_attempt') return finite(data?.score) !== undefined
	if (event.kind === 'check_answer') return typeof data?.correct === 'boolean'
	return true
}

/** Difficulty 1..3 from the row's difficulty, else its level; unknown means medium. */
export function difficultyOf(data: ScoringEventData | undefined): 1 | 2 | 3 {
	const d = finite(data?.difficulty)
	if (d !== undefined) return d <= 1.5 ? 1 : d >= 2.5 ? 3 : 2
	const level = levelOf(data)
	return level === 'beginner' ? 1 : level === 'advanced' ? 3 : 2
}

/** Weight of a quiz (or a path, by its level) of this difficulty: a hard one says more. */
export function difficultyWeight(config: ScoringConfig, data: ScoringEventData | undefined): number {
	return levelNumber(config.skill.quiz.weights, difficultyOf(data))
}

export function levelOf(data: ScoringEventData | undefined): Level | undefined {
	const level = data?.level
	return level === 'beginner' || level === 'intermediate' || level === 'advanced' ? level : undefined
}

function levelNumber(numbers: Record<Level, number>, level: Level | 1 | 2 | 3): number {
	if (level === 1) return numbers.beginner
	if (level === 3) return numbers.advanced
	if (level === 2) return numbers.intermediate
	return numbers[level]
}

/** Feature adoption from the most recent usage day within the horizon that reports it. */
/** What a share of features in use says about skill, 0..1. */
export function featureSkillValue(share: number, config: ScoringConfig): number {
	return clamp01(share / config.skill.featureAdoptionForFull)
}

export function featureAdoption(usage: readonly ProductUsageDay[] | undefined, now: number, horizonMs: number) {
	if (usage === undefined) {
		return { available: false, hasData: false, value: 0, explanation: 'No product usage data' }
	}
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
		return { available: true, hasData: false, value: 0, explanation: 'No feature adoption reported' }
	}
	return {
		available: true,
		hasData: true,
		value: adopted / available,
		explanation: `Uses ${Math.round(adopted)} of ${Math.round(available)} product features (${percent(adopted / available)})`,
	}
}

function pathExplanation(paths: number, certificates: number): string {
	if (paths === 0 && certificates === 0) return 'No paths completed yet'
	const done = `${plural(paths, 'path')} completed`
	return certificates > 0 ? `${done} and ${plural(certificates, 'certificate')} earned` : done
}

function contentExplanation(counts: Record<Level, number>): string {
	const total = counts.beginner + counts.intermediate + counts.advanced
	if (total === 0) return 'No articles or lessons of known level used yet'
	const parts = (['advanced', 'intermediate', 'beginner'] as const).filter((l) => counts[l] > 0).map((l) => `${counts[l]} ${l}`)
	return `${plural(total, 'article or lesson', 'articles and lessons')} used: ${parts.join(', ')}`
}

function lowerFirst(text: string): string {
	return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text
}
