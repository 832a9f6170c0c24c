import fs from 'node:fs'
import path from 'node:path'
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaPg } from '@prisma/adapter-pg'
import { PrismaClient } from '#app/generated/prisma/client.ts'
import { getEnv } from './env.server.ts'

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

// WAL lets readers run while a write is in progress; NORMAL sync is durable across a process crash.
if (getEnv().DATABASE_URL.startsWith('file:')) {
	void prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL').catch(() => {})
	void prisma.$queryRawUnsafe('PRAGMA busy_timeout = 5000').catch(() => {})
}
