import { STOP_WORDS } from '#app/domain/search/search-settings.ts'

/**
 * Tokenising and normalising, shared by indexing, querying and highlighting so that what is
 * highlighted is exactly what was matched.
 */

const WORD = /[\p{L}\p{N}]+/gu
const NON_WORD = /[^\p{L}\p{N}]+/u
const COMBINING_MARKS = /\p{M}/gu
const STOP_WORD_SET = new Set(STOP_WORDS)

/** Lower case without accents: 'Résumé' → 'resume'. */
export function normalizeWord(word: string): string {
	const lower = word.toLowerCase()
	// Most words are ASCII: skip the Unicode decomposition for them.
	return /^\p{ASCII}*$/u.test(lower) ? lower : lower.normalize('NFD').replace(COMBINING_MARKS, '')
}

/** Raw words of a text, in order. */
export function splitWords(text: string): string[] {
	return text.split(NON_WORD).filter(Boolean)
}

/** The index term for a raw word, or null when it is not worth indexing. */
export function indexTerm(word: string): string | null {
	const term = normalizeWord(word)
	return term === '' || STOP_WORD_SET.has(term) ? null : term
}

/** Query terms: normalised, stop words dropped, duplicates dropped, in order, at most `max`. */
export function queryTerms(q: string, max = 10): string[] {
	const terms: string[] = []
	for (const word of splitWords(q)) {
		const term = indexTerm(word)
		if (term && !terms.includes(term)) terms.push(term)
		if (terms.length === max) break
	}
	return terms
}

export type WordRange = { start: number; end: number; term: string }

/** Every word of a text with its position, for highlighting. */
export function wordRanges(text: string): WordRange[] {
	const ranges: WordRange[] = []
	for (const match of text.matchAll(WORD)) {
		const start = match.index
		ranges.push({ start, end: start + match[0].length, term: normalizeWord(match[0]) })
	}
	return ranges
}
