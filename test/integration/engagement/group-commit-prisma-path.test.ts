import { describe, expect, test, vi } from 'vitest'
import { sqliteWriter } from '#app/utils/sqlite-write.server.ts'
import { groupCommitCases } from './group-commit-cases.ts'

// The group commit as PostgreSQL runs it: without the SQLite writer, every statement through Prisma.
// Only the writer is replaced (it answers "not SQLite", as it does on PostgreSQL); the batching,
// deduplication and rescoring rules run for real against a real database.
vi.mock('#app/utils/sqlite-write.server.ts', async (importOriginal) => ({
	...(await importOriginal<typeof import('#app/utils/sqlite-write.server.ts')>()),
	sqliteWriter: () => null,
}))

describe('event group commit through Prisma (the PostgreSQL path)', () => {
	test('the SQLite writer is out of the way here', () => {
		expect(sqliteWriter()).toBeNull()
	})
	groupCommitCases()
})
