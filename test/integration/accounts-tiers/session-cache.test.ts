import { afterEach, describe, expect, test, vi } from 'vitest'
import { getUser } from '#app/utils/auth.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { forgetCachedSessions, revokeUserSessions } from '#app/utils/session.server.ts'
import { action as logoutAction } from '#app/routes/logout.tsx'
import { cookieFor, createAccount, createUser, makeRequest, settle } from '#test/support/requests.ts'

// The session cache as production runs it, with a TTL far longer than any test. Vitest runs vi.hoisted before the imports above.
vi.hoisted(() => {
	process.env.SESSION_CACHE_MS = '60000'
})

afterEach(() => {
	vi.useRealTimers()
})

const userOf = (cookie: string) => getUser(makeRequest('/kb', { cookie }))

describe('session cache', () => {
	test('a cached session is served without the database: a row deleted behind its back still reads as signed in', async () => {
		// This proves the cache is on; the tests below prove what must still end a session at once.
		const user = await createUser('CUSTOMER', { accountId: (await createAccount()).id })
		const cookie = await cookieFor(user.id)
		expect((await userOf(cookie))?.id).toBe(user.id)
		await prisma.session.deleteMany({ where: { userId: user.id } })
		expect((await userOf(cookie))?.id).toBe(user.id)
		forgetCachedSessions()
		expect(await userOf(cookie)).toBeNull()
	})

	test('a cached entry serves for SESSION_CACHE_MS, then the row is read again', async () => {
		const user = await createUser('CUSTOMER', { accountId: (await createAccount()).id })
		const cookie = await cookieFor(user.id)
		// From the moment the session was last seen, so that no request below is due a touch.
		const start = (await prisma.session.findFirstOrThrow({ where: { userId: user.id }, select: { lastSeenAt: true } })).lastSeenAt.getTime()
		vi.useFakeTimers({ toFake: ['Date'] })
		vi.setSystemTime(start)
		expect((await userOf(cookie))?.id).toBe(user.id)
		await prisma.session.deleteMany({ where: { userId: user.id } })
		vi.setSystemTime(start + 59_999)
		expect((await userOf(cookie))?.id).toBe(user.id)
		vi.setSystemTime(start + 60_000)
		expect(await userOf(cookie)).toBeNull()
	})

	test('sign-out is honoured at once: the old cookie is signed out on the very next request', async () => {
		const user = await createUser('CUSTOMER', { accountId: (await createAccount()).id })
		const cookie = await cookieFor(user.id)
		expect((await userOf(cookie))?.id).toBe(user.id)
		const out = (await settle(() => logoutAction({ request: makeRequest('/logout', { method: 'POST', cookie }), params: {}, context: {} }))) as Response
		expect(out.status).toBe(302)
		expect(await userOf(cookie)).toBeNull()
		expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0)
	})

	test('idle and absolute expiry are checked on every request, also for a cached session', async () => {
		const user = await createUser('CUSTOMER', { accountId: (await createAccount()).id })
		const idle = await cookieFor(user.id)
		expect((await userOf(idle))?.id).toBe(user.id)
		vi.useFakeTimers({ toFake: ['Date'] })
		// Past the idle limit (the session was last seen when it was created), within the cache's TTL by its own clock.
		vi.setSystemTime(Date.now() + getEnv().SESSION_IDLE_MINUTES * 60_000 + 1_000)
		expect(await userOf(idle)).toBeNull()
		expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0)
		vi.useRealTimers()

		const absolute = await cookieFor(user.id)
		expect((await userOf(absolute))?.id).toBe(user.id)
		// cookieFor's sessions end after a day: keep it active (touched) past that.
		vi.useFakeTimers({ toFake: ['Date'] })
		vi.setSystemTime(Date.now() + 24 * 3600_000 + 1_000)
		expect(await userOf(absolute)).toBeNull()
	})

	test('revoking a user\'s sessions (a password reset) ends them at once, and only theirs', async () => {
		const account = await createAccount()
		const user = await createUser('CUSTOMER', { accountId: account.id })
		const other = await createUser('CUSTOMER', { accountId: account.id })
		const [first, second, theirs] = [await cookieFor(user.id), await cookieFor(user.id), await cookieFor(other.id)]
		for (const cookie of [first, second, theirs]) expect(await userOf(cookie)).not.toBeNull()
		expect(await revokeUserSessions(user.id)).toBe(2)
		expect(await userOf(first)).toBeNull()
		expect(await userOf(second)).toBeNull()
		expect((await userOf(theirs))?.id).toBe(other.id)
	})
})
