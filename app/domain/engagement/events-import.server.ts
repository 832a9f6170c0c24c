import { createHash } from 'node:crypto'
import { z } from 'zod'
import { EventDataSchema, EventKindSchema, ItemKeySchema, type EventData } from '#app/domain/engagement/event-kinds.ts'
import { recordEvents, type EventInput } from '#app/domain/engagement/record.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { detectFormat, firstIssue, importRecords, InstantCell, type ImportFormat, type RowError } from './import-format.server.ts'

/**
 * Engagement history from a team's analytics tool, as NDJSON or CSV:
 *   { "id": "evt-123", "kind": "article_read", "user": "pat@acme.com", "occurredAt": "2026-03-01T10:00:00Z",
 *     "itemKey": "article:share-a-dashboard", "data": { "seconds": 95 } }
 * `user` is the user's email or id; the event belongs to the user's account. `id` (the source's
 * event id) makes a re-import change nothing; without it the row's content is its identity, so the
 * same file loads once. In CSV, `data` is a JSON object in one cell.
 */

const EventRowSchema = z.strictObject({
	id: z.union([z.string(), z.number()]).transform(String).pipe(z.string().trim().min(1).max(120)).optional(),
	kind: z.string().trim().pipe(EventKindSchema),
	user: z.string().trim().min(1, 'is required').max(320),
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
	changedUserIds: string[]
}

const CHUNK = 400
/** Clock skew we tolerate on imported timestamps. */
const FUTURE_TOLERANCE_MS = 24 * 3600 * 1000

export async function importEvents(
	text: string,
	opts: { fileName?: string; format?: ImportFormat; now?: Date } = {},
): Promise<EventsImportReport> {
	const format = opts.format ?? detectFormat(text, opts.fileName)
	const now = opts.now ?? new Date()
	const report: EventsImportReport = { format, rows: 0, created: 0, unchanged: 0, errors: [], moreErrors: 0, changedUserIds: [] }
	const changed = new Set<string>()
	const result = await importRecords<EventRow>(text, format, {
		chunkSize: CHUNK,
		parse: (fields) => {
			const parsed = EventRowSchema.safeParse(fields)
			if (!parsed.success) return { ok: false, error: firstIssue(parsed.error) }
			if (parsed.data.occurredAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) return { ok: false, error: 'occurredAt: is in the future' }
			return { ok: true, row: parsed.data }
		},
		load: (chunk, fail) => loadChunk(chunk, report, changed, fail),
	})
	Object.assign(report, result, { changedUserIds: [...changed] })
	return report
}

/** The stored client id of an imported event: namespaced, so it never meets a browser's UUID. */
export function importedEventId(row: { id?: string; kind: string; user: string; occurredAt: Date; itemKey?: string; data?: EventData }): string {
	if (row.id) return `import:${row.id}`
	const identity = JSON.stringify([row.kind, row.user.toLowerCase(), row.occurredAt.toISOString(), row.itemKey ?? null, row.data ?? {}])
	return `import:sha256:${createHash('sha256').update(identity).digest('hex').slice(0, 40)}`
}

async function loadChunk(
	chunk: Array<{ line: number; row: EventRow }>,
	report: EventsImportReport,
	changed: Set<string>,
	fail: (e: RowError) => void,
) {
	const users = await resolveUsers(chunk.map((c) => c.row.user))
	const events = new Map<string, EventInput>()
	for (const { line, row } of chunk) {
		const user = users.get(row.user.toLowerCase())
		if (!user) {
			fail({ line, message: `user: no user with the email or id "${row.user}"` })
			continue
		}
		const clientEventId = importedEventId(row)
		if (events.has(clientEventId)) {
			report.unchanged++
			continue
		}
		events.set(clientEventId, {
			kind: row.kind,
			userId: user.id,
			accountId: user.accountId,
			itemKey: row.itemKey ?? null,
			data: row.data,
			occurredAt: row.occurredAt,
			clientEventId,
		})
	}
	if (events.size === 0) return
	await prisma.$transaction(async (tx) => {
		const stored = await tx.engagementEvent.findMany({
			where: { clientEventId: { in: [...events.keys()] } },
			select: { clientEventId: true },
		})
		for (const s of stored) events.delete(s.clientEventId!)
		report.unchanged += stored.length
		const fresh = [...events.values()]
		report.created += await recordEvents(tx, fresh)
		for (const e of fresh) changed.add(e.userId!)
	})
}

async function resolveUsers(refs: string[]) {
	const wanted = [...new Set(refs.map((r) => r.trim()))]
	const rows = await prisma.user.findMany({
		where: { OR: [{ id: { in: wanted } }, { email: { in: wanted.map((r) => r.toLowerCase()) } }] },
		select: { id: true, email: true, accountId: true },
	})
	const map = new Map<string, { id: string; accountId: string | null }>()
	for (const row of rows) {
		map.set(row.id.toLowerCase(), row)
		map.set(row.email.toLowerCase(), row)
	}
	return map
}
