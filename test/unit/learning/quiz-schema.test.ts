import { describe, expect, test } from 'vitest'
import {
	AssessmentSchema,
	ChecksFileSchema,
	QuestionSchema,
	QuizSchema,
	findDuplicateCheckIds,
	findMissingRecommendedPaths,
	findUnknownQuestionLessons,
	parseAssessmentYaml,
	parseChecksYaml,
	parseQuizYaml,
} from '#app/domain/learning/quiz-schema.ts'
import { QUIZ_YAML } from './fixtures.ts'

const FILE = 'content/paths/prism-fundamentals/quizzes/fundamentals-check.yaml'

function errorsOf(result: { ok: true } | { ok: false; errors: string[] }): string[] {
	return result.ok ? [] : result.errors
}

describe('parseQuizYaml', () => {
	test('accepts the documented format and fills defaults', () => {
		const result = parseQuizYaml(FILE, QUIZ_YAML)
		expect(errorsOf(result)).toEqual([])
		if (!result.ok) return
		expect(result.value.questions.map((q) => q.type)).toEqual([
			'single',
			'multiple',
			'truefalse',
			'numeric',
			'numeric',
		])
		expect(result.value.attemptLimit).toBe(3)
		const refresh = result.value.questions[3]!
		expect(refresh.type === 'numeric' && refresh.tolerance).toBe(0)
	})

	test('defaults difficulty to 2 and leaves limits unset', () => {
		const result = parseQuizYaml(
			'x/quick.yaml',
			`id: quick
title: Quick check
passMark: 50
questions:
  - { id: q1, type: truefalse, prompt: Is it so?, correct: false, explanation: It is not. }
`,
		)
		expect(result.ok && result.value.difficulty).toBe(2)
		expect(result.ok && result.value.attemptLimit).toBeUndefined()
	})

	test('reads numeric option ids as text', () => {
		const result = parseQuizYaml(
			'numbers.yaml',
			`id: numbers
title: Numbers
passMark: 50
questions:
  - id: 1
    type: single
    prompt: Pick one
    options: [{ id: 1, text: One }, { id: 2, text: Two }]
    correct: 2
    explanation: Two it is.
`,
		)
		expect(errorsOf(result)).toEqual([])
		expect(result.ok && result.value.questions[0]).toMatchObject({ id: '1', correct: '2' })
	})

	test('names the file and the field path of every error', () => {
		const text = QUIZ_YAML.replace('correct: b', 'correct: z')
			.replace('correct: [bar, line, pie]', 'correct: [bar, nope]')
			.replace('passMark: 70', 'passMark: 170')
		const errors = errorsOf(parseQuizYaml(FILE, text))
		expect(errors).toContain(`${FILE}: passMark: Too big: expected number to be <=100`)
		expect(errors).toContain(
			`${FILE}: questions[0].correct: "z" is not an option of this question (options: a, b, c)`,
		)
		expect(errors).toContain(
			`${FILE}: questions[1].correct[1]: "nope" is not an option of this question (options: bar, line, sound, pie)`,
		)
	})

	test('reports duplicate question ids and duplicate option ids', () => {
		const text = QUIZ_YAML.replace('id: q-charts', 'id: q-sources').replace(
			'{ id: line, text: Line }',
			'{ id: bar, text: Line }',
		)
		const errors = errorsOf(parseQuizYaml(FILE, text))
		expect(errors).toContain(`${FILE}: questions[1].options[1].id: option id "bar" is used twice`)
		const fixed = QUIZ_YAML.replace('id: q-charts', 'id: q-sources')
		expect(errorsOf(parseQuizYaml(FILE, fixed))).toEqual([
			`${FILE}: questions[1].id: question id "q-sources" is already used by questions[0]`,
		])
	})

	test('refuses a draw larger than the pool', () => {
		const text = QUIZ_YAML.replace('difficulty: 2', 'difficulty: 2\ndrawCount: 6')
		expect(errorsOf(parseQuizYaml(FILE, text))).toEqual([
			`${FILE}: drawCount: cannot draw 6 questions from a pool of 5`,
		])
		const ok = QUIZ_YAML.replace('difficulty: 2', 'difficulty: 2\ndrawCount: 5')
		expect(errorsOf(parseQuizYaml(FILE, ok))).toEqual([])
	})

	test('explains an unknown type, a missing field, a typo and a wrong correct value', () => {
		const text = QUIZ_YAML.replace('type: truefalse', 'type: yesno')
			.replace('    tolerance: 0\n', '    tolerence: 0\n')
			.replace('    explanation: SECRET-EXPLANATION-SINGLE warehouse connections sync on schedule.\n', '')
		const errors = errorsOf(parseQuizYaml(FILE, text))
		expect(errors).toContain(
			`${FILE}: questions[2].type: type must be one of single, multiple, truefalse, numeric`,
		)
		expect(errors).toContain(`${FILE}: questions[0].explanation: is required`)
		expect(errors).toContain(`${FILE}: questions[3]: Unrecognized key: "tolerence"`)
		const tf = QUIZ_YAML.replace('correct: true', 'correct: "yes"')
		expect(errorsOf(parseQuizYaml(FILE, tf))).toEqual([
			`${FILE}: questions[2].correct: must be true or false`,
		])
	})

	test('refuses options on a true/false question and a tolerance on a single-choice one', () => {
		const truefalse = QuestionSchema.safeParse({
			id: 'q',
			type: 'truefalse',
			prompt: 'Is it?',
			correct: true,
			explanation: 'Yes.',
			options: [{ id: 'a', text: 'A' }],
		})
		expect(truefalse.success).toBe(false)
		const single = QuestionSchema.safeParse({
			id: 'q',
			type: 'single',
			prompt: 'Which?',
			options: [
				{ id: 'a', text: 'A' },
				{ id: 'b', text: 'B' },
			],
			correct: 'a',
			tolerance: 1,
			explanation: 'A.',
		})
		expect(single.success).toBe(false)
	})

	test('a single-choice question needs two options; multiple needs a correct one, listed once', () => {
		const base = { id: 'q', prompt: 'Which?', explanation: 'Because.' }
		expect(
			QuestionSchema.safeParse({ ...base, type: 'single', options: [{ id: 'a', text: 'A' }], correct: 'a' })
				.success,
		).toBe(false)
		const options = [
			{ id: 'a', text: 'A' },
			{ id: 'b', text: 'B' },
		]
		expect(QuestionSchema.safeParse({ ...base, type: 'multiple', options, correct: [] }).success).toBe(false)
		const twice = QuestionSchema.safeParse({ ...base, type: 'multiple', options, correct: ['a', 'a'] })
		expect(twice.success).toBe(false)
		expect(twice.error?.issues[0]?.message).toBe('"a" is listed twice')
	})

	test('the id must equal the file name', () => {
		expect(errorsOf(parseQuizYaml('quizzes/other-name.yaml', QUIZ_YAML))).toEqual([
			'quizzes/other-name.yaml: id: "fundamentals-check" must equal the file name "other-name"',
		])
	})

	test('reports YAML syntax errors with line and column', () => {
		expect(errorsOf(parseQuizYaml(FILE, 'id: a\nid: b\n'))).toEqual([
			`${FILE}: line 2, column 1: Map keys must be unique`,
		])
		expect(errorsOf(parseQuizYaml(FILE, ''))).toEqual([`${FILE}: the file is empty`])
		expect(errorsOf(parseQuizYaml(FILE, '- a\n- b\n'))).toEqual([
			`${FILE}: the file must be a YAML mapping of fields (key: value lines)`,
		])
	})

	test('refuses unknown top-level keys', () => {
		const errors = errorsOf(parseQuizYaml(FILE, QUIZ_YAML.replace('passMark: 70', 'passMark: 70\npassmark: 70')))
		expect(errors).toEqual([`${FILE}: Unrecognized key: "passmark"`])
	})
})

