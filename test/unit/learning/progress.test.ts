import { describe, expect, test } from 'vitest'
import type { PathStep } from '#app/domain/learning/path-manifest.ts'
import { isCertificateDue, pathProgress, recommendFromAssessment } from '#app/domain/learning/progress.ts'

const steps: PathStep[] = [
	{ lesson: 'welcome' },
	{ lesson: 'connect' },
	{ quiz: 'check-one' },
	{ lesson: 'dashboards' },
	{ quiz: 'final' },
	{ lesson: 'wrap-up' },
]

const progress = (lessons: string[], quizzes: string[]) =>
	pathProgress({ steps, completedLessons: new Set(lessons), passedQuizzes: new Set(quizzes) })

describe('pathProgress', () => {
	test('nothing done: 0%, next step is the first', () => {
		expect(progress([], [])).toMatchObject({
			completed: 0,
			total: 6,
			percent: 0,
			nextStep: { lesson: 'welcome' },
			isComplete: false,
		})
	})

	test('counts lessons by completion and quizzes by pass; next step is the first undone one', () => {
		const result = progress(['welcome', 'connect', 'dashboards'], ['final'])
		expect(result).toMatchObject({ completed: 4, percent: 66, nextStep: { quiz: 'check-one' }, isComplete: false })
		expect(result.steps.map((s) => s.done)).toEqual([true, true, false, true, true, false])
	})

	test('a lesson and a quiz with the same name are not confused', () => {
		const result = pathProgress({
			steps: [{ lesson: 'intro' }, { quiz: 'intro' }],
			completedLessons: new Set(['intro']),
			passedQuizzes: new Set(),
		})
		expect(result).toMatchObject({ completed: 1, nextStep: { quiz: 'intro' } })
	})

	test('all steps done: complete, 100%, no next step', () => {
		const result = progress(['welcome', 'connect', 'dashboards', 'wrap-up', 'unrelated'], ['check-one', 'final'])
		expect(result).toMatchObject({ completed: 6, total: 6, percent: 100, nextStep: null, isComplete: true })
	})

	test('all lessons but a quiz not passed is not complete and not 100%', () => {
		const result = progress(['welcome', 'connect', 'dashboards', 'wrap-up'], ['check-one'])
		expect(result).toMatchObject({ isComplete: false, percent: 83, nextStep: { quiz: 'final' } })
	})

	test('an empty path is never complete', () => {
		expect(pathProgress({ steps: [], completedLessons: new Set(), passedQuizzes: new Set() })).toMatchObject({
			isComplete: false,
			percent: 0,
			nextStep: null,
		})
	})
})

test('isCertificateDue needs both a certificate path and completion', () => {
	const done = progress(['welcome', 'connect', 'dashboards', 'wrap-up'], ['check-one', 'final'])
	const notDone = progress(['welcome'], [])
	expect(isCertificateDue({ certificate: true }, done)).toBe(true)
	expect(isCertificateDue({ certificate: false }, done)).toBe(false)
	expect(isCertificateDue({ certificate: true }, notDone)).toBe(false)
})

describe('recommendFromAssessment', () => {
	const assessment = {
		recommendations: [
			{ minScore: 60, maxScore: 89, path: 'prism-metrics', message: 'Go deeper.' },
			{ minScore: 0, maxScore: 59, path: 'prism-fundamentals', message: 'Start here.' },
			{ minScore: 90, maxScore: 100, path: 'prism-admin', message: 'Admin next.' },
		],
	}
	test.each([
		[0, 'prism-fundamentals'],
		[59, 'prism-fundamentals'],
		[60, 'prism-metrics'],
		[89, 'prism-metrics'],
		[90, 'prism-admin'],
		[100, 'prism-admin'],
		[59.9, 'prism-fundamentals'],
		[150, 'prism-admin'],
		[-5, 'prism-fundamentals'],
	])('score %d → %s', (score, path) => {
		expect(recommendFromAssessment(assessment, score)?.path).toBe(path)
	})

	test('NaN recommends nothing', () => {
		expect(recommendFromAssessment(assessment, Number.NaN)).toBeNull()
	})
})
