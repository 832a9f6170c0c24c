import { describe, expect, test } from 'vitest'
import {
	SubmissionSchema,
	answerFieldName,
	gradeAttempt,
	gradeCheck,
	parseAnswersFromFormEntries,
	type Answers,
} from '#app/domain/learning/grading.ts'
import type { Question } from '#app/domain/learning/quiz-schema.ts'
import { ALL_IDS, ALL_RIGHT, makeQuiz } from './fixtures.ts'

const quiz = makeQuiz()
const question = (id: string) => quiz.questions.find((q) => q.id === id)!

function grade(answers: Answers, drawnQuestionIds: string[] = ALL_IDS) {
	return gradeAttempt({ quiz, drawnQuestionIds, answers })
}

function withoutKey(answers: Answers, key: string): Answers {
	return Object.fromEntries(Object.entries(answers).filter(([id]) => id !== key))
}

function scoreOf(answers: Answers, drawn?: string[]) {
	const result = grade(answers, drawn)
	if (!result.ok) throw new Error(result.error)
	return result
}

describe('gradeAttempt: scoring', () => {
	test('all right: 100, passed, feedback per question in drawn order', () => {
		const result = scoreOf(ALL_RIGHT)
		expect(result).toMatchObject({ score: 100, correctCount: 5, total: 5, passed: true, passMark: 70 })
		expect(result.feedback.map((item) => item.questionId)).toEqual(ALL_IDS)
		expect(result.feedback[0]).toEqual({
			questionId: 'q-sources',
			prompt: 'Which connector type refreshes on a schedule?',
			correct: true,
			given: 'Warehouse connection',
			expected: 'Warehouse connection',
			explanation: 'SECRET-EXPLANATION-SINGLE warehouse connections sync on schedule.',
		})
	})

	test('wrong answers: feedback shows what was given and what was expected', () => {
		const result = scoreOf({ ...ALL_RIGHT, 'q-sources': 'a', 'q-cache': 'false', 'q-ratio': '2' })
		expect(result).toMatchObject({ score: 40, correctCount: 2, total: 5, passed: false })
		expect(result.feedback[0]).toMatchObject({ correct: false, given: 'CSV upload', expected: 'Warehouse connection' })
		expect(result.feedback[2]).toMatchObject({ correct: false, given: 'False', expected: 'True' })
		expect(result.feedback[4]).toMatchObject({ correct: false, given: '2', expected: '1.2 (± 0.1)' })
	})

	test('score is floored, so pass/fail agrees with the exact ratio', () => {
		const three = ['q-sources', 'q-cache', 'q-refresh']
		const twoOfThree = scoreOf({ 'q-sources': 'b', 'q-cache': 'true', 'q-refresh': '14' }, three)
		expect(twoOfThree.score).toBe(66)
		const strict = gradeAttempt({ quiz: { ...quiz, passMark: 67 }, drawnQuestionIds: three, answers: { 'q-sources': 'b', 'q-cache': 'true', 'q-refresh': '14' } })
		expect(strict.ok && strict.passed).toBe(false)
		const atMark = gradeAttempt({ quiz: { ...quiz, passMark: 66 }, drawnQuestionIds: three, answers: { 'q-sources': 'b', 'q-cache': 'true', 'q-refresh': '14' } })
		expect(atMark.ok && atMark.passed).toBe(true)
	})

	test('only the drawn questions count', () => {
		const result = scoreOf({ 'q-cache': 'true', 'q-refresh': '15' }, ['q-cache', 'q-refresh'])
		expect(result).toMatchObject({ score: 100, total: 2 })
	})
})

describe('multiple choice: exact set, no partial credit', () => {
	const drawn = ['q-charts']
	const charts = (value: string | string[]) => scoreOf({ 'q-charts': value }, drawn).feedback[0]!

	test('the exact set is right, in any order', () => {
		expect(charts(['pie', 'bar', 'line']).correct).toBe(true)
	})

	test('a subset, a superset or a different set is wrong', () => {
		expect(charts(['bar', 'line']).correct).toBe(false)
		expect(charts(['bar', 'line', 'pie', 'sound']).correct).toBe(false)
		expect(charts(['bar', 'line', 'sound']).correct).toBe(false)
		expect(charts('bar').correct).toBe(false)
	})

	test('display text lists options in the authored order', () => {
		expect(charts(['pie', 'sound'])).toMatchObject({ given: 'Sound, Pie', expected: 'Bar, Line, Pie' })
	})
})

