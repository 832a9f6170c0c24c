import { describe, expect, test } from 'vitest'
import { sqliteWriter } from '#app/utils/sqlite-write.server.ts'
import { groupCommitCases } from './group-commit-cases.ts'

describe('event group commit on SQLite (prepared statements on the write connection)', () => {
	test('the SQLite writer is in use here', () => {
		expect(sqliteWriter()).not.toBeNull()
	})
	groupCommitCases()
})
