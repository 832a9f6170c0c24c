import {
	loadAccountSignals,
	loadAccountUsage,
	loadContentFacts,
	loadUserEvents,
	loadUserUsage,
	type AccountUsage,
} from '#app/domain/scoring/activity.server.ts'
import { type ContentFacts } from '#app/domain/scoring/content-facts.ts'
import { chunked, MAX_IDS_PER_QUERY } from '#app/utils/chunked.ts'
import { type ScoreComponent } from '#app/domain/scoring/breakdown.ts'
import { type AccountScoreChange, type AccountScoreState } from '#app/domain/scoring/changes.ts'
import { eventHorizonDays, type ScoringConfig } from '#app/domain/scoring/config.ts'
import { type ActivityEvent } from '#app/domain/scoring/inputs.ts'
import { DAY_MS } from '#app/utils/time.ts'
import { quadrantFor } from '#app/domain/scoring/quadrant.ts'
import { scoreUser } from '#app/domain/scoring/score-user.ts'
import { type SkillScore } from '#app/domain/scoring/skill.ts'
import { type WillScore } from '#app/domain/scoring/will.ts'
import { reclassify, rollUpAccount, toSegmentStatus, type AccountRollUp, type UserScoreForRollUp } from '#app/domain/scoring/segments.ts'
import { getScoringConfig } from '#app/domain/scoring/settings.server.ts'
import { portfolioWillLine, willLineSentence, withWillLine, type WillLine } from '#app/domain/scoring/will-line.ts'
import { currentWillLine, saveWillLine } from '#app/domain/scoring/will-line.server.ts'
import {
	ComponentSums,
	currentSnapshots,
	isQuadrant,
	parseAccountBreakdown,
	parseUserBreakdown,
	writeSnapshots,
	type AccountBreakdown,
	type SnapshotDraft,
	type StoredSnapshot,
	type UserBreakdown,
} from '#app/domain/scoring/snapshots.server.ts'
import { prisma } from '#app/utils/db.server.ts'

/**
 * Loads events and signals, runs the pure scoring functions, stores snapshots and returns what
 * changed for each account scored (playbooks read that list: scoring never raises tasks itself).
 * Ways in: `recomputeAll` (every customer and account, in batches), `rescore` (a batch of queued
 * users and accounts), `rescoreUsers` (users who did something, and their accounts) and
 * `rescoreAccounts` (accounts only, their users' stored scores reused). All are deterministic for
 * the same data and `now`, and run one at a time within a process. They are normally called by the
 * queue's runner (domain/loop/runner.server.ts), which hands the changes on to the playbooks.
 */

export type RecomputeOptions = {
	now?: Date
	config?: ScoringConfig
	/** Users per batch: bounds memory and transaction size. */
	batchSize?: number
	onProgress?: (progress: { phase: 'users' | 'accounts'; done: number; total: number }) => void
	/**
	 * Told each scored user's events (oldest first) as they are loaded, so a later step can fold
	 * what it needs without reading them again. A full recompute passes every user of every account.
	 */
	onUserEvents?: (accountId: string, events: readonly ActivityEvent[]) => void
}

export type RecomputeReport = {
	users: number
	accounts: number
	events: number
	snapshotsCreated: number
	snapshotsUpdated: number
	ms: number
	/** One entry per account scored, changed or not (see AccountScoreChange). */
	changes: AccountScoreChange[]
	/** The will line this run classified with (a full recompute draws it anew from the portfolio). */
	willLine?: WillLine
}