describe('numeric answers', () => {
	const refresh = (value: string | number) => scoreOf({ 'q-refresh': value }, ['q-refresh']).feedback[0]!.correct
	const ratio = (value: string | number) => scoreOf({ 'q-ratio': value }, ['q-ratio']).feedback[0]!.correct

	test("parses '12', '12.0', ' 12 ' and numbers alike", () => {
		expect(refresh('15')).toBe(true)
		expect(refresh('15.0')).toBe(true)
		expect(refresh(' 15 ')).toBe(true)
		expect(refresh('+15')).toBe(true)
		expect(refresh(15)).toBe(true)
		expect(refresh('15.5')).toBe(false)
	})

	test('tolerance 0 means exact', () => {
		expect(refresh('14')).toBe(false)
		expect(refresh('16')).toBe(false)
	})

	test('within tolerance is right, including the boundary despite binary fractions', () => {
		expect(ratio('1.2')).toBe(true)
		expect(ratio('1.3')).toBe(true) // 1.3 - 1.2 = 0.10000000000000009 in floating point
		expect(ratio('1.1')).toBe(true)
		expect(ratio('1.25')).toBe(true)
		expect(ratio('1.31')).toBe(false)
		expect(ratio('1.09')).toBe(false)
		expect(ratio('.5')).toBe(false)
	})

	test.each(['abc', '12abc', '1,5', '0x10', 'Infinity', 'NaN', '1e3', '--1'])(
		'refuses %j as not a number',
		(value) => {
			expect(grade({ 'q-refresh': value }, ['q-refresh'])).toEqual({
				ok: false,
				error: 'answer for q-refresh must be a number',
			})
		},
	)
})

describe('true/false answers', () => {
	const cache = (value: string | boolean) => grade({ 'q-cache': value }, ['q-cache'])
	test("accepts 'true'/'false' (any case, trimmed) and booleans", () => {
		expect(cache('true')).toMatchObject({ ok: true, score: 100 })
		expect(cache(' TRUE ')).toMatchObject({ ok: true, score: 100 })
		expect(cache(true)).toMatchObject({ ok: true, score: 100 })
		expect(cache('false')).toMatchObject({ ok: true, score: 0 })
	})
	test('refuses anything else', () => {
		expect(cache('yes')).toEqual({ ok: false, error: 'answer for q-cache must be true or false' })
	})
})

describe('gradeAttempt: tampered submissions are refused with a clear message', () => {
	test.each<[string, Answers, string]>([
		['an unknown question', { ...ALL_RIGHT, q9: 'a' }, 'unknown question q9'],
		['an unknown option (single)', { ...ALL_RIGHT, 'q-sources': 'x' }, 'unknown option x for question q-sources'],
		['an unknown option (multiple)', { ...ALL_RIGHT, 'q-charts': ['bar', 'x'] }, 'unknown option x for question q-charts'],
		['two values for a single-choice question', { ...ALL_RIGHT, 'q-sources': ['a', 'b'] }, 'question q-sources answered twice'],
		['two values for a true/false question', { ...ALL_RIGHT, 'q-cache': ['true', 'false'] }, 'question q-cache answered twice'],
		['two values for a numeric question', { ...ALL_RIGHT, 'q-refresh': ['15', '16'] }, 'question q-refresh answered twice'],
		['the same option twice', { ...ALL_RIGHT, 'q-charts': ['bar', 'bar', 'line', 'pie'] }, 'option bar chosen twice for question q-charts'],
		['a missing answer', withoutKey(ALL_RIGHT, 'q-refresh'), 'missing answer for q-refresh'],
		['an undefined answer', { ...ALL_RIGHT, 'q-cache': undefined as unknown as string }, 'missing answer for q-cache'],
		['an empty answer', { ...ALL_RIGHT, 'q-refresh': '  ' }, 'missing answer for q-refresh'],
		['no options ticked', { ...ALL_RIGHT, 'q-charts': [] }, 'missing answer for q-charts'],
	])('%s', (_name, answers, error) => {
		expect(grade(answers)).toEqual({ ok: false, error })
	})

	test('a question of the quiz that was not drawn for this attempt', () => {
		const drawn = ['q-sources', 'q-cache']
		expect(grade({ 'q-sources': 'b', 'q-cache': 'true', 'q-refresh': '15' }, drawn)).toEqual({
			ok: false,
			error: 'question q-refresh was not in this attempt',
		})
	})

	test('prototype keys are unknown questions, not crashes', () => {
		const answers = JSON.parse('{"__proto__": "a", "q-cache": "true"}') as Answers
		expect(grade(answers, ['q-cache'])).toEqual({ ok: false, error: 'unknown question __proto__' })
		expect(grade({ constructor: 'a' }, ['q-cache'])).toEqual({ ok: false, error: 'unknown question constructor' })
	})

	test('an attempt whose drawn question was removed from the quiz cannot be graded', () => {
		const result = grade({ 'q-cache': 'true' }, ['q-cache', 'q-old'])
		expect(result).toEqual({ ok: false, error: 'question q-old is no longer part of this quiz; start a new attempt' })
	})

	test('an attempt with no questions cannot be graded', () => {
		expect(grade({}, [])).toEqual({ ok: false, error: 'this attempt has no questions' })
	})
})

