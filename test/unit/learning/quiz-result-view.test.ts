import { describe, expect, test } from 'vitest'
import type { QuestionFeedback } from '#app/domain/learning/grading.ts'
import { answersRevealed, attemptAllowance, quizFollowUp, toResultView } from '#app/domain/learning/quiz-result-view.ts'

const feedback: QuestionFeedback[] = [
	{ questionId: 'q1', prompt: 'First?', correct: false, given: 'Wrong', expected: 'Right', explanation: 'Because right.' },
	{ questionId: 'q2', prompt: 'Second?', correct: true, given: 'True', expected: 'True', explanation: 'It is true.' },
]
const stored = { score: 50, passed: false, passMark: 70, correctCount: 1, total: 2, feedback }
const lessonFor = (id: string) => ({ title: `Lesson for ${id}`, href: `/paths/p/lessons/${id}` })

describe('answersRevealed', () => {
	test.each([
		{ passed: false, attemptsLeft: 2, shown: false },
		{ passed: false, attemptsLeft: null, shown: false },
		{ passed: false, attemptsLeft: 0, shown: true },
		{ passed: true, attemptsLeft: 2, shown: true },
		{ passed: true, attemptsLeft: null, shown: true },
	])('path quiz, passed=$passed, attempts left $attemptsLeft: shown=$shown', ({ passed, attemptsLeft, shown }) => {
		expect(answersRevealed('after-pass-or-last-attempt', { passed, attemptsLeft })).toBe(shown)
	})

	test('a self-assessment shows them after any submission', () => {
		expect(answersRevealed('after-submission', { passed: false, attemptsLeft: null })).toBe(true)
	})
})

describe('toResultView', () => {
	test('withheld: no right answer or explanation anywhere, wrong answers link their lesson', () => {
		const view = toResultView(stored, { answersShown: false, lessonFor })
		expect(view.items).toEqual([
			{ questionId: 'q1', prompt: 'First?', answeredCorrectly: false, given: 'Wrong', lesson: lessonFor('q1') },
			{ questionId: 'q2', prompt: 'Second?', answeredCorrectly: true, given: 'True', lesson: null },
		])
		const json = JSON.stringify(view)
		for (const secret of ['Right', 'Because right.', 'It is true.', 'expected', 'explanation']) expect(json).not.toContain(secret)
		expect(view).toMatchObject({ score: 50, passed: false, passMark: 70, correctCount: 1, total: 2, answersShown: false })
	})

	test('revealed: right answers and explanations for every question', () => {
		const view = toResultView(stored, { answersShown: true, lessonFor })
		expect(view.items[0]).toMatchObject({ expected: 'Right', explanation: 'Because right.', lesson: lessonFor('q1') })
		expect(view.items[1]).toMatchObject({ expected: 'True', explanation: 'It is true.', lesson: null })
	})

	test('a question without a lesson has no link', () => {
		expect(toResultView(stored, { answersShown: false }).items[0]!.lesson).toBeNull()
		expect(toResultView(stored, { answersShown: false, lessonFor: () => null }).items[0]!.lesson).toBeNull()
	})

	test('fields added to stored feedback later do not ride along', () => {
		const extra = { ...stored, feedback: [{ ...feedback[0]!, secretNote: 'KEY' } as QuestionFeedback] }
		expect(JSON.stringify(toResultView(extra, { answersShown: true }))).not.toContain('KEY')
	})
})

describe('attemptAllowance', () => {
	test.each([
		[3, 0, 'You have 3 attempts; 3 left.'],
		[3, 1, 'You have 3 attempts; 2 left.'],
		[1, 0, 'You have 1 attempt; 1 left.'],
		[3, 3, 'You have used all 3 attempts.'],
		[3, 5, 'You have used all 3 attempts.'],
		[null, 4, 'You have unlimited attempts.'],
	])('limit %s, used %s', (limit, used, text) => {
		expect(attemptAllowance(limit, used)).toBe(text)
	})
})

describe('quizFollowUp', () => {
	const base = { pathHref: '/paths/p', certificateId: null, remaining: [], nextPath: null }
	const next = { title: 'Next path', href: '/paths/next' }

	test('no follow-up before a pass', () => {
		expect(quizFollowUp({ ...base, passed: false, certificateId: 'c1', nextPath: next })).toBeNull()
	})

	test('a pass that completes a path with a certificate: the certificate is the main action, the next path second', () => {
		expect(quizFollowUp({ ...base, passed: true, certificateId: 'c1', nextPath: next })).toEqual({
			message: 'You passed and completed the path: your certificate is ready.',
			primary: { label: 'View your certificate', href: '/certificates/c1' },
			secondary: { label: 'Next path: Next path', href: '/paths/next' },
		})
	})

	test('a completed path without a certificate: the next path, and no talk of remaining steps', () => {
		const followUp = quizFollowUp({ ...base, passed: true, nextPath: next })!
		expect(followUp.primary).toEqual({ label: 'Next path: Next path', href: '/paths/next' })
		expect(followUp.message).toBe('You passed and completed the path.')
		expect(JSON.stringify(followUp)).not.toMatch(/remaining|still to do/)
	})

	test('a completed path with nothing after it: the catalogue', () => {
		expect(quizFollowUp({ ...base, passed: true })!.primary).toEqual({ label: 'Browse training paths', href: '/paths' })
	})

	test('a pass with steps left: the first of them, counted', () => {
		const remaining = [
			{ title: 'Lesson two', href: '/paths/p/lessons/two' },
			{ title: 'Lesson four', href: '/paths/p/lessons/four' },
		]
		expect(quizFollowUp({ ...base, passed: true, remaining })).toEqual({
			message: 'You passed. 2 steps of this path still to do.',
			primary: { label: 'Next: Lesson two', href: '/paths/p/lessons/two' },
			secondary: { label: 'Back to the path', href: '/paths/p' },
		})
	})
})