type UserRow = { id: string; accountId: string | null; createdAt: Date }
type RollUpEntry = UserScoreForRollUp & {
	userId: string
	accountId: string | null
	lowEvidence: boolean
	skillComponents: ScoreComponent[]
	willComponents: ScoreComponent[]
}
/** What an account's roll-up needs of its users: small, so a full recompute keeps 100,000 of them. */
type AccountUsers = { users: UserScoreForRollUp[]; skill: ComponentSums; will: ComponentSums }
type AccountRow = { id: string; name: string; tier: number; csmId: string | null; arr: number; costToServe: number; nps: number | null; csat: number | null; timeZone: string }
type Context = {
	now: Date
	/** The config as given, and as used: with the portfolio's will line as its will threshold. */
	baseConfig: ScoringConfig
	config: ScoringConfig
	willLine: WillLine
	report: RecomputeReport
	onUserEvents?: RecomputeOptions['onUserEvents']
	/** Levels and quiz difficulties, loaded once per run. */
	contentFacts?: Promise<ContentFacts>
	/** Time zone and product usage of the accounts met so far in this run. */
	accounts: Map<string, { timeZone: string; usage?: AccountUsage }>
}

const accountFields = { id: true, name: true, tier: true, csmId: true, arr: true, costToServe: true, nps: true, csat: true, timeZone: true } as const

// One scoring job at a time in this process: the queue, the schedule and manual runs take turns.
let turn: Promise<unknown> = Promise.resolve()
function exclusive<T>(job: () => Promise<T>): Promise<T> {
	const run = turn.then(job, job)
	turn = run.catch(() => undefined)
	return run
}

async function newContext(opts: RecomputeOptions): Promise<Context> {
	const baseConfig = opts.config ?? getScoringConfig()
	const willLine = await currentWillLine(baseConfig)
	return {
		now: opts.now ?? new Date(),
		baseConfig,
		config: withWillLine(baseConfig, willLine),
		willLine,
		onUserEvents: opts.onUserEvents,
		accounts: new Map(),
		report: { users: 0, accounts: 0, events: 0, snapshotsCreated: 0, snapshotsUpdated: 0, ms: 0, changes: [], willLine },
	}
}

/**
 * Every customer user, then every account, then the portfolio's will line drawn anew from the
 * accounts' will scores: accounts are stored under the new line, and users already stored this run
 * whose will lies between the old line and the new one are placed again. Memory stays bounded by the
 * batch size (plus one small entry per user and one roll-up per account).
 */
export function recomputeAll(opts: RecomputeOptions = {}): Promise<RecomputeReport> {
	return exclusive(async () => {
		const started = performance.now()
		const ctx = await newContext(opts)
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
		const scored: ScoredAccount[] = []
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
			scored.push(...(await scoreAccounts(accounts, entries, ctx)))
		}
		await redrawWillLine(scored, ctx)
		for (let i = 0; i < scored.length; i += MAX_IDS_PER_QUERY) {
			await storeAccounts(scored.slice(i, i + MAX_IDS_PER_QUERY), ctx)
			opts.onProgress?.({ phase: 'accounts', done: ctx.report.accounts, total: accountTotal })
		}
		ctx.report.ms = Math.round(performance.now() - started)
		return ctx.report
	})
}

/** These users (customers only) and the accounts they belong to. */
export function rescoreUsers(userIds: readonly string[], opts: RecomputeOptions = {}): Promise<RecomputeReport> {
	return rescore({ userIds }, opts)
}

/**
 * What the queue's runner calls for a batch of work: these users, and every customer of these
 * accounts (an account's work may come from a per-user signal, or a CSM asking for fresh scores),
 * then all the accounts concerned, each account once.
 */
export function rescore(subjects: { userIds?: readonly string[]; accountIds?: readonly string[] }, opts: RecomputeOptions = {}): Promise<RecomputeReport> {
	return exclusive(async () => {
		const started = performance.now()
		const ctx = await newContext(opts)
		const users: UserRow[] = []
		const select = { id: true, accountId: true, createdAt: true } as const
		for (const ids of chunked([...new Set(subjects.userIds ?? [])])) {
			users.push(...(await prisma.user.findMany({ where: { id: { in: ids }, role: 'CUSTOMER', accountId: { not: null } }, select })))
		}
		const accountIds = [...new Set(subjects.accountIds ?? [])]
		const named = new Set(users.map((u) => u.id))
		for (const ids of chunked(accountIds)) {
			const members = await prisma.user.findMany({ where: { accountId: { in: ids }, role: 'CUSTOMER' }, select })
			users.push(...members.filter((u) => !named.has(u.id)))
		}
		const fresh = await scoreAndStoreUsers(users, ctx)
		await rescoreAccountsWith([...new Set([...users.map((u) => u.accountId!), ...accountIds])], fresh, ctx)
		ctx.report.ms = Math.round(performance.now() - started)
		return ctx.report
	})
}

