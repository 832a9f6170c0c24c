import type { QuestionFeedback } from '#app/domain/learning/grading.ts'
import { plural } from '#app/utils/plural.ts'

/**
 * What a learner sees of a graded quiz attempt, and what comes after it. Pure: the quiz page's
 * loader builds these from the stored result so that the answer key (right answers and
 * explanations) leaves the server only when the learner may have it.
 */

export type LessonLink = { title: string; href: string }

export type ResultItem = {
	questionId: string
	prompt: string
	/** named apart from a question's `correct` (its answer key), which never leaves the server early */
	answeredCorrectly: boolean
	/** what the learner answered, as display text */
	given: string
	/** the right answer; only once answers are revealed */
	expected?: string
	/** only once answers are revealed */
	explanation?: string
	/** the lesson that teaches a question answered wrongly */
	lesson: LessonLink | null
}

export type ResultView = {
	score: number
	passed: boolean
	passMark: number
	correctCount: number
	total: number
	/** true once the learner passed or used every attempt: right answers and explanations are included */
	answersShown: boolean
	items: ResultItem[]
}

/** How a quiz reveals its answers: after any submission (self-assessments), or only once passed or out of attempts. */
export type RevealPolicy = 'after-submission' | 'after-pass-or-last-attempt'

/**
 * A failed attempt with attempts left would make the retake trivial if it showed the right answers,
 * so they wait until the learner has passed (in any attempt) or has no attempt left. An unlimited
 * quiz therefore shows them only after a pass.
 */
export function answersRevealed(policy: RevealPolicy, state: { passed: boolean; attemptsLeft: number | null }): boolean {
	if (policy === 'after-submission') return true
	return state.passed || state.attemptsLeft === 0
}

/**
 * The stored result as the browser may see it. Built field by field, never by spreading the stored
 * feedback, so nothing of the answer key rides along unless `answersShown`.
 */
export function toResultView(
	result: { score: number; passed: boolean; passMark: number; correctCount: number; total: number; feedback: readonly QuestionFeedback[] },
	options: { answersShown: boolean; lessonFor?: (questionId: string) => LessonLink | null },
): ResultView {
	const { answersShown } = options
	return {
		score: result.score,
		passed: result.passed,
		passMark: result.passMark,
		correctCount: result.correctCount,
		total: result.total,
		answersShown,
		items: result.feedback.map((item) => ({
			questionId: item.questionId,
			prompt: item.prompt,
			answeredCorrectly: item.correct,
			given: item.given,
			...(answersShown ? { expected: item.expected, explanation: item.explanation } : {}),
			lesson: item.correct ? null : (options.lessonFor?.(item.questionId) ?? null),
		})),
	}
}


/** The attempt limit in words, shown before an attempt starts: "You have 3 attempts; 2 left." */
export function attemptAllowance(limit: number | null, used: number): string {
	if (limit === null) return 'You have unlimited attempts.'
	const left = Math.max(0, limit - used)
	if (left === 0) return `You have used all ${plural(limit, 'attempt')}.`
	return `You have ${plural(limit, 'attempt')}; ${left} left.`
}

export type FollowUpAction = { label: string; href: string }

/** What a path quiz's result page offers next: one primary action and a sentence saying why. */
export type QuizFollowUp = { message: string; primary: FollowUpAction | null; secondary: FollowUpAction | null }

/**
 * After a pass: the certificate first when the path issued one; else the next unfinished step, or
 * (the path finished) the next path. Before a pass there is no follow-up: retaking (and the
 * lessons linked from wrong answers) is the way on.
 */
export function quizFollowUp(input: {
	passed: boolean
	pathHref: string
	certificateId: string | null
	/** steps of the path not done yet, in path order */
	remaining: ReadonlyArray<{ title: string; href: string }>
	nextPath: { title: string; href: string } | null
}): QuizFollowUp | null {
	if (!input.passed) return null
	const nextPath = input.nextPath ? { label: `Next path: ${input.nextPath.title}`, href: input.nextPath.href } : null
	const firstLeft = input.remaining[0]
	if (firstLeft) {
		return {
			message: `You passed. ${plural(input.remaining.length, 'step')} of this path still to do.`,
			primary: { label: `Next: ${firstLeft.title}`, href: firstLeft.href },
			secondary: { label: 'Back to the path', href: input.pathHref },
		}
	}
	if (input.certificateId) {
		return {
			message: 'You passed and completed the path: your certificate is ready.',
			primary: { label: 'View your certificate', href: `/certificates/${input.certificateId}` },
			secondary: nextPath,
		}
	}
	return {
		message: 'You passed and completed the path.',
		primary: nextPath ?? { label: 'Browse training paths', href: '/paths' },
		secondary: nextPath ? { label: 'Back to the path', href: input.pathHref } : null,
	}
}
