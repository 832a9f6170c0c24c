import { contactRequestText, NOTIFICATION_KINDS } from '#app/domain/notifications/messages.ts'
import type { Prisma, PrismaClient } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/utils/db.server.ts'
import { emailsSettled } from '#app/utils/mailer.server.ts'

const HOUR_MS = 60 * 60 * 1000

/**
 * A few notifications so the demo bell is not empty: besides the task notices the demo recompute
 * raised, the CSM has an unread message from the Northwind customer and tier1@demo.test an unread
 * welcome. Idempotent: each is written once. Stored directly: the seed sends no emails of its own.
 */
export async function seedNotifications(db: PrismaClient = prisma, now = new Date()) {
	// Emails of the tasks the demo recompute raised go out before the seed disconnects.
	await emailsSettled()
	const [csm, customer] = await Promise.all([
		db.user.findUnique({ where: { email: 'csm@demo.test' }, select: { id: true } }),
		db.user.findUnique({ where: { email: 'tier1@demo.test' }, select: { id: true, name: true, email: true, account: { select: { id: true, name: true } } } }),
	])
	if (!csm || !customer?.account) throw new Error('seedNotifications needs the demo CSM and tier1 customer: seed users first')
	const has = (recipientId: string, kind: string) => db.notification.count({ where: { recipientId, kind } }).then((n) => n > 0)
	const rows: Prisma.NotificationCreateManyInput[] = []
	if (!(await has(csm.id, NOTIFICATION_KINDS.contactRequest))) {
		const message = contactRequestText(
			{
				from: { name: customer.name, email: customer.email },
				accountName: customer.account.name,
				subject: 'Carrier data connector timeline',
				message: 'Our IT team asks when the carrier data connector pilot can start. Could we talk about it this week?',
				aboutPath: '/kb/connect-a-data-warehouse',
			},
			`/console/accounts/${customer.account.id}`,
		)
		rows.push({ ...message, recipientId: csm.id, createdAt: new Date(now.getTime() - 3 * HOUR_MS) })
	}
	if (!(await has(customer.id, NOTIFICATION_KINDS.announcement))) {
		rows.push({
			kind: NOTIFICATION_KINDS.announcement,
			title: 'Welcome to your success portal',
			body: 'Casey Success is your success manager. Your success plan is being drafted: you will be told here (and by email) when it is ready for your review.',
			link: '/contact',
			recipientId: customer.id,
			createdAt: new Date(now.getTime() - 2 * HOUR_MS),
		})
	}
	if (rows.length) await db.notification.createMany({ data: rows })
	return rows.length
}
