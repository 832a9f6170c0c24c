import { z } from 'zod'
import { prisma } from '#app/utils/db.server.ts'
import {
	DayCell,
	detectFormat,
	firstIssue,
	importRecords,
	InstantCell,
	NumberCell,
	type ImportFormat,
	type ParsedRow,
	type RowError,
} from './import-format.server.ts'

/**
 * Outside signals a customer-success team already has: product usage per account and day, and
 * NPS/CSAT survey answers. Bad rows are reported by line and skipped; good rows load. Loading the
 * same file again changes nothing: usage is keyed by (account, day, metric) and written only when
 * the value differs; a survey answer is keyed by the source system's id.
 *
 * Usage row:  { "type": "usage", "account": "acme.com", "day": "2026-03-01", "metric": "active_users", "value": 12 }
 * Survey row: { "type": "survey", "id": "typeform-123", "account": "acme.com", "kind": "NPS", "score": 9,
 *               "respondedAt": "2026-03-01T10:00:00Z", "email": "pat@acme.com", "comment": "..." }
 * `account` is the account's email domain or its id. `type` may be left out when the row says
 * which it is (a `metric` makes it usage, a `kind` a survey answer). CSV takes the same names as columns.
 */

export const METRIC_PATTERN = /^[a-z][a-z0-9_]{0,39}$/

const AccountRef = z.string().trim().min(1, 'is required').max(200)

const UsageRowSchema = z.strictObject({
	type: z.literal('usage').optional(),
	account: AccountRef,
	day: DayCell,
	metric: z.string().trim().regex(METRIC_PATTERN, 'must be a lower_snake_case name, e.g. active_users'),
	value: NumberCell.pipe(z.number().min(0, 'must not be negative').max(1e12, 'is too large')),
})

const SurveyRowSchema = z
	.strictObject({
		type: z.literal('survey').optional(),
		id: z.union([z.string(), z.number()]).transform(String).pipe(z.string().trim().min(1).max(200)),
		account: AccountRef,
		kind: z
			.string()
			.trim()
			.transform((k) => k.toUpperCase())
			.pipe(z.enum(['NPS', 'CSAT'], { error: 'must be NPS or CSAT' })),
		score: NumberCell,
		respondedAt: InstantCell,
		email: z.string().trim().max(320).optional(),
		comment: z.string().max(2000, 'must be at most 2000 characters').optional(),
	})
	.superRefine((row, ctx) => {
		const [min, max] = row.kind === 'NPS' ? [0, 10] : [1, 5]
		if (!(row.score >= min && row.score <= max)) {
			ctx.addIssue({ code: 'custom', path: ['score'], message: `${row.kind} score must be between ${min} and ${max}` })
		}
	})

type UsageRow = z.output<typeof UsageRowSchema>
type SurveyRow = z.output<typeof SurveyRowSchema>
type Parsed = { line: number; row: { type: 'usage'; value: UsageRow } | { type: 'survey'; value: SurveyRow } }

export type ImportReport = {
	format: ImportFormat
	/** Rows read, good and bad. */
	rows: number
	created: number
	updated: number
	unchanged: number
	errors: RowError[]
	/** Errors beyond the reported ones (the list is capped). */
	moreErrors: number
	/** Accounts whose signals changed: their scores need a recompute. */
	changedAccountIds: string[]
}

const CHUNK = 300

export async function importSignals(text: string, opts: { fileName?: string; format?: ImportFormat } = {}): Promise<ImportReport> {
	const format = opts.format ?? detectFormat(text, opts.fileName)
	const report: ImportReport = { format, rows: 0, created: 0, updated: 0, unchanged: 0, errors: [], moreErrors: 0, changedAccountIds: [] }
	const changed = new Set<string>()
	const result = await importRecords(text, format, {
		chunkSize: CHUNK,
		parse: parseSignalRow,
		load: (chunk, fail) => loadChunk(chunk, report, changed, fail),
	})
	Object.assign(report, result, { changedAccountIds: [...changed] })
	return report
}

function parseSignalRow(fields: Record<string, unknown>): ParsedRow<Parsed['row']> {
	const type = fields.type ?? ('metric' in fields ? 'usage' : 'kind' in fields ? 'survey' : undefined)
	if (type === 'usage') {
		const result = UsageRowSchema.safeParse(fields)
		return result.success ? { ok: true, row: { type: 'usage', value: result.data } } : { ok: false, error: firstIssue(result.error) }
	}
	if (type === 'survey') {
		const result = SurveyRowSchema.safeParse(fields)
		return result.success ? { ok: true, row: { type: 'survey', value: result.data } } : { ok: false, error: firstIssue(result.error) }
	}
	return { ok: false, error: 'type: must be "usage" or "survey" (or give a metric or a kind)' }
}

