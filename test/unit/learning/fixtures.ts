import { QuizSchema, type Quiz } from '#app/domain/learning/quiz-schema.ts'

/** One question of each type, with explanations distinctive enough to search for in JSON. */
export const QUIZ_YAML = `
id: fundamentals-check
title: Prism fundamentals check
description: Questions on sources, datasets and dashboards.
passMark: 70
attemptLimit: 3
cooldownMinutes: 5
difficulty: 2
questions:
  - id: q-sources
    type: single
    prompt: Which connector type refreshes on a schedule?
    options:
      - { id: a, text: CSV upload }
      - { id: b, text: Warehouse connection }
      - { id: c, text: Screenshot }
    correct: b
    explanation: SECRET-EXPLANATION-SINGLE warehouse connections sync on schedule.
  - id: q-charts
    type: multiple
    prompt: Which of these are chart types in Prism?
    options:
      - { id: bar, text: Bar }
      - { id: line, text: Line }
      - { id: sound, text: Sound }
      - { id: pie, text: Pie }
    correct: [bar, line, pie]
    explanation: SECRET-EXPLANATION-MULTIPLE sound is not a chart.
  - id: q-cache
    type: truefalse
    prompt: The result cache lasts 60 minutes by default.
    correct: true
    explanation: SECRET-EXPLANATION-TRUEFALSE the default is an hour.
  - id: q-refresh
    type: numeric
    prompt: How many minutes is the shortest SaaS sync interval?
    correct: 15
    tolerance: 0
    explanation: SECRET-EXPLANATION-NUMERIC fifteen minutes is the floor.
  - id: q-ratio
    type: numeric
    prompt: Roughly what share of the budget is left (as a decimal)?
    correct: 1.2
    tolerance: 0.1
    explanation: SECRET-EXPLANATION-TOLERANCE within a tenth.
`

export function makeQuiz(overrides: Partial<Record<string, unknown>> = {}): Quiz {
	const base = {
		id: 'fundamentals-check',
		title: 'Prism fundamentals check',
		passMark: 70,
		questions: [
			{
				id: 'q-sources',
				type: 'single',
				prompt: 'Which connector type refreshes on a schedule?',
				options: [
					{ id: 'a', text: 'CSV upload' },
					{ id: 'b', text: 'Warehouse connection' },
					{ id: 'c', text: 'Screenshot' },
				],
				correct: 'b',
				explanation: 'SECRET-EXPLANATION-SINGLE warehouse connections sync on schedule.',
			},
			{
				id: 'q-charts',
				type: 'multiple',
				prompt: 'Which of these are chart types in Prism?',
				options: [
					{ id: 'bar', text: 'Bar' },
					{ id: 'line', text: 'Line' },
					{ id: 'sound', text: 'Sound' },
					{ id: 'pie', text: 'Pie' },
				],
				correct: ['bar', 'line', 'pie'],
				explanation: 'SECRET-EXPLANATION-MULTIPLE sound is not a chart.',
			},
			{
				id: 'q-cache',
				type: 'truefalse',
				prompt: 'The result cache lasts 60 minutes by default.',
				correct: true,
				explanation: 'SECRET-EXPLANATION-TRUEFALSE the default is an hour.',
			},
			{
				id: 'q-refresh',
				type: 'numeric',
				prompt: 'How many minutes is the shortest SaaS sync interval?',
				correct: 15,
				explanation: 'SECRET-EXPLANATION-NUMERIC fifteen minutes is the floor.',
			},
			{
				id: 'q-ratio',
				type: 'numeric',
				prompt: 'Roughly what share of the budget is left (as a decimal)?',
				correct: 1.2,
				tolerance: 0.1,
				explanation: 'SECRET-EXPLANATION-TOLERANCE within a tenth.',
			},
		],
		...overrides,
	}
	return QuizSchema.parse(base)
}

/** A pool of `size` true/false questions, for draw tests. */
export function makePool(size: number, drawCount?: number): Quiz {
	return makeQuiz({
		drawCount,
		questions: Array.from({ length: size }, (_, i) => ({
			id: `q${i + 1}`,
			type: 'truefalse',
			prompt: `Statement number ${i + 1}`,
			correct: i % 2 === 0,
			explanation: `Explanation ${i + 1}`,
		})),
	})
}

/** All answers right, in form-data shape. */
export const ALL_RIGHT: Record<string, string | string[]> = {
	'q-sources': 'b',
	'q-charts': ['bar', 'line', 'pie'],
	'q-cache': 'true',
	'q-refresh': '15',
	'q-ratio': '1.2',
}

export const ALL_IDS = ['q-sources', 'q-charts', 'q-cache', 'q-refresh', 'q-ratio']
