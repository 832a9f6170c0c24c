import { defaultScoringConfig, type ScoringConfig } from '#app/domain/scoring/config.ts'
import { type UserActivity } from '#app/domain/scoring/inputs.ts'
import { segmentStatusFor, type Segment, type SegmentStatus } from '#app/domain/scoring/segments.ts'
import { scoreSkill, type SkillScore } from '#app/domain/scoring/skill.ts'
import { scoreWill, type WillScore } from '#app/domain/scoring/will.ts'

export type UserScore = {
	skill: SkillScore
	will: WillScore
	/** One of the four segments, or NOT_ENOUGH_EVIDENCE when either score rests on too little. */
	segment: SegmentStatus
	/** The segment the scores point to even when the evidence is thin. */
	leaning: Segment
	/** Latest activity seen (events or product usage), for the account roll-up; null if none. */
	lastActiveAt: Date | null
}

/** Skill, will and segment of one user: what the recompute job stores and the simulation checks. */
export function scoreUser(
	activity: UserActivity,
	config: ScoringConfig = defaultScoringConfig,
	previousSegment?: SegmentStatus | null,
): UserScore {
	const skill = scoreSkill(activity, config)
	const will = scoreWill(activity, config)
	const { segment, leaning } = segmentStatusFor(skill, will, config, previousSegment)
	return { skill, will, segment, leaning, lastActiveAt: lastActivity(activity) }
}

export function lastActivity(activity: UserActivity): Date | null {
	const now = activity.now.getTime()
	let last = Number.NEGATIVE_INFINITY
	for (const event of activity.events) {
		const t = event.at instanceof Date ? event.at.getTime() : Number.NaN
		if (t > last) last = t
	}
	for (const day of activity.productUsage ?? []) {
		if (!(typeof day.activeMinutes === 'number' && day.activeMinutes > 0) && !(typeof day.activeDays === 'number' && day.activeDays > 0)) continue
		const t = Date.parse(`${day.day}T00:00:00Z`)
		if (t > last) last = t
	}
	return last === Number.NEGATIVE_INFINITY ? null : new Date(Math.min(last, now))
}
