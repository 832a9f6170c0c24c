import { canManageAccount, managedAccountsWhere, type AccountManager } from '#app/domain/accounts-tiers/account-access.ts'
import { isUniqueViolation } from '#app/domain/engagement/beacon.server.ts'
import { EmailOutbox } from '#app/domain/notifications/notify.server.ts'
import { tellOwnersOfNewTasks } from '#app/domain/notifications/task-notices.server.ts'
import { type PlaybookTask } from '#app/domain/playbooks/plan.ts'
import { matchesDue, taskDueAt, UNASSIGNED, type TaskFilters, type TaskOutcome } from '#app/domain/playbooks/task-queue.ts'
import type { Prisma } from '#app/generated/prisma/client.ts'
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
		prisma.csmTask.findMany({
			where: { openCause: { in: causes } },
			select: { id: true, openCause: true, title: true, evidence: true, assigneeId: true, assignedById: true },
		}),
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
			// An admin's hand assignment stands; otherwise the task follows the account's CSM.
			const owner = existing.assignedById ? existing.assigneeId : assigneeId
			if (existing.title !== task.title || existing.evidence !== evidence || existing.assigneeId !== owner) {
				await prisma.csmTask.update({ where: { id: existing.id }, data: { title: task.title, evidence, assigneeId: owner } })
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
	snoozedUntil: Date | null
	dueAt: Date
	outcome: string | null
	outcomeNote: string | null
	account: { id: string; name: string; tier: number }
	assignee: { id: string; name: string } | null
	completedBy: { name: string } | null
}

const taskFields = {
	id: true,
	kind: true,
	title: true,
	evidence: true,
	status: true,
	createdAt: true,
	completedAt: true,
	snoozedUntil: true,
	outcome: true,
	outcomeNote: true,
	account: { select: { id: true, name: true, tier: true } },
	assignee: { select: { id: true, name: true } },
	completedBy: { select: { name: true } },
} as const satisfies Prisma.CsmTaskSelect

type TaskRow = Prisma.CsmTaskGetPayload<{ select: typeof taskFields }>

function toView(row: TaskRow): TaskView {
	return { ...row, evidence: parseEvidence(row.evidence), dueAt: taskDueAt(row) }
}

export function parseEvidence(json: string): string[] {
	try {
		const value: unknown = JSON.parse(json)
		return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
	} catch {
		return []
	}
}

/**
 * Who may see and act on a task: who may manage its account (an admin, the account's CSM), and a
 * CSM an admin assigned it to by hand. The one rule for the queue, its count and its actions.
 */
export function canActOnTask(user: AccountManager, task: { assigneeId: string | null; account: { csmId: string | null } }): boolean {
	return canManageAccount(user, task.account) || (user.role === 'CSM' && task.assigneeId === user.id)
}

/** The same rule as a filter. */
export function taskScopeWhere(user: AccountManager): Prisma.CsmTaskWhereInput {
	if (user.role === 'ADMIN') return {}
	if (user.role === 'CSM') return { OR: [{ account: managedAccountsWhere(user) }, { assigneeId: user.id }] }
	return { id: { in: [] } }
}

/** Open tasks of the accounts a CSM owns or was assigned (an admin sees every open task), oldest first. */
export async function listOpenTasks(user: AccountManager): Promise<TaskView[]> {
	const rows = await prisma.csmTask.findMany({
		where: { status: 'OPEN', AND: [taskScopeWhere(user)] },
		select: taskFields,
		orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
	})
	return rows.map(toView)
}

/** The queue as filtered: open tasks the user may act on, by assignee (admins) and due date, soonest due first. */
export async function listTaskQueue(user: AccountManager, filters: TaskFilters, now = new Date()): Promise<TaskView[]> {
	const assignee = filters.assignee === null ? {} : { assigneeId: filters.assignee === UNASSIGNED ? null : filters.assignee }
	const rows = await prisma.csmTask.findMany({
		where: { status: 'OPEN', AND: [taskScopeWhere(user), assignee] },
		select: taskFields,
		orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
	})
	return rows
		.filter((row) => matchesDue(row, filters.due, now))
		.map(toView)
		.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())
}

/** Open and overdue tasks the user may act on, for the console home. */
export async function countOpenTasks(user: AccountManager, now = new Date()): Promise<{ open: number; overdue: number }> {
	const rows = await prisma.csmTask.findMany({ where: { status: 'OPEN', AND: [taskScopeWhere(user)] }, select: { createdAt: true, snoozedUntil: true } })
	return { open: rows.length, overdue: rows.filter((r) => matchesDue(r, 'overdue', now)).length }
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

type TaskActionResult = { ok: true; title: string } | { ok: false; status: 400 | 404 | 409; error: string }

const NOT_IN_QUEUE = { ok: false, status: 404, error: 'No such task in your queue.' } as const

/** The task if the user may act on it (and, from an account's page, it is that account's); else null. */
async function findActionableTask(user: AccountManager, taskId: string, accountId?: string) {
	const task = await prisma.csmTask.findUnique({
		where: { id: taskId },
		select: { id: true, status: true, title: true, accountId: true, assigneeId: true, account: { select: { csmId: true } } },
	})
	if (!task || !canActOnTask(user, task) || (accountId !== undefined && task.accountId !== accountId)) return null
	return task
}

/**
 * Marks a task done with how it ended. Only who may act on the task (canActOnTask) may, and from an
 * account's page only that account's tasks; anything else reads as "not found".
 */
export async function completeTask(
	user: AccountManager,
	taskId: string,
	opts: { outcome: TaskOutcome; note?: string | null; accountId?: string; now?: Date },
): Promise<TaskActionResult> {
	const now = opts.now ?? new Date()
	const task = await findActionableTask(user, taskId, opts.accountId)
	if (!task) return NOT_IN_QUEUE
	const done = await prisma.csmTask.updateMany({
		where: { id: taskId, status: 'OPEN' },
		data: { status: 'DONE', openCause: null, completedAt: now, completedById: user.id, outcome: opts.outcome, outcomeNote: opts.note ?? null },
	})
	if (done.count === 0) return { ok: false, status: 409, error: 'This task was already done.' }
	return { ok: true, title: task.title }
}

/** Moves an open task's due date to `until` (validated by the snooze form: after today, within the limit). */
export async function snoozeTask(user: AccountManager, taskId: string, until: Date): Promise<TaskActionResult> {
	const task = await findActionableTask(user, taskId)
	if (!task) return NOT_IN_QUEUE
	const snoozed = await prisma.csmTask.updateMany({ where: { id: taskId, status: 'OPEN' }, data: { snoozedUntil: until } })
	if (snoozed.count === 0) return { ok: false, status: 409, error: 'This task is already done.' }
	return { ok: true, title: task.title }
}

/** An admin hands an open task to a CSM; the playbook's refreshes keep it there. */
export async function assignTask(admin: AccountManager, taskId: string, assigneeId: string): Promise<TaskActionResult> {
	if (admin.role !== 'ADMIN') return NOT_IN_QUEUE
	const assignee = await prisma.user.findUnique({ where: { id: assigneeId }, select: { role: true } })
	if (assignee?.role !== 'CSM') return { ok: false, status: 400, error: 'Tasks go to a CSM: choose one from the list.' }
	const task = await findActionableTask(admin, taskId)
	if (!task) return NOT_IN_QUEUE
	const assigned = await prisma.csmTask.updateMany({ where: { id: taskId, status: 'OPEN' }, data: { assigneeId, assignedById: admin.id } })
	if (assigned.count === 0) return { ok: false, status: 409, error: 'This task is already done.' }
	return { ok: true, title: task.title }
}
