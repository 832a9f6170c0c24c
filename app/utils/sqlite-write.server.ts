import { randomUUID } from 'node:crypto'
import type Database from 'better-sqlite3'
import { prisma, prismaSqliteConnection } from './db.server.ts'
import { getEnv } from './env.server.ts'

/**
 * The hottest writes (the event group commit, batch event inserts) as prepared better-sqlite3
 * statements on Prisma's own SQLite connection: through Prisma each statement costs about a
 * millisecond of CPU in its query compiler, here a few microseconds (docs/decisions/009-speed.md).
 *
 * Why Prisma's connection and not a second one: in WAL mode a Prisma transaction that has read
 * before another connection commits, and writes after, fails with SQLITE_BUSY_SNAPSHOT; on one
 * connection that cannot happen. The work runs synchronously, so nothing else in the process runs
 * between its BEGIN and COMMIT. When no Prisma transaction is open on the connection it runs at
 * once in its own IMMEDIATE transaction; otherwise it waits its turn inside an interactive Prisma
 * transaction (Prisma's own lock), as a savepoint, and is committed with it.
 *
 * On PostgreSQL there is no such connection: `sqliteWriter()` returns null and callers write
 * through Prisma.
 */
/** What the work of a write gets: the connection, and statements prepared once per connection. */
export type SqliteTx = { db: Database.Database; prepare(sql: string): Database.Statement }

export type SqliteWriter = {
	/**
	 * Runs `work` in one transaction and resolves with its result once committed. A nested
	 * `tx.db.transaction(fn)()` inside it is a savepoint: a failure there rolls back that part only.
	 */
	run<T>(work: (tx: SqliteTx) => T): Promise<T>
}

let writer: SqliteWriter | null | undefined

export function sqliteWriter(): SqliteWriter | null {
	if (writer !== undefined) return writer
	if (!getEnv().DATABASE_URL.startsWith('file:')) return (writer = null)
	const txByConnection = new WeakMap<Database.Database, SqliteTx>()
	const txFor = (db: Database.Database): SqliteTx => {
		let tx = txByConnection.get(db)
		if (!tx) {
			const statements = new Map<string, Database.Statement>()
			tx = {
				db,
				prepare(sql) {
					let statement = statements.get(sql)
					if (!statement) statements.set(sql, (statement = db.prepare(sql)))
					return statement
				},
			}
			txByConnection.set(db, tx)
		}
		return tx
	}
	const connection = async () => {
		let db = prismaSqliteConnection()
		if (!db) {
			await prisma.$connect()
			db = prismaSqliteConnection()
		}
		if (!db) throw new Error("Prisma's SQLite connection was not found (see prismaSqliteConnection in db.server.ts)")
		return db
	}
	return (writer = {
		async run<T>(work: (tx: SqliteTx) => T): Promise<T> {
			const db = await connection()
			const tx = txFor(db)
			if (!db.inTransaction) return db.transaction(work).immediate(tx)
			// A Prisma transaction is open on the connection: queue behind it on Prisma's lock. Errors
			// are carried out of the callback so that Prisma's transaction never rolls back other work.
			const outcome = await prisma.$transaction(
				async () => {
					try {
						return { ok: true as const, value: db.transaction(work)(tx) }
					} catch (error) {
						return { ok: false as const, error }
					}
				},
				{ maxWait: 10_000, timeout: 30_000 },
			)
			if (!outcome.ok) throw outcome.error
			return outcome.value
		},
	})
}

/** A DateTime as Prisma's SQLite adapter writes it (ISO 8601 with "+00:00"), so text comparisons agree with Prisma's. */
export function sqliteStamp(date: Date): string {
	return date.toISOString().replace('Z', '+00:00')
}

let lastTime = 0
let counter = 0

/**
 * A row id for raw inserts, in the shape of Prisma's cuid(): "c", then time and a counter in base 36
 * and random hex digits, 25 characters, increasing with time within a process (index locality).
 */
export function newRowId(now = Date.now()): string {
	if (now !== lastTime) {
		lastTime = now
		counter = 0
	}
	const time = now.toString(36).padStart(8, '0').slice(-8)
	const count = (counter++ % 36 ** 4).toString(36).padStart(4, '0')
	// The last 12 hex digits of a v4 UUID: 48 random bits from Node's pooled generator (randomBytes per id cost 2% of a beacon).
	const random = randomUUID().slice(-12)
	return `c${time}${count}${random}`
}
