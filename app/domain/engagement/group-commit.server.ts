import type { Prisma } from '#app/generated/prisma/client.ts'
import { notifyScoringEnqueued } from '#app/domain/scoring/queue.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { chunked } from '#app/utils/chunked.ts'
import { onShutdownDrain } from '#app/utils/shutdown.server.ts'
import { sqliteStamp, sqliteWriter, type SqliteTx } from '#app/utils/sqlite-write.server.ts'
import { insertEventRows, queueRescoresSqlite, recordEvents, rescoreKeys, type EventInput } from './record.server.ts'

/**
 * Group commit for browser events: requests hand their events in, and one transaction writes all
 * that arrived within a few milliseconds (or while the previous batch was committing), then every
 * request in it is answered. An answer comes only after the commit, so an acknowledged event is on
 * disk (WAL, synchronous=NORMAL: it survives a crash of the process). One batch commits at a time:
 * SQLite has one writer, and under load the batches grow instead of the queue of transactions.
 * On SQLite a batch is prepared statements on Prisma's connection (app/utils/sqlite-write.server.ts),
 * each request's events in a savepoint of their own; on PostgreSQL it goes through Prisma.
 */

export type GroupEvent = EventInput & {
	userId: string
	occurredAt: Date
	/** One per visit: not recorded when this user has the same kind and item since then. */
	onceSince?: Date
}
export type GroupOutcome = { recorded: number; duplicates: number }

type Submission = { events: GroupEvent[]; resolve: (outcome: GroupOutcome) => void; reject: (error: unknown) => void }

export class EventGroupCommit {
	private queue: Submission[] = []
	private queuedEvents = 0
	private timer: NodeJS.Timeout | null = null
	private running: Promise<void> | null = null
	/** Committed batches and the events offered in them, for benchmarks and tests. */
	readonly stats = { batches: 0, events: 0 }

	constructor(private readonly opts: { windowMs: number; maxEvents: number }) {}

	/** Resolves once the events are committed (or found to be duplicates); rejects if they could not be written. */
	submit(events: readonly GroupEvent[]): Promise<GroupOutcome> {
		if (events.length === 0) return Promise.resolve({ recorded: 0, duplicates: 0 })
		return new Promise((resolve, reject) => {
			this.queue.push({ events: [...events], resolve, reject })
			this.queuedEvents += events.length
			if (this.queuedEvents >= this.opts.maxEvents) this.start()
			else this.timer ??= setTimeout(() => this.start(), this.opts.windowMs)
		})
	}

	/** Writes everything submitted so far and waits for it (shutdown). */
	async flush(): Promise<void> {
		while (this.queue.length || this.running) {
			this.start()
			await this.running
		}
	}

	private start() {
		if (this.timer) clearTimeout(this.timer)
		this.timer = null
		this.running ??= this.drain().finally(() => {
			this.running = null
			// What arrived during the last commit is the next batch: no extra wait.
			if (this.queue.length) this.start()
		})
	}

	private async drain() {
		while (this.queue.length) {
			const batch: Submission[] = []
			let size = 0
			while (this.queue.length && (batch.length === 0 || size + this.queue[0]!.events.length <= this.opts.maxEvents)) {
				const next = this.queue.shift()!
				batch.push(next)
				size += next.events.length
			}
			this.queuedEvents -= size
			const results = await writeBatch(batch.map((s) => s.events))
			this.stats.batches++
			this.stats.events += size
			batch.forEach((s, i) => {
				const result = results[i]!
				if ('error' in result) s.reject(result.error)
				else s.resolve(result)
			})
		}
	}
}

type Result = GroupOutcome | { error: unknown }

/** Writes one batch and answers each submission: its counts, or the error that kept it out. */
async function writeBatch(submissions: GroupEvent[][]): Promise<Result[]> {
	const writer = sqliteWriter()
	if (writer) {
		try {
			const { results, runAfter } = await writer.run((tx) => writeBatchSqlite(tx, submissions))
			notifyScoringEnqueued(runAfter)
			return results
		} catch (error) {
			// The transaction itself failed (the database is unwritable): nothing was stored.
			return submissions.map(() => ({ error }))
		}
	}
	try {
		return await prisma.$transaction((tx) => writeBatchPrisma(tx, submissions), { timeout: 30_000 })
	} catch {
		// One bad submission must not fail the others: each again in a transaction of its own.
		const results: Result[] = []
		for (const events of submissions) {
			results.push(await prisma.$transaction((tx) => writeBatchPrisma(tx, [events])).then(([outcome]) => outcome!, (error: unknown) => ({ error })))
		}
		return results
	}
}

/**
 * The batch as prepared statements in one SQLite transaction. Each submission is a savepoint: one
 * that fails (a user deleted meanwhile) is rolled back alone. Duplicates are found with the same
 * queries as the Prisma path, and the rows inserted earlier in the batch are visible to them.
 */
