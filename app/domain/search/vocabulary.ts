import SearchableMap from 'minisearch/SearchableMap'

/**
 * Every indexed term with the number of docs holding it. The query strategy uses it to expand a
 * prefix to its most frequent completions, to find typo corrections and to skip a search that
 * cannot match, without scanning posting lists.
 */
export interface Vocabulary {
	docFrequency(term: string): number
	/** Up to `max` terms starting with `prefix` (itself excluded), most frequent first. */
	completions(prefix: string, max: number): Array<{ term: string; docFrequency: number }>
	/** Terms within `maxDistance` edits (Levenshtein), itself excluded. */
	near(term: string, maxDistance: number): Array<{ term: string; distance: number; docFrequency: number }>
}

export class TermVocabulary implements Vocabulary {
	#terms = new SearchableMap<number>()

	static fromEntries(entries: Iterable<[string, number]>): TermVocabulary {
		const vocabulary = new TermVocabulary()
		for (const [term, count] of entries) vocabulary.#terms.set(term, count)
		return vocabulary
	}

	entries(): Array<[string, number]> {
		return [...this.#terms.entries()]
	}

	get size(): number {
		return this.#terms.size
	}

	/** Counts each distinct term of one doc once. */
	addDocTerms(terms: Iterable<string>): void {
		for (const term of terms) this.#terms.update(term, (count) => (count ?? 0) + 1)
	}

	removeDocTerms(terms: Iterable<string>): void {
		for (const term of terms) {
			const count = this.#terms.get(term) ?? 0
			if (count <= 1) this.#terms.delete(term)
			else this.#terms.set(term, count - 1)
		}
	}

	docFrequency(term: string): number {
		return this.#terms.get(term) ?? 0
	}

	completions(prefix: string, max: number): Array<{ term: string; docFrequency: number }> {
		const found: Array<{ term: string; docFrequency: number }> = []
		for (const [term, docFrequency] of this.#terms.atPrefix(prefix)) {
			if (term !== prefix) found.push({ term, docFrequency })
		}
		found.sort((a, b) => b.docFrequency - a.docFrequency || a.term.localeCompare(b.term))
		return found.slice(0, max)
	}

	near(term: string, maxDistance: number): Array<{ term: string; distance: number; docFrequency: number }> {
		if (maxDistance < 1) return []
		const found: Array<{ term: string; distance: number; docFrequency: number }> = []
		for (const [candidate, [docFrequency, distance]] of this.#terms.fuzzyGet(term, maxDistance)) {
			if (distance > 0) found.push({ term: candidate, distance, docFrequency })
		}
		return found
	}
}
