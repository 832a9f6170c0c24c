import { describe, expect, test } from 'vitest'
import type { Question } from '#app/domain/learning/quiz-schema.ts'
import { toPublicQuestion, toPublicQuestions } from '#app/domain/learning/public-question.ts'
import { makeQuiz } from './fixtures.ts'

const quiz = makeQuiz()

function byType<T extends Question['type']>(type: T) {
	return quiz.questions.find((q) => q.type === type) as Extract<Question, { type: T }>
}

describe('toPublicQuestion', () => {
	test.each(quiz.questions.map((q) => [q.type, q] as const))(
		'%s: the JSON has only id, type, prompt and options, and no explanation',
		(_type, question) => {
			const publicQuestion = toPublicQuestion(question)
			const json = JSON.stringify(publicQuestion)
			expect(Object.keys(publicQuestion).sort()).toEqual(
				question.type === 'numeric' ? ['id', 'prompt', 'type'] : ['id', 'options', 'prompt', 'type'],
			)
			expect(json).not.toContain('correct')
			expect(json).not.toContain('explanation')
			expect(json).not.toContain('tolerance')
			expect(json).not.toContain(question.explanation)
			expect(json).not.toContain('SECRET')
		},
	)

	test('single and multiple: options without any marking of the right ones', () => {
		const single = byType('single')
		expect(toPublicQuestion(single)).toEqual({
			id: 'q-sources',
			type: 'single',
			prompt: single.prompt,
			options: single.options.map(({ id, text }) => ({ id, text })),
		})
		// the same options in the same order whichever is correct
		const otherAnswer = { ...single, correct: 'a' }
		expect(toPublicQuestion(otherAnswer)).toEqual(toPublicQuestion(single))
		const multiple = byType('multiple')
		expect(toPublicQuestion({ ...multiple, correct: ['sound'] })).toEqual(toPublicQuestion(multiple))
	})

	test('true/false: identical whether the statement is true or false', () => {
		const statement = byType('truefalse')
		expect(toPublicQuestion({ ...statement, correct: false })).toEqual(toPublicQuestion(statement))
		expect(toPublicQuestion(statement).options).toEqual([
			{ id: 'true', text: 'True' },
			{ id: 'false', text: 'False' },
		])
	})

	test('numeric: the correct number appears nowhere', () => {
		const numeric = byType('numeric')
		const json = JSON.stringify(toPublicQuestion({ ...numeric, correct: 987654, tolerance: 321 }))
		expect(json).not.toContain('987654')
		expect(json).not.toContain('321')
	})

	test('extra fields on a question object never pass through', () => {
		const withExtra = { ...byType('single'), answerKey: 'b', notes: 'internal' } as Question
		expect(JSON.stringify(toPublicQuestion(withExtra))).not.toMatch(/answerKey|internal/)
	})
})

test('toPublicQuestions keeps the drawn order and skips ids the quiz no longer has', () => {
	const result = toPublicQuestions(quiz, ['q-refresh', 'gone', 'q-sources'])
	expect(result.map((q) => q.id)).toEqual(['q-refresh', 'q-sources'])
})
