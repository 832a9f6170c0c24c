import type { Question, QuestionType } from '#app/domain/learning/quiz-schema.ts'

/** What the browser may see of a question before the attempt is submitted. */
export type PublicQuestion = {
	id: string
	type: QuestionType
	prompt: string
	options?: Array<{ id: string; text: string }>
}

// Both answers are always offered, so listing them reveals nothing and lets the UI render
// true/false like any other single-choice question.
const TRUE_FALSE_OPTIONS = [
	{ id: 'true', text: 'True' },
	{ id: 'false', text: 'False' },
]

/**
 * Builds the public view field by field (never by spreading the question and deleting keys),
 * so a field added to the schema later stays server-side until someone adds it here on purpose.
 */
export function toPublicQuestion(question: Question): PublicQuestion {
	const { id, type, prompt } = question
	switch (question.type) {
		case 'single':
		case 'multiple':
			return {
				id,
				type,
				prompt,
				options: question.options.map((option) => ({ id: option.id, text: option.text })),
			}
		case 'truefalse':
			return { id, type, prompt, options: TRUE_FALSE_OPTIONS.map((option) => ({ ...option })) }
		case 'numeric':
			return { id, type, prompt }
	}
}

/**
 * The public questions of one attempt, in the drawn order. An id the quiz no longer has
 * (content re-synced mid-attempt) is left out; grading then refuses the attempt.
 */
export function toPublicQuestions(
	quiz: { questions: readonly Question[] },
	drawnQuestionIds: readonly string[],
): PublicQuestion[] {
	const byId = new Map(quiz.questions.map((question) => [question.id, question]))
	return drawnQuestionIds.flatMap((id) => {
		const question = byId.get(id)
		return question ? [toPublicQuestion(question)] : []
	})
}
