import { z } from 'zod'
import { type AccountManager } from '#app/domain/accounts-tiers/account-access.ts'
import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/utils/db.server.ts'
import { ImportDirectory } from './import-directory.server.ts'
import { detectFormat, firstIssue, importRecords, InstantCell, NumberCell, type ImportFormat, type ParsedRow, type RowError } from './import-format.server.ts'
import { dayStart } from './import-refs.ts'
import { AccountRef, storeUsage, UsageRowSchema, type UsageRow, type UsageValue } from './import-usage.server.ts'

/**
 * Outside signals a customer-success team already has: product usage per account or per user, by
 * day or by period (import-usage.server.ts), and NPS/CSAT survey answers. Bad rows are reported by
 * line and skipped; good rows load. Loading the same file again changes nothing: usage is keyed by
 * (account or user, day, metric) and written only when it differs; a survey answer is keyed by the
 * source system's id. The formats are in docs/imports.md.
 *
 * Usage row:  { "type": "usage", "account": "acme.com", "day": "2026-03-01", "metric": "active_users", "value": 12 }
 *             { "type": "usage", "user": "pat@acme.com", "day": "2026-03-02", "period": "week", "metric": "active_minutes", "value": 95 }
 * Survey row: { "type": "survey", "id": "typeform-123", "account": "acme.com", "kind": "NPS", "score": 9,
 *               "respondedAt": "2026-03-01T10:00:00Z", "email": "pat@acme.com", "comment": "..." }
 * `account` is the account's id, external id or email domain; `user` an email or user id. `type`
 * may be left out when the row says which it is (a `metric` makes it usage, a `kind` a survey
 * answer). CSV takes the same names as columns. Unknown accounts and users refuse their rows
 * unless `createMissing` is set (import-directory.server.ts).
 */

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
	/** Accounts and users created for rows that named them (create-missing only). */
	accountsCreated: number
	usersCreated: number
	/** Accounts whose signals changed: their scores need a recompute. */
	changedAccountIds: string[]
	/** Users whose own product usage changed. */
	changedUserIds: string[]
}

/** `actor`: who uploaded the file in the console; rows about accounts they may not manage are refused (import-directory.server.ts). */
export type SignalsImportOptions = { fileName?: string; format?: ImportFormat; createMissing?: boolean; actor?: AccountManager }

const CHUNK = 300

export async function importSignals(text: string, opts: SignalsImportOptions = {}): Promise<ImportReport> {
	const format = opts.format ?? detectFormat(text, opts.fileName)
	const report: ImportReport = {
		format,
		rows: 0,
		created: 0,
		updated: 0,
		unchanged: 0,
		errors: [],
		moreErrors: 0,
		accountsCreated: 0,
		usersCreated: 0,
		changedAccountIds: [],
		changedUserIds: [],
	}
	const changed = { accounts: new Set<string>(), users: new Set<string>() }
	const directory = new ImportDirectory(opts.createMissing ?? false, opts.actor)
	const result = await importRecords(text, format, {
		chunkSize: CHUNK,
		parse: parseSignalRow,
		load: (chunk, fail) => prisma.$transaction((tx) => loadChunk(tx, chunk, directory, report, changed, fail), { timeout: 60_000 }),
	})
	await directory.finish(prisma)
	Object.assign(report, result, {
		accountsCreated: directory.accountsCreated,
		usersCreated: directory.usersCreated,
		changedAccountIds: [...changed.accounts],
		changedUserIds: [...changed.users],
	})
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

async function loadChunk(
	tx: Prisma.TransactionClient,
	chunk: Parsed[],
	directory: ImportDirectory,
	report: ImportReport,
	changed: { accounts: Set<string>; users: Set<string> },
	fail: (e: RowError) => void,
) {
	const placements = await directory.resolve(
		tx,
		chunk.map((p) =>
			p.row.type === 'usage'
				? { line: p.line, user: p.row.value.user, account: p.row.value.account, at: dayStart(p.row.value.day) }
				: { line: p.line, account: p.row.value.account, at: p.row.value.respondedAt },
		),
		fail,
	)
	const accountUsage: UsageValue[] = []
	const userUsage: UsageValue[] = []
	const surveys: Array<{ line: number; accountId: string; row: SurveyRow }> = []
	chunk.forEach((p, i) => {
		const placed = placements[i]
		if (!placed) return
		if (!placed.accountId) {
			fail({ line: p.line, message: 'user: belongs to no customer account' })
			return
		}
		if (p.row.type === 'survey') {
			surveys.push({ line: p.line, accountId: placed.accountId, row: p.row.value })
			return
		}
		const { day, metric, value, periodDays } = p.row.value
		if (placed.userId) userUsage.push({ ownerId: placed.userId, accountId: placed.accountId, day, metric, value, periodDays })
		else accountUsage.push({ ownerId: placed.accountId, accountId: placed.accountId, day, metric, value, periodDays })
	})
	for (const id of await storeUsage(tx, 'account', accountUsage, report)) changed.accounts.add(id)
	for (const id of await storeUsage(tx, 'user', userUsage, report)) changed.users.add(id)
	await storeSurveys(tx, surveys, report, changed.accounts, directory, fail)
}

async function storeSurveys(
	tx: Prisma.TransactionClient,
	surveys: Array<{ line: number; accountId: string; row: SurveyRow }>,
	report: ImportReport,
	changed: Set<string>,
	directory: ImportDirectory,
	fail: (e: RowError) => void,
) {
	const byId = new Map<string, { line: number; accountId: string; row: SurveyRow }>()
	for (const s of surveys) byId.set(s.row.id, s)
	const known = byId.size
		? await tx.surveyResponse.findMany({
				where: { externalId: { in: [...byId.keys()] } },
				select: {
					id: true,
					externalId: true,
					accountId: true,
					kind: true,
					score: true,
					comment: true,
					userEmail: true,
					respondedAt: true,
					account: { select: { csmId: true } },
				},
			})
		: []
	const knownById = new Map(known.map((k) => [k.externalId, k]))
	const newSurveys = []
	for (const [externalId, { line, accountId, row }] of byId) {
		const data = {
			accountId,
			kind: row.kind,
			score: row.score,
			comment: row.comment ?? null,
			userEmail: row.email?.toLowerCase() ?? null,
			respondedAt: row.respondedAt,
		}
		const before = knownById.get(externalId)
		// The id names an answer stored for an account this import may not manage: leave it there.
		if (before && !directory.mayManage(before.account)) {
			fail({ line, message: `id: survey answer "${externalId}" belongs to an account you do not manage` })
			continue
		}
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
}
