import fs from 'node:fs'
import path from 'node:path'
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { defineConfig } from 'prisma/config'

// Prisma 6 with the JS schema engine: no engine binary is downloaded (none can be here).
const databaseUrl = process.env.DATABASE_URL ?? 'file:./data/portal.db'

export default defineConfig({
	experimental: { adapter: true },
	engine: 'js',
	schema: path.join('prisma', 'schema'),
	migrations: { path: path.join('prisma', 'migrations') },
	async adapter() {
		const file = databaseUrl.replace(/^file:/, '')
		fs.mkdirSync(path.dirname(file), { recursive: true })
		return new PrismaBetterSQLite3({ url: file })
	},
})
