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
	await db.engagementEvent.create({
		data: {
			kind: event.kind,
			userId: event.userId,
			accountId: event.accountId,
			itemKey: event.itemKey ?? null,
			data: JSON.stringify(event.data ?? {}),
			occurredAt: event.occurredAt ?? new Date(),
			clientEventId: event.clientEventId ?? null,
		},
	})
}
