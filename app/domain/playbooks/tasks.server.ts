import { canManageAccount, managedAccountsWhere, type AccountManager } from '#app/domain/accounts-tiers/account-access.ts'
import { isUniqueViolation } from '#app/domain/engagement/beacon.server.ts'
import { EmailOutbox } from '#app/domain/notifications/notify.server.ts'
import { tellOwnersOfNewTasks } from '#app/domain/notifications/task-notices.server.ts'
import { type PlaybookTask } from '#app/domain/playbooks/plan.ts'
import { DAY_MS } from '#app/utils/time.ts'
import { prisma } from '#app/utils/db.server.ts'

/**
 * The CSM queue. A task is unique per cause while open (`openCause`), so recomputes never
 * duplicate it: an open task only has its evidence refreshed. Once a CSM marks it done, the same
 * cause is not raised again for COOLDOWN_DAYS, so a check-in is not re-queued the next hour while
 * the account is still recovering.
 */
export const TASK_COOLDOWN_DAYS = 30

export type PlannedTask = { accountId: string; assigneeId: string | null; task: PlaybookTask }
export type RaiseResult = { created: number; updated: number }

export async function raiseTasks(planned: readonly PlannedTask[], now: Date): Promise<RaiseResult> {
	const result: RaiseResult = { created: 0, updated: 0 }
	if (planned.length === 0) return result
	const causes = planned.map((p) => p.task.cause)
	const [open, recentlyDone] = await Promise.all([
		prisma.csmTask.findMany({ where: { openCause: { in: causes } }, select: { id: true, openCause: true, title: true, evidence: true, assigneeId: true } }),
		prisma.csmTask.findMany({
			where: { cause: { in: causes }, status: 'DONE', completedAt: { gte: new Date(now.getTime() - TASK_COOLDOWN_DAYS * DAY_MS) } },
			select: { cause: true },
		}),
	])
	const openByCause = new Map(open.map((t) => [t.openCause!, t]))
	const cooling = new Set(recentlyDone.map((t) => t.cause))
	const fresh: Array<{ accountId: string; assigneeId: string | null; kind: string; cause: string; openCause: string; title: string; evidence: string }> = []
	for (const { accountId, assigneeId, task } of planned) {
		const evidence = JSON.stringify(task.evidence)
		const existing = openByCause.get(task.cause)
		if (existing) {
			if (existing.title !== task.title || existing.evidence !== evidence || existing.assigneeId !== assigneeId) {
				await prisma.csmTask.update({ where: { id: existing.id }, data: { title: task.title, evidence, assigneeId } })
				result.updated++
			}
			continue
		}
		if (cooling.has(task.cause)) continue
		fresh.push({ accountId, assigneeId, kind: task.kind, cause: task.cause, openCause: task.cause, title: task.title, evidence })
	}
	if (fresh.length === 0) return result
	const outbox = new EmailOutbox()
	try {
		// One transaction, with the owners' notifications: if any row collides, none is written and the fallback below sorts it out.
		result.created += await prisma.$transaction(async (tx) => {
			const created = await tx.csmTask.createMany({ data: fresh })
			await tellOwnersOfNewTasks(tx, outbox, fresh)
			return created.count
		})
	} catch (error) {
		if (!isUniqueViolation(error)) throw error
		// Another instance raised one of them a moment ago: add the others one by one, and announce those right after.
		const raised: typeof fresh = []
		for (const row of fresh) {
			try {
				await prisma.csmTask.create({ data: row })
				raised.push(row)
			} catch (inner) {
				if (!isUniqueViolation(inner)) throw inner
			}
		}
		result.created += raised.length
		await prisma.$transaction((tx) => tellOwnersOfNewTasks(tx, outbox, raised))
	}
	outbox.sendAfterCommit()
	return result
}

export type TaskView = {
	id: string
	kind: string
	title: string
	evidence: string[]
	status: string
	createdAt: Date
	completedAt: Date | null
	account: { id: string; name: string; tier: number }
	assignee: { name: string } | null
}

const taskFields = {
	id: true,
	kind: true,
	title: true,
	evidence: true,
	status: true,
	createdAt: true,
	completedAt: true,
	account: { select: { id: true, name: true, tier: true } },
	assignee: { select: { name: true } },
} as const

function toView(row: {
	id: string
	kind: string
	title: string
	evidence: string
	status: string
	createdAt: Date
	completedAt: Date | null
	account: { id: string; name: string; tier: number }
	assignee: { name: string } | null
}): TaskView {
	return { ...row, evidence: parseEvidence(row.evidence) }
}

export function parseEvidence(json: string): string[] {
	try {
		const value: unknown = JSON.parse(json)
		return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
	} catch {
		return []
	}
}

/** Open tasks of the accounts a CSM owns (an admin sees every open task), oldest first. */
export async function listOpenTasks(user: { id: string; role: string }): Promise<TaskView[]> {
	const rows = await prisma.csmTask.findMany({
		where: { status: 'OPEN', account: managedAccountsWhere(user) },
		select: taskFields,
		orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
	})
	return rows.map(toView)
}

/** Open tasks first, then the latest done ones, of one account. */
export async function listAccountTasks(accountId: string): Promise<TaskView[]> {
	const rows = await prisma.csmTask.findMany({
		where: { accountId },
		select: taskFields,
		orderBy: [{ status: 'desc' }, { createdAt: 'desc' }],
		take: 20,
	})
	return rows.map(toView)
}

/**
 * Marks a task done. Only who may manage the task's account (canManageAccount) may, and from an
 * account's page only that account's tasks; anything else reads as "not found".
 */
export async function completeTask(
	user: AccountManager,
	taskId: string,
	opts: { accountId?: string; now?: Date } = {},
): Promise<{ ok: true; title: string } | { ok: false; status: 404 | 409; error: string }> {
	const now = opts.now ?? new Date()
	const task = await prisma.csmTask.findUnique({
		where: { id: taskId },
		select: { id: true, status: true, title: true, accountId: true, account: { select: { csmId: true } } },
	})
	if (!task || !canManageAccount(user, task.account) || (opts.accountId !== undefined && task.accountId !== opts.accountId)) {
		return { ok: false, status: 404, error: 'No such task in your queue.' }
	}
	const done = await prisma.csmTask.updateMany({
		where: { id: taskId, status: 'OPEN' },
		data: { status: 'DONE', openCause: null, completedAt: now },
	})
	if (done.count === 0) return { ok: false, status: 409, error: 'This task was already done.' }
	return { ok: true, title: task.title }
}
