import type { Prisma } from '#app/generated/prisma/client.ts'
import { tasksRaisedText } from './messages.ts'
import { notify, type EmailOutbox } from './notify.server.ts'

type Tx = Prisma.TransactionClient
export type NewTask = { accountId: string; assigneeId: string | null; title: string }

/**
 * New CSM tasks are announced to their owner: one notification per owner for the tasks a run
 * raised together. A task without an owner (an account with no CSM) tells nobody.
 */
export async function tellOwnersOfNewTasks(tx: Tx, outbox: EmailOutbox, tasks: readonly NewTask[]) {
	const owned = tasks.filter((t): t is NewTask & { assigneeId: string } => t.assigneeId !== null)
	if (owned.length === 0) return
	const accounts = await tx.account.findMany({ where: { id: { in: [...new Set(owned.map((t) => t.accountId))] } }, select: { id: true, name: true } })
	const accountName = new Map(accounts.map((a) => [a.id, a.name]))
	const byOwner = new Map<string, Array<{ title: string; accountName: string }>>()
	for (const task of owned) {
		const list = byOwner.get(task.assigneeId) ?? []
		list.push({ title: task.title, accountName: accountName.get(task.accountId) ?? 'an account' })
		byOwner.set(task.assigneeId, list)
	}
	await notify(
		tx,
		outbox,
		[...byOwner].map(([recipientId, list]) => ({ ...tasksRaisedText(list), recipientId })),
	)
}
