import { describe, expect, test } from 'vitest'
import {
	accountsCsv,
	csvField,
	CSV_HEADER,
	DEFAULT_ORDER,
	paginate,
	parseListOrder,
	sortRows,
	type CsvAccount,
	type ListRow,
} from '#app/domain/scoring/portfolio-list.ts'

const params = (q: string) => new URLSearchParams(q)

describe('parseListOrder', () => {
	test('known keys and directions are taken, a column alone sorts its natural way', () => {
		expect(parseListOrder(params('sort=name&dir=desc&page=3'))).toEqual({ sort: 'name', dir: 'desc', page: 3 })
		expect(parseListOrder(params('sort=name'))).toEqual({ sort: 'name', dir: 'asc', page: 1 })
		expect(parseListOrder(params('sort=lastActive')).dir).toBe('desc')
	})

	test('anything else falls back to the default', () => {
		expect(parseListOrder(params(''))).toEqual(DEFAULT_ORDER)
		expect(parseListOrder(params('sort=__proto__&dir=up&page=0'))).toEqual(DEFAULT_ORDER)
		for (const page of ['-1', '1.5', '01', 'x', '9999999', ' 2']) expect(parseListOrder(params(`page=${encodeURIComponent(page)}`)).page).toBe(1)
	})
})

function row(id: string, over: Partial<ListRow> = {}): ListRow {
	return { id, name: id, arr: 0, lastActiveAt: null, score: null, ...over }
}

describe('sortRows', () => {
	const rows = [
		row('b', { arr: 30, score: { skill: 10, will: 90 }, lastActiveAt: new Date('2026-01-02') }),
		row('a', { arr: 30, score: { skill: 80, will: 20 }, lastActiveAt: '2026-01-05T00:00:00.000Z' }),
		row('c', { arr: 5 }),
		row('D', { arr: 100, score: { skill: 50, will: 50 } }),
	]
	const ids = (list: ListRow[]) => list.map((r) => r.id)

	test('by each key, both ways; ties in name order', () => {
		expect(ids(sortRows(rows, { sort: 'name', dir: 'asc' }))).toEqual(['a', 'b', 'c', 'D'])
		expect(ids(sortRows(rows, { sort: 'name', dir: 'desc' }))).toEqual(['D', 'c', 'b', 'a'])
		expect(ids(sortRows(rows, { sort: 'arr', dir: 'desc' }))).toEqual(['D', 'a', 'b', 'c'])
		expect(ids(sortRows(rows, { sort: 'arr', dir: 'asc' }))).toEqual(['c', 'a', 'b', 'D'])
		expect(ids(sortRows(rows, { sort: 'skill', dir: 'desc' }))).toEqual(['a', 'D', 'b', 'c'])
		expect(ids(sortRows(rows, { sort: 'will', dir: 'asc' }))).toEqual(['a', 'D', 'b', 'c'])
		expect(ids(sortRows(rows, { sort: 'lastActive', dir: 'desc' }))).toEqual(['a', 'b', 'c', 'D'])
	})

	test('rows without a value come last in either direction', () => {
		expect(ids(sortRows(rows, { sort: 'lastActive', dir: 'asc' }))).toEqual(['b', 'a', 'c', 'D'])
		expect(ids(sortRows(rows, { sort: 'skill', dir: 'asc' })).slice(-1)).toEqual(['c'])
	})

	test('does not reorder its input', () => {
		sortRows(rows, { sort: 'name', dir: 'asc' })
		expect(ids(rows)).toEqual(['b', 'a', 'c', 'D'])
	})
})

describe('paginate', () => {
	const list = Array.from({ length: 7 }, (_, i) => i + 1)
	test('pages of the given size, with the range shown', () => {
		expect(paginate(list, 1, 3)).toEqual({ rows: [1, 2, 3], page: 1, pages: 3, total: 7, first: 1, last: 3 })
		expect(paginate(list, 3, 3)).toEqual({ rows: [7], page: 3, pages: 3, total: 7, first: 7, last: 7 })
	})
	test('past the end shows the last page; an empty list one empty page', () => {
		expect(paginate(list, 99, 3).page).toBe(3)
		expect(paginate([], 2, 3)).toEqual({ rows: [], page: 1, pages: 1, total: 0, first: 0, last: 0 })
	})
})

describe('CSV', () => {
	test('fields are quoted when they must be, and formulas are defused', () => {
		expect(csvField('Plain')).toBe('Plain')
		expect(csvField('Acme, Inc.')).toBe('"Acme, Inc."')
		expect(csvField('Say "hi"')).toBe('"Say ""hi"""')
		expect(csvField('two\nlines')).toBe('"two\nlines"')
		expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
		expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)")
		expect(csvField('-1+1')).toBe("'-1+1")
		expect(csvField(-75)).toBe('-75')
		expect(csvField(null)).toBe('')
	})

	test('a header line, then one line per account, CRLF', () => {
		const account: CsvAccount = {
			id: 'x',
			name: 'Atlas, Retail',
			emailDomain: 'atlas.example',
			tier: 1,
			arr: 420000,
			costToServe: 50000,
			nps: -75,
			users: 4,
			csmName: 'Casey Success',
			lastActiveAt: new Date('2026-11-01T10:00:00Z'),
			score: { skill: 86, will: 18, segment: 'UNMOTIVATED', quadrant: 'FLIGHT_RISK' },
		}
		const unscored: CsvAccount = { ...account, name: 'New Co', nps: null, csmName: null, lastActiveAt: null, score: null }
		const lines = accountsCsv([account, unscored]).split('\r\n')
		expect(lines[0]).toBe(CSV_HEADER.join(','))
		expect(lines[1]).toBe('"Atlas, Retail",atlas.example,1,420000,50000,-75,4,Casey Success,86,18,Unmotivated,Work to keep: flight risk,2026-11-01T10:00:00.000Z')
		expect(lines[2]).toBe('New Co,atlas.example,1,420000,50000,,4,,,,,,')
		expect(lines[3]).toBe('')
	})
})
