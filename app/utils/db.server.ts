import fs from 'node:fs'
import path from 'node:path'
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '#app/generated/prisma/client.ts'
import { getEnv } from './env.server.ts'
import { onShutdownClose } from './shutdown.server.ts'

/** Picks the Prisma driver adapter from DATABASE_URL: a SQLite file by default, PostgreSQL to scale out. */
function createClient(url: string) {
	if (url.startsWith('file:')) {
		const file = url.slice('file:'.length)
		fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
		return new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: file }) })
	}
	return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) })
}

const globalForDb = globalThis as unknown as { __prisma?: PrismaClient }

// One client per process; kept on globalThis so dev-server reloads don't open new connections.
export const prisma: PrismaClient = (globalForDb.__prisma ??= createClient(getEnv().DATABASE_URL))

export type Db = PrismaClient

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
