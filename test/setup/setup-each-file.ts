import fs from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeEach, vi } from 'vitest'

// Every test file gets its own copy of the template database (built from the migrations): a SQLite
// file, or on PostgreSQL (TEST_DATABASE=postgresql) a database created from the template database.
const file = path.resolve(`.tmp/test-${process.pid}-${Math.random().toString(36).slice(2)}.db`)
let postgresqlDatabase: string | undefined
if (process.env.TEST_DATABASE === 'postgresql') {
	const { adminUrl, databaseUrl, uniqueDatabaseName } = await import('./postgresql.ts')
	postgresqlDatabase = uniqueDatabaseName(`test_${process.env.TEST_RUN_PG}`)
	const admin = new pg.Client({ connectionString: adminUrl() })
	await admin.connect()
	await admin.query(`CREATE DATABASE "${postgresqlDatabase}" TEMPLATE "${process.env.TEST_TEMPLATE_PG}"`)
	await admin.end()
	process.env.DATABASE_URL = databaseUrl(postgresqlDatabase)
} else {
	fs.copyFileSync(process.env.TEST_TEMPLATE_DB ?? path.resolve('.tmp/test-template.db'), file)
	process.env.DATABASE_URL = `file:${file}`
}
process.env.SEARCH_SNAPSHOT_PATH = `${file}.search.json`
// Emails are written here as JSON files (no SMTP in tests); tests read them.
process.env.MAIL_OUTBOX_DIR = `${file}.outbox`
process.env.NODE_ENV = 'test'
process.env.SESSION_SECRET ??= 'test-secret-at-least-16-chars'

afterAll(async () => {
	// Emails still being sent after a commit write to the database: let them finish first.
	const { emailsSettled } = await import('#app/utils/mailer.server.ts')
	await emailsSettled()
	const { prisma } = await import('#app/utils/db.server.ts').catch(() => ({ prisma: null }))
	await prisma?.$disconnect()
	for (const suffix of ['', '-wal', '-shm', '-journal', '.search.json', '.outbox']) fs.rmSync(file + suffix, { force: true, recursive: true })
	if (postgresqlDatabase) {
		const { adminUrl } = await import('./postgresql.ts')
		const admin = new pg.Client({ connectionString: adminUrl() })
		await admin.connect()
		await admin.query(`DROP DATABASE IF EXISTS "${postgresqlDatabase}" WITH (FORCE)`)
		await admin.end()
	}
})

// An unexpected console.error fails the test: errors should be asserted, not scrolled past.
beforeEach(() => {
	vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
		throw new Error(`Unexpected console.error: ${args.map(String).join(' ')}`)
	})
	return () => vi.restoreAllMocks()
})