function writeBatchSqlite(tx: SqliteTx, submissions: GroupEvent[][]): { results: Result[]; runAfter: Date | null } {
	const storedId = tx.prepare('SELECT 1 FROM "EngagementEvent" WHERE "clientEventId" = ?').pluck()
	const seenSince = tx
		.prepare('SELECT 1 FROM "EngagementEvent" WHERE "userId" = ? AND "kind" = ? AND "itemKey" = ? AND "occurredAt" >= ? LIMIT 1')
		.pluck()
	// Rescoring keys already queued by a submission that committed in this batch: once each.
	const queued = new Set<string>()
	let runAfter: Date | null = null
	const writeOne = tx.db.transaction((events: GroupEvent[]) => {
		const outcome = { recorded: 0, duplicates: 0 }
		const accepted: GroupEvent[] = []
		for (const event of events) {
			const duplicate =
				(event.clientEventId && storedId.get(event.clientEventId)) ||
				(event.onceSince && seenSince.get(event.userId, event.kind, event.itemKey ?? null, sqliteStamp(event.onceSince)))
			if (duplicate) {
				outcome.duplicates++
				continue
			}
			insertEventRows(tx, [event])
			accepted.push(event)
			outcome.recorded++
		}
		const keys = [...rescoreKeys(accepted)].filter((key) => !queued.has(key))
		return { outcome, keys, due: queueRescoresSqlite(tx, keys) }
	})
	const results = submissions.map((events): Result => {
		try {
			const { outcome, keys, due } = writeOne(events)
			for (const key of keys) queued.add(key)
			runAfter ??= due
			return outcome
		} catch (error) {
			return { error }
		}
	})
	return { results, runAfter }
}

type Tx = Prisma.TransactionClient

/**
 * Inserts the batch minus its duplicates: a client event id already stored or earlier in the batch,
 * or a once-per-visit event already seen since its `onceSince`. Returns the counts per submission.
 */
async function writeBatchPrisma(tx: Tx, submissions: GroupEvent[][]): Promise<GroupOutcome[]> {
	const all = submissions.flat()
	const seenIds = new Set<string>()
	const ids = all.flatMap((e) => (e.clientEventId ? [e.clientEventId] : []))
	for (const part of chunked(ids)) {
		const rows = await tx.engagementEvent.findMany({ where: { clientEventId: { in: part } }, select: { clientEventId: true } })
		for (const row of rows) seenIds.add(row.clientEventId!)
	}
	// Latest stored occurrence of each once-per-visit (user, kind, item) in the batch's window.
	const visitKey = (e: { userId: string | null; kind: string; itemKey?: string | null }) => `${e.userId}\u0000${e.kind}\u0000${e.itemKey}`
	const lastSeen = new Map<string, number>()
	const once = all.filter((e) => e.onceSince)
	if (once.length) {
		const since = new Date(Math.min(...once.map((e) => e.onceSince!.getTime())))
		for (const part of chunked([...new Set(once.map((e) => e.userId))], 200)) {
			const rows = await tx.engagementEvent.findMany({
				where: {
					userId: { in: part },
					kind: { in: [...new Set(once.map((e) => e.kind))] },
					itemKey: { in: [...new Set(once.map((e) => e.itemKey!))] },
					occurredAt: { gte: since },
				},
				select: { userId: true, kind: true, itemKey: true, occurredAt: true },
			})
			for (const row of rows) lastSeen.set(visitKey(row), Math.max(lastSeen.get(visitKey(row)) ?? 0, row.occurredAt.getTime()))
		}
	}
	const accepted: GroupEvent[] = []
	const outcomes = submissions.map((events) => {
		const outcome = { recorded: 0, duplicates: 0 }
		for (const event of events) {
			const key = visitKey(event)
			const duplicate =
				(event.clientEventId && seenIds.has(event.clientEventId)) ||
				(event.onceSince && (lastSeen.get(key) ?? -Infinity) >= event.onceSince.getTime())
			if (duplicate) {
				outcome.duplicates++
				continue
			}
			if (event.clientEventId) seenIds.add(event.clientEventId)
			if (event.onceSince) lastSeen.set(key, Math.max(lastSeen.get(key) ?? 0, event.occurredAt.getTime()))
			accepted.push(event)
			outcome.recorded++
		}
		return outcome
	})
	await recordEvents(tx, accepted.map(({ onceSince: _once, ...event }) => event))
	return outcomes
}

const globalForBatcher = globalThis as unknown as { __eventGroupCommit?: EventGroupCommit }

/** The process's group commit for browser events, flushed at shutdown. */
export function eventGroupCommit(): EventGroupCommit {
	if (!globalForBatcher.__eventGroupCommit) {
		const batcher = new EventGroupCommit({ windowMs: 2, maxEvents: 500 })
		globalForBatcher.__eventGroupCommit = batcher
		onShutdownDrain(() => batcher.flush())
	}
	return globalForBatcher.__eventGroupCommit
}
