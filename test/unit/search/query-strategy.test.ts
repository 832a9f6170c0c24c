import { describe, expect, test } from 'vitest'
import {
	editDistance,
	MAX_PREFIX_EXPANSIONS,
	planExact,
	planTypo,
	runQueryStrategy,
	suggestFromMatchedWords,
	suggestFromVocabulary,
	transpositions,
	typoBudget,
	type QueryPlan,
	type Vocabulary,
} from '#app/domain/search/query-strategy.ts'

/** A vocabulary from a term → document frequency table (no index behind it). */
function vocabularyOf(table: Record<string, number>): Vocabulary {
	const terms = Object.entries(table)
	return {
		docFrequency: (term) => table[term] ?? 0,
		completions: (prefix, max) =>
			terms
				.filter(([term]) => term.startsWith(prefix) && term !== prefix)
				.map(([term, docFrequency]) => ({ term, docFrequency }))
				.sort((a, b) => b.docFrequency - a.docFrequency)
				.slice(0, max),
		near: (term, maxDistance) =>
			terms
				.map(([candidate, docFrequency]) => ({ term: candidate, distance: levenshtein(term, candidate), docFrequency }))
				.filter((c) => c.distance > 0 && c.distance <= maxDistance),
	}
}

function levenshtein(a: string, b: string): number {
	const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)])
	for (let j = 1; j <= b.length; j++) d[0]![j] = j
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) {
			d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
		}
	}
	return d[a.length]![b.length]!
}

const terms = (plan: QueryPlan) => plan.groups.map((g) => g.alternatives.map((a) => a.term).sort())

const vocabulary = vocabularyOf({
	dashboard: 50,
	dashboards: 30,
	data: 90,
	date: 20,
	snowflake: 5,
	snowflakes: 2,
	report: 40,
	reports: 25,
	csv: 3,
})

describe('typo budget', () => {
	test('no typo under 5 letters, one from 5, two from 9 (as Meilisearch)', () => {
		expect([typoBudget('data'), typoBudget('chart'), typoBudget('snowfla'), typoBudget('dashboard')]).toEqual([0, 1, 1, 2])
	})

	test('transpositions swap neighbours but leave the first letter', () => {
		expect(transpositions('abcd').sort()).toEqual(['abdc', 'acbd'])
		expect(transpositions('aab')).toEqual(['aba'])
	})

	test('edit distance counts a swap of neighbours as one edit', () => {
		expect(editDistance('dashbaord', 'dashboard')).toBe(1)
		expect(editDistance('report', 'reports')).toBe(1)
		expect(editDistance('kitten', 'sitting')).toBe(3)
	})
})

describe('plans', () => {
	test('exact: every word, the last one also expanded to its most frequent completions', () => {
		const plan = planExact({ terms: ['report', 'da'], prefixLast: true, vocabulary })
		expect(plan.combineWith).toBe('AND')
		expect(terms(plan)).toEqual([['report'], ['dashboard', 'dashboards', 'data', 'date']])
		const weights = Object.fromEntries(plan.groups[1]!.alternatives.map((a) => [a.term, a.weight]))
		expect(weights.data).toBeGreaterThan(weights.dashboards!) // a shorter completion is closer to what was typed
	})

	test('a trailing space (prefixLast false) or a one-letter word gets no prefix expansion', () => {
		expect(terms(planExact({ terms: ['report'], prefixLast: false, vocabulary }))).toEqual([['report']])
		expect(terms(planExact({ terms: ['d'], prefixLast: true, vocabulary }))).toEqual([[]])
	})

	test('prefix expansion is capped, most frequent first', () => {
		const many = vocabularyOf(Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`term${i}`, i])))
		const plan = planExact({ terms: ['term'], prefixLast: true, vocabulary: many })
		const expanded = plan.groups[0]!.alternatives
		expect(expanded).toHaveLength(MAX_PREFIX_EXPANSIONS)
		expect(expanded[0]!.term).toBe('term99')
	})

	test('synonyms join the word when the index holds them', () => {
		expect(terms(planExact({ terms: ['spreadsheet'], prefixLast: false, vocabulary }))).toEqual([['csv']])
	})

	test('typo: adds swapped and near terms for words long enough, weighted below the exact word', () => {
		const plan = planTypo({ terms: ['dashbaord', 'snowflkae'], prefixLast: false, vocabulary })
		expect(terms(plan)).toEqual([['dashboard'], ['snowflake']])
		for (const group of plan.groups) for (const alternative of group.alternatives) expect(alternative.weight).toBeLessThan(1)
		expect(terms(planTypo({ terms: ['dtaa'], prefixLast: false, vocabulary }))).toEqual([[]])
	})
})

