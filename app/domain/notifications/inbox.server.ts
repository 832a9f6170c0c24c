import { prisma } from '#app/utils/db.server.ts'
import { sqliteRead } from '#app/utils/sqlite-read.server.ts'

/** A user's own notifications: every query here is scoped to the recipient, so ids cannot be probed. */

const LIST_LIMIT = 100

export async function countUnread(userId: string): Promise<number> {
	// Every signed-in page asks (the bell): on SQLite a prepared statement, not Prisma's per-query cost.
	const fast = sqliteRead('SELECT COUNT(*) AS n FROM "Notification" WHERE "recipientId" = ? AND "readAt" IS NULL')
	if (fast) return (fast.get(userId) as { n: number }).n
	return prisma.notification.count({ where: { recipientId: userId, readAt: null } })
}

/** Unread first, then newest first. */
export function listNotifications(userId: string) {
	return prisma.notification.findMany({
		where: { recipientId: userId },
		select: { id: true, kind: true, title: true, body: true, link: true, readAt: true, createdAt: true },
		orderBy: [{ readAt: { sort: 'asc', nulls: 'first' } }, { createdAt: 'desc' }, { id: 'desc' }],
		take: LIST_LIMIT,
	})
}

/** Marks one of the user's notifications read; false when there is no such notification of theirs. */
export async function markRead(userId: string, notificationId: string, now = new Date()): Promise<boolean> {
	const found = await prisma.notification.findFirst({ where: { id: notificationId, recipientId: userId }, select: { readAt: true } })
	if (!found) return false
	if (!found.readAt) await prisma.notification.updateMany({ where: { id: notificationId, recipientId: userId, readAt: null }, data: { readAt: now } })
	return true
}

export async function markAllRead(userId: string, now = new Date()): Promise<number> {
	const { count } = await prisma.notification.updateMany({ where: { recipientId: userId, readAt: null }, data: { readAt: now } })
	return count
}

/** Whether the user wants notifications by email too. */
export async function setEmailNotifications(userId: string, on: boolean) {
	await prisma.user.update({ where: { id: userId }, data: { emailNotifications: on } })
}

export async function getEmailNotifications(userId: string): Promise<boolean> {
	const user = await prisma.user.findUnique({ where: { id: userId }, select: { emailNotifications: true } })
	return user?.emailNotifications ?? false
}
