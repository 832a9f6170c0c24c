import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'

// One template per run, so runs started side by side never delete each other's.
const TEMPLATE_DB = path.resolve(`.tmp/test-template-${process.pid}.db`)

function migrationFiles(dir: string) {
	return fs
		.readdirSync(dir)
		.filter((d) => fs.existsSync(path.join(dir, d, 'migration.sql')))
		.sort()
		.map((name) => path.join(dir, name, 'migration.sql'))
}

/**
 * Builds a template database from the committed migrations once; each test file copies it (a SQLite
 * file), or on PostgreSQL (TEST_DATABASE=postgresql) creates its own database from it (test/setup/postgresql.ts).
 */
export default async function setup() {
	if (process.env.TEST_DATABASE === 'postgresql') return setupPostgresql()
	fs.mkdirSync(path.dirname(TEMPLATE_DB), { recursive: true })
	fs.rmSync(TEMPLATE_DB, { force: true })
	const db = new Database(TEMPLATE_DB)
	for (const file of migrationFiles(path.resolve('prisma/migrations'))) db.exec(fs.readFileSync(file, 'utf8'))
	db.close()
	// Test workers are forked after this runs and inherit the variable.
	process.env.TEST_TEMPLATE_DB = TEMPLATE_DB
	return () => fs.rmSync(TEMPLATE_DB, { force: true })
}

async function setupPostgresql() {
	const { adminUrl, databaseUrl, uniqueDatabaseName } = await import('./postgresql.ts')
	// Every database of this run is named after it, so the teardown finds any a test file left behind.
	const run = uniqueDatabaseName('run')
	const template = `test_template_${run}`
	const admin = new pg.Client({ connectionString: adminUrl() })
	await admin.connect()
	await admin.query(`CREATE DATABASE "${template}"`)
	await admin.end()
	const db = new pg.Client({ connectionString: databaseUrl(template) })
	await db.connect()
	for (const file of migrationFiles(path.resolve('prisma/migrations-postgresql'))) await db.query(fs.readFileSync(file, 'utf8'))
	await db.end()
	process.env.TEST_TEMPLATE_PG = template
	process.env.TEST_RUN_PG = run
	return async () => {
		const cleanup = new pg.Client({ connectionString: adminUrl() })
		await cleanup.connect()
		const left = await cleanup.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`test_${run}_%`])
		for (const { datname } of left.rows) await cleanup.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`)
		await cleanup.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`)
		await cleanup.end()
	}
}
