import { describe, expect, test, vi } from 'vitest'
import { getUser } from '#app/utils/auth.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { sqliteRead } from '#app/utils/sqlite-read.server.ts'
import { cookieFor, createAccount, createUser, makeRequest } from '#test/support/requests.ts'

// Sessions as PostgreSQL reads them: without the SQLite read connection, through Prisma. The read
// connection is the only thing replaced (it answers "not SQLite", as it does on PostgreSQL); the
// session rules and the Prisma query under test run for real against a real database.
vi.mock('#app/utils/sqlite-read.server.ts', async (importOriginal) => ({
	...(await importOriginal<typeof import('#app/utils/sqlite-read.server.ts')>()),
	sqliteRead: () => null,
}))

const userOf = (cookie: string) => getUser(makeRequest('/kb', { cookie }))

describe('sessions read through Prisma (the PostgreSQL path)', () => {
	test('the read connection is out of the way here', () => {
		expect(sqliteRead('SELECT 1')).toBeNull()
	})

	test('a live session gives the user with their account, field by field', async () => {
		const csm = await createUser('CSM')
		const account = await createAccount({ csmId: csm.id })
		const user = await createUser('CUSTOMER', { accountId: account.id })
		const found = await userOf(await cookieFor(user.id))
		const row = await prisma.account.findUniqueOrThrow({ where: { id: account.id } })
		expect(found).toEqual({
			id: user.id,
			email: user.email,
			name: user.name,
			role: 'CUSTOMER',
			accountId: account.id,
			account: { id: account.id, name: row.name, tier: row.tier, csmId: csm.id },
		})
		const staff = await userOf(await cookieFor(csm.id))
		expect(staff).toMatchObject({ id: csm.id, role: 'CSM', accountId: null, account: null })
	})

	test('an expired, idle, deleted or unknown session signs nobody in', async () => {
		const user = await createUser('CUSTOMER', { accountId: (await createAccount()).id })
		const expired = await cookieFor(user.id)
		await prisma.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } })
		expect(await userOf(expired)).toBeNull()

		const idle = await cookieFor(user.id)
		const idleFor = getEnv().SESSION_IDLE_MINUTES * 60_000 + 1000
		await prisma.session.updateMany({ where: { userId: user.id, expiresAt: { gt: new Date() } }, data: { lastSeenAt: new Date(Date.now() - idleFor) } })
		expect(await userOf(idle)).toBeNull()

		const deleted = await cookieFor(user.id)
		expect((await userOf(deleted))?.id).toBe(user.id)
		await prisma.session.deleteMany({ where: { userId: user.id } })
		expect(await userOf(deleted)).toBeNull()
	})

	test('ending an expired session removes that row only (the row id comes from the Prisma read)', async () => {
		const account = await createAccount()
		const user = await createUser('CUSTOMER', { accountId: account.id })
		const other = await createUser('CUSTOMER', { accountId: account.id })
		const theirs = await cookieFor(other.id)
		const expired = await cookieFor(user.id)
		await prisma.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } })
		expect(await userOf(expired)).toBeNull()
		expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0)
		expect(await prisma.session.count({ where: { userId: other.id } })).toBe(1)
		expect((await userOf(theirs))?.id).toBe(other.id)
	})
})
