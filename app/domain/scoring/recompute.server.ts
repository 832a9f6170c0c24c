import { AccountFacts, accountEvidence, EvidenceContext, loadAccountFacts } from '#app/domain/playbooks/evidence.server.ts'
import { defaultPlaybookConfig, type PlaybookConfig } from '#app/domain/playbooks/config.ts'
import { tasksFor } from '#app/domain/playbooks/plan.ts'
import { raiseTasks, type PlannedTask } from '#app/domain/playbooks/tasks.server.ts'
import { loadAccountSignals, loadAccountUsage, loadUserEvents, type AccountUsage } from '#app/domain/scoring/activity.server.ts'
import { chunked, MAX_IDS_PER_QUERY } from '#app/utils/chunked.ts'
import { type ScoreComponent } from '#app/domain/scoring/breakdown.ts'
import { eventHorizonDays, type ScoringConfig } from '#app/domain/scoring/config.ts'
import { DAY_MS } from '#app/utils/time.ts'
import { quadrantFor } from '#app/domain/scoring/quadrant.ts'
import { scoreUser } from '#app/domain/scoring/score-user.ts'
import { rollUpAccount, type Segment, type UserScoreForRollUp } from '#app/domain/scoring/segments.ts'
import { getScoringConfig } from '#app/domain/scoring/settings.server.ts'
import {
	ComponentSums,
	currentSnapshots,
	parseUserBreakdown,
	writeSnapshots,
	type AccountBreakdown,
	type SnapshotDraft,
	type StoredSnapshot,
	type UserBreakdown,
} from '#app/domain/scoring/snapshots.server.ts'
import { prisma } from '#app/utils/db.server.ts'

/**
 * Loads events and signals, runs the pure scoring functions, stores snapshots and raises playbook
 * tasks. Two ways in: `recomputeAll` (every customer and account, in batches, on a schedule or by
 * command) and `rescoreUsers` (the users who just did something, and their accounts). Both are
 * deterministic for the same data and `now`, and run one at a time within a process.
 */

export type RecomputeOptions = {
	now?: Date
	config?: ScoringConfig
	playbooks?: PlaybookConfig
	/** Users per batch: bounds memory and transaction size. */
	batchSize?: number
	onProgress?: (progress: { phase: 'users' | 'accounts'; done: number; total: number }) => void
}

export type RecomputeReport = {
	users: number
	accounts: number
	events: number
	snapshotsCreated: number
	snapshotsUpdated: number
	tasksCreated: number
	tasksUpdated: number
	ms: number
}

type UserRow = { id: string; accountId: string | null; createdAt: Date }
type RollUpEntry = UserScoreForRollUp & { userId: string; accountId: string | null; skillComponents: ScoreComponent[]; willComponents: ScoreComponent[] }
/** What an account's roll-up needs of its users: small, so a full recompute keeps 100,000 of them. */
type AccountUsers = { users: UserScoreForRollUp[]; skill: ComponentSums; will: ComponentSums }
type AccountRow = { id: string; name: string; tier: number; csmId: string | null; arr: number; costToServe: number; nps: number | null; csat: number | null }
type Context = {
	now: Date
	config: ScoringConfig
	playbooks: PlaybookConfig
	report: RecomputeReport
	/** Task evidence folded from the events already loaded (full recompute only). */
	facts?: Map<string, AccountFacts>
}

const accountFields = { id: true, name: true, tier: true, csmId: true, arr: true, costToServe: true, nps: true, csat: true } as const

// One scoring job at a time in this process: the queue, the schedule and manual runs take turns.
let turn: Promise<unknown> = Promise.resolve()
function exclusive<T>(job: () => Promise<T>): Promise<T> {
	const run = turn.then(job, job)
	turn = run.catch(() => undefined)
	return run
}

function newContext(opts: RecomputeOptions): Context {
	return {
		now: opts.now ?? new Date(),
		config: opts.config ?? getScoringConfig(),
		playbooks: opts.playbooks ?? defaultPlaybookConfig,
		report: { users: 0, accounts: 0, events: 0, snapshotsCreated: 0, snapshotsUpdated: 0, tasksCreated: 0, tasksUpdated: 0, ms: 0 },
	}
}

