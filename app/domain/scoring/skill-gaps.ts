import { defaultScoringConfig, type ScoringConfig } from '#app/domain/scoring/config.ts'
import { type ActivityEvent, type ScoringEventData } from '#app/domain/scoring/inputs.ts'
import { clamp, decayWeight, finite } from '#app/domain/scoring/math.ts'
import { DAY_MS } from '#app/utils/time.ts'
import { difficultyWeight, scorable } from '#app/domain/scoring/skill.ts'

export type SkillGapInput = {
	now: Date
	events: readonly ActivityEvent[]
	/** The skill tags that matter (e.g. every tag of the paths this user may read), most important first. */
	tags: readonly string[]
	/** Skill tags an item teaches or tests, e.g. a quiz's path tags; undefined when unknown. */
	tagsOf: (itemKey: string) => readonly string[] | undefined
}

export type TagEvidence = { tag: string; evidence: number }

/**
 * Demonstrated evidence per skill tag: quiz results (score × difficulty × recency, latest attempt per
 * quiz), correct knowledge checks and completed paths. Reading alone is not evidence of skill.
 */
export function skillEvidenceByTag(input: SkillGapInput, config: ScoringConfig = defaultScoringConfig): TagEvidence[] {
	const c = config.skill
	const now = input.now.getTime()
	const evidence = new Map<string, number>()
	for (const tag of input.tags) evidence.set(tag, 0)
	const latest = new Map<string, number>()
	for (const event of input.events) {
		if (!event.itemKey || !counts(event) || !scorable(event)) continue
		const t = event.at instanceof Date ? event.at.getTime() : Number.NaN
		const key = `${event.kind}\u0000${event.itemKey}`
		if (Number.isFinite(t) && !(t <= (latest.get(key) ?? Number.NEGATIVE_INFINITY))) latest.set(key, t)
	}
	for (const event of input.events) {
		if (!event.itemKey || !counts(event) || !scorable(event)) continue
		const t = event.at instanceof Date ? event.at.getTime() : Number.NaN
		const key = `${event.kind}\u0000${event.itemKey}`
		if (latest.get(key) !== t) continue
		latest.set(key, Number.NaN)
		const age = Math.max(0, (now - t) / DAY_MS)
		if (age > c.horizonDays) continue
		const data = (event.data ?? undefined) as ScoringEventData | undefined
		let credit: number
		if (event.kind === 'quiz_attempt') {
			const score = finite(data?.score)
			if (score === undefined) continue
			credit = (clamp(score, 0, 100) / 100) * difficultyWeight(config, data) * decayWeight(age, c.quiz.halfLifeDays)
		} else if (event.kind === 'check_answer') {
			credit = data?.correct === true ? c.quiz.checkWeight * decayWeight(age, c.quiz.halfLifeDays) : 0
		} else {
			credit = difficultyWeight(config, data) * decayWeight(age, c.paths.halfLifeDays)
		}
		if (credit <= 0) continue
		for (const tag of input.tagsOf(event.itemKey) ?? []) {
			const previous = evidence.get(tag)
			if (previous !== undefined) evidence.set(tag, previous + credit)
		}
	}
	return Array.from(evidence, ([tag, value]) => ({ tag, evidence: value }))
}

/** Tags with less evidence than `skill.gapEvidence`, weakest first (ties keep the order of `tags`). */
export function skillGapsFor(input: SkillGapInput, config: ScoringConfig = defaultScoringConfig): string[] {
	return skillEvidenceByTag(input, config)
		.map((entry, index) => ({ ...entry, index }))
		.filter((entry) => entry.evidence < config.skill.gapEvidence)
		.sort((a, b) => a.evidence - b.evidence || a.index - b.index)
		.map((entry) => entry.tag)
}

function counts(event: ActivityEvent): boolean {
	return event.kind === 'quiz_attempt' || event.kind === 'check_answer' || event.kind === 'path_complete'
}
