import { describe, expect, test } from 'vitest'
import {
	bestWindow,
	buildSnippet,
	findMatches,
	highlightedWords,
	segmentsFromMarked,
	segmentsFromRanges,
	segmentsText,
} from '#app/domain/search/highlight.ts'
import { type Segment } from '#app/domain/search/search-port.ts'
import { wordRanges } from '#app/domain/search/text.ts'

const marked = (segments: Segment[]) => segments.filter((s) => s.match).map((s) => s.text)

describe('findMatches', () => {
	test('whole words only, any case', () => {
		const text = 'Charts and chart types: a CHART per question.'
		expect(findMatches(text, new Set(['chart'])).map((m) => text.slice(m.start, m.end))).toEqual(['chart', 'CHART'])
	})

	test('accented words match their plain form', () => {
		const text = 'Update your Résumé and café settings'
		const found = findMatches(text, new Set(['resume', 'cafe']))
		expect(found.map((m) => text.slice(m.start, m.end))).toEqual(['Résumé', 'café'])
		expect(found.map((m) => m.term)).toEqual(['resume', 'cafe'])
	})

	test('nothing to find gives no ranges', () => {
		expect(findMatches('Some text', new Set())).toEqual([])
		expect(findMatches('', new Set(['x']))).toEqual([])
	})

	test('ASCII words in text with typographic punctuation, and accented words beside them', () => {
		const text = '“Export” — the export’s café…Export2 exports 𝐀export naïve'
		const found = findMatches(text, new Set(['export', 'cafe', 'naive']))
		expect(found.map((m) => text.slice(m.start, m.end))).toEqual(['Export', 'export', 'café', 'naïve'])
	})

	test('finds exactly the words that normalising every word finds, on any mix of scripts and punctuation', () => {
		const tokens = ['export', 'Export', 'EXPORT', 'exports', 'café', 'Café', 'cafe\u0301', 'résumé', 'resume', 'naïve', 'K', 'k', '日本', 'straße', '𝐀bc', 'abc', 'x𝐀', 'sso', 'SSO2', '42', 'İd', 'id']
		const separators = [' ', '—', '’', '“', '”', '…', '-', '/', '\n', '', ' (', ') ', '\u00a0']
		let seed = 7
		const next = (n: number) => {
			seed = (seed * 1103515245 + 12345) % 2 ** 31
			return seed % n
		}
		for (let round = 0; round < 300; round++) {
			let text = ''
			for (let i = 0; i < 12; i++) text += tokens[next(tokens.length)]! + separators[next(separators.length)]!
			const terms = new Set(['export', 'cafe', 'resume', 'naive', 'k', 'abc', 'sso2', '42', 'id', 'exports'].filter(() => next(2) === 0))
			const expected = wordRanges(text)
				.filter((w) => terms.has(w.term))
				.map(({ start, end, term }) => ({ start, end, term }))
			expect(findMatches(text, terms), text).toEqual(expected)
		}
	})
})

describe('segmentsFromRanges', () => {
	test('keeps every character, marks the ranges', () => {
		const text = 'Build your first dashboard'
		const segments = segmentsFromRanges(text, [{ start: 17, end: 26 }])
		expect(segments).toEqual([
			{ text: 'Build your first ', match: false },
			{ text: 'dashboard', match: true },
		])
		expect(segmentsText(segments)).toBe(text)
	})

	test('overlapping and touching ranges merge, unsorted input is fine', () => {
		const segments = segmentsFromRanges('abcdefgh', [{ start: 4, end: 6 }, { start: 0, end: 2 }, { start: 1, end: 3 }, { start: 3, end: 4 }])
		expect(segments).toEqual([
			{ text: 'abcdef', match: true },
			{ text: 'gh', match: false },
		])
	})
})

describe('buildSnippet', () => {
	const words = (n: number, word = 'filler') => Array.from({ length: n }, () => word).join(' ')

	test('a short text comes back whole, matches marked', () => {
		const text = 'Alerts are checked every fifteen minutes.'
		const snippet = buildSnippet(text, findMatches(text, new Set(['alerts'])))
		expect(segmentsText(snippet)).toBe(text)
		expect(marked(snippet)).toEqual(['Alerts'])
	})

	test('a long text is cut around the match on word boundaries, with ellipses', () => {
		const text = `${words(60)} the escalation rule applies here ${words(60)}`
		const snippet = buildSnippet(text, findMatches(text, new Set(['escalation'])), 80)
		const shown = segmentsText(snippet)
		expect(marked(snippet)).toEqual(['escalation'])
		expect(shown.startsWith('…')).toBe(true)
		expect(shown.endsWith('…')).toBe(true)
		expect(shown.length).toBeLessThanOrEqual(80 + 2)
		// Cut between words, never inside one.
		expect(shown.slice(1, -1).trim().split(' ').every((w) => ['filler', 'the', 'escalation', 'rule', 'applies', 'here'].includes(w))).toBe(true)
	})

	test('prefers the window holding the most different query words', () => {
		const text = `alpha ${words(40)} alpha ${words(40)} alpha beta gamma ${words(40)}`
		const snippet = buildSnippet(text, findMatches(text, new Set(['alpha', 'beta', 'gamma'])), 60)
		expect(marked(snippet)).toEqual(['alpha', 'beta', 'gamma'])
	})

	test('no match: the start of the text', () => {
		const text = `First words here ${words(80)}`
		const snippet = buildSnippet(text, [], 40)
		expect(segmentsText(snippet).startsWith('First words here')).toBe(true)
		expect(marked(snippet)).toEqual([])
	})

	test('whitespace runs collapse to one space', () => {
		const text = 'Line one\n\n   line two'
		expect(segmentsText(buildSnippet(text, []))).toBe('Line one line two')
	})
})

describe('bestWindow', () => {
	test('two pointers find the densest distinct cluster', () => {
		const matches = [
			{ start: 0, end: 1, term: 'a' },
			{ start: 100, end: 101, term: 'a' },
			{ start: 110, end: 111, term: 'b' },
			{ start: 300, end: 301, term: 'c' },
		]
		expect(bestWindow(matches, 50)).toEqual({ first: 1, last: 2 })
		expect(bestWindow([], 50)).toBeNull()
	})
})

describe('marked text from an engine', () => {
	test('sentinel tags become segments; stray or missing tags do not break it', () => {
		expect(segmentsFromMarked('Connect \u0002Snow\u0003flake now', '\u0002', '\u0003')).toEqual([
			{ text: 'Connect ', match: false },
			{ text: 'Snow', match: true },
			{ text: 'flake now', match: false },
		])
		expect(segmentsFromMarked('open \u0002end', '\u0002', '\u0003')).toEqual([
			{ text: 'open ', match: false },
			{ text: 'end', match: true },
		])
		expect(segmentsFromMarked('<b>not markup</b>', '\u0002', '\u0003')).toEqual([{ text: '<b>not markup</b>', match: false }])
	})

	test('highlightedWords widens a marked part to its whole word', () => {
		const segments = segmentsFromMarked('Connect \u0002Snow\u0003flake and \u0002Café\u0003s', '\u0002', '\u0003')
		expect(highlightedWords(segments)).toEqual(['snowflake', 'cafes'])
	})
})