/** Every customer user, then every account. Memory stays bounded by the batch size (plus one small entry per user). */
export function recomputeAll(opts: RecomputeOptions = {}): Promise<RecomputeReport> {
	return exclusive(async () => {
		const started = performance.now()
		const ctx = newContext(opts)
		ctx.facts = new Map()
		const batchSize = opts.batchSize ?? 500
		const total = await prisma.user.count({ where: { role: 'CUSTOMER', accountId: { not: null } } })
		const entries = new Map<string, AccountUsers>()
		let cursor: string | undefined
		for (;;) {
			const users = await prisma.user.findMany({
				where: { role: 'CUSTOMER', accountId: { not: null }, ...(cursor ? { id: { gt: cursor } } : {}) },
				select: { id: true, accountId: true, createdAt: true },
				orderBy: { id: 'asc' },
				take: batchSize,
			})
			if (users.length === 0) break
			cursor = users[users.length - 1]!.id
			for (const entry of await scoreAndStoreUsers(users, ctx)) pushEntry(entries, entry.accountId, entry)
			opts.onProgress?.({ phase: 'users', done: ctx.report.users, total })
		}
		const accountTotal = await prisma.account.count()
		let accountCursor: string | undefined
		for (;;) {
			const accounts = await prisma.account.findMany({
				where: accountCursor ? { id: { gt: accountCursor } } : {},
				select: accountFields,
				orderBy: { id: 'asc' },
				take: Math.min(MAX_IDS_PER_QUERY, batchSize),
			})
			if (accounts.length === 0) break
			accountCursor = accounts[accounts.length - 1]!.id
			await scoreAndStoreAccounts(accounts, entries, ctx)
			opts.onProgress?.({ phase: 'accounts', done: ctx.report.accounts, total: accountTotal })
		}
		ctx.report.ms = Math.round(performance.now() - started)
		return ctx.report
	})
}

/** These users (customers only) and the accounts they belong to. */
export function rescoreUsers(userIds: readonly string[], opts: RecomputeOptions = {}): Promise<RecomputeReport> {
	return exclusive(async () => {
		const started = performance.now()
		const ctx = newContext(opts)
		const users = []
		for (const ids of chunked([...new Set(userIds)])) {
			users.push(
				...(await prisma.user.findMany({
					where: { id: { in: ids }, role: 'CUSTOMER', accountId: { not: null } },
					select: { id: true, accountId: true, createdAt: true },
				})),
			)
		}
		const fresh = await scoreAndStoreUsers(users, ctx)
		await rescoreAccountsWith([...new Set(users.map((u) => u.accountId!))], fresh, ctx)
		ctx.report.ms = Math.round(performance.now() - started)
		return ctx.report
	})
}

/** These accounts, after their signals changed; their users' stored scores are reused. */
export function rescoreAccounts(accountIds: readonly string[], opts: RecomputeOptions = {}): Promise<RecomputeReport> {
	return exclusive(async () => {
		const started = performance.now()
		const ctx = newContext(opts)
		await rescoreAccountsWith([...new Set(accountIds)], [], ctx)
		ctx.report.ms = Math.round(performance.now() - started)
		return ctx.report
	})
}

async function rescoreAccountsWith(accountIds: string[], fresh: RollUpEntry[], ctx: Context) {
	if (accountIds.length === 0) return
	const entries = new Map<string, AccountUsers>()
	const scored = new Set(fresh.map((e) => e.userId))
	for (const e of fresh) pushEntry(entries, e.accountId, e)
	const others = []
	for (const ids of chunked(accountIds)) {
		const rows = await prisma.user.findMany({ where: { accountId: { in: ids }, role: 'CUSTOMER' }, select: { id: true, accountId: true, createdAt: true } })
		others.push(...rows.filter((u) => !scored.has(u.id)))
	}
	const stored = await currentSnapshots('USER', others.map((u) => u.id))
	const unscored: UserRow[] = []
	for (const user of others) {
		const snapshot = stored.get(user.id)
		const breakdown = snapshot && parseUserBreakdown(snapshot.breakdown)
		if (!snapshot || !breakdown) unscored.push(user)
		else pushEntry(entries, user.accountId, entryFromSnapshot(user.id, user.accountId!, snapshot, breakdown))
	}
	// A user who never had a score (new, or stored before scoring existed) is scored now.
	for (const entry of await scoreAndStoreUsers(unscored, ctx)) pushEntry(entries, entry.accountId, entry)
	for (const ids of chunked(accountIds)) {
		await scoreAndStoreAccounts(await prisma.account.findMany({ where: { id: { in: ids } }, select: accountFields }), entries, ctx)
	}
}

