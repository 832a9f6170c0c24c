import { describe, expect, test } from 'vitest'
import { sqliteWriter } from '#app/utils/sqlite-write.server.ts'
import { groupCommitCases } from './group-commit-cases.ts'

// SQLite only by nature: the PostgreSQL pass of the tests (TEST_DATABASE=postgresql) has no such connection.
describe.skipIf(process.env.TEST_DATABASE === 'postgresql')('event group commit on SQLite (prepared statements on the write connection)', () => {
	test('the SQLite writer is in use here', () => {
		expect(sqliteWriter()).not.toBeNull()
	})
	groupCommitCases()
})
