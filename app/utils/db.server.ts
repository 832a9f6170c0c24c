import fs from 'node:fs'
import path from 'node:path'
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import type Database from 'better-sqlite3'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient as PostgresqlPrismaClient } from '#app/generated/prisma-postgresql/client.ts'
import { PrismaClient } from '#app/generated/prisma/client.ts'
import { getEnv } from './env.server.ts'
import { onShutdownClose } from './shutdown.server.ts'

/** Picks the Prisma client and driver adapter from DATABASE_URL: a SQLite file by default, PostgreSQL to scale out. */
function createClient(url: string) {
	if (url.startsWith('file:')) {
		const file = url.slice('file:'.length)
		fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
		const adapter = new PrismaBetterSQLite3({ url: file })
		// Keep hold of Prisma's own connection: the hottest writes run on it between Prisma's transactions
		// (app/utils/sqlite-write.server.ts). `client` is the adapter's better-sqlite3 handle (6.19.x).
		const connect = adapter.connect.bind(adapter)
		adapter.connect = async () => {
			const connected = await connect()
			globalForDb.__sqliteConnection = (connected as unknown as { client?: Database.Database }).client ?? null
			return connected
		}
		return new PrismaClient({ adapter })
	}
	// The client generated from the PostgreSQL copy of the schema (prisma/postgresql.ts): same models
	// and API, so it is typed as the SQLite one the app is written against.
	return new PostgresqlPrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as PrismaClient
}

const globalForDb = globalThis as unknown as { __prisma?: PrismaClient; __sqliteConnection?: Database.Database | null }

// One client per process; kept on globalThis so dev-server reloads don't open new connections.
export const prisma: PrismaClient = (globalForDb.__prisma ??= createClient(getEnv().DATABASE_URL))

export type Db = PrismaClient

/** Prisma's better-sqlite3 connection once Prisma has connected (SQLite only; null before, and on PostgreSQL). */
export function prismaSqliteConnection(): Database.Database | null {
	const connection = globalForDb.__sqliteConnection
	return connection?.open ? connection : null
}

/**
 * SQLite settings (docs/decisions/009-speed.md): WAL lets readers run while a write is in progress;
 * synchronous=NORMAL in WAL mode makes a commit durable across a crash of the process (kill -9), only
 * a power loss can lose the last transactions; a busy timeout waits for another process's writer
 * instead of failing; mmap and a larger page cache serve reads from memory; temporary tables stay
 * in memory.
 */
const SQLITE_PRAGMAS = [
	'journal_mode = WAL',
	'synchronous = NORMAL',
	'busy_timeout = 5000',
	'mmap_size = 268435456',
	'cache_size = -65536',
	'temp_store = MEMORY',
]
if (getEnv().DATABASE_URL.startsWith('file:')) {
	for (const pragma of SQLITE_PRAGMAS) void prisma.$queryRawUnsafe(`PRAGMA ${pragma}`).catch(() => {})
}

// Closed at shutdown after buffered writes are flushed (server/index.ts).
onShutdownClose(() => prisma.$disconnect())