function pushEntry(map: Map<string, AccountUsers>, accountId: string | null | undefined, entry: RollUpEntry) {
	if (!accountId) return
	let group = map.get(accountId)
	if (!group) map.set(accountId, (group = { users: [], skill: new ComponentSums(), will: new ComponentSums() }))
	group.users.push({ skill: entry.skill, will: entry.will, lastActiveAt: entry.lastActiveAt, lowEvidence: entry.lowEvidence })
	group.skill.add(entry.skillComponents)
	group.will.add(entry.willComponents)
}

function entryFromSnapshot(userId: string, accountId: string, snapshot: StoredSnapshot, breakdown: UserBreakdown): RollUpEntry {
	return {
		userId,
		accountId,
		skill: snapshot.skill,
		will: snapshot.will,
		lastActiveAt: breakdown.lastActiveAt ? new Date(breakdown.lastActiveAt) : null,
		lowEvidence: breakdown.lowEvidence,
		skillComponents: breakdown.skill.components,
		willComponents: breakdown.will.components,
	}
}

async function scoreAndStoreUsers(users: readonly UserRow[], ctx: Context): Promise<RollUpEntry[]> {
	if (users.length === 0) return []
	const { now, config } = ctx
	const ids = users.map((u) => u.id)
	const since = new Date(now.getTime() - eventHorizonDays(config) * DAY_MS)
	const [events, current] = await Promise.all([loadUserEvents(ids, since), currentSnapshots('USER', ids)])
	const drafts: Array<{ draft: SnapshotDraft; current?: StoredSnapshot }> = []
	const entries: RollUpEntry[] = []
	for (const user of users) {
		const list = events.get(user.id) ?? []
		ctx.report.events += list.length
		if (ctx.facts && user.accountId) {
			let facts = ctx.facts.get(user.accountId)
			if (!facts) ctx.facts.set(user.accountId, (facts = new AccountFacts()))
			facts.add(list, now)
		}
		const previous = current.get(user.id)
		// History imported from before the user row existed still counts as time they were around.
		const first = list[0]?.at
		const joined = first && first < user.createdAt ? first : user.createdAt
		const score = scoreUser({ now, events: list, since: joined }, config, segmentOf(previous))
		const lowEvidence = score.skill.lowEvidence && score.will.lowEvidence
		const lastActiveAt = toHour(score.lastActiveAt)
		const breakdown: UserBreakdown = {
			v: 1,
			skill: score.skill,
			will: score.will,
			lastActiveAt: lastActiveAt?.toISOString() ?? null,
			lowEvidence,
		}
		drafts.push({
			draft: {
				subjectType: 'USER',
				userId: user.id,
				accountId: user.accountId,
				skill: score.skill.score,
				will: score.will.score,
				segment: score.segment,
				quadrant: null,
				breakdown: JSON.stringify(breakdown),
			},
			current: previous,
		})
		entries.push({
			userId: user.id,
			accountId: user.accountId,
			skill: score.skill.score,
			will: score.will.score,
			lastActiveAt,
			lowEvidence,
			skillComponents: score.skill.components,
			willComponents: score.will.components,
		})
	}
	const written = await writeSnapshots(drafts, now)
	ctx.report.users += users.length
	ctx.report.snapshotsCreated += written.created
	ctx.report.snapshotsUpdated += written.updated
	return entries
}

