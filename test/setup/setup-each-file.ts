import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeEach, vi } from 'vitest'

// Every test file gets its own copy of the template database (built from the migrations).
const template = process.env.TEST_TEMPLATE_DB ?? path.resolve('.tmp/test-template.db')
const file = path.resolve(`.tmp/test-${process.pid}-${Math.random().toString(36).slice(2)}.db`)
fs.copyFileSync(template, file)
process.env.DATABASE_URL = `file:${file}`
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
})

// An unexpected console.error fails the test: errors should be asserted, not scrolled past.
beforeEach(() => {
	vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
		throw new Error(`Unexpected console.error: ${args.map(String).join(' ')}`)
	})
	return () => vi.restoreAllMocks()
})
