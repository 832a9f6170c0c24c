import { describe, expect, test } from 'vitest'
import {
	canStartAttempt,
	canSubmitAttempt,
	type AttemptRecord,
} from '#app/domain/learning/attempt-policy.ts'

const T0 = new Date('2026-10-14T10:00:00Z')
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000)
const seconds = (n: number) => new Date(T0.getTime() + n * 1000)

const failedAt = (at: Date, id = 'f'): AttemptRecord => ({ id, startedAt: new Date(at.getTime() - 60_000), submittedAt: at, passed: false })
const passedAt = (at: Date, id = 'p'): AttemptRecord => ({ id, startedAt: new Date(at.getTime() - 60_000), submittedAt: at, passed: true })

describe('canStartAttempt: attempt limit', () => {
	const quiz = { attemptLimit: 3 }
	test('allows attempts below the limit and refuses at the limit', () => {
		expect(canStartAttempt({ quiz, attempts: [], now: T0 })).toEqual({ ok: true })
		expect(canStartAttempt({ quiz, attempts: [failedAt(T0), failedAt(T0)], now: minutes(1) })).toEqual({ ok: true })
		expect(
			canStartAttempt({ quiz, attempts: [failedAt(T0), failedAt(T0), failedAt(T0)], now: minutes(60) }),
		).toEqual({ ok: false, reason: 'attempt limit reached (3 of 3)' })
	})

	test('an unsubmitted attempt counts toward the limit', () => {
		const open: AttemptRecord = { id: 'o', startedAt: T0 }
		expect(canStartAttempt({ quiz, attempts: [failedAt(T0), failedAt(T0), open], now: minutes(60) })).toMatchObject({
			ok: false,
		})
	})

	test('a passed quiz may be retaken while attempts remain, but not beyond the limit', () => {
		expect(canStartAttempt({ quiz, attempts: [passedAt(T0)], now: seconds(1) })).toEqual({ ok: true })
		expect(
			canStartAttempt({ quiz, attempts: [failedAt(T0), failedAt(T0), passedAt(T0)], now: minutes(60) }),
		).toEqual({ ok: false, reason: 'attempt limit reached (3 of 3)' })
	})

	test('no limit means unlimited', () => {
		const many = Array.from({ length: 50 }, (_, i) => failedAt(T0, `a${i}`))
		expect(canStartAttempt({ quiz: {}, attempts: many, now: T0 })).toEqual({ ok: true })
	})
})

describe('canStartAttempt: cooldown after a failed attempt', () => {
	const quiz = { cooldownMinutes: 5 }

	test('refuses during the cooldown with minutes left (rounded up) and the retry time', () => {
		expect(canStartAttempt({ quiz, attempts: [failedAt(T0)], now: seconds(60) })).toEqual({
			ok: false,
			reason: 'wait 4 more minutes before trying again',
			retryAt: minutes(5),
		})
		expect(canStartAttempt({ quiz, attempts: [failedAt(T0)], now: seconds(61) })).toMatchObject({
			reason: 'wait 4 more minutes before trying again',
		})
		expect(canStartAttempt({ quiz, attempts: [failedAt(T0)], now: seconds(299) })).toMatchObject({
			reason: 'wait 1 more minute before trying again',
		})
	})

	test('allows exactly when the cooldown ends', () => {
		expect(canStartAttempt({ quiz, attempts: [failedAt(T0)], now: seconds(300) })).toEqual({ ok: true })
		expect(canStartAttempt({ quiz, attempts: [failedAt(T0)], now: new Date(minutes(5).getTime() - 1) })).toMatchObject({
			ok: false,
		})
	})

	test('no cooldown after a pass, and only the latest submitted attempt matters', () => {
		expect(canStartAttempt({ quiz, attempts: [passedAt(T0)], now: seconds(1) })).toEqual({ ok: true })
		// failed long ago, passed just now: no wait
		expect(
			canStartAttempt({ quiz, attempts: [failedAt(minutes(-60), 'old'), passedAt(T0)], now: seconds(1) }),
		).toEqual({ ok: true })
		// passed before, failed just now: wait (regardless of array order)
		expect(
			canStartAttempt({ quiz, attempts: [failedAt(T0, 'new'), passedAt(minutes(-60))], now: seconds(1) }),
		).toMatchObject({ ok: false, retryAt: minutes(5) })
	})

	test('an open attempt alone does not start a cooldown; a zero cooldown never waits', () => {
		expect(canStartAttempt({ quiz, attempts: [{ startedAt: T0 }], now: seconds(1) })).toEqual({ ok: true })
		expect(canStartAttempt({ quiz: { cooldownMinutes: 0 }, attempts: [failedAt(T0)], now: T0 })).toEqual({ ok: true })
	})

	test('the limit is reported before the cooldown', () => {
		const result = canStartAttempt({
			quiz: { attemptLimit: 1, cooldownMinutes: 5 },
			attempts: [failedAt(T0)],
			now: seconds(1),
		})
		expect(result).toEqual({ ok: false, reason: 'attempt limit reached (1 of 1)' })
	})
})

