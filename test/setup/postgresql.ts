/**
 * The PostgreSQL pass of the tests (TEST_DATABASE=postgresql, scripts/test.sh): a template database
 * built from prisma/migrations-postgresql once per run, and a database of its own per test file made
 * from it with CREATE DATABASE ... TEMPLATE, dropped after. POSTGRES_URL names the server and a
 * database to connect to for creating and dropping (default: the `test` database on 127.0.0.1).
 */
import crypto from 'node:crypto'

export function adminUrl() {
	return process.env.POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/test'
}

export function databaseUrl(name: string) {
	const url = new URL(adminUrl())
	url.pathname = `/${name}`
	return url.toString()
}

/** e.g. test_12345_1a2b3c4d: the process id and a random part, so runs side by side never collide. */
export function uniqueDatabaseName(prefix: string) {
	return `${prefix}_${process.pid}_${crypto.randomBytes(4).toString('hex')}`
}
