import { z } from 'zod'
import type { Question, QuestionOption, Quiz } from '#app/domain/learning/quiz-schema.ts'

/**
 * Server-side scoring of quizzes and knowledge checks.
 *
 * Rules:
 * - A submission is all or nothing: an unknown question or option, a question answered twice,
 *   a question outside the attempt or a missing answer refuses the whole submission with one
 *   readable error, and the caller records nothing.
 * - Multiple choice is an exact set match: every correct option and no other. There is no
 *   partial credit, so guessing "tick everything" never earns points.
 * - Numeric answers are right when |given - correct| <= tolerance (default 0).
 * - Score = floor(100 * correct / total), so 100 means all right and `score >= passMark`
 *   agrees with the exact ratio (2 of 3 is 66, which fails a pass mark of 67).
 */

export const AnswerValueSchema = z.union([
	z.string(),
	z.array(z.string()),
	z.number(),
	z.boolean(),
])
export type AnswerValue = z.output<typeof AnswerValueSchema>

/** Answers keyed by question id, as parsed from a form (strings) or sent as JSON. */
export const SubmissionSchema = z.record(z.string().min(1).max(200), AnswerValueSchema)
export type Answers = z.output<typeof SubmissionSchema>

export type Refusal = { ok: false; error: string }

export type QuestionFeedback = {
	questionId: string
	prompt: string
	correct: boolean
	/** what the learner answered, as display text */
	given: string
	/** the right answer, as display text */
	expected: string
	explanation: string
}

export type GradeResult =
	| Refusal
	| {
			ok: true
			/** integer 0-100 */
			score: number
			correctCount: number
			total: number
			passed: boolean
			passMark: number
			feedback: QuestionFeedback[]
	  }

export type CheckResult =
	| Refusal
	| ({ ok: true } & Omit<QuestionFeedback, 'questionId' | 'prompt'>)

/** Form fields are named `answer.<questionId>`; a multiple-choice question sends one per ticked option. */
export const ANSWER_FIELD_PREFIX = 'answer.'

export function answerFieldName(questionId: string): string {
	return `${ANSWER_FIELD_PREFIX}${questionId}`
}

function refuse(error: string): Refusal {
	return { ok: false, error }
}

/**
 * Collects `answer.<id>` fields from form entries (e.g. `[...formData]`), ignoring other fields.
 * Pass every question of the quiz (not only the drawn ones) so that `gradeAttempt` can tell
 * "unknown question" from "not in this attempt". Empty values count as unanswered.
 * Refuses a second value for a single-answer question, and the same option ticked twice.
 */
export function parseAnswersFromFormEntries(
	entries: Iterable<readonly [string, unknown]>,
	questions: readonly Question[],
): { ok: true; answers: Answers } | Refusal {
	const byId = new Map(questions.map((question) => [question.id, question]))
	const answers = new Map<string, string | string[]>()
	for (const [name, raw] of entries) {
		if (!name.startsWith(ANSWER_FIELD_PREFIX)) continue
		const id = name.slice(ANSWER_FIELD_PREFIX.length)
		const question = byId.get(id)
		if (!question) return refuse(`unknown question ${id}`)
		if (typeof raw !== 'string') return refuse(`answer for ${id} must be text`)
		const value = raw.trim()
		if (value === '') continue
		const earlier = answers.get(id)
		if (question.type === 'multiple') {
			const chosen = Array.isArray(earlier) ? earlier : []
			if (chosen.includes(value)) return refuse(`option ${value} chosen twice for question ${id}`)
			answers.set(id, [...chosen, value])
		} else {
			if (earlier !== undefined) return refuse(`question ${id} answered twice`)
			answers.set(id, value)
		}
	}
	return { ok: true, answers: Object.fromEntries(answers) }
}

type Normalised =
	| { type: 'single'; value: string }
	| { type: 'multiple'; value: string[] }
	| { type: 'truefalse'; value: boolean }
	| { type: 'numeric'; value: number }

// '12', '-3', '12.0', '.5' with optional surrounding spaces; not '1,5', '12abc', '0x10' or 'Infinity'.
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/

/** A single value from a value that may be a one-element list; two or more is answering twice. */
function singleValue(
	question: Question,
	value: AnswerValue,
): { ok: true; value: string | number | boolean } | Refusal {
	if (!Array.isArray(value)) return { ok: true, value }
	if (value.length === 0) return refuse(`missing answer for ${question.id}`)
	if (value.length > 1) return refuse(`question ${question.id} answered twice`)
	return { ok: true, value: value[0]! }
}

