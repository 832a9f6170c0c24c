import type { Prisma } from '#app/generated/prisma/client.ts'
import { chunked } from '#app/utils/chunked.ts'
import { prisma } from '#app/utils/db.server.ts'
import { newRowId, sqliteStamp, type SqliteTx } from '#app/utils/sqlite-write.server.ts'

/**
 * The durable scoring queue (ScoringWork): one row per subject to rescore. Every trigger writes
 * here, inside its own transaction where it has one, so an event and the rescoring it calls for
 * are stored together or not at all; the runner (domain/loop/runner.server.ts) drains the rows
 * under a lease. A restart loses nothing, and a burst of enqueues for one subject is one row.
 */

type Db = Prisma.TransactionClient | typeof prisma

export const ALL_KEY = 'all'
export const userKey = (userId: string) => `user:${userId}`
export const accountKey = (accountId: string) => `account:${accountId}`

export type WorkKey = { kind: 'all' } | { kind: 'user'; id: string } | { kind: 'account'; id: string }

export function parseWorkKey(key: string): WorkKey | null {
	if (key === ALL_KEY) return { kind: 'all' }
	const match = /^(user|account):(\S+)$/.exec(key)
	return match ? { kind: match[1] as 'user' | 'account', id: match[2]! } : null
}

export type EnqueueInput = {
	key: string
	/** What asked for it: event, import, console, schedule, command. */
	reason: string
	/** Not before this long from now: a burst of events waits a moment and is scored once. */
	delayMs?: number
	now?: Date
}

/**
 * Adds work, or bumps the pending row of the same key: its version goes up (so a runner busy with
 * it keeps the row for another pass) and it keeps the earlier of the two due times, so a steady
 * stream of events cannot postpone a rescore forever. A row backing off after a failure keeps its
 * back-off.
 */
export async function enqueueScoring(db: Db, input: EnqueueInput) {
	if (!parseWorkKey(input.key)) throw new Error(`Not a scoring key: ${input.key}`)
	const runAfter = dueAt(input)
	// One statement (an INSERT ... ON CONFLICT) in the usual case: one enqueue per recorded event.
	const row = await db.scoringWork.upsert({
		where: { key: input.key },
		create: { key: input.key, reason: input.reason, runAfter },
		update: { version: { increment: 1 }, reason: input.reason },
		select: { runAfter: true, attempts: true },
	})
	if (row.attempts === 0 && row.runAfter > runAfter) {
		await db.scoringWork.updateMany({ where: { key: input.key, runAfter: { gt: runAfter }, attempts: 0 }, data: { runAfter } })
	}
	notifyEnqueued(runAfter)
}

/**
 * The same for many keys at once (a batch of events, an import): a few statements per 500 keys
 * whatever their number. Meant for SQLite, where the first write holds the database until the
 * transaction ends, so nobody can add one of the missing keys between the read and the insert.
 */
export async function enqueueScoringMany(db: Db, keys: readonly string[], input: Omit<EnqueueInput, 'key'>) {
	const unique = [...new Set(keys)]
	for (const key of unique) if (!parseWorkKey(key)) throw new Error(`Not a scoring key: ${key}`)
	if (unique.length === 0) return
	if (unique.length === 1) return enqueueScoring(db, { ...input, key: unique[0]! })
	const runAfter = dueAt(input)
	for (const part of chunked(unique)) {
		await db.scoringWork.updateMany({ where: { key: { in: part } }, data: { version: { increment: 1 }, reason: input.reason } })
		await db.scoringWork.updateMany({ where: { key: { in: part }, runAfter: { gt: runAfter }, attempts: 0 }, data: { runAfter } })
		const existing = new Set((await db.scoringWork.findMany({ where: { key: { in: part } }, select: { key: true } })).map((r) => r.key))
		const missing = part.filter((key) => !existing.has(key))
		if (missing.length) await db.scoringWork.createMany({ data: missing.map((key) => ({ key, reason: input.reason, runAfter })) })
	}
	notifyEnqueued(runAfter)
}

/**
 * enqueueScoringMany as one prepared INSERT ... ON CONFLICT a key, inside a write already open on
 * the SQLite connection (app/utils/sqlite-write.server.ts), with the same rules: the version goes
 * up, the reason is the latest, the earlier due time wins unless the row is backing off. Returns
 * the due time to pass to notifyScoringEnqueued once the write has committed (null: no keys).
 */
export function enqueueScoringSqlite(tx: SqliteTx, keys: Iterable<string>, input: Omit<EnqueueInput, 'key'>): Date | null {
	const unique = [...new Set(keys)]
	for (const key of unique) if (!parseWorkKey(key)) throw new Error(`Not a scoring key: ${key}`)
	if (unique.length === 0) return null
	const runAfter = dueAt(input)
	const due = sqliteStamp(runAfter)
	const now = sqliteStamp(input.now ?? new Date())
	const upsert = tx.prepare(
		`INSERT INTO "ScoringWork" ("id", "key", "reason", "version", "runAfter", "attempts", "createdAt", "updatedAt") VALUES (?, ?, ?, 1, ?, 0, ?, ?)
		ON CONFLICT ("key") DO UPDATE SET "version" = "version" + 1, "reason" = excluded."reason", "updatedAt" = excluded."updatedAt",
		"runAfter" = CASE WHEN "attempts" = 0 AND "runAfter" > excluded."runAfter" THEN excluded."runAfter" ELSE "runAfter" END`,
	)
	for (const key of unique) upsert.run(newRowId(), key, input.reason, due, now, now)
	return runAfter
}

