import type { Quiz } from '#app/domain/learning/quiz-schema.ts'

/**
 * When a learner may start or submit a quiz attempt.
 *
 * - Every started attempt counts toward `attemptLimit`, submitted or not: otherwise opening
 *   attempts without submitting would reveal more of the question pool. Callers should therefore
 *   resume an open (unsubmitted) attempt rather than start another.
 * - The cooldown runs from the most recent submitted attempt, and only when that one failed.
 * - Passing does not lock a quiz: a passed quiz may be retaken while attempts remain (to improve
 *   the score); a later fail does not undo the pass.
 */

export type AttemptRecord = {
	id?: string
	startedAt: Date
	submittedAt?: Date | null
	passed?: boolean | null
}

export type AttemptDecision = { ok: true } | { ok: false; reason: string; retryAt?: Date }

type Policy = Pick<Quiz, 'attemptLimit' | 'cooldownMinutes'>

const MINUTE = 60_000

function limitReached(limit: number): AttemptDecision {
	return { ok: false, reason: `attempt limit reached (${limit} of ${limit})` }
}

export function canStartAttempt({
	quiz,
	attempts,
	now,
}: {
	quiz: Policy
	attempts: readonly AttemptRecord[]
	now: Date
}): AttemptDecision {
	if (quiz.attemptLimit !== undefined && attempts.length >= quiz.attemptLimit) {
		return limitReached(quiz.attemptLimit)
	}
	const last = latestSubmitted(attempts)
	if (quiz.cooldownMinutes && last && last.passed !== true) {
		const retryAt = new Date(last.submittedAt.getTime() + quiz.cooldownMinutes * MINUTE)
		const waitMs = retryAt.getTime() - now.getTime()
		if (waitMs > 0) {
			const minutes = Math.ceil(waitMs / MINUTE)
			return {
				ok: false,
				reason: `wait ${minutes} more minute${minutes === 1 ? '' : 's'} before trying again`,
				retryAt,
			}
		}
	}
	return { ok: true }
}

/**
 * Whether the attempt `attemptId` may be submitted now. Refuses a second submission of the same
 * attempt, and an attempt beyond the limit (two attempts started at once can both pass
 * `canStartAttempt`; only those within the limit, oldest first, may be submitted).
 */
export function canSubmitAttempt({
	quiz,
	attempts,
	attemptId,
}: {
	quiz: Policy
	attempts: readonly AttemptRecord[]
	attemptId: string
}): AttemptDecision {
	const attempt = attempts.find((candidate) => candidate.id === attemptId)
	if (!attempt) return { ok: false, reason: 'this attempt does not exist' }
	if (attempt.submittedAt) return { ok: false, reason: 'this attempt was already submitted' }
	const limit = quiz.attemptLimit
	if (limit === undefined) return { ok: true }
	const submitted = attempts.filter((candidate) => candidate.submittedAt).length
	if (submitted >= limit) return limitReached(limit)
	const position = [...attempts]
		.sort(
			(a, b) =>
				a.startedAt.getTime() - b.startedAt.getTime() || String(a.id).localeCompare(String(b.id)),
		)
		.indexOf(attempt)
	if (position + 1 > limit) return limitReached(limit)
	return { ok: true }
}

function latestSubmitted(attempts: readonly AttemptRecord[]) {
	let latest: (AttemptRecord & { submittedAt: Date }) | undefined
	for (const attempt of attempts) {
		const submittedAt = attempt.submittedAt
		if (submittedAt && (!latest || submittedAt > latest.submittedAt)) {
			latest = { ...attempt, submittedAt }
		}
	}
	return latest
}