/** These accounts, after their signals changed; their users' stored scores are reused. */
export function rescoreAccounts(accountIds: readonly string[], opts: RecomputeOptions = {}): Promise<RecomputeReport> {
	return exclusive(async () => {
		const started = performance.now()
		const ctx = await newContext(opts)
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
		const accounts = await prisma.account.findMany({ where: { id: { in: ids } }, select: accountFields })
		await storeAccounts(await scoreAccounts(accounts, entries, ctx), ctx)
	}
}

/**
 * Draws the will line from this run's judged accounts and, when it moved, places the accounts and the
 * users it moved past again. Saved either way, so the console can say when and from how many accounts.
 */
async function redrawWillLine(scored: ScoredAccount[], ctx: Context) {
	const judged = scored.filter((a) => a.rollUp.segment !== 'NOT_ENOUGH_EVIDENCE').map((a) => a.rollUp.will)
	const line = portfolioWillLine(judged, ctx.baseConfig)
	const before = ctx.willLine
	ctx.willLine = ctx.report.willLine = line
	await saveWillLine(line, ctx.now)
	if (line.line === before.line) return
	ctx.config = withWillLine(ctx.baseConfig, line)
	for (const account of scored) {
		Object.assign(account.rollUp, reclassify(account.rollUp, ctx.config, toSegmentStatus(account.previous?.segment)))
	}
	await reclassifyUsers(before.line, line.line, ctx)
}

/**
 * Users whose will lies between the old line and the new one (widened by the hysteresis band) may
 * change segment. A snapshot written by this run is corrected in place; an older one gets a
 * successor, so history keeps what was said at the time.
 */
async function reclassifyUsers(oldLine: number, newLine: number, ctx: Context) {
	const band = ctx.config.segments.hysteresis
	const candidates = await prisma.scoreSnapshot.findMany({
		where: {
			subjectType: 'USER',
			isCurrent: true,
			segment: { not: 'NOT_ENOUGH_EVIDENCE' },
			will: { gte: Math.floor(Math.min(oldLine, newLine) - band), lt: Math.ceil(Math.max(oldLine, newLine) + band) },
		},
		select: { id: true, subjectType: true, userId: true, accountId: true, skill: true, will: true, segment: true, quadrant: true, breakdown: true, computedAt: true },
	})
	const successors: Array<{ draft: SnapshotDraft; current: StoredSnapshot }> = []
	for (const snapshot of candidates) {
		const current = toSegmentStatus(snapshot.segment)
		const placed = reclassify({ segment: current, skill: snapshot.skill, will: snapshot.will }, ctx.config, current)
		const breakdown = parseUserBreakdown(snapshot.breakdown)
		if (placed.segment === current || !breakdown) continue
		const updated = JSON.stringify({ ...breakdown, leaning: placed.leaning } satisfies UserBreakdown)
		if (snapshot.computedAt.getTime() === ctx.now.getTime()) {
			await prisma.scoreSnapshot.update({ where: { id: snapshot.id }, data: { segment: placed.segment, breakdown: updated } })
		} else {
			const draft: SnapshotDraft = { subjectType: 'USER', userId: snapshot.userId, accountId: snapshot.accountId, skill: snapshot.skill, will: snapshot.will, segment: placed.segment, quadrant: null, breakdown: updated }
			successors.push({ draft, current: snapshot })
		}
	}
	const written = await writeSnapshots(successors, ctx.now)
	ctx.report.snapshotsCreated += written.created
}

function pushEntry(map: Map<string, AccountUsers>, accountId: string | null | undefined, entry: RollUpEntry) {
	if (!accountId) return
	let group = map.get(accountId)
	if (!group) map.set(accountId, (group = { users: [], skill: new ComponentSums(), will: new ComponentSums() }))
	group.users.push({
		skill: entry.skill,
		will: entry.will,
		lastActiveAt: entry.lastActiveAt,
		skillEvidence: entry.skillEvidence,
		willSignals: entry.willSignals,
		willLowEvidence: entry.willLowEvidence,
	})
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
		// Stored with the skill breakdown; absent from snapshots written before skill pooled evidence.
		skillEvidence: (breakdown.skill as Partial<SkillScore>).evidence,
		willSignals: (breakdown.will as Partial<WillScore>).signals,
		willLowEvidence: breakdown.will.lowEvidence,
		skillComponents: breakdown.skill.components,
		willComponents: breakdown.will.components,
	}
}

