import { describe, expect, test } from 'vitest'
import { action, loader } from '#app/routes/notifications.tsx'
import { loader as rootLoader } from '#app/root.tsx'
import { prisma } from '#app/utils/db.server.ts'
import { cookieFor, createUser } from '#test/support/requests.ts'
import { call, statusOf } from '../plans/fixtures.ts'

async function notice(recipientId: string, title: string) {
	return prisma.notification.create({ data: { recipientId, kind: 'ANNOUNCEMENT', title, body: 'Body', link: '/kb' } })
}

describe('the notification list', () => {
	test('shows a user only their own, unread first; the header counts their unread ones', async () => {
		const [me, other] = [await createUser('CUSTOMER'), await createUser('CSM')]
		const read = await notice(me.id, 'Old news')
		await prisma.notification.update({ where: { id: read.id }, data: { readAt: new Date() } })
		await notice(me.id, 'Fresh news')
		await notice(other.id, 'Not for you')
		const cookie = await cookieFor(me.id)
		const page = (await call(loader, '/notifications', {}, { cookie })) as { notifications: Array<{ title: string }> }
		expect(page.notifications.map((n) => n.title)).toEqual(['Fresh news', 'Old news'])
		const root = await rootLoader({ request: new Request('http://localhost:3000/', { headers: { Cookie: cookie } }), params: {}, context: {} })
		expect(root.unreadNotifications).toBe(1)
	})

	test('marking one read works for one’s own only; another user’s id is a 404 and changes nothing', async () => {
		const [me, other] = [await createUser('CUSTOMER'), await createUser('CUSTOMER')]
		const mine = await notice(me.id, 'Mine')
		const theirs = await notice(other.id, 'Theirs')
		const cookie = await cookieFor(me.id)
		expect(statusOf(await call(action, '/notifications', {}, { cookie, form: { intent: 'read', id: theirs.id } }))).toBe(404)
		expect((await prisma.notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull()
		expect(statusOf(await call(action, '/notifications', {}, { cookie, form: { intent: 'read', id: mine.id } }))).toBe(302)
		expect((await prisma.notification.findUniqueOrThrow({ where: { id: mine.id } })).readAt).not.toBeNull()
	})

	test('mark all read touches only the user’s notifications; unknown intents are refused; signed-out users are sent to sign in', async () => {
		const [me, other] = [await createUser('CUSTOMER'), await createUser('CUSTOMER')]
		await notice(me.id, 'A')
		await notice(me.id, 'B')
		await notice(other.id, 'C')
		const cookie = await cookieFor(me.id)
		expect(statusOf(await call(action, '/notifications', {}, { cookie, form: { intent: 'explode' } }))).toBe(400)
		expect(statusOf(await call(action, '/notifications', {}, { cookie, form: { intent: 'read-all' } }))).toBe(302)
		expect(await prisma.notification.count({ where: { recipientId: me.id, readAt: null } })).toBe(0)
		expect(await prisma.notification.count({ where: { recipientId: other.id, readAt: null } })).toBe(1)
		expect(statusOf(await call(loader, '/notifications', {}, {}))).toBe(302)
		expect(statusOf(await call(action, '/notifications', {}, { form: { intent: 'read-all' } }))).toBe(302)
	})
})
