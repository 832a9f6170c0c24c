import {
	MIN_HITS_BEFORE_TYPOS,
	MIN_PREFIX_LENGTH,
	MIN_WORD_SIZE_FOR_TYPOS,
	SYNONYMS,
} from '#app/domain/search/search-settings.ts'

/**
 * How the embedded engine turns query words into searches, cheapest first (BASELINES.md: matching
 * every word with OR over dense posting lists, and typo matching, are the slow paths):
 *  1. exact: every word must match (AND); the last word also as a prefix; synonyms count as the word.
 *  2. typo: only when (1) finds fewer than MIN_HITS_BEFORE_TYPOS; words of 5+ letters may carry one
 *     typo (a swap of two letters counts as one), 9+ letters two. Hits of (1) stay on top.
 *  3. relaxed: only when (1) and (2) find nothing and there are several words: any word may match (OR).
 * Prefixes and typos expand to concrete terms from the vocabulary, most frequent first and capped,
 * so that a short prefix cannot fan out to hundreds of posting lists.
 */

/** What the strategy needs to know about the indexed terms, without touching posting lists. */
export interface Vocabulary {
	docFrequency(term: string): number
	/** Up to `max` terms starting with `prefix` (itself excluded), most frequent first. */
	completions(prefix: string, max: number): Array<{ term: string; docFrequency: number }>
	/** Terms within `maxDistance` edits (Levenshtein), itself excluded. */
	near(term: string, maxDistance: number): Array<{ term: string; distance: number; docFrequency: number }>
}

export type Stage = 'exact' | 'typo' | 'relaxed'
export type Alternative = { term: string; weight: number }
/** One query word and the index terms that count as it (OR). */
export type TermGroup = { source: string; alternatives: Alternative[] }
export type QueryPlan = { stage: Stage; combineWith: 'AND' | 'OR'; groups: TermGroup[] }

/** A Map, not the settings object: a query word like 'constructor' must never reach Object.prototype. */
const SYNONYM_MAP: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(SYNONYMS))

export const MAX_PREFIX_EXPANSIONS = 30
export const MAX_TYPO_CANDIDATES = 8
export const WEIGHTS = { synonym: 0.8, prefix: 0.6, typo: 0.5 } as const

export function typoBudget(term: string): 0 | 1 | 2 {
	if (term.length >= MIN_WORD_SIZE_FOR_TYPOS.twoTypos) return 2
	if (term.length >= MIN_WORD_SIZE_FOR_TYPOS.oneTypo) return 1
	return 0
}

/** Swaps of two neighbouring letters, the first letter left alone (a typo there is rare and costs double in Meilisearch). */
export function transpositions(term: string): string[] {
	const variants = new Set<string>()
	for (let i = 1; i < term.length - 1; i++) {
		if (term[i] === term[i + 1]) continue
		variants.add(term.slice(0, i) + term[i + 1] + term[i] + term.slice(i + 2))
	}
	return [...variants]
}

/** Weight of a completion: close to a prefix weight when it adds little, lower the more it adds. */
export function prefixWeight(prefix: string, completion: string): number {
	const added = completion.length - prefix.length
	return (WEIGHTS.prefix * completion.length) / (completion.length + 0.3 * added)
}

export function typoWeight(term: string, distance: number): number {
	return (WEIGHTS.typo * term.length) / (term.length + distance)
}

export type PlanInput = { terms: string[]; prefixLast: boolean; vocabulary: Vocabulary }

function isPrefixTerm(input: PlanInput, index: number): boolean {
	const term = input.terms[index]!
	return input.prefixLast && index === input.terms.length - 1 && term.length >= MIN_PREFIX_LENGTH
}

function exactAlternatives(input: PlanInput, index: number): Alternative[] {
	const { vocabulary } = input
	const term = input.terms[index]!
	const alternatives: Alternative[] = []
	if (vocabulary.docFrequency(term) > 0) alternatives.push({ term, weight: 1 })
	for (const synonym of SYNONYM_MAP.get(term) ?? []) {
		if (vocabulary.docFrequency(synonym) > 0) alternatives.push({ term: synonym, weight: WEIGHTS.synonym })
	}
	if (isPrefixTerm(input, index)) {
		for (const { term: completion } of vocabulary.completions(term, MAX_PREFIX_EXPANSIONS)) {
			alternatives.push({ term: completion, weight: prefixWeight(term, completion) })
		}
	}
	return alternatives
}

function typoAlternatives(input: PlanInput, index: number): Alternative[] {
	const { vocabulary } = input
	const term = input.terms[index]!
	const budget = typoBudget(term)
	if (budget === 0) return []
	const found = new Map<string, number>()
	for (const variant of transpositions(term)) {
		if (vocabulary.docFrequency(variant) > 0) found.set(variant, 1)
		if (isPrefixTerm(input, index)) {
			for (const { term: completion } of vocabulary.completions(variant, MAX_TYPO_CANDIDATES)) {
				if (!found.has(completion)) found.set(completion, 1 + 0.3 * (completion.length - variant.length))
			}
		}
	}
	const near = vocabulary
		.near(term, budget)
		.sort((a, b) => a.distance - b.distance || b.docFrequency - a.docFrequency)
		.slice(0, MAX_TYPO_CANDIDATES)
	for (const { term: candidate, distance } of near) {
		if (!found.has(candidate) || found.get(candidate)! > distance) found.set(candidate, distance)
	}
	return [...found].map(([candidate, distance]) => ({ term: candidate, weight: typoWeight(candidate, distance) }))
}

