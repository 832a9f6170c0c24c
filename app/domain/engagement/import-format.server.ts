import { z } from 'zod'

/**
 * Reading import files: NDJSON (one JSON object a line) or CSV with a header row (RFC 4180 quoting,
 * so a quoted field may hold commas, quotes and line breaks). Every record keeps the line it starts
 * on, so a bad row is reported where the user will find it in their editor.
 */

export type ImportFormat = 'ndjson' | 'csv'
export type RawRecord = { line: number; fields: Record<string, unknown> }
export type RowError = { line: number; message: string }

export function detectFormat(text: string, fileName?: string): ImportFormat {
	if (fileName?.toLowerCase().endsWith('.csv')) return 'csv'
	if (fileName && /\.(ndjson|jsonl)$/i.test(fileName)) return 'ndjson'
	const first = text.replace(/^\uFEFF/, '').trimStart()
	return first.startsWith('{') ? 'ndjson' : 'csv'
}

/** Yields records and per-line format errors in file order. */
export function* readRecords(text: string, format: ImportFormat): Generator<RawRecord | RowError> {
	yield* format === 'ndjson' ? readNdjson(text) : readCsv(text)
}

export function isRowError(value: RawRecord | RowError): value is RowError {
	return 'message' in value
}

export type ParsedRow<Row> = { ok: true; row: Row } | { ok: false; error: string }
export type ChunkLoader<Row> = (chunk: Array<{ line: number; row: Row }>, fail: (error: RowError) => void) => Promise<void>

const MAX_REPORTED_ERRORS = 200

/**
 * The loop every import shares: read the records, parse each, and hand the good rows to `load` in
 * chunks (a bounded number of transactions for a large file). Bad rows are collected by line, the
 * list capped, and never stop the good ones.
 */
export async function importRecords<Row>(
	text: string,
	format: ImportFormat,
	opts: { chunkSize: number; parse: (fields: Record<string, unknown>) => ParsedRow<Row>; load: ChunkLoader<Row> },
): Promise<{ rows: number; errors: RowError[]; moreErrors: number }> {
	const result = { rows: 0, errors: [] as RowError[], moreErrors: 0 }
	const fail = (error: RowError) => {
		if (result.errors.length < MAX_REPORTED_ERRORS) result.errors.push(error)
		else result.moreErrors++
	}
	let chunk: Array<{ line: number; row: Row }> = []
	for (const record of readRecords(text, format)) {
		result.rows++
		if (isRowError(record)) {
			fail(record)
			continue
		}
		const parsed = opts.parse(record.fields)
		if (!parsed.ok) {
			fail({ line: record.line, message: parsed.error })
			continue
		}
		chunk.push({ line: record.line, row: parsed.row })
		if (chunk.length >= opts.chunkSize) {
			await opts.load(chunk, fail)
			chunk = []
		}
	}
	if (chunk.length) await opts.load(chunk, fail)
	result.errors.sort((a, b) => a.line - b.line)
	return result
}

function* readNdjson(text: string): Generator<RawRecord | RowError> {
	const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!.trim()
		if (line === '') continue
		let value: unknown
		try {
			value = JSON.parse(line)
		} catch {
			yield { line: i + 1, message: 'not valid JSON' }
			continue
		}
		if (!value || typeof value !== 'object' || Array.isArray(value)) {
			yield { line: i + 1, message: 'each line must be one JSON object' }
			continue
		}
		yield { line: i + 1, fields: value as Record<string, unknown> }
	}
}

function* readCsv(text: string): Generator<RawRecord | RowError> {
	let header: string[] | undefined
	for (const row of csvRows(text.replace(/^\uFEFF/, ''))) {
		if (row.cells.length === 1 && row.cells[0]!.trim() === '') continue
		if (!header) {
			header = row.cells.map((cell) => cell.trim())
			const dup = header.find((name, i) => name !== '' && header!.indexOf(name) !== i)
			if (dup) {
				yield { line: row.line, message: `the header names "${dup}" twice` }
				return
			}
			continue
		}
		if (row.unterminated) {
			yield { line: row.line, message: 'a quoted field is never closed' }
			return
		}
		if (row.cells.length > header.length) {
			yield { line: row.line, message: `${row.cells.length} fields but the header has ${header.length}` }
			continue
		}
		const entries: Array<[string, string]> = []
		header.forEach((name, i) => {
			const cell = row.cells[i]
			// An empty cell means "not given", like a missing key in NDJSON.
			if (name !== '' && cell !== undefined && cell !== '') entries.push([name, cell])
		})
		// Own keys, as JSON.parse makes them: a "__proto__" column is an unknown field, not a prototype.
		yield { line: row.line, fields: Object.fromEntries(entries) }
	}
}

type CsvRow = { line: number; cells: string[]; unterminated: boolean }

function* csvRows(text: string): Generator<CsvRow> {
	let line = 1
	let i = 0
	const n = text.length
	while (i < n) {
		const start = line
		const cells: string[] = []
		let cell = ''
		let quoted = false
		let unterminated = false
		for (;;) {
			if (i >= n) {
				if (quoted) unterminated = true
				cells.push(cell)
				break
			}
			const ch = text[i]!
			if (quoted) {
				if (ch === '"') {
					if (text[i + 1] === '"') {
						cell += '"'
						i += 2
					} else {
						quoted = false
						i++
					}
				} else if (ch === '\r' && text[i + 1] === '\n') {
					i++ // a line break inside a quoted field is kept as \n
				} else {
					if (ch === '\n') line++
					cell += ch
					i++
				}
				continue
			}
			if (ch === '"' && cell === '') {
				quoted = true
				i++
			} else if (ch === ',') {
				cells.push(cell)
				cell = ''
				i++
			} else if (ch === '\n' || ch === '\r') {
				cells.push(cell)
				i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1
				line++
				break
			} else {
				cell += ch
				i++
			}
		}
		yield { line: start, cells, unterminated }
	}
}

/** A number from JSON or from a CSV cell ("12", "0.5", "1e3"). */
export const NumberCell = z.preprocess(
	(value) => (typeof value === 'string' && /^\s*-?\d+(\.\d+)?([eE][-+]?\d+)?\s*$/.test(value) ? Number(value) : value),
	z.number({ error: 'must be a number' }),
)

/** A date or date-time in ISO 8601, e.g. 2026-03-01 or 2026-03-01T09:30:00Z. */
export const InstantCell = z
	.string()
	.trim()
	.regex(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/, 'must be an ISO date, e.g. 2026-03-01T09:30:00Z')
	.transform((value, ctx) => {
		// Without a zone, Date would read the time in the server's zone: an export's bare times are UTC.
		const zoned = value.length === 10 ? `${value}T00:00:00Z` : /(Z|[+-]\d{2}:?\d{2})$/.test(value) ? value : `${value}Z`
		const date = new Date(zoned.replace(' ', 'T'))
		if (Number.isNaN(date.getTime())) {
			ctx.addIssue({ code: 'custom', message: 'is not a real date' })
			return z.NEVER
		}
		return date
	})

export const DayCell = z
	.string()
	.trim()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day as YYYY-MM-DD')
	.refine((day) => {
		const date = new Date(`${day}T00:00:00Z`)
		return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day
	}, 'is not a real day')

/** "field: message" for the first issue: one short reason per bad row. */
export function firstIssue(error: z.ZodError): string {
	const issue = error.issues[0]
	if (!issue) return 'invalid row'
	const path = issue.path.map(String).join('.')
	return path ? `${path}: ${issue.message}` : issue.message
}
