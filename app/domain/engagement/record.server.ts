import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/utils/db.server.ts'
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

/**
 * Appends one engagement event. Pass the transaction client of the action the event describes, so
 * the event and the change it records are written together or not at all.
 */
export async function recordEvent(db: Db, event: EventInput) {
	await db.engagementEvent.create({ data: toRow(event) })
	notifyRecorded(event.userId)
}

/**
 * Appends many events in one statement (imports, the seed, the simulation). Callers that need
 * idempotence give each event a clientEventId and leave out the ones already stored.
 */
export async function recordEvents(db: Db, events: readonly EventInput[]) {
	if (events.length === 0) return 0
	const result = await db.engagementEvent.createMany({ data: events.map(toRow) })
	for (const event of events) notifyRecorded(event.userId)
	return result.count
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

/**
 * Listeners told which user just produced an event, e.g. the scoring queue that rescores them a
 * moment later. Kept as a plain hook so recording never depends on scoring. A listener must be
 * cheap and must not throw; it may run before the surrounding transaction commits, so it should
 * only schedule work for later.
 */
type RecordedListener = (userId: string) => void
const listeners = new Set<RecordedListener>()

export function onEventRecorded(listener: RecordedListener): () => void {
	listeners.add(listener)
	return () => listeners.delete(listener)
}

function notifyRecorded(userId: string | null) {
	if (!userId || listeners.size === 0) return
	for (const listener of listeners) {
		try {
			listener(userId)
		} catch {
			// Scheduling follow-up work must never fail the action that recorded the event.
		}
	}
}
