/**
 * The reads that bypass Prisma on SQLite (app/utils/sqlite-read.server.ts) answer exactly what
 * Prisma answers for the same rows: the session with its user and account, the unread count, a vote.
 */
import { describe, expect, test } from 'vitest'
import { getVote } from '#app/domain/content/articles.server.ts'
import { countUnread } from '#app/domain/notifications/inbox.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { getLiveSession, sessionCookie } from '#app/utils/session.server.ts'
import { sqliteDate, sqliteRead } from '#app/utils/sqlite-read.server.ts'
import { createAccount, createUser } from '#test/support/requests.ts'

const requestWith = async (sessionId: string) =>
	new Request('http://localhost/', { headers: { Cookie: (await sessionCookie.serialize(sessionId)).split(';')[0]! } })

// SQLite only by nature: on PostgreSQL there is no such connection (session-prisma-path.test.ts covers that path).
describe.skipIf(process.env.TEST_DATABASE === 'postgresql')('reads through the SQLite read connection', () => {
	test('runs on the SQLite test database and refuses writes', () => {
		const statement = sqliteRead('SELECT 1 AS one')
		expect(statement?.get()).toEqual({ one: 1 })
		expect(() => sqliteRead('DELETE FROM "Session"')!.run()).toThrow()
	})

	test('a session comes back as Prisma returns it, with and without an account', async () => {
		const account = await createAccount()
		for (const user of [await createUser('CUSTOMER', { accountId: account.id }), await createUser('CSM')]) {
			const row = await prisma.session.create({ data: { userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) } })
			const viaPrisma = await prisma.session.findUnique({
				where: { id: row.id },
				select: { id: true, expiresAt: true, lastSeenAt: true, user: { select: { id: true, email: true, name: true, role: true, accountId: true, account: { select: { id: true, name: true, tier: true, csmId: true } } } } },
			})
			expect(await getLiveSession(await requestWith(row.id))).toEqual(viaPrisma)
		}
		expect(await getLiveSession(await requestWith('no-such-session'))).toBeNull()
	})

	test('the unread count leaves out read notifications and other recipients', async () => {
		const me = await createUser('CUSTOMER')
		const other = await createUser('CUSTOMER')
		const note = (recipientId: string, readAt: Date | null) => ({ recipientId, kind: 'test', title: 't', body: 'b', readAt })
		await prisma.notification.createMany({ data: [note(me.id, null), note(me.id, null), note(me.id, new Date()), note(other.id, null)] })
		expect(await countUnread(me.id)).toBe(2)
		expect(await countUnread(me.id)).toBe(await prisma.notification.count({ where: { recipientId: me.id, readAt: null } }))
	})

	test('a vote is a boolean with its comment, or null', async () => {
		const me = await createUser('CUSTOMER')
		const { id: articleId } = await prisma.article.create({
			data: { slug: 'vote-test', title: 'Vote test', summary: '', category: 'c', audience: 'public', productArea: 'p', contentUpdatedAt: new Date(), sourceHash: 'x' },
		})
		expect(await getVote(articleId, me.id)).toBeNull()
		await prisma.helpfulVote.create({ data: { articleId, userId: me.id, helpful: false, comment: 'unclear' } })
		expect(await getVote(articleId, me.id)).toEqual({ helpful: false, comment: 'unclear' })
		await prisma.helpfulVote.update({ where: { articleId_userId: { articleId, userId: me.id } }, data: { helpful: true, comment: null } })
		expect(await getVote(articleId, me.id)).toEqual({ helpful: true, comment: null })
	})

	test('dates in each stored form', () => {
		expect(sqliteDate('2026-11-29T22:30:06.635+00:00').toISOString()).toBe('2026-11-29T22:30:06.635Z')
		expect(sqliteDate('2026-11-29 22:30:06').toISOString()).toBe('2026-11-29T22:30:06.000Z')
		expect(sqliteDate(1_764_455_406_635).toISOString()).toBe('2025-11-29T22:30:06.635Z')
	})
})
