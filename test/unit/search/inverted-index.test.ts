import { describe, expect, test } from 'vitest'
import { InvertedIndex, packTermFrequencies, type Matches } from '#app/domain/search/inverted-index.ts'

/** Adds a doc from field texts (words split on spaces) and returns its slot. */
function add(index: InvertedIndex, fields: { title?: string; tags?: string; summary?: string; body?: string }, mask = 1): number {
	const words = (text = '') => text.split(' ').filter(Boolean)
	const { packed, lengths } = packTermFrequencies({ title: words(fields.title), tags: words(fields.tags), summary: words(fields.summary), body: words(fields.body) })
	return index.add(packed, lengths, mask)
}

const all = (index: InvertedIndex) => new Uint8Array(index.slotCount).fill(1)
const group = (...terms: string[]) => terms.map((term) => ({ term, weight: 1 }))
function ranked(matches: Matches): number[] {
	return [...matches.slots.subarray(0, matches.size)]
		.map((slot, i) => [slot, matches.scores[i]!] as const)
		.sort((a, b) => b[1] - a[1])
		.map(([slot]) => slot)
}

describe('InvertedIndex', () => {
	test('AND needs every group; OR any, ranking docs with more groups first', () => {
		const index = new InvertedIndex()
		const both = add(index, { body: 'alpha beta filler' })
		const alpha = add(index, { body: 'alpha filler filler' })
		add(index, { body: 'gamma filler filler' })
		expect(ranked(index.execute([group('alpha'), group('beta')], 'AND', all(index)))).toEqual([both])
		expect(ranked(index.execute([group('alpha'), group('beta')], 'OR', all(index)))).toEqual([both, alpha])
		expect(index.execute([group('alpha'), group('missing')], 'AND', all(index)).size).toBe(0)
	})

	test('a title match outranks a body match', () => {
		const index = new InvertedIndex()
		const inBody = add(index, { title: 'other words', body: 'report and more words here' })
		const inTitle = add(index, { title: 'report builder', body: 'other words and more here' })
		expect(ranked(index.execute([group('report')], 'AND', all(index)))).toEqual([inTitle, inBody])
	})

	test('within one word the best alternative counts, not their sum', () => {
		const index = new InvertedIndex()
		const many = add(index, { body: 'dash dashes dashing filler' })
		add(index, { body: 'dash filler filler filler' })
		const scoreOf = (matches: Matches) => matches.scores[[...matches.slots.subarray(0, matches.size)].indexOf(many)]!
		const together = scoreOf(index.execute([group('dash', 'dashes', 'dashing')], 'AND', all(index)))
		const alone = ['dash', 'dashes', 'dashing'].map((term) => scoreOf(index.execute([group(term)], 'AND', all(index))))
		expect(together).toBeCloseTo(Math.max(...alone), 10)
		expect(together).toBeLessThan(alone.reduce((a, b) => a + b) - 0.1)
	})

	test('only allowed slots match', () => {
		const index = new InvertedIndex()
		const publicDoc = add(index, { body: 'alpha' }, 0b01)
		add(index, { body: 'alpha' }, 0b10)
		const allowed = new Uint8Array(index.slotCount)
		allowed[publicDoc] = 1
		expect(ranked(index.execute([group('alpha')], 'AND', allowed))).toEqual([publicDoc])
		expect(index.anyAllowed('alpha', allowed)).toBe(true)
		expect(index.anyAllowed('alpha', new Uint8Array(index.slotCount))).toBe(false)
	})

	test('removed docs stop matching; compaction renumbers and keeps document frequencies right', () => {
		const index = new InvertedIndex()
		const a = add(index, { body: 'alpha beta' })
		const b = add(index, { body: 'alpha' })
		const c = add(index, { body: 'beta' })
		index.remove(a, ['alpha', 'beta'])
		expect(index.docFrequency('alpha')).toBe(1)
		expect(index.masks[a]).toBe(0)
		expect(ranked(index.execute([group('alpha')], 'AND', index.masks))).toEqual([b])
		const mapping = index.compact()
		expect([...mapping]).toEqual([-1, 0, 1])
		expect(index.slotCount).toBe(2)
		expect(index.has('beta', mapping[c]!)).toBe(true)
		expect(index.has('alpha', mapping[c]!)).toBe(false)
		expect(index.docFrequency('beta')).toBe(1)
	})

	test('the vocabulary answers prefixes (most frequent first) and near words', () => {
		const index = new InvertedIndex()
		add(index, { body: 'dashboard dashboards data' })
		add(index, { body: 'data date' })
		expect(index.completions('da', 10).map((c) => c.term)).toEqual(['data', 'dashboard', 'dashboards', 'date'])
		expect(index.near('dashbord', 1).map((c) => c.term)).toEqual(['dashboard'])
	})

	test('JSON round trip answers the same', () => {
		const index = new InvertedIndex()
		add(index, { title: 'alpha', body: 'beta gamma' })
		add(index, { body: 'alpha alpha gamma' }, 0b10)
		const copy = InvertedIndex.fromJSON(JSON.parse(JSON.stringify(index.toJSON())))
		const query = [group('alpha'), group('gamma')]
		expect(copy.execute(query, 'AND', all(copy))).toEqual(index.execute(query, 'AND', all(index)))
		expect([...copy.masks.subarray(0, 2)]).toEqual([1, 2])
	})

	test('term frequencies above a field cap are clipped, not wrapped', () => {
		const { packed } = packTermFrequencies({ title: Array(40).fill('x'), tags: [], summary: [], body: ['x'] })
		const value = packed.get('x')!
		expect((value >>> 27) & 31).toBe(31)
		expect(value & 0xffff).toBe(1)
	})
})
