/**
 * The migration-drift check (scripts/db-check-migrations.sh, in `npm test`) on a copy of the repository's
 * schema and both migration sets as committed: a schema change that has only its SQLite migration fails it, naming
 * the missing PostgreSQL counterpart and what PostgreSQL lacks; `db-new-migration.sh --postgresql`
 * writes that counterpart (the check passing on the committed sets is `npm test`'s own step). Needs the PostgreSQL server (POSTGRES_URL).
 */
import { execFile, execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

const root = path.resolve(import.meta.dirname, '../../..')
let copy: string

// Asynchronous: a blocked event loop would starve Vitest's worker channel for the minute these take.
function run(script: string, ...args: string[]) {
	const env = { ...process.env }
	delete env.DATABASE_URL
	return new Promise<{ status: number; output: string }>((resolve) => {
		execFile('bash', [path.join(copy, 'scripts', script), ...args], { encoding: 'utf8', env }, (error, stdout, stderr) => {
			resolve({ status: error ? Number(error.code ?? 1) : 0, output: stdout + stderr })
		})
	})
}

// Not a database test: the SQLite pass runs it, the PostgreSQL pass (TEST_DATABASE=postgresql) would only repeat it.
describe.skipIf(process.env.TEST_DATABASE === 'postgresql')('the migration-drift check', () => {
	beforeAll(() => {
		copy = fs.mkdtempSync(path.join(os.tmpdir(), 'migration-check-'))
		// The schema and both sets as committed: another change in progress in the work tree is not this test's.
		execFileSync('bash', ['-c', `git archive HEAD prisma/schema prisma/migrations prisma/migrations-postgresql | tar -x -C '${copy}'`], { cwd: root })
		for (const item of ['prisma/postgresql.ts', 'prisma.config.ts', 'scripts/db-check-migrations.sh', 'scripts/db-new-migration.sh', 'scripts/lib/postgresql-schema.ts', 'scripts/lib/unref-timers.cjs', 'package.json', 'tsconfig.json']) {
			fs.cpSync(path.join(root, item), path.join(copy, item), { recursive: true })
		}
		fs.symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'))
		// A schema change written for SQLite only, as db-new-migration.sh wrote it before it wrote both sets.
		const core = path.join(copy, 'prisma/schema/core.prisma')
		const schema = fs.readFileSync(core, 'utf8')
		fs.writeFileSync(core, schema.replace(/(model JobLease \{\n\s+name\s+String\s+@id\n)/, '$1  driftProbe String?\n'))
		expect(fs.readFileSync(core, 'utf8')).toContain('driftProbe')
		const migration = path.join(copy, 'prisma/migrations/29991231000000_drift_probe')
		fs.mkdirSync(migration)
		fs.writeFileSync(path.join(migration, 'migration.sql'), 'ALTER TABLE "JobLease" ADD COLUMN "driftProbe" TEXT;\n')
	})
	afterAll(() => fs.rmSync(copy, { recursive: true, force: true }))

	test('fails on a schema change with only the SQLite migration, and db-new-migration.sh --postgresql writes the missing one', { timeout: 240_000 }, async () => {
		const before = await run('db-check-migrations.sh')
		expect(before.status).toBe(1)
		expect(before.output).toContain('< 29991231000000_drift_probe')
		expect(before.output).toContain('SQLite (prisma/migrations): the migrations give the schema')
		expect(before.output).toMatch(/PostgreSQL \(prisma\/migrations-postgresql\): the migrations do not give the schema[\s\S]*Added column `driftProbe`/)

		const write = await run('db-new-migration.sh', '--postgresql')
		expect(write.status, write.output).toBe(0)
		expect(fs.readFileSync(path.join(copy, 'prisma/migrations-postgresql/29991231000000_drift_probe/migration.sql'), 'utf8')).toMatch(/ALTER TABLE "JobLease" ADD COLUMN\s+"driftProbe" TEXT;/)
	})
})