describe('canSubmitAttempt', () => {
	const quiz = { attemptLimit: 2 }
	const open = (id: string, at: Date): AttemptRecord => ({ id, startedAt: at })

	test('allows an open attempt within the limit', () => {
		expect(canSubmitAttempt({ quiz, attempts: [failedAt(T0, 'a'), open('b', minutes(10))], attemptId: 'b' })).toEqual({
			ok: true,
		})
	})

	test('refuses an attempt submitted twice, and an unknown attempt', () => {
		expect(canSubmitAttempt({ quiz, attempts: [failedAt(T0, 'a')], attemptId: 'a' })).toEqual({
			ok: false,
			reason: 'this attempt was already submitted',
		})
		expect(canSubmitAttempt({ quiz, attempts: [], attemptId: 'zz' })).toEqual({
			ok: false,
			reason: 'this attempt does not exist',
		})
	})

	test('refuses a submission after the limit, e.g. attempts started in a race', () => {
		const raced = [failedAt(T0, 'a'), open('b', minutes(10)), open('c', minutes(10))]
		expect(canSubmitAttempt({ quiz, attempts: raced, attemptId: 'b' })).toEqual({ ok: true })
		expect(canSubmitAttempt({ quiz, attempts: raced, attemptId: 'c' })).toEqual({
			ok: false,
			reason: 'attempt limit reached (2 of 2)',
		})
		const full = [failedAt(T0, 'a'), failedAt(minutes(1), 'b'), open('c', minutes(2))]
		expect(canSubmitAttempt({ quiz, attempts: full, attemptId: 'c' })).toMatchObject({ ok: false })
	})

	test('unlimited quizzes accept any open attempt', () => {
		expect(canSubmitAttempt({ quiz: {}, attempts: [open('x', T0)], attemptId: 'x' })).toEqual({ ok: true })
	})
})

describe('canSubmitAttempt orders attempts by start, not by list order (mutation testing)', () => {
	const open = (id: string, at: Date): AttemptRecord => ({ id, startedAt: at })

	test('the earliest started attempts are the ones within the limit', () => {
		const attempts = [open('late', minutes(10)), failedAt(T0, 'first'), open('early', minutes(5))]
		expect(canSubmitAttempt({ quiz: { attemptLimit: 2 }, attempts, attemptId: 'early' })).toEqual({ ok: true })
		expect(canSubmitAttempt({ quiz: { attemptLimit: 2 }, attempts, attemptId: 'late' })).toEqual({ ok: false, reason: 'attempt limit reached (2 of 2)' })
	})

	test('attempts started at the same moment are ordered by id', () => {
		const attempts = [open('b', T0), open('a', T0)]
		expect(canSubmitAttempt({ quiz: { attemptLimit: 1 }, attempts, attemptId: 'a' })).toEqual({ ok: true })
		expect(canSubmitAttempt({ quiz: { attemptLimit: 1 }, attempts, attemptId: 'b' })).toMatchObject({ ok: false })
	})

	test('once the limit of submissions is reached, even an earlier open attempt is refused', () => {
		const attempts = [open('a', T0), failedAt(minutes(1), 'b')]
		expect(canSubmitAttempt({ quiz: { attemptLimit: 1 }, attempts, attemptId: 'a' })).toEqual({ ok: false, reason: 'attempt limit reached (1 of 1)' })
	})
})