describe('runQueryStrategy', () => {
	/** Runs the strategy with an executor that answers from a table of stage → hit ids. */
	function run(input: { terms: string[]; prefixLast?: boolean }, hitsByStage: Partial<Record<QueryPlan['stage'], string[]>>) {
		const executed: QueryPlan['stage'][] = []
		const outcome = runQueryStrategy(
			{ prefixLast: true, vocabulary, ...input },
			(plan) => {
				executed.push(plan.stage)
				return hitsByStage[plan.stage] ?? []
			},
			(hits) => hits.length,
		)
		return { outcome, executed }
	}

	test('stops after the exact stage when it finds enough', () => {
		const { outcome, executed } = run({ terms: ['report'] }, { exact: ['1', '2', '3', '4', '5'], typo: ['x'] })
		expect(executed).toEqual(['exact'])
		expect(outcome.plan?.stage).toBe('exact')
	})

	test('tries typos when the exact stage finds too few, and keeps the as-typed hits apart', () => {
		const { outcome, executed } = run({ terms: ['reprot'] }, { exact: ['1'], typo: ['1', '2', '3'] })
		expect(executed).toEqual(['typo'])
		// 'reprot' is unknown, so the exact stage cannot match and is not even run...
		expect(outcome.asTyped).toBeNull()
		const known = run({ terms: ['snowflake'], prefixLast: false }, { exact: ['1'], typo: ['1', '2'] })
		// ...but a known word with few hits runs both, and its as-typed hits rank first.
		expect(known.executed).toEqual(['exact', 'typo'])
		expect(known.outcome.result).toEqual(['1', '2'])
		expect(known.outcome.asTyped).toEqual(['1'])
	})

	test('skips the typo stage when it would add no term', () => {
		const { executed, outcome } = run({ terms: ['csv'] }, { exact: ['1'] })
		expect(executed).toEqual(['exact'])
		expect(outcome.result).toEqual(['1'])
	})

	test('relaxes to any word only when nothing matched and there are several words', () => {
		const several = run({ terms: ['report', 'zzqxv'] }, { relaxed: ['7'] })
		expect(several.executed).toEqual(['relaxed'])
		expect(several.outcome.plan?.combineWith).toBe('OR')
		expect(several.outcome.result).toEqual(['7'])

		const single = run({ terms: ['zzqxv'] }, { relaxed: ['7'] })
		expect(single.executed).toEqual([])
		expect(single.outcome.result).toBeNull()
	})
})

describe('did you mean', () => {
	test('from the vocabulary: unknown words become their nearest frequent neighbour', () => {
		expect(suggestFromVocabulary({ terms: ['dashbaord', 'reprot'], prefixLast: false, vocabulary })).toBe('dashboard report')
		expect(suggestFromVocabulary({ terms: ['report'], prefixLast: false, vocabulary })).toBeNull()
		// A last word that starts a known word is a prefix being typed, not a typo.
		expect(suggestFromVocabulary({ terms: ['snowfl'], prefixLast: true, vocabulary })).toBeNull()
	})

	test('from highlighted words: the most often matched word within the typo budget', () => {
		expect(suggestFromMatchedWords(['snowlfake'], ['snowflake', 'snowflake', 'snowflakes'])).toBe('snowflake')
		expect(suggestFromMatchedWords(['snowflake'], ['snowflake'])).toBeNull()
		expect(suggestFromMatchedWords(['dash'], ['dashboard'])).toBeNull()
		expect(suggestFromMatchedWords(['data'], ['date'])).toBeNull() // 4 letters: no typo allowed
	})
})

describe('query words that name Object.prototype members', () => {
	test.each(['__proto__', 'constructor', 'hasownproperty', 'tostring', 'valueof', 'proto'])('%j plans like any unknown word: no synonyms, no throw', (term) => {
		const plan = planExact({ terms: [term], prefixLast: false, vocabulary: vocabularyOf({ dashboard: 3 }) })
		expect(plan.groups).toEqual([{ source: term, alternatives: [] }])
		expect(suggestFromVocabulary({ terms: [term], prefixLast: false, vocabulary: vocabularyOf({ dashboard: 3 }) })).toBeNull()
	})

	test('constructor held by the index matches as itself, with no synonym', () => {
		const plan = planExact({ terms: ['constructor'], prefixLast: false, vocabulary: vocabularyOf({ constructor: 1 }) })
		expect(plan.groups[0]!.alternatives).toEqual([{ term: 'constructor', weight: 1 }])
	})
})