function normaliseAnswer(
	question: Question,
	answer: AnswerValue,
): { ok: true; answer: Normalised } | Refusal {
	const id = question.id
	switch (question.type) {
		case 'single': {
			const one = singleValue(question, answer)
			if (!one.ok) return one
			if (typeof one.value === 'boolean') return refuse(`answer for ${id} must be one option`)
			const value = String(one.value).trim()
			if (value === '') return refuse(`missing answer for ${id}`)
			if (!question.options.some((option) => option.id === value)) {
				return refuse(`unknown option ${value} for question ${id}`)
			}
			return { ok: true, answer: { type: 'single', value } }
		}
		case 'multiple': {
			const list = Array.isArray(answer) ? answer : [answer]
			const chosen: string[] = []
			for (const item of list) {
				if (typeof item === 'boolean') return refuse(`answer for ${id} must be options`)
				const value = String(item).trim()
				if (value === '') continue
				if (!question.options.some((option) => option.id === value)) {
					return refuse(`unknown option ${value} for question ${id}`)
				}
				if (chosen.includes(value)) return refuse(`option ${value} chosen twice for question ${id}`)
				chosen.push(value)
			}
			if (chosen.length === 0) return refuse(`missing answer for ${id}`)
			return { ok: true, answer: { type: 'multiple', value: chosen } }
		}
		case 'truefalse': {
			const one = singleValue(question, answer)
			if (!one.ok) return one
			if (typeof one.value === 'boolean') return { ok: true, answer: { type: 'truefalse', value: one.value } }
			const text = String(one.value).trim().toLowerCase()
			if (text === '') return refuse(`missing answer for ${id}`)
			if (text !== 'true' && text !== 'false') return refuse(`answer for ${id} must be true or false`)
			return { ok: true, answer: { type: 'truefalse', value: text === 'true' } }
		}
		case 'numeric': {
			const one = singleValue(question, answer)
			if (!one.ok) return one
			if (typeof one.value === 'number') {
				if (!Number.isFinite(one.value)) return refuse(`answer for ${id} must be a number`)
				return { ok: true, answer: { type: 'numeric', value: one.value } }
			}
			if (typeof one.value === 'boolean') return refuse(`answer for ${id} must be a number`)
			const text = one.value.trim()
			if (text === '') return refuse(`missing answer for ${id}`)
			if (!DECIMAL.test(text)) return refuse(`answer for ${id} must be a number`)
			return { ok: true, answer: { type: 'numeric', value: Number(text) } }
		}
	}
}

// In the order the author listed them, so the same set always reads the same.
function optionTexts(options: readonly QuestionOption[], ids: readonly string[]): string {
	return options
		.filter((option) => ids.includes(option.id))
		.map((option) => option.text)
		.join(', ')
}

function isRight(question: Question, answer: Normalised): boolean {
	if (question.type === 'single' && answer.type === 'single') return answer.value === question.correct
	if (question.type === 'multiple' && answer.type === 'multiple') {
		const correct = new Set(question.correct)
		return answer.value.length === correct.size && answer.value.every((id) => correct.has(id))
	}
	if (question.type === 'truefalse' && answer.type === 'truefalse') return answer.value === question.correct
	if (question.type === 'numeric' && answer.type === 'numeric') {
		// Slack for binary fractions: 1.3 - 1.2 is 0.10000000000000009, which must still be within 0.1.
		const slack = 1e-9 * Math.max(1, Math.abs(question.correct))
		return Math.abs(answer.value - question.correct) <= question.tolerance + slack
	}
	return false
}

function displayGiven(question: Question, answer: Normalised): string {
	switch (answer.type) {
		case 'single':
		case 'multiple':
			return 'options' in question
				? optionTexts(question.options, answer.type === 'single' ? [answer.value] : answer.value)
				: ''
		case 'truefalse':
			return answer.value ? 'True' : 'False'
		case 'numeric':
			return String(answer.value)
	}
}

function displayExpected(question: Question): string {
	switch (question.type) {
		case 'single':
			return optionTexts(question.options, [question.correct])
		case 'multiple':
			return optionTexts(question.options, question.correct)
		case 'truefalse':
			return question.correct ? 'True' : 'False'
		case 'numeric':
			return question.tolerance > 0
				? `${question.correct} (± ${question.tolerance})`
				: String(question.correct)
	}
}

function feedbackFor(question: Question, answer: Normalised): QuestionFeedback {
	return {
		questionId: question.id,
		prompt: question.prompt,
		correct: isRight(question, answer),
		given: displayGiven(question, answer),
		expected: displayExpected(question),
		explanation: question.explanation,
	}
}

/**
 * Grades one submitted attempt. `drawnQuestionIds` are the ids stored when the attempt started;
 * `answers` come from `parseAnswersFromFormEntries` or a validated `SubmissionSchema`.
 * Whether the attempt may be submitted at all (limit, already submitted) is `canSubmitAttempt`.
 */
export function gradeAttempt({
	quiz,
	drawnQuestionIds,
	answers,
}: {
	quiz: Pick<Quiz, 'questions' | 'passMark'>
	drawnQuestionIds: readonly string[]
	answers: Answers
}): GradeResult {
	const byId = new Map(quiz.questions.map((question) => [question.id, question]))
	const drawn = [...new Set(drawnQuestionIds)]
	if (drawn.length === 0) return refuse('this attempt has no questions')
	for (const id of drawn) {
		if (!byId.has(id)) return refuse(`question ${id} is no longer part of this quiz; start a new attempt`)
	}
	const inAttempt = new Set(drawn)
	for (const id of Object.keys(answers)) {
		if (!byId.has(id)) return refuse(`unknown question ${id}`)
		if (!inAttempt.has(id)) return refuse(`question ${id} was not in this attempt`)
	}

	const feedback: QuestionFeedback[] = []
	for (const id of drawn) {
		const question = byId.get(id)!
		const answer = Object.hasOwn(answers, id) ? answers[id] : undefined
		if (answer === undefined) return refuse(`missing answer for ${id}`)
		const normalised = normaliseAnswer(question, answer)
		if (!normalised.ok) return normalised
		feedback.push(feedbackFor(question, normalised.answer))
	}

	const correctCount = feedback.filter((item) => item.correct).length
	const total = feedback.length
	const score = Math.floor((correctCount * 100) / total)
	return {
		ok: true,
		score,
		correctCount,
		total,
		passed: score >= quiz.passMark,
		passMark: quiz.passMark,
		feedback,
	}
}

/** Scores one knowledge check (`<Check id>`) answer; same answer rules as a quiz question. */
export function gradeCheck(question: Question, answer: AnswerValue | undefined): CheckResult {
	if (answer === undefined) return refuse(`missing answer for ${question.id}`)
	const normalised = normaliseAnswer(question, answer)
	if (!normalised.ok) return normalised
	const { correct, given, expected, explanation } = feedbackFor(question, normalised.answer)
	return { ok: true, correct, given, expected, explanation }
}