async function loadChunk(chunk: Parsed[], report: ImportReport, changed: Set<string>, fail: (e: RowError) => void) {
	const accounts = await resolveAccounts(chunk.map((p) => p.row.value.account))
	const usage: Array<{ line: number; accountId: string; row: UsageRow }> = []
	const surveys: Array<{ line: number; accountId: string; row: SurveyRow }> = []
	for (const p of chunk) {
		const accountId = accounts.get(p.row.value.account.toLowerCase())
		if (!accountId) {
			fail({ line: p.line, message: `account: no account with the id or email domain "${p.row.value.account}"` })
			continue
		}
		if (p.row.type === 'usage') usage.push({ line: p.line, accountId, row: p.row.value })
		else surveys.push({ line: p.line, accountId, row: p.row.value })
	}
	await prisma.$transaction(async (tx) => {
		// Usage: the last row for a key in the file wins, as it would in a spreadsheet.
		const byKey = new Map<string, { accountId: string; day: string; metric: string; value: number }>()
		for (const u of usage) byKey.set(`${u.accountId}|${u.row.day}|${u.row.metric}`, { accountId: u.accountId, day: u.row.day, metric: u.row.metric, value: u.row.value })
		// One range query for the chunk (files are usually sorted by account and day); matched by key below.
		const wanted = [...byKey.values()]
		const existing = wanted.length
			? await tx.productUsage.findMany({
					where: {
						accountId: { in: [...new Set(wanted.map((u) => u.accountId))] },
						metric: { in: [...new Set(wanted.map((u) => u.metric))] },
						day: { gte: wanted.reduce((m, u) => (u.day < m ? u.day : m), wanted[0]!.day), lte: wanted.reduce((m, u) => (u.day > m ? u.day : m), wanted[0]!.day) },
					},
					select: { id: true, accountId: true, day: true, metric: true, value: true },
				})
			: []
		const stored = new Map(existing.map((e) => [`${e.accountId}|${e.day}|${e.metric}`, e]))
		const toCreate: Array<{ accountId: string; day: string; metric: string; value: number }> = []
		for (const [key, u] of byKey) {
			const before = stored.get(key)
			if (!before) toCreate.push(u)
			else if (before.value !== u.value) {
				await tx.productUsage.update({ where: { id: before.id }, data: { value: u.value } })
				report.updated++
				changed.add(u.accountId)
			} else report.unchanged++
		}
		if (toCreate.length) {
			await tx.productUsage.createMany({ data: toCreate })
			report.created += toCreate.length
			for (const u of toCreate) changed.add(u.accountId)
		}
		report.unchanged += usage.length - byKey.size

		const byId = new Map<string, { accountId: string; row: SurveyRow }>()
		for (const s of surveys) byId.set(s.row.id, { accountId: s.accountId, row: s.row })
		const known = byId.size
			? await tx.surveyResponse.findMany({
					where: { externalId: { in: [...byId.keys()] } },
					select: { id: true, externalId: true, accountId: true, kind: true, score: true, comment: true, userEmail: true, respondedAt: true },
				})
			: []
		const knownById = new Map(known.map((k) => [k.externalId, k]))
		const newSurveys = []
		for (const [externalId, { accountId, row }] of byId) {
			const data = {
				accountId,
				kind: row.kind,
				score: row.score,
				comment: row.comment ?? null,
				userEmail: row.email?.toLowerCase() ?? null,
				respondedAt: row.respondedAt,
			}
			const before = knownById.get(externalId)
			if (!before) newSurveys.push({ externalId, ...data })
			else if (
				before.accountId !== data.accountId ||
				before.kind !== data.kind ||
				before.score !== data.score ||
				before.comment !== data.comment ||
				before.userEmail !== data.userEmail ||
				before.respondedAt.getTime() !== data.respondedAt.getTime()
			) {
				// A corrected export: the source system's id names the same answer.
				await tx.surveyResponse.update({ where: { id: before.id }, data })
				report.updated++
				changed.add(accountId)
				changed.add(before.accountId)
			} else report.unchanged++
		}
		if (newSurveys.length) {
			await tx.surveyResponse.createMany({ data: newSurveys })
			report.created += newSurveys.length
			for (const s of newSurveys) changed.add(s.accountId)
		}
		report.unchanged += surveys.length - byId.size
	})
}

/** Account ids by lower-cased reference (id or email domain). */
async function resolveAccounts(refs: string[]): Promise<Map<string, string>> {
	const wanted = [...new Set(refs.map((r) => r.trim()))]
	const lower = [...new Set(wanted.map((r) => r.toLowerCase()))]
	const rows = await prisma.account.findMany({
		where: { OR: [{ id: { in: wanted } }, { emailDomain: { in: lower } }] },
		select: { id: true, emailDomain: true },
	})
	const map = new Map<string, string>()
	for (const row of rows) {
		map.set(row.id.toLowerCase(), row.id)
		map.set(row.emailDomain.toLowerCase(), row.id)
	}
	return map
}