function dueAt(input: Pick<EnqueueInput, 'delayMs' | 'now'>) {
	return new Date((input.now ?? new Date()).getTime() + Math.max(0, input.delayMs ?? 0))
}

export type ClaimedWork = { id: string; key: string; version: number; attempts: number }

/**
 * Takes up to `limit` rows due by `dueBy` whose lease is free or expired, for `leaseMs` (with a due
 * `all`, every due row: the full recompute covers them). The claim
 * is one conditional update, so of two runners racing for a row exactly one gets it; `token` must
 * be unique to this claim (it is how the runner finds its rows again and later completes them).
 * The versions are read after the claim, before any scoring reads: an enqueue that lands after the
 * read bumps the version and keeps the row for another pass.
 */
export async function claimScoringWork(opts: {
	token: string
	leaseMs: number
	limit: number
	now?: Date
	dueBy?: Date
	keys?: readonly string[]
}): Promise<ClaimedWork[]> {
	const now = opts.now ?? new Date()
	const free = [{ leasedBy: null }, { leaseExpiresAt: null }, { leaseExpiresAt: { lte: now } }]
	const due = { runAfter: { lte: opts.dueBy ?? now }, OR: free }
	const lease = { leasedBy: opts.token, leaseExpiresAt: new Date(now.getTime() + opts.leaseMs) }
	const wantsAll = !opts.keys || opts.keys.includes(ALL_KEY)
	if (wantsAll && (await prisma.scoringWork.findFirst({ where: { key: ALL_KEY, ...due }, select: { id: true } }))) {
		// A full recompute covers every row due before it starts: it takes them all along.
		await prisma.scoringWork.updateMany({ where: { ...due, ...(opts.keys ? { key: { in: [...opts.keys] } } : {}) }, data: lease })
	} else {
		const candidates = await prisma.scoringWork.findMany({
			where: { ...due, ...(opts.keys ? { key: { in: [...opts.keys] } } : {}) },
			select: { id: true },
			orderBy: { runAfter: 'asc' },
			take: opts.limit,
		})
		if (candidates.length === 0) return []
		await prisma.scoringWork.updateMany({ where: { id: { in: candidates.map((c) => c.id) }, ...due }, data: lease })
	}
	return prisma.scoringWork.findMany({ where: { leasedBy: opts.token }, select: { id: true, key: true, version: true, attempts: true } })
}

/** Keeps a long job's rows leased; a runner that stops renewing (it crashed) loses them when the lease runs out. */
export async function renewScoringLease(token: string, leaseMs: number) {
	await prisma.scoringWork.updateMany({ where: { leasedBy: token }, data: { leaseExpiresAt: new Date(Date.now() + leaseMs) } })
}

/**
 * Done: deletes the rows still at the version claimed; a row enqueued again meanwhile has its lease
 * released instead and runs again. Nothing happens to rows another runner took over after our
 * lease expired.
 */
export async function completeScoringWork(token: string, claimed: readonly ClaimedWork[]) {
	const byVersion = new Map<number, string[]>()
	for (const row of claimed) byVersion.set(row.version, [...(byVersion.get(row.version) ?? []), row.id])
	for (const [version, ids] of byVersion) {
		for (const part of chunked(ids)) await prisma.scoringWork.deleteMany({ where: { id: { in: part }, version, leasedBy: token } })
	}
	await prisma.scoringWork.updateMany({ where: { leasedBy: token }, data: { leasedBy: null, leaseExpiresAt: null } })
}

/** Back-off after the n-th failure in a row: 10 s, 20 s, 40 s... at most an hour. */
export function retryDelayMs(attempts: number) {
	return Math.min(3_600_000, 10_000 * 2 ** Math.max(0, attempts - 1))
}

/** Failed: the rows stay, with the error, and are tried again after a back-off. */
export async function failScoringWork(token: string, claimed: readonly ClaimedWork[], error: unknown, now = new Date()) {
	const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000)
	for (const row of claimed) {
		await prisma.scoringWork.updateMany({
			where: { id: row.id, leasedBy: token },
			data: {
				attempts: { increment: 1 },
				lastError: message,
				runAfter: new Date(now.getTime() + retryDelayMs(row.attempts + 1)),
				leasedBy: null,
				leaseExpiresAt: null,
			},
		})
	}
}

// In-process wake-up: the runner of this process starts at once instead of at its next poll.
type EnqueuedListener = (runAfter: Date) => void
let listener: EnqueuedListener | null = null

export function onScoringEnqueued(next: EnqueuedListener | null) {
	listener = next
}

/** Wakes this process's runner for work enqueued outside the functions above (after its commit). */
export function notifyScoringEnqueued(runAfter: Date | null) {
	if (runAfter) notifyEnqueued(runAfter)
}

function notifyEnqueued(runAfter: Date) {
	try {
		listener?.(runAfter)
	} catch {
		// Waking the runner early is an optimisation: the poll finds the row anyway.
	}
}
