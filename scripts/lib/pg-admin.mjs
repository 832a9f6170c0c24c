// Runs SQL statements on the PostgreSQL server of POSTGRES_URL (default: database `test` on 127.0.0.1),
// one argument each, e.g. to create and drop the browser tests' database. Needs no psql client.
import pg from 'pg'

const client = new pg.Client({ connectionString: process.env.POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test' })
await client.connect()
try {
	for (const statement of process.argv.slice(2)) await client.query(statement)
} finally {
	await client.end()
}