const ASSESSMENT = {
	id: 'where-are-you',
	title: 'Where are you with Prism?',
	audience: 'customers',
	passMark: 0,
	questions: [
		{ id: 'q1', type: 'truefalse', prompt: 'Is it so?', correct: true, explanation: 'It is so.' },
	],
	recommendations: [
		{ minScore: 0, maxScore: 59, path: 'prism-fundamentals', message: 'Start with the basics.' },
		{ minScore: 60, maxScore: 89, path: 'prism-metrics', message: 'Go deeper on metrics.' },
		{ minScore: 90, maxScore: 100, path: 'prism-admin', message: 'You are ready for admin.' },
	],
}

function bandErrors(recommendations: Array<{ minScore: number; maxScore: number }>) {
	const result = AssessmentSchema.safeParse({
		...ASSESSMENT,
		recommendations: recommendations.map((band) => ({ ...band, path: 'p', message: 'Message' })),
	})
	return result.success
		? []
		: result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
}

describe('AssessmentSchema', () => {
	test('accepts bands that cover 0-100 exactly, in any order', () => {
		expect(AssessmentSchema.safeParse(ASSESSMENT).success).toBe(true)
		expect(
			bandErrors([
				{ minScore: 50, maxScore: 100 },
				{ minScore: 0, maxScore: 49 },
			]),
		).toEqual([])
	})

	test('refuses a gap, an overlap, a missing start or end, and a band hidden inside another', () => {
		expect(bandErrors([{ minScore: 0, maxScore: 50 }, { minScore: 52, maxScore: 100 }])).toEqual([
			'recommendations.1: scores 51-51 are not covered by any band',
		])
		expect(bandErrors([{ minScore: 0, maxScore: 50 }, { minScore: 50, maxScore: 100 }])).toEqual([
			'recommendations.1: overlaps recommendations[0] (scores 50-50)',
		])
		expect(bandErrors([{ minScore: 10, maxScore: 100 }])).toEqual([
			'recommendations: scores 0-9 are not covered by any band',
		])
		expect(bandErrors([{ minScore: 0, maxScore: 99 }])).toEqual([
			'recommendations: scores 100-100 are not covered by any band',
		])
		expect(
			bandErrors([
				{ minScore: 0, maxScore: 60 },
				{ minScore: 10, maxScore: 20 },
				{ minScore: 30, maxScore: 100 },
			]),
		).toEqual([
			'recommendations.1: overlaps recommendations[0] (scores 10-20)',
			'recommendations.2: overlaps recommendations[0] (scores 30-60)',
		])
	})

	test('needs an audience from the audience rules', () => {
		const result = AssessmentSchema.safeParse({ ...ASSESSMENT, audience: 'everyone' })
		expect(result.success).toBe(false)
		expect(result.error?.issues[0]?.path).toEqual(['audience'])
	})

	test('parses from YAML and reports recommended paths that do not exist', () => {
		const text = `id: where-are-you
title: Where are you with Prism?
audience: public
passMark: 0
questions:
  - { id: q1, type: truefalse, prompt: Is it so?, correct: true, explanation: It is so. }
recommendations:
  - { minScore: 0, maxScore: 49, path: prism-fundamentals, message: Start with the basics. }
  - { minScore: 50, maxScore: 100, path: prism-advanced, message: Go further. }
`
		const result = parseAssessmentYaml('content/assessments/where-are-you.yaml', text)
		expect(errorsOf(result)).toEqual([])
		if (!result.ok) return
		expect(
			findMissingRecommendedPaths('a.yaml', result.value, new Set(['prism-fundamentals'])),
		).toEqual(['a.yaml: recommendations[1].path: no path "prism-advanced" in content/paths'])
	})
})

