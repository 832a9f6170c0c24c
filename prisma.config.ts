import fs from 'node:fs'
import path from 'node:path'
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { defineConfig } from 'prisma/config'
import { cliPostgresqlAdapter, isPostgresqlUrl, POSTGRESQL_MIGRATIONS_DIR, writePostgresqlSchema } from './prisma/postgresql.ts'

// Prisma 6 with the JS schema engine: no engine binary is downloaded (none can be here).
const databaseUrl = process.env.DATABASE_URL ?? 'file:./data/portal.db'
// A postgresql:// DATABASE_URL (or PRISMA_PROVIDER=postgresql, e.g. to generate its client) selects
// the PostgreSQL copy of the schema and its own migrations (prisma/postgresql.ts).
const postgresql = process.env.PRISMA_PROVIDER ? process.env.PRISMA_PROVIDER === 'postgresql' : isPostgresqlUrl(databaseUrl)

/**
 * `migrate diff --from-migrations` replays each migration in a shadow database with one executeRaw,
 * which better-sqlite3 refuses for more than one statement ("External error id#0"): the shadow
 * connection runs argument-less SQL as a script instead (scripts/db-check-migrations.sh needs it).
 */
function withScriptShadow(factory: PrismaBetterSQLite3) {
	const connectToShadowDb = factory.connectToShadowDb.bind(factory)
	factory.connectToShadowDb = async () => {
		const shadow = await connectToShadowDb()
		const executeRaw = shadow.executeRaw.bind(shadow)
		shadow.executeRaw = async (query) => (query.args.length === 0 ? (await shadow.executeScript(query.sql), 0) : executeRaw(query))
		return shadow
	}
	return factory
}

export default defineConfig(
	postgresql
		? {
				experimental: { adapter: true },
				engine: 'js',
				schema: writePostgresqlSchema(),
				migrations: { path: POSTGRESQL_MIGRATIONS_DIR },
				async adapter() {
					if (!isPostgresqlUrl(databaseUrl)) throw new Error('PRISMA_PROVIDER=postgresql needs a postgresql:// DATABASE_URL to connect')
					return cliPostgresqlAdapter(databaseUrl)
				},
			}
		: {
				experimental: { adapter: true },
				engine: 'js',
				schema: path.join('prisma', 'schema'),
				migrations: { path: path.join('prisma', 'migrations') },
				async adapter() {
					const file = databaseUrl.replace(/^file:/, '')
					fs.mkdirSync(path.dirname(file), { recursive: true })
					return withScriptShadow(new PrismaBetterSQLite3({ url: file }))
				},
			},
)
