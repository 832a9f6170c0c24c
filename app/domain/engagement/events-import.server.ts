import { type AccountManager } from '#app/domain/accounts-tiers/account-access.ts'
import { createHash } from 'node:crypto'
import { z } from 'zod'
import { EventDataSchema, EventKindSchema, ItemKeySchema, type EventData } from '#app/domain/engagement/event-kinds.ts'
import { recordEvents, type EventInput } from '#app/domain/engagement/record.server.ts'
import type { Prisma } from '#app/generated/prisma/client.ts'
import { chunked } from '#app/utils/chunked.ts'
import { prisma } from '#app/utils/db.server.ts'
import { deriveLearning, emptyDerived, type DerivedCounts } from './import-derive-paths.server.ts'
import { ImportDirectory } from './import-directory.server.ts'
import { detectFormat, firstIssue, importRecords, InstantCell, type ImportFormat, type RowError } from './import-format.server.ts'
import { completeEventData, lookUpItems } from './import-items.server.ts'
import { AccountRef, UserRef } from './import-usage.server.ts'

/**
 * Engagement history from a team's analytics tool, as NDJSON or CSV:
 *   { "id": "evt-123", "kind": "article_read", "user": "pat@acme.com", "occurredAt": "2026-03-01T10:00:00Z",
 *     "itemKey": "article:share-a-dashboard", "data": { "seconds": 95 } }
 * `user` is the user's email or id; the event belongs to the user's account. `account` (id,
 * external id or email domain) may name it too: it must be the user's account, and places a user
 * that create-missing creates. `id` (the source's event id) makes a re-import change nothing;
 * without it the row's content is its identity, so the same file loads once. In CSV, `data` is a
 * JSON object in one cell.
 *
 * What the portal would have recorded is filled in (import-items.server.ts): a quiz's difficulty,
 * the level of an article, lesson or path. Lessons and quizzes of a path derive the enrolment,
 * completions and path completion (import-derive-paths.server.ts). The formats are in docs/imports.md.
 */

const EventRowSchema = z.strictObject({
	id: z.union([z.string(), z.number()]).transform(String).pipe(z.string().trim().min(1).max(120)).optional(),
	kind: z.string().trim().pipe(EventKindSchema),
	user: UserRef,
	account: AccountRef.optional(),
	occurredAt: InstantCell,
	itemKey: ItemKeySchema.optional(),
	data: z
		.union([z.string(), z.record(z.string(), z.unknown())])
		.transform((value, ctx) => {
			if (typeof value !== 'string') return value
			try {
				return JSON.parse(value) as unknown
			} catch {
				ctx.addIssue({ code: 'custom', message: 'must be a JSON object' })
				return z.NEVER
			}
		})
		.pipe(EventDataSchema)
		.optional(),
})
type EventRow = z.output<typeof EventRowSchema>

export type EventsImportReport = {
	format: ImportFormat
	rows: number
	created: number
	/** Rows whose event is already stored (a re-import, or a repeat within the file). */
	unchanged: number
	errors: RowError[]
	moreErrors: number
	/** Accounts and users created for rows that named them (create-missing only). */
	accountsCreated: number
	usersCreated: number
	/** Learning records derived from imported lessons and quizzes. */
	derived: DerivedCounts
	changedUserIds: string[]
}

/** `actor`: who uploaded the file in the console; rows about accounts they may not manage are refused (import-directory.server.ts). */
export type EventsImportOptions = { fileName?: string; format?: ImportFormat; now?: Date; createMissing?: boolean; actor?: AccountManager }

const CHUNK = 400
/** Clock skew we tolerate on imported timestamps. */
const FUTURE_TOLERANCE_MS = 24 * 3600 * 1000

