import { randomUUID } from 'node:crypto'
import { recordEvent } from '#app/domain/engagement/record.server.ts'
import { canStartAttempt, canSubmitAttempt, type AttemptDecision } from '#app/domain/learning/attempt-policy.ts'
import { capitalise } from '#app/domain/learning/checks.server.ts'
import { drawQuestions } from '#app/domain/learning/draw.ts'
import { gradeAttempt, parseAnswersFromFormEntries, type QuestionFeedback } from '#app/domain/learning/grading.ts'
import { toPublicQuestions, type PublicQuestion } from '#app/domain/learning/public-question.ts'
import type { Quiz } from '#app/domain/learning/quiz-schema.ts'
import { answersRevealed, attemptAllowance, toResultView, type LessonLink, type ResultView, type RevealPolicy } from '#app/domain/learning/quiz-result-view.ts'
import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/utils/db.server.ts'

/**
 * Quiz attempts, for path quizzes and self-assessments alike (see docs/decisions/004-quiz-attempts.md).
 * - Starting is an explicit POST: a GET never creates an attempt, so reloading, prefetching or a
 *   crawler cannot use up attempts. An open attempt is resumed rather than a new one started.
 * - The questions of an attempt are drawn once, from the attempt id, and stored with it.
 * - A submission is graded on the server, all or nothing: a refusal changes nothing.
 * - While an attempt is open the page carries only public questions, not even the feedback of an
 *   earlier attempt, so no answer key is in any response before that attempt is submitted.
 * - After a failed path-quiz attempt the page says which answers were wrong, not what is right,
 *   while attempts remain (quiz-result-view.ts).
 */

export type QuizRef = {
	/** Quiz row id */
	id: string
	/** `quiz:<path>/<id>` or `assessment:<id>`: the engagement item key */
	itemKey: string
	definition: Quiz
}

export type StoredResult = {
	score: number
	passed: boolean
	passMark: number
	correctCount: number
	total: number
	feedback: QuestionFeedback[]
}

export type AttemptSummary = { id: string; startedAt: Date; submittedAt: Date | null; score: number | null; passed: boolean | null }

export type QuizView = {
	quiz: {
		title: string
		description: string | null
		passMark: number
		attemptLimit: number | null
		cooldownMinutes: number | null
		questionCount: number
	}
	attemptsUsed: number
	attemptsLeft: number | null
	open: { id: string; questions: PublicQuestion[] } | null
	canStart: AttemptDecision
	passed: boolean
	bestScore: number | null
	/** "You have 3 attempts; 2 left.", stated before an attempt starts */
	allowance: string
	/**
	 * The latest submitted attempt, as the learner may see it (quiz-result-view.ts): right answers and
	 * explanations only once the reveal policy allows; null while an attempt is open.
	 */
	lastResult: (ResultView & { attemptId: string; submittedAt: Date }) | null
	history: AttemptSummary[]
}

export type QuizViewOptions = {
	/** Path quizzes keep the answer key back until a pass or the last attempt (the default); self-assessments show it at once. */
	reveal?: RevealPolicy
	/** The lesson teaching a question, linked from a wrong answer. */
	lessonFor?: (questionId: string) => LessonLink | null
}

export type AttemptRefusal = { ok: false; status: 400 | 409; error: string }

async function attemptsOf(db: Prisma.TransactionClient | typeof prisma, userId: string, quizId: string) {
	const rows = await db.quizAttempt.findMany({
		where: { userId, quizId },
		select: { id: true, createdAt: true, submittedAt: true, score: true, passed: true, questionIds: true, feedback: true },
		orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
	})
	return rows.map((row) => ({
		...row,
		startedAt: row.createdAt,
		questionIds: JSON.parse(row.questionIds) as string[],
	}))
}

type AttemptRow = Awaited<ReturnType<typeof attemptsOf>>[number]

/** An open attempt whose drawn questions were removed from the quiz by a re-sync cannot be submitted. */
function isStale(attempt: AttemptRow, quiz: Quiz) {
	const ids = new Set(quiz.questions.map((question) => question.id))
	return attempt.questionIds.some((id) => !ids.has(id))
}

function policyOf(quiz: Quiz) {
	return { attemptLimit: quiz.attemptLimit, cooldownMinutes: quiz.cooldownMinutes }
}

export async function getQuizView(quiz: QuizRef, userId: string, options: QuizViewOptions = {}, now = new Date()): Promise<QuizView> {
	const definition = quiz.definition
	const attempts = await attemptsOf(prisma, userId, quiz.id)
	const open = attempts.find((attempt) => !attempt.submittedAt && !isStale(attempt, definition)) ?? null
	const submitted = attempts.filter((attempt) => attempt.submittedAt)
	const latest = submitted.at(-1)
	const scores = submitted.flatMap((attempt) => (attempt.score === null ? [] : [attempt.score]))
	const limit = definition.attemptLimit ?? null
	const attemptsLeft = limit === null ? null : Math.max(0, limit - attempts.length)
	const passed = submitted.some((attempt) => attempt.passed)
	const answersShown = answersRevealed(options.reveal ?? 'after-pass-or-last-attempt', { passed, attemptsLeft })
	return {
		quiz: {
			title: definition.title,
			description: definition.description ?? null,
			passMark: definition.passMark,
			attemptLimit: limit,
			cooldownMinutes: definition.cooldownMinutes ?? null,
			questionCount: definition.drawCount ?? definition.questions.length,
		},
		attemptsUsed: attempts.length,
		attemptsLeft,
		open: open ? { id: open.id, questions: toPublicQuestions(definition, open.questionIds) } : null,
		canStart: open ? { ok: true } : canStartAttempt({ quiz: policyOf(definition), attempts, now }),
		passed,
		bestScore: scores.length ? Math.max(...scores) : null,
		allowance: attemptAllowance(limit, attempts.length),
		lastResult:
			!open && latest?.feedback && latest.submittedAt
				? {
						...toResultView(JSON.parse(latest.feedback) as StoredResult, { answersShown, lessonFor: options.lessonFor }),
						attemptId: latest.id,
						submittedAt: latest.submittedAt,
					}
				: null,
		history: attempts.map(({ id, startedAt, submittedAt, score, passed }) => ({ id, startedAt, submittedAt, score, passed })),
	}
}

