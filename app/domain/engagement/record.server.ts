import type { Prisma } from '#app/generated/prisma/client.ts'
import { enqueueScoringMany, enqueueScoringSqlite, notifyScoringEnqueued, userKey } from '#app/domain/scoring/queue.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { newRowId, sqliteStamp, sqliteWriter, type SqliteTx } from '#app/utils/sqlite-write.server.ts'
import type { EventData, EventKind } from './event-kinds.ts'

type Db = Prisma.TransactionClient | typeof prisma

export type EventInput = {
	kind: EventKind
	userId: string | null
	accountId: string | null
	itemKey?: string | null
	data?: EventData
	occurredAt?: Date
	clientEventId?: string | null
}

/** Rescore a user this long after an event, so a burst of events costs one rescore. */
export const RESCORE_DELAY_MS = 1000

/**
 * Appends one engagement event and queues a rescore of its user. Pass the transaction client of
 * the action the event describes, so the event, the change it records and the scoring work it
 * calls for are written together or not at all; with the plain client the event and its work
 * still share a transaction of their own.
 */
export async function recordEvent(db: Db, event: EventInput): Promise<void> {
	if (db === prisma && sqliteWriter()) {
		await recordEvents(db, [event])
		return
	}
	await inTransaction(db, async (tx) => {
		await tx.engagementEvent.create({ data: toRow(event) })
		await queueRescores(tx, [event])
	})
}

/**
 * Records the event unless this user already has one of the same kind and item since `since`: one
 * view or review per visit, however often the page reports it. Read and write in one transaction.
 */
export async function recordOnceSince(
	event: EventInput & { userId: string; itemKey: string; occurredAt: Date },
	since: Date,
): Promise<'recorded' | 'duplicate'> {
	return prisma.$transaction(async (tx) => {
		const seen = await tx.engagementEvent.findFirst({
			where: { userId: event.userId, kind: event.kind, itemKey: event.itemKey, occurredAt: { gte: since } },
			select: { id: true },
		})
		if (seen) return 'duplicate' as const
		await recordEvent(tx, event)
		return 'recorded' as const
	})
}

/**
 * Appends many events in one statement (imports, the seed, the simulation), with one queue row per
 * distinct user. Callers that need idempotence give each event a clientEventId and leave out the
 * ones already stored.
 * Given the plain client on SQLite, the rows go in as prepared statements (sqlite-write.server.ts).
 */
export async function recordEvents(db: Db, events: readonly EventInput[]): Promise<number> {
	if (events.length === 0) return 0
	// Outside a caller's transaction on SQLite: prepared statements instead of Prisma's (same rows, same queue rules).
	const writer = db === prisma ? sqliteWriter() : null
	if (writer) {
		const runAfter = await writer.run((tx) => {
			insertEventRows(tx, events)
			return queueRescoresSqlite(tx, rescoreKeys(events))
		})
		notifyScoringEnqueued(runAfter)
		return events.length
	}
	return inTransaction(db, async (tx) => {
		const result = await tx.engagementEvent.createMany({ data: events.map(toRow) })
		await queueRescores(tx, events)
		return result.count
	})
}

function inTransaction<T>(db: Db, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
	// A long timeout: a large import batch is one createMany plus a few statements per 500 users.
	return '$transaction' in db ? db.$transaction(work, { timeout: 60_000 }) : work(db)
}

async function queueRescores(tx: Prisma.TransactionClient, events: readonly EventInput[]) {
	await enqueueScoringMany(tx, [...rescoreKeys(events)], { reason: 'event', delayMs: RESCORE_DELAY_MS })
}

/** Users whose scores an event moves: staff and users without an account are never scored. */
export function rescoreKeys(events: Iterable<EventInput>): Set<string> {
	const keys = new Set<string>()
	for (const event of events) if (event.userId && event.accountId) keys.add(userKey(event.userId))
	return keys
}

/**
 * Inserts the events as Prisma would (a cuid-shaped id, ISO 8601 dates, JSON data) with one prepared
 * statement, inside a write open on the SQLite connection (app/utils/sqlite-write.server.ts).
 */
export function insertEventRows(tx: SqliteTx, events: Iterable<EventInput>, now = new Date()): void {
	const insert = tx.prepare(
		'INSERT INTO "EngagementEvent" ("id", "clientEventId", "kind", "userId", "accountId", "itemKey", "data", "occurredAt", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
	)
	const stamp = sqliteStamp(now)
	for (const event of events) {
		const row = toRow(event)
		insert.run(newRowId(now.getTime()), row.clientEventId, row.kind, row.userId, row.accountId, row.itemKey, row.data, sqliteStamp(row.occurredAt), stamp, stamp)
	}
}

/** Queues the rescoring of `keys` (from rescoreKeys) in the same SQLite write; returns the due time to notify after the commit. */
export function queueRescoresSqlite(tx: SqliteTx, keys: Iterable<string>): Date | null {
	return enqueueScoringSqlite(tx, keys, { reason: 'event', delayMs: RESCORE_DELAY_MS })
}

function toRow(event: EventInput) {
	return {
		kind: event.kind,
		userId: event.userId,
		accountId: event.accountId,
		itemKey: event.itemKey ?? null,
		data: JSON.stringify(event.data ?? {}),
		occurredAt: event.occurredAt ?? new Date(),
		clientEventId: event.clientEventId ?? null,
	}
}
