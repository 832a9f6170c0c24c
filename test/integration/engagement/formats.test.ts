import { describe, expect, test } from 'vitest'
import { detectFormat, readRecords } from '#app/domain/engagement/import-format.server.ts'
import { usageFromRows } from '#app/domain/scoring/activity.server.ts'

const all = (text: string, format: 'csv' | 'ndjson') => [...readRecords(text, format)]

describe('import file reading', () => {
	test('format from the file name, else from the first character', () => {
		expect(detectFormat('{"a":1}')).toBe('ndjson')
		expect(detectFormat('\uFEFF  {"a":1}')).toBe('ndjson')
		expect(detectFormat('a,b\n1,2')).toBe('csv')
		expect(detectFormat('{"a":1}', 'x.CSV')).toBe('csv')
		expect(detectFormat('a,b', 'x.jsonl')).toBe('ndjson')
	})

	test('CSV: header, quotes, doubled quotes, CRLF, blank lines, empty cells left out, line of each record', () => {
		const text = 'a,b,c\r\n1,"x, ""y""",\r\n\r\n2,"multi\r\nline",z\r\n3,only-two\n4,5,6,7\n'
		expect(all(text, 'csv')).toEqual([
			{ line: 2, fields: { a: '1', b: 'x, "y"' } },
			{ line: 4, fields: { a: '2', b: 'multi\nline', c: 'z' } },
			{ line: 6, fields: { a: '3', b: 'only-two' } },
			{ line: 7, message: '4 fields but the header has 3' },
		])
	})

	test('CSV: an unterminated quote and a duplicated header name stop with a reason', () => {
		expect(all('a,b\n1,"never closed\n2,3\n', 'csv')).toEqual([{ line: 2, message: 'a quoted field is never closed' }])
		expect(all('a,a\n1,2\n', 'csv')).toEqual([{ line: 1, message: 'the header names "a" twice' }])
	})

	test('NDJSON: one object a line; arrays, scalars and broken JSON are reported by line', () => {
		expect(all('{"a":1}\n\n[1]\n42\n{oops\n{"b":2}', 'ndjson')).toEqual([
			{ line: 1, fields: { a: 1 } },
			{ line: 3, message: 'each line must be one JSON object' },
			{ line: 4, message: 'each line must be one JSON object' },
			{ line: 5, message: 'not valid JSON' },
			{ line: 6, fields: { b: 2 } },
		])
	})
})

describe('product usage metrics as scoring reads them', () => {
	const now = new Date('2026-06-01T12:00:00Z')
	test('one day per date; users without minutes still mark an active day; latest seats and users; four-week minutes', () => {
		const usage = usageFromRows(
			[
				{ day: '2026-05-01', metric: 'active_users', value: 3, periodDays: 1 },
				{ day: '2026-05-01', metric: 'seats', value: 10, periodDays: 1 },
				{ day: '2026-05-20', metric: 'active_minutes', value: 200, periodDays: 1 },
				{ day: '2026-05-20', metric: 'active_users', value: 0, periodDays: 1 },
				{ day: '2026-05-27', metric: 'active_minutes', value: 5000, periodDays: 1 },
				{ day: '2026-05-27', metric: 'key_feature_adoption', value: 40, periodDays: 1 },
				{ day: '2026-05-28', metric: 'features_adopted', value: 3, periodDays: 1 },
				{ day: '2026-05-28', metric: 'features_available', value: 12, periodDays: 1 },
				{ day: '2026-05-28', metric: 'seats', value: 12, periodDays: 1 },
				{ day: '2026-05-28', metric: 'unknown_metric', value: 1, periodDays: 1 },
			],
			now,
		)
		const byDay = Object.fromEntries(usage.days.map((d) => [d.day, d]))
		expect(byDay['2026-05-01']).toEqual({ day: '2026-05-01', activeMinutes: 1, activeUsers: 3 })
		expect(byDay['2026-05-20']).toEqual({ day: '2026-05-20', activeMinutes: 200, activeUsers: 0 })
		// A percentage share becomes adopted of 100.
		expect(byDay['2026-05-27']).toEqual({ day: '2026-05-27', activeMinutes: 5000, featuresAdopted: 40, featuresAvailable: 100 })
		expect(byDay['2026-05-28']).toEqual({ day: '2026-05-28', featuresAdopted: 3, featuresAvailable: 12 })
		expect(usage.facts).toEqual({ seats: 12, activeUsers: 0, weeklyActiveMinutes: 5200 / 4 })
	})

	test('a weekly row keeps its period and its active days', () => {
		const usage = usageFromRows(
			[
				{ day: '2026-05-18', metric: 'active_minutes', value: 300, periodDays: 7 },
				{ day: '2026-05-18', metric: 'active_days', value: 3, periodDays: 7 },
			],
			now,
		)
		expect(usage.days).toEqual([{ day: '2026-05-18', periodDays: 7, activeMinutes: 300, activeDays: 3 }])
	})
})
