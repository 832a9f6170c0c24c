import Database from 'better-sqlite3'
import { getEnv } from './env.server.ts'
import { onShutdownClose } from './shutdown.server.ts'

/**
 * A second, read-only connection to the SQLite file, for the few reads that run on nearly every
 * request (the health check, the bell's unread count, a reader's vote, the session row). Through
 * Prisma each of them cost about a millisecond of CPU in its query compiler (wasm) for a statement
 * SQLite answers in microseconds (docs/decisions/009-speed.md); here each is prepared once and
 * reused. It sees committed rows only, as a separate connection in WAL mode does. On PostgreSQL
 * there is no such connection: `sqliteRead` returns null and the caller reads through Prisma.
 */
let connection: Database.Database | null | undefined
const statements = new Map<string, Database.Statement>()

function open(): Database.Database | null {
	if (connection !== undefined) return connection
	const url = getEnv().DATABASE_URL
	if (!url.startsWith('file:')) return (connection = null)
	const db = new Database(url.slice('file:'.length), { fileMustExist: true })
	// Refuses writes: every write goes through Prisma and its transactions.
	db.pragma('query_only = 1')
	db.pragma('busy_timeout = 5000')
	onShutdownClose(async () => {
		statements.clear()
		connection = undefined
		db.close()
	})
	return (connection = db)
}

/** The prepared statement for `sql` on SQLite; null on PostgreSQL (read through Prisma there). */
export function sqliteRead(sql: string): Database.Statement | null {
	const db = open()
	if (!db) return null
	let statement = statements.get(sql)
	if (!statement) statements.set(sql, (statement = db.prepare(sql)))
	return statement
}

/**
 * A DateTime column as Prisma's SQLite adapter stores it (ISO 8601 text) or as SQLite's
 * CURRENT_TIMESTAMP default writes it ("YYYY-MM-DD HH:MM:SS", UTC), or epoch milliseconds.
 */
export function sqliteDate(value: string | number): Date {
	if (typeof value === 'number') return new Date(value)
	return new Date(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?$/.test(value) ? `${value.replace(' ', 'T')}Z` : value)
}
