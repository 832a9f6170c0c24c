import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/utils/db.server.ts'
import { afterCommit, emailLinkOrigin, sendEmail, type EmailMessage } from '#app/utils/mailer.server.ts'
import { notificationEmail, type NotificationText } from './messages.ts'

type Tx = Prisma.TransactionClient

export type NotificationDraft = NotificationText & { recipientId: string }

/**
 * The emails a transaction wants sent. They go only once it committed (`sendAfterCommit`), so a
 * rolled-back change emails nobody, and each send fails on its own: the notification row is
 * already stored, the user's action has already succeeded, and a failure is one log line.
 */
export class EmailOutbox {
	private readonly items: Array<{ message: EmailMessage; notificationId: string | null }> = []

	add(message: EmailMessage, notificationId: string | null = null) {
		this.items.push({ message, notificationId })
	}

	get size() {
		return this.items.length
	}

	sendAfterCommit(): void {
		const items = this.items.splice(0)
		if (items.length === 0) return
		afterCommit(async () => {
			for (const { message, notificationId } of items) {
				try {
					await sendEmail(message)
				} catch (error) {
					console.error(`email: sending “${message.subject}” to ${message.to} failed: ${error instanceof Error ? error.message : String(error)}`)
					continue
				}
				// updateMany: the notification (or its user) may be gone by now, which is no failure of the email.
				if (notificationId) await prisma.notification.updateMany({ where: { id: notificationId }, data: { emailedAt: new Date() } })
			}
		})
	}
}

/**
 * Stores notifications in the caller's transaction and queues an email for each recipient who
 * has not turned emails off (`email: false` when another address gets the email instead). Drafts
 * for users that no longer exist are dropped.
 */
export async function notify(tx: Tx, outbox: EmailOutbox, drafts: readonly NotificationDraft[], opts: { email?: boolean } = {}) {
	if (drafts.length === 0) return []
	const recipients = await tx.user.findMany({
		where: { id: { in: [...new Set(drafts.map((d) => d.recipientId))] } },
		select: { id: true, email: true, emailNotifications: true },
	})
	const byId = new Map(recipients.map((r) => [r.id, r]))
	const rows = await tx.notification.createManyAndReturn({
		data: drafts
			.filter((d) => byId.has(d.recipientId))
			.map((d) => ({ recipientId: d.recipientId, kind: d.kind, title: d.title, body: d.body, link: d.link })),
		select: { id: true, recipientId: true, title: true, body: true, link: true },
	})
	if (opts.email === false) return rows
	const origin = emailLinkOrigin()
	for (const row of rows) {
		const recipient = byId.get(row.recipientId)!
		if (recipient.emailNotifications) outbox.add({ to: recipient.email, ...notificationEmail(row, origin) }, row.id)
	}
	return rows
}

/** Stores notifications in a transaction of their own and emails them after it commits. */
export async function notifyNow(drafts: readonly NotificationDraft[]) {
	const outbox = new EmailOutbox()
	const rows = await prisma.$transaction((tx) => notify(tx, outbox, drafts))
	outbox.sendAfterCommit()
	return rows
}