/**
 * Resumes the learner's open attempt or starts a new one within the limit and cooldown.
 * Every started attempt counts toward the limit (attempt-policy.ts).
 */
export async function startAttempt(
	learner: { id: string },
	quiz: QuizRef,
	now = new Date(),
): Promise<{ ok: true; attemptId: string; resumed: boolean } | AttemptRefusal> {
	const definition = quiz.definition
	return prisma.$transaction(async (tx) => {
		const attempts = await attemptsOf(tx, learner.id, quiz.id)
		const open = attempts.filter((attempt) => !attempt.submittedAt)
		const live = open.find((attempt) => !isStale(attempt, definition))
		if (live) return { ok: true as const, attemptId: live.id, resumed: true }
		// Stale open attempts showed questions that no longer exist; they are dropped, not counted.
		const stale = open.map((attempt) => attempt.id)
		if (stale.length) await tx.quizAttempt.deleteMany({ where: { id: { in: stale }, submittedAt: null } })
		const counted = attempts.filter((attempt) => !stale.includes(attempt.id))
		const decision = canStartAttempt({ quiz: policyOf(definition), attempts: counted, now })
		if (!decision.ok) return { ok: false as const, status: 409 as const, error: `You cannot start another attempt: ${decision.reason}.` }
		const id = randomUUID()
		const questionIds = drawQuestions(definition, id).map((question) => question.id)
		await tx.quizAttempt.create({ data: { id, userId: learner.id, quizId: quiz.id, questionIds: JSON.stringify(questionIds), createdAt: now } })
		return { ok: true as const, attemptId: id, resumed: false }
	})
}

export type Submission = { ok: true; attemptId: string; result: StoredResult; certificateId: string | null } | AttemptRefusal

/**
 * Grades a submission of form entries (`attemptId` plus `answer.<questionId>` fields). Refused,
 * with nothing written, when the attempt is not the learner's open attempt, lies beyond the limit,
 * or the answers name unknown questions or options, answer twice or leave a question out.
 * `afterGrade` runs in the same transaction (path completion, certificate) and returns a certificate id.
 */
export async function submitAttempt(
	learner: { id: string; accountId: string | null },
	quiz: QuizRef,
	attemptId: string,
	entries: Iterable<readonly [string, unknown]>,
	afterGrade?: (tx: Prisma.TransactionClient, result: StoredResult) => Promise<string | null>,
	now = new Date(),
): Promise<Submission> {
	const definition = quiz.definition
	const attempts = await attemptsOf(prisma, learner.id, quiz.id)
	const decision = canSubmitAttempt({ quiz: policyOf(definition), attempts, attemptId })
	if (!decision.ok) return { ok: false, status: 409, error: `This submission was refused: ${decision.reason}.` }
	const attempt = attempts.find((candidate) => candidate.id === attemptId)!
	const parsed = parseAnswersFromFormEntries(entries, definition.questions)
	if (!parsed.ok) return { ok: false, status: 400, error: capitalise(parsed.error) }
	const graded = gradeAttempt({ quiz: definition, drawnQuestionIds: attempt.questionIds, answers: parsed.answers })
	if (!graded.ok) return { ok: false, status: 400, error: capitalise(graded.error) }
	const result: StoredResult = {
		score: graded.score,
		passed: graded.passed,
		passMark: graded.passMark,
		correctCount: graded.correctCount,
		total: graded.total,
		feedback: graded.feedback,
	}
	return prisma.$transaction(async (tx) => {
		// Only an attempt still open is updated: of two submissions racing, the second changes nothing.
		const updated = await tx.quizAttempt.updateMany({
			where: { id: attemptId, userId: learner.id, submittedAt: null },
			data: { submittedAt: now, score: result.score, passed: result.passed, feedback: JSON.stringify(result) },
		})
		if (updated.count === 0) {
			return { ok: false as const, status: 409 as const, error: 'This submission was refused: this attempt was already submitted.' }
		}
		await recordEvent(tx, {
			kind: 'quiz_attempt',
			userId: learner.id,
			accountId: learner.accountId,
			itemKey: quiz.itemKey,
			data: { score: result.score, difficulty: definition.difficulty, passed: result.passed },
			occurredAt: now,
		})
		const certificateId = afterGrade ? await afterGrade(tx, result) : null
		return { ok: true as const, attemptId, result, certificateId }
	})
}
