import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'

export const TEMPLATE_DB = path.resolve('.tmp/test-template.db')

/** Builds a template database from the committed migrations once; each test file copies it. */
export default function setup() {
	fs.mkdirSync(path.dirname(TEMPLATE_DB), { recursive: true })
	fs.rmSync(TEMPLATE_DB, { force: true })
	const db = new Database(TEMPLATE_DB)
	const dir = path.resolve('prisma/migrations')
	for (const name of fs.readdirSync(dir).filter((d) => fs.existsSync(path.join(dir, d, 'migration.sql'))).sort()) {
		db.exec(fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8'))
	}
	db.close()
	return () => {
		for (const f of fs.readdirSync(path.dirname(TEMPLATE_DB))) {
			if (/^test-.*\.db(-wal|-shm|-journal)?$/.test(f)) fs.rmSync(path.join(path.dirname(TEMPLATE_DB), f), { force: true })
		}
	}
}