describe('parseAnswersFromFormEntries', () => {
	const entries = (pairs: Array<[string, string]>) => parseAnswersFromFormEntries(pairs, quiz.questions)

	test('collects answer.<id> fields, ignores others, gathers checkbox values', () => {
		const result = entries([
			['intent', 'submit'],
			[answerFieldName('q-sources'), 'b'],
			['answer.q-charts', 'bar'],
			['answer.q-charts', 'line'],
			['answer.q-cache', 'true'],
			['answer.q-refresh', ' 15 '],
		])
		expect(result).toEqual({
			ok: true,
			answers: { 'q-sources': 'b', 'q-charts': ['bar', 'line'], 'q-cache': 'true', 'q-refresh': '15' },
		})
	})

	test('accepts FormData entries directly', () => {
		const form = new FormData()
		form.append('answer.q-sources', 'b')
		form.append('answer.q-charts', 'bar')
		form.append('answer.q-charts', 'pie')
		expect(parseAnswersFromFormEntries(form.entries(), quiz.questions)).toEqual({
			ok: true,
			answers: { 'q-sources': 'b', 'q-charts': ['bar', 'pie'] },
		})
	})

	test('refuses two values for a single-answer question', () => {
		expect(entries([['answer.q-sources', 'a'], ['answer.q-sources', 'b']])).toEqual({
			ok: false,
			error: 'question q-sources answered twice',
		})
		expect(entries([['answer.q-refresh', '15'], ['answer.q-refresh', '15']])).toEqual({
			ok: false,
			error: 'question q-refresh answered twice',
		})
	})

	test('refuses the same checkbox twice and unknown questions', () => {
		expect(entries([['answer.q-charts', 'bar'], ['answer.q-charts', 'bar']])).toEqual({
			ok: false,
			error: 'option bar chosen twice for question q-charts',
		})
		expect(entries([['answer.q9', 'a']])).toEqual({ ok: false, error: 'unknown question q9' })
	})

	test('empty values count as unanswered, so grading then reports the missing answer', () => {
		const parsed = entries([['answer.q-refresh', ''], ['answer.q-refresh', '15'], ['answer.q-cache', '']])
		expect(parsed).toEqual({ ok: true, answers: { 'q-refresh': '15' } })
		if (!parsed.ok) return
		expect(grade(parsed.answers, ['q-refresh', 'q-cache'])).toEqual({ ok: false, error: 'missing answer for q-cache' })
	})

	test('refuses a file upload in an answer field', () => {
		const form = new FormData()
		form.append('answer.q-sources', new Blob(['b']), 'b.txt')
		expect(parseAnswersFromFormEntries(form.entries(), quiz.questions)).toEqual({
			ok: false,
			error: 'answer for q-sources must be text',
		})
	})
})

describe('SubmissionSchema', () => {
	test('accepts the answer shapes and refuses others', () => {
		expect(SubmissionSchema.safeParse({ a: 'x', b: ['x'], c: 3, d: true }).success).toBe(true)
		expect(SubmissionSchema.safeParse({ a: { nested: 1 } }).success).toBe(false)
		expect(SubmissionSchema.safeParse({ a: [1] }).success).toBe(false)
	})
})