async function scoreAndStoreAccounts(accounts: readonly AccountRow[], entries: Map<string, AccountUsers>, ctx: Context) {
	if (accounts.length === 0) return
	const { now, config, playbooks } = ctx
	const ids = accounts.map((a) => a.id)
	const [usage, signals, current, recentWill] = await Promise.all([
		loadAccountUsage(ids, now, config.windowDays, config.skill.horizonDays),
		loadAccountSignals(accounts, now),
		currentSnapshots('ACCOUNT', ids),
		recentMaxWill(ids, now),
	])
	const drafts: Array<{ draft: SnapshotDraft; current?: StoredSnapshot }> = []
	const needTasks: Array<{ account: AccountRow; rollUp: ReturnType<typeof rollUpAccount>; usage?: AccountUsage; input: Parameters<typeof tasksFor>[0] }> = []
	for (const account of accounts) {
		const group = entries.get(account.id)
		const users = group?.users ?? []
		const accountUsage: AccountUsage | undefined = usage.get(account.id)
		const previous = current.get(account.id)
		const rollUp = rollUpAccount(
			users,
			{ now, seats: accountUsage?.facts.seats, productUsage: accountUsage?.days, previousSegment: segmentOf(previous) },
			config,
		)
		const quadrant = quadrantFor(signals.get(account.id)!, config)
		const breakdown: AccountBreakdown = {
			v: 1,
			users: rollUp.users,
			activeUsers: rollUp.activeUsers,
			lowEvidence: rollUp.lowEvidence,
			explanations: rollUp.explanations,
			drivers: {
				skill: group?.skill.averages() ?? [],
				will: group?.will.averages() ?? [],
			},
			happiness: {
				score: quadrant.happiness.score,
				known: quadrant.happiness.known,
				parts: quadrant.happiness.parts.map((p) => ({ label: p.label, value: Math.round(p.value), explanation: p.explanation })),
				explanation: quadrant.happiness.explanation,
			},
			value: {
				score: quadrant.value.score,
				relativeMargin: Math.round(quadrant.value.relativeMargin * 1000) / 1000,
				profitable: quadrant.value.profitable,
				explanation: quadrant.value.explanation,
			},
			quadrantExplanations: quadrant.explanations,
		}
		drafts.push({
			draft: {
				subjectType: 'ACCOUNT',
				userId: null,
				accountId: account.id,
				skill: rollUp.skill,
				will: rollUp.will,
				segment: rollUp.segment,
				quadrant: quadrant.quadrant,
				breakdown: JSON.stringify(breakdown),
			},
			current: previous,
		})

		// The highest will of the last 30 days, so a slow slide of a High Performer is still seen as a drop.
		const previousWill = previous ? Math.max(previous.will, recentWill.get(account.id) ?? previous.will) : null
		const taskInput = {
			accountId: account.id,
			accountName: account.name,
			previousSegment: segmentOf(previous),
			segment: rollUp.segment,
			skill: rollUp.skill,
			will: rollUp.will,
			previousWill,
			lowEvidence: rollUp.lowEvidence,
		}
		if (tasksFor(taskInput, playbooks).length > 0) needTasks.push({ account, rollUp, usage: accountUsage, input: taskInput })
	}
	// Evidence only for the accounts a playbook raises a task for, with their plan rows in one go.
	const planned: PlannedTask[] = []
	if (needTasks.length) {
		const context = new EvidenceContext(now)
		await context.loadAccounts(needTasks.map((n) => n.account.id))
		for (const { account, rollUp, usage: u, input } of needTasks) {
			const facts = ctx.facts?.get(account.id) ?? (ctx.facts ? new AccountFacts() : await loadAccountFacts(account.id, now))
			const evidence = await accountEvidence(account, rollUp, u?.facts, facts, context)
			for (const task of tasksFor({ ...input, evidence }, playbooks)) planned.push({ accountId: account.id, assigneeId: account.csmId, task })
		}
	}
	const written = await writeSnapshots(drafts, now)
	const tasks = await raiseTasks(planned, now)
	ctx.report.accounts += accounts.length
	ctx.report.snapshotsCreated += written.created
	ctx.report.snapshotsUpdated += written.updated
	ctx.report.tasksCreated += tasks.created
	ctx.report.tasksUpdated += tasks.updated
}

async function recentMaxWill(accountIds: string[], now: Date): Promise<Map<string, number>> {
	const rows = await prisma.scoreSnapshot.groupBy({
		by: ['accountId'],
		where: { subjectType: 'ACCOUNT', accountId: { in: accountIds }, computedAt: { gte: new Date(now.getTime() - 30 * DAY_MS), lte: now } },
		_max: { will: true },
	})
	return new Map(rows.filter((r) => r.accountId && r._max.will !== null).map((r) => [r.accountId!, r._max.will!]))
}

/**
 * Last activity to the hour: plenty for the roll-up (weights halve over 30 days), and a user active
 * all afternoon does not change their stored breakdown with every click.
 */
function toHour(date: Date | null): Date | null {
	return date ? new Date(Math.floor(date.getTime() / 3_600_000) * 3_600_000) : null
}

function segmentOf(snapshot: StoredSnapshot | undefined): Segment | null {
	const s = snapshot?.segment
	return s === 'HIGH_PERFORMER' || s === 'UNTRAINED' || s === 'UNMOTIVATED' || s === 'NEED_TO_EXIT' ? s : null
}

/** Every user of one account, then the account: the console's "recompute now". */
export async function rescoreAccount(accountId: string, opts: RecomputeOptions = {}): Promise<RecomputeReport> {
	const users = await prisma.user.findMany({ where: { accountId, role: 'CUSTOMER' }, select: { id: true } })
	return users.length ? rescoreUsers(users.map((u) => u.id), opts) : rescoreAccounts([accountId], opts)
}