export async function importEvents(text: string, opts: EventsImportOptions = {}): Promise<EventsImportReport> {
	const format = opts.format ?? detectFormat(text, opts.fileName)
	const now = opts.now ?? new Date()
	const report: EventsImportReport = {
		format,
		rows: 0,
		created: 0,
		unchanged: 0,
		errors: [],
		moreErrors: 0,
		accountsCreated: 0,
		usersCreated: 0,
		derived: emptyDerived(),
		changedUserIds: [],
	}
	const changed = new Set<string>()
	const directory = new ImportDirectory(opts.createMissing ?? false, opts.actor)
	const result = await importRecords<EventRow>(text, format, {
		chunkSize: CHUNK,
		parse: (fields) => {
			const parsed = EventRowSchema.safeParse(fields)
			if (!parsed.success) return { ok: false, error: firstIssue(parsed.error) }
			if (parsed.data.occurredAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) return { ok: false, error: 'occurredAt: is in the future' }
			return { ok: true, row: parsed.data }
		},
		load: (chunk, fail) => prisma.$transaction((tx) => loadChunk(tx, chunk, directory, report, changed, fail), { timeout: 60_000 }),
	})
	await directory.finish(prisma)
	Object.assign(report, result, { accountsCreated: directory.accountsCreated, usersCreated: directory.usersCreated, changedUserIds: [...changed] })
	return report
}

/** The stored client id of an imported event: namespaced, so it never meets a browser's UUID. */
export function importedEventId(row: { id?: string; kind: string; user: string; occurredAt: Date; itemKey?: string; data?: EventData }): string {
	if (row.id) return `import:${row.id}`
	const identity = JSON.stringify([row.kind, row.user.toLowerCase(), row.occurredAt.toISOString(), row.itemKey ?? null, row.data ?? {}])
	return `import:sha256:${createHash('sha256').update(identity).digest('hex').slice(0, 40)}`
}

async function loadChunk(
	tx: Prisma.TransactionClient,
	chunk: Array<{ line: number; row: EventRow }>,
	directory: ImportDirectory,
	report: EventsImportReport,
	changed: Set<string>,
	fail: (e: RowError) => void,
) {
	const placements = await directory.resolve(
		tx,
		chunk.map(({ line, row }) => ({ line, user: row.user, account: row.account, at: row.occurredAt })),
		fail,
	)
	const facts = await lookUpItems(tx, chunk.flatMap((c) => (c.row.itemKey ? [c.row.itemKey] : [])))
	const events = new Map<string, EventInput & { userId: string; clientEventId: string }>()
	chunk.forEach(({ row }, i) => {
		const placed = placements[i]
		if (!placed?.userId) return
		// The identity is the row as given, so filling in data later never changes it.
		const clientEventId = importedEventId(row)
		if (events.has(clientEventId)) {
			report.unchanged++
			return
		}
		events.set(clientEventId, {
			kind: row.kind,
			userId: placed.userId,
			accountId: placed.accountId,
			itemKey: row.itemKey ?? null,
			data: completeEventData(row.kind, row.itemKey, row.data, facts),
			occurredAt: row.occurredAt,
			clientEventId,
		})
	})
	if (events.size === 0) return
	const all = [...events.values()]
	const stored = new Set<string>()
	for (const ids of chunked([...events.keys()])) {
		for (const s of await tx.engagementEvent.findMany({ where: { clientEventId: { in: ids } }, select: { clientEventId: true } })) stored.add(s.clientEventId!)
	}
	report.unchanged += stored.size
	const fresh = all.filter((e) => !stored.has(e.clientEventId))
	report.created += await recordEvents(tx, fresh)
	for (const e of fresh) changed.add(e.userId)
	// Stored events take part too: derivation is idempotent, and history imported before it existed gets its records.
	const derivable = all.map((e) => ({ ...e, itemKey: e.itemKey ?? null, data: e.data ?? {}, occurredAt: e.occurredAt! }))
	for (const userId of await deriveLearning(tx, derivable, facts, report.derived)) changed.add(userId)
}