describe('gradeCheck', () => {
	const check = question('q-charts') as Question

	test('scores one knowledge check with feedback', () => {
		expect(gradeCheck(check, ['line', 'bar', 'pie'])).toEqual({
			ok: true,
			correct: true,
			given: 'Bar, Line, Pie',
			expected: 'Bar, Line, Pie',
			explanation: 'SECRET-EXPLANATION-MULTIPLE sound is not a chart.',
		})
		expect(gradeCheck(question('q-refresh'), '20')).toMatchObject({ ok: true, correct: false, expected: '15' })
	})

	test('refuses missing, unknown and malformed answers', () => {
		expect(gradeCheck(check, undefined)).toEqual({ ok: false, error: 'missing answer for q-charts' })
		expect(gradeCheck(check, ['zzz'])).toEqual({ ok: false, error: 'unknown option zzz for question q-charts' })
		expect(gradeCheck(question('q-cache'), 'maybe')).toEqual({
			ok: false,
			error: 'answer for q-cache must be true or false',
		})
		expect(gradeCheck(question('q-sources'), ['a', 'b'])).toEqual({
			ok: false,
			error: 'question q-sources answered twice',
		})
	})
})

describe('answer shapes that are refused (mutation testing)', () => {
	const check = (id: string, answer: Parameters<typeof gradeCheck>[1]) => gradeCheck(question(id), answer)

	test('single choice: a boolean, an empty or blank value, two values, an empty list', () => {
		expect(check('q-sources', true)).toEqual({ ok: false, error: 'answer for q-sources must be one option' })
		expect(check('q-sources', '  ')).toEqual({ ok: false, error: 'missing answer for q-sources' })
		expect(check('q-sources', [])).toEqual({ ok: false, error: 'missing answer for q-sources' })
		expect(check('q-sources', ['a', 'b'])).toEqual({ ok: false, error: 'question q-sources answered twice' })
		expect(check('q-sources', [' b '])).toMatchObject({ ok: true, correct: true, given: 'Warehouse connection' })
	})

	test('multiple choice: a boolean is refused, blank items are skipped, only blanks is missing', () => {
		expect(check('q-charts', false)).toEqual({ ok: false, error: 'answer for q-charts must be options' })
		expect(check('q-charts', ['', ' '])).toEqual({ ok: false, error: 'missing answer for q-charts' })
		expect(check('q-charts', [' bar', '', 'line ', 'pie'])).toMatchObject({ ok: true, correct: true, given: 'Bar, Line, Pie' })
	})

	test('true/false: booleans and their words, anything else refused', () => {
		expect(check('q-cache', true)).toMatchObject({ ok: true, correct: true, given: 'True', expected: 'True' })
		expect(check('q-cache', false)).toMatchObject({ ok: true, correct: false, given: 'False', expected: 'True' })
		expect(check('q-cache', ' FALSE ')).toMatchObject({ ok: true, correct: false, given: 'False' })
		expect(check('q-cache', '')).toEqual({ ok: false, error: 'missing answer for q-cache' })
		expect(check('q-cache', 'yes')).toEqual({ ok: false, error: 'answer for q-cache must be true or false' })
	})

	test('numeric: not finite, a boolean or blank is refused; the tolerance edge counts as right', () => {
		expect(check('q-refresh', Number.POSITIVE_INFINITY)).toEqual({ ok: false, error: 'answer for q-refresh must be a number' })
		expect(check('q-refresh', Number.NaN)).toEqual({ ok: false, error: 'answer for q-refresh must be a number' })
		expect(check('q-refresh', true)).toEqual({ ok: false, error: 'answer for q-refresh must be a number' })
		expect(check('q-refresh', ' ')).toEqual({ ok: false, error: 'missing answer for q-refresh' })
		expect(check('q-refresh', 15)).toMatchObject({ ok: true, correct: true })
		expect(check('q-refresh', 15.000001)).toMatchObject({ ok: true, correct: false })
		expect(check('q-ratio', 1.3)).toMatchObject({ ok: true, correct: true, expected: '1.2 (± 0.1)' })
		expect(check('q-ratio', 1.1)).toMatchObject({ ok: true, correct: true })
		expect(check('q-ratio', 1.31)).toMatchObject({ ok: true, correct: false })
	})

	test('a large numeric answer gets slack in proportion, a small one only the absolute slack', () => {
		const big = { ...question('q-refresh'), correct: 1e9, tolerance: 0 } as Question
		expect(gradeCheck(big, 1e9 + 0.5)).toMatchObject({ ok: true, correct: true })
		expect(gradeCheck(big, 1e9 + 5)).toMatchObject({ ok: true, correct: false })
		const small = { ...question('q-refresh'), correct: 0, tolerance: 0 } as Question
		expect(gradeCheck(small, 1e-8)).toMatchObject({ ok: true, correct: false })
	})
})
