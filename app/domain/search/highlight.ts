import { type Segment } from '#app/domain/search/search-port.ts'
import { SNIPPET_LENGTH } from '#app/domain/search/search-settings.ts'
import { normalizeWord, wordRanges } from '#app/domain/search/text.ts'

/**
 * Highlights and snippets as segments of plain text (never HTML), built from match ranges.
 * The embedded engine finds ranges by comparing words with the terms it matched; the Meilisearch
 * adapter gets them from the engine's own highlighting.
 */

export type TextRange = { start: number; end: number }
/** A match range with the term it stands for, so that a snippet can prefer variety. */
export type MatchRange = TextRange & { term: string }

const ELLIPSIS = '…'

/** Ranges of the words of `text` whose normalised form is in `terms`. */
export function findMatches(text: string, terms: ReadonlySet<string>): MatchRange[] {
	if (terms.size === 0 || text === '') return []
	if (![...terms].every((term) => ASCII_WORD.test(term))) return wordRanges(text).filter((word) => terms.has(word.term))
	// Fast path for ASCII terms: a case-insensitive regular expression finds the words spelled in
	// ASCII, several times faster than normalising every word of an 800-word body; only the words
	// holding a non-ASCII letter ('Café') are normalised one by one. Article text is rarely pure
	// ASCII (typographic quotes and dashes), so both halves run on most bodies.
	const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...terms].join('|')})(?![\\p{L}\\p{N}])`, 'giu')
	const found: MatchRange[] = []
	for (const match of text.matchAll(pattern)) {
		// Unicode case folding also matches a few non-ASCII letters (the Kelvin sign for 'k'): those
		// words are the second half's.
		if (!ASCII_ONLY.test(match[0])) continue
		found.push({ start: match.index, end: match.index + match[0].length, term: match[0].toLowerCase() })
	}
	if (!NON_ASCII.test(text)) return found
	let accented = false
	let covered = 0
	for (const letter of text.matchAll(NON_ASCII_LETTER)) {
		if (letter.index < covered) continue
		// Grow to the whole word around the letter: linear, however long the word.
		const start = wordStartBefore(text, letter.index)
		WORD_REST.lastIndex = letter.index + letter[0].length
		const end = WORD_REST.lastIndex + WORD_REST.exec(text)![0].length
		covered = end
		const term = normalizeWord(text.slice(start, end))
		if (!terms.has(term)) continue
		found.push({ start, end, term })
		accented = true
	}
	return accented ? found.sort((a, b) => a.start - b.start) : found
}

const NON_ASCII = /[^\p{ASCII}]/u
const ASCII_ONLY = /^\p{ASCII}*$/u
const ASCII_WORD = /^[a-z0-9]+$/
/** A letter or digit outside ASCII. */
const NON_ASCII_LETTER = /(?=[\p{L}\p{N}])[^\p{ASCII}]/gu
/** Letters and digits from `lastIndex` on (sticky: never searches further). */
const WORD_REST = /[\p{L}\p{N}]*/uy

/** Where the word that `index` sits in (or just after) starts, stepping back by code points. */
function wordStartBefore(text: string, index: number): number {
	let i = index
	while (i > 0) {
		const low = text.charCodeAt(i - 1)
		const pair = low >= 0xdc00 && low <= 0xdfff && i >= 2 && text.charCodeAt(i - 2) >= 0xd800 && text.charCodeAt(i - 2) <= 0xdbff
		const width = pair ? 2 : 1
		if (!isWordChar(text.slice(i - width, i))) break
		i -= width
	}
	return i
}

/** Splits text into marked and unmarked segments; overlapping or touching ranges merge. */
export function segmentsFromRanges(text: string, ranges: readonly TextRange[]): Segment[] {
	const sorted = [...ranges]
		.map((r) => ({ start: Math.max(0, r.start), end: Math.min(text.length, r.end) }))
		.filter((r) => r.end > r.start)
		.sort((a, b) => a.start - b.start)
	const segments: Segment[] = []
	let cursor = 0
	for (const range of sorted) {
		const last = segments.at(-1)
		if (range.start < cursor || (range.start === cursor && last?.match)) {
			// Overlaps or touches the previous match: extend it.
			if (last?.match && range.end > cursor) {
				last.text += text.slice(cursor, range.end)
				cursor = range.end
			}
			continue
		}
		if (range.start > cursor) segments.push({ text: text.slice(cursor, range.start), match: false })
		segments.push({ text: text.slice(range.start, range.end), match: true })
		cursor = range.end
	}
	if (cursor < text.length) segments.push({ text: text.slice(cursor), match: false })
	return segments
}

/**
 * The window of at most `maxLength` characters holding the most distinct matched terms (then the
 * most matches, then the earliest). Two pointers over the sorted matches: linear in their number.
 */
export function bestWindow(matches: readonly MatchRange[], maxLength: number): { first: number; last: number } | null {
	if (matches.length === 0) return null
	const counts = new Map<string, number>()
	let best = { first: 0, last: 0, distinct: 0, size: 0 }
	let first = 0
	for (let last = 0; last < matches.length; last++) {
		const term = matches[last]!.term
		counts.set(term, (counts.get(term) ?? 0) + 1)
		while (matches[last]!.end - matches[first]!.start > maxLength) {
			const dropped = matches[first]!.term
			const left = counts.get(dropped)! - 1
			if (left === 0) counts.delete(dropped)
			else counts.set(dropped, left)
			first++
		}
		const distinct = counts.size
		const size = last - first + 1
		if (distinct > best.distinct || (distinct === best.distinct && size > best.size)) {
			best = { first, last, distinct, size }
		}
	}
	return { first: best.first, last: best.last }
}

/** How many distinct terms the best window of this text holds: used to pick summary or body. */
export function windowStrength(matches: readonly MatchRange[], maxLength = SNIPPET_LENGTH): number {
	const window = bestWindow(matches, maxLength)
	if (!window) return 0
	return new Set(matches.slice(window.first, window.last + 1).map((m) => m.term)).size
}

/**
 * A snippet of about `maxLength` characters around the best cluster of matches, cut on word
 * boundaries, with an ellipsis where text was left out and whitespace collapsed.
 */
export function buildSnippet(text: string, matches: readonly MatchRange[], maxLength = SNIPPET_LENGTH): Segment[] {
	if (text.length <= maxLength) return collapse(segmentsFromRanges(text, matches))
	const window = bestWindow(matches, maxLength)
	let start = 0
	if (window) {
		const spanStart = matches[window.first]!.start
		const spanEnd = matches[window.last]!.end
		// Keep about a quarter of the spare room before the first match, the rest after.
		start = Math.max(0, spanStart - Math.floor((maxLength - (spanEnd - spanStart)) / 4))
		start = Math.min(start, Math.max(0, text.length - maxLength))
		start = Math.min(start, spanStart)
	}
	let end = Math.min(text.length, start + maxLength)
	start = snapStart(text, start)
	end = snapEnd(text, end)
	const inside = matches
		.filter((m) => m.start >= start && m.end <= end)
		.map((m) => ({ start: m.start - start, end: m.end - start }))
	const segments = segmentsFromRanges(text.slice(start, end), inside)
	if (start > 0) segments.unshift({ text: ELLIPSIS, match: false })
	if (end < text.length) segments.push({ text: ELLIPSIS, match: false })
	return collapse(segments)
}

/** Parses text marked with sentinel tags (as Meilisearch returns it) into segments. */
export function segmentsFromMarked(marked: string, preTag: string, postTag: string): Segment[] {
	const segments: Segment[] = []
	let rest = marked
	while (rest.length > 0) {
		const open = rest.indexOf(preTag)
		if (open === -1) {
			segments.push({ text: rest, match: false })
			break
		}
		if (open > 0) segments.push({ text: rest.slice(0, open), match: false })
		const afterOpen = rest.slice(open + preTag.length)
		const close = afterOpen.indexOf(postTag)
		if (close === -1) {
			segments.push({ text: afterOpen, match: true })
			break
		}
		if (close > 0) segments.push({ text: afterOpen.slice(0, close), match: true })
		rest = afterOpen.slice(close + postTag.length)
	}
	return collapse(segments)
}

/**
 * The whole words that marked segments fall in, normalised ('<dash>board' gives 'dashboard'):
 * what an engine actually matched, for 'did you mean'.
 */
export function highlightedWords(segments: readonly Segment[]): string[] {
	const text = segmentsText(segments)
	const words: string[] = []
	let offset = 0
	for (const segment of segments) {
		if (segment.match) {
			let start = offset
			let end = offset + segment.text.length
			while (start > 0 && isWordChar(text[start - 1]!)) start--
			while (end < text.length && isWordChar(text[end]!)) end++
			for (const word of wordRanges(text.slice(start, end))) words.push(word.term)
		}
		offset += segment.text.length
	}
	return words
}

/** Plain text of segments (what a reader sees). */
export function segmentsText(segments: readonly Segment[]): string {
	return segments.map((s) => s.text).join('')
}

/** Moves a cut forward to the start of a word, unless it already sits on one. */
function snapStart(text: string, index: number): number {
	if (index <= 0) return 0
	let i = index
	if (isWordChar(text[i - 1]!)) while (i < text.length && isWordChar(text[i]!)) i++
	while (i < text.length && /\s/.test(text[i]!)) i++
	return i
}

/** Moves a cut back to the end of a word, unless it already sits on one. */
function snapEnd(text: string, index: number): number {
	if (index >= text.length) return text.length
	let i = index
	if (isWordChar(text[i]!)) while (i > 0 && isWordChar(text[i - 1]!)) i--
	while (i > 0 && /\s/.test(text[i - 1]!)) i--
	return i
}

function isWordChar(char: string): boolean {
	return /[\p{L}\p{N}]/u.test(char)
}

/** Collapses runs of whitespace, trims the ends and drops empty or neighbouring same-kind segments. */
function collapse(segments: Segment[]): Segment[] {
	const out: Segment[] = []
	for (const segment of segments) {
		const text = segment.text.replace(/\s+/g, ' ')
		if (text === '') continue
		const last = out.at(-1)
		if (last && last.match === segment.match) last.text += text
		else out.push({ text, match: segment.match })
	}
	if (out[0]) out[0].text = out[0].text.trimStart()
	const last = out.at(-1)
	if (last) last.text = last.text.trimEnd()
	return out.filter((s) => s.text !== '')
}
