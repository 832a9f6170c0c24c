import { defaultPlaybookConfig, type PlaybookConfig } from '#app/domain/playbooks/config.ts'
import { AccountFacts, accountEvidence, EvidenceContext, loadAccountFacts } from '#app/domain/playbooks/evidence.server.ts'
import { tasksFor, type TaskInput } from '#app/domain/playbooks/plan.ts'
import { raiseTasks, type PlannedTask } from '#app/domain/playbooks/tasks.server.ts'
import { type AccountScoreChange } from '#app/domain/scoring/changes.ts'
import { type ActivityEvent } from '#app/domain/scoring/inputs.ts'
import { isSegment } from '#app/domain/scoring/segments.ts'
import { chunked } from '#app/utils/chunked.ts'
import { prisma } from '#app/utils/db.server.ts'
import { DAY_MS } from '#app/utils/time.ts'

/**
 * The plays after a scoring run: reads the account score changes scoring returned and raises (or
 * refreshes) CSM tasks, one open task per cause (tasks.server.ts). An account whose segment is
 * "not enough evidence yet" gets no task: the play waits rather than act on a guess.
 */

export type ApplyReport = { tasksCreated: number; tasksUpdated: number }

export type ApplyOptions = {
	playbooks?: PlaybookConfig
	/** Task evidence already folded from the events a full recompute loaded (see collectAccountFacts). */
	facts?: ReadonlyMap<string, AccountFacts>
}

/**
 * Folds each user's events into their account's facts while a full recompute has them in hand
 * (pass `onUserEvents` to recomputeAll), so the tasks' evidence needs no second read of the events.
 */
export function collectAccountFacts(now: Date) {
	const facts = new Map<string, AccountFacts>()
	return {
		facts,
		onUserEvents(accountId: string, events: readonly ActivityEvent[]) {
			let account = facts.get(accountId)
			if (!account) facts.set(accountId, (account = new AccountFacts()))
			account.add(events, now)
		},
	}
}

/** A High Performer's will is compared with its highest of this many days, so a slow slide still shows as a drop. */
const WILL_DROP_DAYS = 30

export async function applyScoreChanges(changes: readonly AccountScoreChange[], now: Date, opts: ApplyOptions = {}): Promise<ApplyReport> {
	const result: ApplyReport = { tasksCreated: 0, tasksUpdated: 0 }
	for (const part of chunked(changes)) {
		const raised = await applyPart(part, now, opts.playbooks ?? defaultPlaybookConfig, opts.facts)
		result.tasksCreated += raised.created
		result.tasksUpdated += raised.updated
	}
	return result
}

async function applyPart(changes: readonly AccountScoreChange[], now: Date, config: PlaybookConfig, known?: ReadonlyMap<string, AccountFacts>) {
	const wasHigh = changes.filter((c) => c.previous?.segment === 'HIGH_PERFORMER').map((c) => c.account.id)
	const recentWill = await recentMaxWill(wasHigh, now)
	const needTasks: Array<{ change: AccountScoreChange; input: TaskInput }> = []
	for (const change of changes) {
		const input = taskInput(change, recentWill)
		if (input && tasksFor(input, config).length > 0) needTasks.push({ change, input })
	}
	if (needTasks.length === 0) return { created: 0, updated: 0 }

	// Evidence only for the accounts a play raises a task for, with their plan rows in one go.
	const ids = needTasks.map((n) => n.change.account.id)
	const context = new EvidenceContext(now)
	const [facts] = await Promise.all([known ? Promise.resolve(known) : loadAccountFacts(ids, now), context.loadAccounts(ids)])
	const planned: PlannedTask[] = []
	for (const { change, input } of needTasks) {
		const evidence = await accountEvidence(change.account, change, change.usage, facts.get(change.account.id) ?? new AccountFacts(), context)
		for (const task of tasksFor({ ...input, evidence }, config)) planned.push({ accountId: change.account.id, assigneeId: change.account.csmId, task })
	}
	return raiseTasks(planned, now)
}

function taskInput(change: AccountScoreChange, recentWill: Map<string, number>): TaskInput | null {
	const { account, previous, current } = change
	if (!isSegment(current.segment)) return null
	const previousSegment = previous && isSegment(previous.segment) ? previous.segment : null
	const previousWill = previous ? Math.max(previous.will, recentWill.get(account.id) ?? previous.will) : null
	return {
		accountId: account.id,
		accountName: account.name,
		previousSegment,
		segment: current.segment,
		skill: current.skill,
		will: current.will,
		previousWill,
		lowEvidence: current.lowEvidence,
	}
}

/** The highest stored will of each account over the last WILL_DROP_DAYS, before this run's snapshot. */
async function recentMaxWill(accountIds: readonly string[], now: Date): Promise<Map<string, number>> {
	if (accountIds.length === 0) return new Map()
	const rows = await prisma.scoreSnapshot.groupBy({
		by: ['accountId'],
		where: { subjectType: 'ACCOUNT', accountId: { in: [...accountIds] }, computedAt: { gte: new Date(now.getTime() - WILL_DROP_DAYS * DAY_MS), lt: now } },
		_max: { will: true },
	})
	return new Map(rows.filter((r) => r.accountId && r._max.will !== null).map((r) => [r.accountId!, r._max.will!]))
}
