import fs from 'node:fs'
import path from 'node:path'
import { PrismaPg } from '@prisma/adapter-pg'
import pg from 'pg'

/**
 * PostgreSQL from the one schema source (docs/deploy.md). Prisma takes the provider from the schema
 * and one provider per migrations folder, so the PostgreSQL schema is a generated copy of
 * prisma/schema/*.prisma with the datasource switched to postgresql; its migrations live in
 * prisma/migrations-postgresql and its client in app/generated/prisma-postgresql.
 */
export const ROOT = path.resolve(import.meta.dirname, '..')
export const POSTGRESQL_SCHEMA_DIR = path.join(ROOT, '.tmp', 'prisma-postgresql', 'schema')
export const POSTGRESQL_MIGRATIONS_DIR = path.join(ROOT, 'prisma', 'migrations-postgresql')
export const SQLITE_MIGRATIONS_DIR = path.join(ROOT, 'prisma', 'migrations')

export function isPostgresqlUrl(url: string | undefined): url is string {
	return Boolean(url && /^postgres(ql)?:\/\//.test(url))
}

/** The schema files of `schemaDir` with the datasource switched to PostgreSQL, by file name. */
export function postgresqlSchemaFiles(schemaDir: string, outDir: string): Map<string, string> {
	const files = new Map<string, string>()
	for (const name of fs.readdirSync(schemaDir).filter((f) => f.endsWith('.prisma')).sort()) {
		let text = fs.readFileSync(path.join(schemaDir, name), 'utf8')
		text = text.replace(/(datasource\s+db\s*\{[^}]*?provider\s*=\s*)"sqlite"/, '$1"postgresql"')
		text = text.replace(/(datasource\s+db\s*\{[^}]*?url\s*=\s*)"file:[^"]*"/, '$1"postgresql://localhost/unused"')
		// The client generated from the copy goes next to the SQLite one, not under .tmp.
		text = text.replace(/(generator\s+client\s*\{[^}]*?output\s*=\s*)"[^"]*"/, (_m, head: string) => {
			const out = path.relative(outDir, path.join(ROOT, 'app', 'generated', 'prisma-postgresql'))
			return `${head}"${out.split(path.sep).join('/')}"`
		})
		files.set(name, `// Generated from prisma/schema/${name} by prisma/postgresql.ts: edit that file, not this one.\n${text}`)
	}
	return files
}

/**
 * Writes the PostgreSQL copy of `schemaDir` (default prisma/schema) to `outDir` and returns it.
 * Each file is written whole under a temporary name and renamed, so runs side by side never read a
 * half-written schema.
 */
export function writePostgresqlSchema(schemaDir = path.join(ROOT, 'prisma', 'schema'), outDir = POSTGRESQL_SCHEMA_DIR) {
	fs.mkdirSync(outDir, { recursive: true })
	const files = postgresqlSchemaFiles(schemaDir, outDir)
	for (const stale of fs.readdirSync(outDir).filter((f) => f.endsWith('.prisma') && !files.has(f))) fs.rmSync(path.join(outDir, stale), { force: true })
	for (const [name, text] of files) {
		const file = path.join(outDir, name)
		if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) continue
		const temporary = `${file}.${process.pid}.tmp`
		fs.writeFileSync(temporary, text)
		fs.renameSync(temporary, file)
	}
	return outDir
}

// Catalog types that Prisma's CLI reads through the adapter (prisma/orm#27403: "Column type 'name'
// could not be deserialized") and @prisma/adapter-pg 6.19 does not map: char, name, regproc,
// pg_node_tree, regclass are read as text, xid as int4, their arrays as text[].
const TEXT = 25
const INT4 = 23
const TEXT_ARRAY = 1009
const CATALOG_TYPES: Record<number, number> = { 18: TEXT, 19: TEXT, 24: TEXT, 194: TEXT, 2205: TEXT, 28: INT4, 1002: TEXT_ARRAY, 1003: TEXT_ARRAY, 1008: TEXT_ARRAY, 1011: TEXT_ARRAY }

type QueryResult = { fields?: Array<{ dataTypeID: number }> } | undefined

function mapCatalogTypes(result: QueryResult) {
	for (const field of result?.fields ?? []) field.dataTypeID = CATALOG_TYPES[field.dataTypeID] ?? field.dataTypeID
	return result
}

class CatalogTypesClient extends pg.Client {
	// pg's Pool calls query with a callback, the adapter's own clients without: both are mapped.
	// @ts-expect-error one signature for pg's many overloads
	override query(...args: unknown[]) {
		const last = args.length - 1
		const callback = args[last]
		const query = super.query as (...a: unknown[]) => unknown
		if (typeof callback === 'function') {
			args[last] = (error: Error | null, result: QueryResult) => callback(error, mapCatalogTypes(result))
			return query.apply(this, args)
		}
		return (query.apply(this, args) as Promise<QueryResult>).then(mapCatalogTypes)
	}
}

/** A postgresql:// URL as pg's separate settings (host, port, user, password, database). */
export function postgresqlSettings(url: string): pg.PoolConfig {
	const parsed = new URL(url)
	const sslmode = parsed.searchParams.get('sslmode')
	return {
		host: decodeURIComponent(parsed.hostname) || 'localhost',
		port: parsed.port ? Number(parsed.port) : 5432,
		user: decodeURIComponent(parsed.username) || undefined,
		password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
		database: decodeURIComponent(parsed.pathname.slice(1)) || undefined,
		ssl: sslmode && sslmode !== 'disable' ? { rejectUnauthorized: sslmode === 'verify-full' } : undefined,
	}
}

/**
 * The driver adapter for Prisma's CLI (migrate deploy, migrate diff): catalog types mapped, idle
 * connections closed at once. Separate settings, not a connection string: the adapter makes its
 * shadow database by overriding `database`, which a connection string would silently win over
 * (and the migrations would be replayed into the real database).
 */
export function cliPostgresqlAdapter(url: string) {
	return new PrismaPg({ ...postgresqlSettings(url), Client: CatalogTypesClient as unknown as typeof pg.Client, idleTimeoutMillis: 100 })
}
