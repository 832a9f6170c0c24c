import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'

/** A fresh SQLite file with every committed migration applied; sets DATABASE_URL to it. */
export function useScratchDatabase(name: string): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${name}-`))
	const file = path.join(dir, 'bench.db')
	const db = new Database(file)
	const migrations = path.resolve('prisma/migrations')
	for (const m of fs.readdirSync(migrations).filter((d) => fs.existsSync(path.join(migrations, d, 'migration.sql'))).sort()) {
		db.exec(fs.readFileSync(path.join(migrations, m, 'migration.sql'), 'utf8'))
	}
	db.close()
	process.env.DATABASE_URL = `file:${file}`
	return file
}
