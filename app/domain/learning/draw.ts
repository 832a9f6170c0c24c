import type { Question } from '#app/domain/learning/quiz-schema.ts'

/** A 32-bit hash of the seed (murmur3-style mixing), so similar attempt ids give unrelated draws. */
function hashSeed(seed: string): number {
	let h = 1779033703 ^ seed.length
	for (let i = 0; i < seed.length; i++) {
		h = Math.imul(h ^ seed.charCodeAt(i), 3432918353)
		h = (h << 13) | (h >>> 19)
	}
	h = Math.imul(h ^ (h >>> 16), 2246822507)
	h = Math.imul(h ^ (h >>> 13), 3266489909)
	return (h ^ (h >>> 16)) >>> 0
}

/** mulberry32: small, fast and good enough for shuffling; not for secrets. */
function mulberry32(seed: number): () => number {
	let state = seed
	return () => {
		state = (state + 0x6d2b79f5) | 0
		let t = Math.imul(state ^ (state >>> 15), 1 | state)
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296
	}
}

/** Fisher-Yates with a seeded generator: the same seed always gives the same order. */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
	const random = mulberry32(hashSeed(seed))
	const out = [...items]
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1))
		;[out[i], out[j]] = [out[j]!, out[i]!]
	}
	return out
}

/**
 * The questions of one attempt. With `drawCount`, a deterministic random subset of that size in a
 * shuffled order, seeded by the attempt id so reloading the attempt shows the same questions.
 * Without `drawCount`, every question in the order the author wrote them.
 * Store `result.map((q) => q.id)` with the attempt: grading checks answers against that list.
 */
export function drawQuestions<Q extends Question>(
	quiz: { questions: readonly Q[]; drawCount?: number | undefined },
	seed: string,
): Q[] {
	if (quiz.drawCount === undefined) return [...quiz.questions]
	return seededShuffle(quiz.questions, seed).slice(0, quiz.drawCount)
}
