import {
	stepKind,
	stepRef,
	type PathManifest,
	type PathStep,
} from '#app/domain/learning/path-manifest.ts'
import type { Assessment, Recommendation } from '#app/domain/learning/quiz-schema.ts'

export type StepProgress = { kind: 'lesson' | 'quiz'; ref: string; done: boolean }

export type PathProgress = {
	completed: number
	total: number
	/** integer 0-100; 100 only when every step is done */
	percent: number
	/** the first step not done yet, in path order; null when the path is complete */
	nextStep: PathStep | null
	isComplete: boolean
	steps: StepProgress[]
}

/**
 * A lesson step is done when the lesson was completed; a quiz step when the quiz was passed in any
 * attempt (a later failed retake does not undo it). Steps may be done in any order.
 */
export function pathProgress({
	steps,
	completedLessons,
	passedQuizzes,
}: {
	steps: readonly PathStep[]
	completedLessons: ReadonlySet<string>
	passedQuizzes: ReadonlySet<string>
}): PathProgress {
	const items = steps.map((step) => {
		const kind = stepKind(step)
		const ref = stepRef(step)
		const done = kind === 'lesson' ? completedLessons.has(ref) : passedQuizzes.has(ref)
		return { step, progress: { kind, ref, done } satisfies StepProgress }
	})
	const total = items.length
	const completed = items.filter((item) => item.progress.done).length
	// an empty path is never "complete": it must not issue a certificate
	const isComplete = total > 0 && completed === total
	return {
		completed,
		total,
		percent: total === 0 ? 0 : Math.floor((completed * 100) / total),
		nextStep: items.find((item) => !item.progress.done)?.step ?? null,
		isComplete,
		steps: items.map((item) => item.progress),
	}
}

/** A certificate is due when the path offers one and every step is done. */
export function isCertificateDue(
	manifest: Pick<PathManifest, 'certificate'>,
	progress: Pick<PathProgress, 'isComplete'>,
): boolean {
	return manifest.certificate && progress.isComplete
}

/** The recommendation band an assessment score falls in (scores are clamped to 0-100 integers). */
export function recommendFromAssessment(
	assessment: Pick<Assessment, 'recommendations'>,
	score: number,
): Recommendation | null {
	const clamped = Math.min(100, Math.max(0, Math.floor(score)))
	if (Number.isNaN(clamped)) return null
	return (
		assessment.recommendations.find(
			(band) => clamped >= band.minScore && clamped <= band.maxScore,
		) ?? null
	)
}