async function scoreAndStoreUsers(users: readonly UserRow[], ctx: Context): Promise<RollUpEntry[]> {
	if (users.length === 0) return []
	const { now, config } = ctx
	const ids = users.map((u) => u.id)
	const since = new Date(now.getTime() - eventHorizonDays(config) * DAY_MS)
	ctx.contentFacts ??= loadContentFacts()
	const [facts, current, userUsage] = await Promise.all([ctx.contentFacts, currentSnapshots('USER', ids), loadUserUsage(ids, now, config.skill.horizonDays), loadAccountsOf(users, ctx)])
	const events = await loadUserEvents(ids, since, facts)
	const drafts: Array<{ draft: SnapshotDraft; current?: StoredSnapshot }> = []
	const entries: RollUpEntry[] = []
	for (const user of users) {
		const list = events.get(user.id) ?? []
		ctx.report.events += list.length
		if (user.accountId) ctx.onUserEvents?.(user.accountId, list)
		const previous = current.get(user.id)
		const account = user.accountId ? ctx.accounts.get(user.accountId) : undefined
		// History imported from before the user row existed still counts as time they were around.
		const first = list[0]?.at
		const joined = first && first < user.createdAt ? first : user.createdAt
		const score = scoreUser(
			{
				now,
				events: list,
				since: joined,
				timeZone: account?.timeZone,
				productUsage: userUsage.get(user.id),
				accountUsage: account?.usage?.days,
			},
			config,
			toSegmentStatus(previous?.segment),
		)
		const lowEvidence = score.skill.lowEvidence && score.will.lowEvidence
		const lastActiveAt = toHour(score.lastActiveAt)
		const breakdown: UserBreakdown = {
			v: 1,
			skill: score.skill,
			will: score.will,
			leaning: score.leaning,
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
			skillEvidence: score.skill.evidence,
			willSignals: score.will.signals,
			willLowEvidence: score.will.lowEvidence,
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

/** An account's roll-up and quadrant, computed and not yet stored. */
type ScoredAccount = {
	account: AccountRow
	rollUp: AccountRollUp
	quadrant: ReturnType<typeof quadrantFor>
	group?: AccountUsers
	usage?: AccountUsage
	previous?: StoredSnapshot
}

async function scoreAccounts(accounts: readonly AccountRow[], entries: Map<string, AccountUsers>, ctx: Context): Promise<ScoredAccount[]> {
	if (accounts.length === 0) return []
	const { now, config } = ctx
	const ids = accounts.map((a) => a.id)
	// Usage was loaded for the accounts whose users this run scored; only the others are read here.
	const [, signals, current] = await Promise.all([
		loadAccountsOf(ids.map((accountId) => ({ accountId })), ctx),
		loadAccountSignals(accounts, now),
		currentSnapshots('ACCOUNT', ids),
	])
	return accounts.map((account) => {
		const group = entries.get(account.id)
		const usage = ctx.accounts.get(account.id)?.usage
		const previous = current.get(account.id)
		const rollUp = rollUpAccount(
			group?.users ?? [],
			{ now, seats: usage?.facts.seats, productUsage: usage?.days, timeZone: account.timeZone, previousSegment: toSegmentStatus(previous?.segment) },
			config,
		)
		return { account, rollUp, quadrant: quadrantFor(signals.get(account.id)!, config), group, usage, previous }
	})
}

async function storeAccounts(scored: readonly ScoredAccount[], ctx: Context) {
	const { now } = ctx
	const drafts: Array<{ draft: SnapshotDraft; current?: StoredSnapshot }> = []
	const changes: AccountScoreChange[] = []
	for (const { account, rollUp, quadrant, group, usage: accountUsage, previous } of scored) {
		const explanations = rollUp.segment === 'NOT_ENOUGH_EVIDENCE' ? rollUp.explanations : [...rollUp.explanations, willLineSentence(rollUp.will, ctx.willLine)]
		const breakdown: AccountBreakdown = {
			v: 1,
			users: rollUp.users,
			activeUsers: rollUp.activeUsers,
			lowEvidence: rollUp.lowEvidence,
			leaning: rollUp.leaning,
			skillEvidence: rollUp.skillEvidence,
			explanations,
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
		const draft: SnapshotDraft = {
			subjectType: 'ACCOUNT',
			userId: null,
			accountId: account.id,
			skill: rollUp.skill,
			will: rollUp.will,
			segment: rollUp.segment,
			quadrant: quadrant.quadrant,
			breakdown: JSON.stringify(breakdown),
		}
		drafts.push({ draft, current: previous })
		const before = previous ? stateOf(previous) : null
		const after: AccountScoreState = {
			segment: toSegmentStatus(draft.segment),
			skill: draft.skill,
			will: draft.will,
			quadrant: draft.quadrant,
			lowEvidence: rollUp.lowEvidence,
		}
		changes.push({
			account: { id: account.id, name: account.name, tier: account.tier, csmId: account.csmId },
			previous: before,
			current: after,
			changed:
				!before ||
				before.segment !== after.segment ||
				before.skill !== after.skill ||
				before.will !== after.will ||
				before.quadrant !== after.quadrant ||
				before.lowEvidence !== after.lowEvidence,
			users: rollUp.users,
			activeUsers: rollUp.activeUsers,
			explanations,
			usage: accountUsage?.facts,
			computedAt: now,
		})
	}
	const written = await writeSnapshots(drafts, now)
	ctx.report.accounts += scored.length
	ctx.report.snapshotsCreated += written.created
	ctx.report.snapshotsUpdated += written.updated
	ctx.report.changes.push(...changes)
}

/** Time zone and product usage of these users' accounts, once per account per run. */
async function loadAccountsOf(users: ReadonlyArray<{ accountId: string | null }>, ctx: Context) {
	const missing = [...new Set(users.map((u) => u.accountId).filter((id): id is string => Boolean(id) && !ctx.accounts.has(id!)))]
	for (const ids of chunked(missing)) {
		const [rows, usage] = await Promise.all([
			prisma.account.findMany({ where: { id: { in: ids } }, select: { id: true, timeZone: true } }),
			loadAccountUsage(ids, ctx.now, ctx.config.will.windowDays, ctx.config.skill.horizonDays),
		])
		for (const row of rows) ctx.accounts.set(row.id, { timeZone: row.timeZone, usage: usage.get(row.id) })
	}
}

function stateOf(snapshot: StoredSnapshot): AccountScoreState {
	return {
		segment: toSegmentStatus(snapshot.segment),
		skill: snapshot.skill,
		will: snapshot.will,
		quadrant: isQuadrant(snapshot.quadrant) ? snapshot.quadrant : null,
		lowEvidence: parseAccountBreakdown(snapshot.breakdown)?.lowEvidence ?? true,
	}
}

/**
 * Last activity to the hour: plenty for the roll-up (weights halve over 30 days), and a user active
 * all afternoon does not change their stored breakdown with every click.
 */
function toHour(date: Date | null): Date | null {
	return date ? new Date(Math.floor(date.getTime() / 3_600_000) * 3_600_000) : null
}