describe('checks files', () => {
	const checks = `questions:
  - { id: chk-cache, type: truefalse, prompt: Cache lasts an hour?, correct: true, explanation: It does. }
  - { id: chk-sync, type: numeric, prompt: Shortest sync in minutes?, correct: 15, explanation: Fifteen. }
`
	test('parse and refuse duplicate ids within a file', () => {
		expect(errorsOf(parseChecksYaml('content/checks/basics.yaml', checks))).toEqual([])
		expect(
			errorsOf(parseChecksYaml('content/checks/basics.yaml', checks.replace('chk-sync', 'chk-cache'))),
		).toEqual([
			'content/checks/basics.yaml: questions[1].id: question id "chk-cache" is already used by questions[0]',
		])
	})

	test('ids must be unique across files', () => {
		const one = ChecksFileSchema.parse({
			questions: [{ id: 'chk-a', type: 'truefalse', prompt: 'Is it?', correct: true, explanation: 'Yes.' }],
		})
		expect(
			findDuplicateCheckIds([
				{ file: 'checks/a.yaml', checks: one },
				{ file: 'checks/b.yaml', checks: one },
			]),
		).toEqual(['checks/b.yaml: questions[0].id: "chk-a" is already used in checks/a.yaml'])
	})
})

test('QuizSchema is usable without YAML (e.g. re-validating a stored definition)', () => {
	const parsed = parseQuizYaml(FILE, QUIZ_YAML)
	expect(parsed.ok).toBe(true)
	if (!parsed.ok) return
	expect(QuizSchema.parse(JSON.parse(JSON.stringify(parsed.value)))).toEqual(parsed.value)
})

describe('a question names the lesson that teaches it', () => {
	const question = { id: 'q1', type: 'truefalse', prompt: 'Is it so?', correct: true, explanation: 'It is so.' }

	test('a path quiz question may name one; it must be a lesson of the path', () => {
		const quiz = QuizSchema.parse({ id: 'quiz', title: 'A quiz', passMark: 50, questions: [{ ...question, lesson: 'intro' }, { ...question, id: 'q2' }] })
		expect(quiz.questions[0]!.lesson).toBe('intro')
		expect(findUnknownQuestionLessons('quiz.yaml', quiz, new Set(['intro', 'second']))).toEqual([])
		expect(findUnknownQuestionLessons('quiz.yaml', quiz, new Set(['second']))).toEqual([
			'quiz.yaml: questions[0].lesson: "intro" is not a lesson of this path (lessons: second)',
		])
	})

	test('not a slug: refused', () => {
		expect(QuestionSchema.safeParse({ ...question, lesson: 'Not A Slug' }).success).toBe(false)
	})

	test('self-assessments and knowledge checks have no lessons to point at: refused', () => {
		const assessment = AssessmentSchema.safeParse({
			id: 'a',
			title: 'An assessment',
			audience: 'public',
			passMark: 50,
			questions: [{ ...question, lesson: 'intro' }],
			recommendations: [{ minScore: 0, maxScore: 100, path: 'p', message: 'Take the path.' }],
		})
		expect(assessment.success).toBe(false)
		expect(JSON.stringify(assessment.error?.issues)).toContain('only questions of a path quiz may name a lesson')
		expect(ChecksFileSchema.safeParse({ questions: [{ ...question, lesson: 'intro' }] }).success).toBe(false)
	})
})