function mergeAlternatives(...lists: Alternative[][]): Alternative[] {
	const best = new Map<string, number>()
	for (const list of lists) {
		for (const { term, weight } of list) best.set(term, Math.max(weight, best.get(term) ?? 0))
	}
	return [...best].map(([term, weight]) => ({ term, weight }))
}

export function planExact(input: PlanInput): QueryPlan {
	return {
		stage: 'exact',
		combineWith: 'AND',
		groups: input.terms.map((source, i) => ({ source, alternatives: exactAlternatives(input, i) })),
	}
}

export function planTypo(input: PlanInput, exact = planExact(input)): QueryPlan {
	return {
		stage: 'typo',
		combineWith: 'AND',
		groups: exact.groups.map((group, i) => ({
			source: group.source,
			alternatives: mergeAlternatives(group.alternatives, typoAlternatives(input, i)),
		})),
	}
}

export function planRelaxed(typo: QueryPlan): QueryPlan {
	return { ...typo, stage: 'relaxed', combineWith: 'OR' }
}

/** False when the plan cannot match anything (an AND with a word that has no term in the index). */
export function canMatch(plan: QueryPlan): boolean {
	const nonEmpty = plan.groups.filter((g) => g.alternatives.length > 0).length
	return plan.combineWith === 'AND' ? nonEmpty === plan.groups.length && nonEmpty > 0 : nonEmpty > 0
}

function addsAlternatives(wider: QueryPlan, narrower: QueryPlan): boolean {
	return wider.groups.some((g, i) => g.alternatives.length > narrower.groups[i]!.alternatives.length)
}

export type StrategyOutcome<R> = {
	/** The plan whose result is returned; null when nothing could match. */
	plan: QueryPlan | null
	result: R | null
	/** When typo matching was needed: what matched as typed, to rank above the rest. */
	asTyped: R | null
}

/** Runs the stages in order and stops at the first that finds enough. `execute` runs one plan. */
export function runQueryStrategy<R>(
	input: PlanInput,
	execute: (plan: QueryPlan) => R,
	sizeOf: (result: R) => number,
): StrategyOutcome<R> {
	const exact = planExact(input)
	const exactResult = canMatch(exact) ? execute(exact) : null
	const exactSize = exactResult ? sizeOf(exactResult) : 0
	if (exactResult && exactSize >= MIN_HITS_BEFORE_TYPOS) return { plan: exact, result: exactResult, asTyped: null }

	const typo = planTypo(input, exact)
	if (addsAlternatives(typo, exact) && canMatch(typo)) {
		const typoResult = execute(typo)
		if (sizeOf(typoResult) > exactSize) {
			return { plan: typo, result: typoResult, asTyped: exactSize > 0 ? exactResult : null }
		}
	}
	if (exactResult && exactSize > 0) return { plan: exact, result: exactResult, asTyped: null }
	if (input.terms.length < 2) return { plan: null, result: null, asTyped: null }
	const relaxed = planRelaxed(typo)
	return canMatch(relaxed)
		? { plan: relaxed, result: execute(relaxed), asTyped: null }
		: { plan: null, result: null, asTyped: null }
}

/**
 * 'Did you mean': each word the index does not hold (and that does not start a held word, for the
 * last one) is replaced by its nearest frequent neighbour. Null when nothing would change.
 */
export function suggestFromVocabulary(input: PlanInput): string | null {
	const { vocabulary } = input
	let changed = false
	const corrected = input.terms.map((term, i) => {
		if (vocabulary.docFrequency(term) > 0) return term
		if (isPrefixTerm(input, i) && vocabulary.completions(term, 1).length > 0) return term
		const budget = typoBudget(term)
		if (budget === 0) return term
		const candidates = [
			...transpositions(term)
				.map((t) => ({ term: t, distance: 1, docFrequency: vocabulary.docFrequency(t) }))
				.filter((c) => c.docFrequency > 0),
			...vocabulary.near(term, budget),
		].sort((a, b) => a.distance - b.distance || b.docFrequency - a.docFrequency)
		const best = candidates[0]
		if (!best) return term
		changed = true
		return best.term
	})
	return changed ? corrected.join(' ') : null
}

/**
 * 'Did you mean' from the words an engine highlighted (for engines without a vocabulary): each
 * query word not found as typed becomes the most often highlighted word within its typo budget.
 */
export function suggestFromMatchedWords(terms: string[], matchedWords: string[]): string | null {
	const counts = new Map<string, number>()
	for (const word of matchedWords) counts.set(word, (counts.get(word) ?? 0) + 1)
	let changed = false
	const corrected = terms.map((term) => {
		if (counts.has(term) || [...counts.keys()].some((w) => w.startsWith(term))) return term
		const budget = typoBudget(term)
		let best: { word: string; distance: number; count: number } | null = null
		for (const [word, count] of counts) {
			const distance = editDistance(term, word)
			if (distance === 0 || distance > budget) continue
			if (!best || distance < best.distance || (distance === best.distance && count > best.count)) {
				best = { word, distance, count }
			}
		}
		if (!best) return term
		changed = true
		return best.word
	})
	return changed ? corrected.join(' ') : null
}

/** Optimal string alignment distance: Levenshtein where a swap of two neighbours costs one. */
export function editDistance(a: string, b: string): number {
	const rows = a.length + 1
	const cols = b.length + 1
	const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
	for (let i = 1; i < rows; i++) {
		for (let j = 1; j < cols; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1
			let value = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				value = Math.min(value, d[i - 2]![j - 2]! + 1)
			}
			d[i]![j] = value
		}
	}
	return d[a.length]![b.length]!
}
