import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'

// One template per run, so runs started side by side never delete each other's.
const TEMPLATE_DB = path.resolve(`.tmp/test-template-${process.pid}.db`)

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
	// Test workers are forked after this runs and inherit the variable.
	process.env.TEST_TEMPLATE_DB = TEMPLATE_DB
	return () => fs.rmSync(TEMPLATE_DB, { force: true })
}
