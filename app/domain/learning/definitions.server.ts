import { AssessmentSchema, QuestionSchema, QuizSchema, type Assessment, type Question, type Quiz } from '#app/domain/learning/quiz-schema.ts'

/**
 * Stored definitions (Quiz.definition, CheckQuestion.definition) are JSON the sync wrote after
 * validating it. They are parsed again on read so the types are earned, not cast; a row that no
 * longer parses (a schema change without a re-sync) fails loudly instead of grading wrongly.
 */

export function parseQuizDefinition(json: string): Quiz {
	return QuizSchema.parse(JSON.parse(json))
}

export function parseAssessmentDefinition(json: string): Assessment {
	return AssessmentSchema.parse(JSON.parse(json))
}

export function parseCheckDefinition(json: string): Question {
	return QuestionSchema.parse(JSON.parse(json))
}
