import { describe, expect, test } from 'vitest'
import { drawQuestions, seededShuffle } from '#app/domain/learning/draw.ts'
import { makePool } from './fixtures.ts'

const ids = (questions: Array<{ id: string }>) => questions.map((q) => q.id)

describe('drawQuestions', () => {
	const pool = makePool(10, 4)

	test('draws drawCount distinct questions from the pool', () => {
		const drawn = ids(drawQuestions(pool, 'attempt-1'))
		expect(drawn).toHaveLength(4)
		expect(new Set(drawn).size).toBe(4)
		for (const id of drawn) expect(ids(pool.questions)).toContain(id)
	})

	test('the same seed always gives the same questions in the same order', () => {
		const first = ids(drawQuestions(pool, 'clx0attempt42'))
		for (let i = 0; i < 5; i++) expect(ids(drawQuestions(pool, 'clx0attempt42'))).toEqual(first)
	})

	test('different seeds give different draws', () => {
		const draws = new Set(
			Array.from({ length: 20 }, (_, i) => ids(drawQuestions(pool, `attempt-${i}`)).join(',')),
		)
		// 10 choose 4 in order is 5040 possibilities; 20 seeds colliding down to a few would mean a broken seed
		expect(draws.size).toBeGreaterThan(15)
		// neighbouring seeds still differ
		expect(ids(drawQuestions(pool, 'attempt-a'))).not.toEqual(ids(drawQuestions(pool, 'attempt-b')))
	})

	test('every question gets drawn over many attempts (no question is starved)', () => {
		const counts = new Map<string, number>()
		for (let i = 0; i < 500; i++) {
			for (const id of ids(drawQuestions(pool, `seed-${i}`))) counts.set(id, (counts.get(id) ?? 0) + 1)
		}
		expect(counts.size).toBe(10)
		// expected 200 each (500 draws x 4 / 10); a fair shuffle stays well inside 120-280
		for (const count of counts.values()) {
			expect(count).toBeGreaterThan(120)
			expect(count).toBeLessThan(280)
		}
	})

	test('without drawCount: every question, in the authored order', () => {
		const all = makePool(6)
		expect(ids(drawQuestions(all, 'x'))).toEqual(['q1', 'q2', 'q3', 'q4', 'q5', 'q6'])
		expect(ids(drawQuestions(all, 'y'))).toEqual(ids(drawQuestions(all, 'x')))
	})

	test('drawCount equal to the pool size shuffles the whole pool', () => {
		const whole = makePool(8, 8)
		const drawn = ids(drawQuestions(whole, 'seed'))
		expect([...drawn].sort()).toEqual(ids(whole.questions).sort())
		const orders = new Set(Array.from({ length: 10 }, (_, i) => ids(drawQuestions(whole, `s${i}`)).join()))
		expect(orders.size).toBeGreaterThan(1)
	})
})

test('seededShuffle does not change its input', () => {
	const input = [1, 2, 3, 4, 5]
	seededShuffle(input, 'x')
	expect(input).toEqual([1, 2, 3, 4, 5])
})
