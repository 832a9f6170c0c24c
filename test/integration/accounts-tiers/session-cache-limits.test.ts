import type { Statement } from 'better-sqlite3'
import { afterEach, describe, expect, test, vi } from 'vitest'
import { prisma } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { forgetCachedSessions, getLiveSession, sessionCookie } from '#app/utils/session.server.ts'
import { cookieFor, createAccount, createUser, makeRequest } from '#test/support/requests.ts'

// The session cache's limits: its TTL by environment, its size bound, and that a failed row read is
// not remembered. The read connection is real; it can be told to fail its next session read.
const failNextRead = vi.hoisted(() => ({ on: false }))
vi.mock('#app/utils/sqlite-read.server.ts', async (importOriginal) => {
	const original = await importOriginal<typeof import('#app/utils/sqlite-read.server.ts')>()
	return {
		...original,
		sqliteRead: (sql: string) => {
			const statement = original.sqliteRead(sql)
			if (!statement || !failNextRead.on || !sql.includes('FROM "Session"')) return statement
			failNextRead.on = false
			return {
				get: () => {
					throw new Error('disk I/O error')
				},
			} as unknown as Statement
		},
	}
})

const env = getEnv()
const saved = { NODE_ENV: env.NODE_ENV, SESSION_CACHE_MS: env.SESSION_CACHE_MS }
afterEach(() => {
	Object.assign(env, saved)
	failNextRead.on = false
	forgetCachedSessions()
	vi.useRealTimers()
})

const userIdOf = async (cookie: string) => (await getLiveSession(makeRequest('/kb', { cookie })))?.user.id ?? null

async function sessionStart(userId: string): Promise<number> {
	const row = await prisma.session.findFirstOrThrow({ where: { userId }, orderBy: { lastSeenAt: 'desc' }, select: { lastSeenAt: true } })
	return row.lastSeenAt.getTime()
}

describe('session cache limits', () => {
	test('without SESSION_CACHE_MS a session is cached for 2 s in production and not at all under test', async () => {
		env.SESSION_CACHE_MS = undefined
		const user = await createUser('CUSTOMER', { accountId: (await createAccount()).id })

		env.NODE_ENV = 'test'
		const underTest = await cookieFor(user.id)
		expect(await userIdOf(underTest)).toBe(user.id)
		await prisma.session.deleteMany({ where: { userId: user.id } })
		expect(await userIdOf(underTest)).toBeNull()

		env.NODE_ENV = 'production'
		const inProduction = await cookieFor(user.id)
		const start = await sessionStart(user.id)
		vi.useFakeTimers({ toFake: ['Date'] })
		vi.setSystemTime(start)
		expect(await userIdOf(inProduction)).toBe(user.id)
		await prisma.session.deleteMany({ where: { userId: user.id } })
		vi.setSystemTime(start + 1_999)
		expect(await userIdOf(inProduction)).toBe(user.id)
		vi.setSystemTime(start + 2_000)
		expect(await userIdOf(inProduction)).toBeNull()
	})

	test('the cache holds at most 10,000 sessions: one more drops the oldest', { timeout: 120_000 }, async () => {
		env.SESSION_CACHE_MS = 60_000
		forgetCachedSessions()
		const user = await createUser('CUSTOMER', { accountId: (await createAccount()).id })
		const cookie = await cookieFor(user.id)
		vi.useFakeTimers({ toFake: ['Date'] })
		vi.setSystemTime(await sessionStart(user.id))
		expect(await userIdOf(cookie)).toBe(user.id)
		// From here on only the cached entry can sign this cookie in.
		await prisma.session.deleteMany({ where: { userId: user.id } })
		const lookUpUnknown = async (from: number, to: number) => {
			for (let i = from; i < to; i++) expect(await userIdOf(await sessionCookie.serialize(`no-such-session-${i}`))).toBeNull()
		}
		// Unknown ids are cached too (as "no session"): 9,999 of them fill the cache to 10,000.
		await lookUpUnknown(0, 9_999)
		expect(await userIdOf(cookie)).toBe(user.id)
		await lookUpUnknown(9_999, 10_000)
		expect(await userIdOf(cookie)).toBeNull()
	})

	// The failure is injected into the SQLite read connection, which the PostgreSQL pass does not have.
	test.skipIf(process.env.TEST_DATABASE === 'postgresql')('a failed row read is not remembered: the next request reads again', async () => {
		env.SESSION_CACHE_MS = 60_000
		const user = await createUser('CUSTOMER', { accountId: (await createAccount()).id })
		const cookie = await cookieFor(user.id)
		failNextRead.on = true
		await expect(userIdOf(cookie)).rejects.toThrow('disk I/O error')
		expect(await userIdOf(cookie)).toBe(user.id)
	})
})
