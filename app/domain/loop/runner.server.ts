import os from 'node:os'
import { applyScoreChanges, collectAccountFacts, type ApplyReport } from '#app/domain/playbooks/apply.server.ts'
import { type PlaybookConfig } from '#app/domain/playbooks/config.ts'
import {
	ALL_KEY,
	claimScoringWork,
	completeScoringWork,
	enqueueScoring,
	failScoringWork,
	onScoringEnqueued,
	parseWorkKey,
	renewScoringLease,
	type ClaimedWork,
} from '#app/domain/scoring/queue.server.ts'
import { recomputeAll, rescore, type RecomputeOptions, type RecomputeReport } from '#app/domain/scoring/recompute.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'

/**
 * The forward loop: event -> score -> play. Every trigger (an event, an import, the console, the
 * schedule, the command) enqueues work in ScoringWork (scoring/queue.server.ts); a runner claims
 * due rows under a lease, has scoring compute and store the scores, and hands the account changes
 * to the playbooks, which raise the CSM tasks. Scoring knows nothing of playbooks; this module is
 * the only place that calls both.
 *
 * One runner polls in each app process (`startScoringRunner`, from the server entry). Several
 * processes may run: a row is claimed by one runner at a time, a crashed runner's lease expires
 * and another takes the work, and a row enqueued again while it runs stays for another pass.
 */

export type LoopReport = Omit<RecomputeReport, 'changes' | 'willLine'> & ApplyReport

/**
 * A full recompute and the plays it calls for, in this process, outside the queue: for a scratch
 * database (the simulator, the seed, the bench). Anything sharing a database with running app
 * instances enqueues `all` instead (see `scripts/scores-recompute.ts`).
 */
export async function recomputeAllAndApply(opts: RecomputeOptions & { playbooks?: PlaybookConfig } = {}): Promise<LoopReport & Pick<RecomputeReport, 'willLine'>> {
	const { playbooks, ...recompute } = opts
	const now = recompute.now ?? new Date()
	const collected = collectAccountFacts(now)
	const onUserEvents = recompute.onUserEvents
	const { changes, ...report } = await recomputeAll({
		...recompute,
		now,
		onUserEvents: (accountId, events) => {
			collected.onUserEvents(accountId, events)
			onUserEvents?.(accountId, events)
		},
	})
	const tasks = await applyScoreChanges(changes, now, { playbooks, facts: collected.facts })
	return { ...report, ...tasks }
}

/** The schedule's row in JobLease: `expiresAt` is when the next full recompute is due. */
export const FULL_RECOMPUTE_JOB = 'scores:recompute'

export type RunnerOptions = {
	/** Who holds the leases: unique per process. */
	holder?: string
	/** A runner that stops renewing its lease (it crashed) loses its rows this long after. */
	leaseMs?: number
	/** Rows claimed per pass. */
	batchSize?: number
	/** Fixed options for scoring (tests pin `now`); by default each pass scores at the clock. */
	recompute?: Omit<RecomputeOptions, 'onUserEvents'>
	playbooks?: PlaybookConfig
	/** Minutes between scheduled full recomputes (0: no schedule); SCORING_INTERVAL_MINUTES by default. */
	intervalMinutes?: number
}

export type DrainReport = LoopReport & {
	/** Rows claimed, done (deleted or kept for another pass after a re-enqueue) and failed. */
	claimed: number
	done: number
	failed: number
	/** Full recomputes run. */
	full: number
}

const LEASE_MS = 2 * 60_000
const BATCH = 200
/** How long `scoreNow` waits for another runner that holds the same work. */
const WAIT_FOR_HOLDER_MS = 15_000

function emptyReport(): DrainReport {
	return {
		users: 0,
		accounts: 0,
		events: 0,
		snapshotsCreated: 0,
		snapshotsUpdated: 0,
		ms: 0,
		tasksCreated: 0,
		tasksUpdated: 0,
		claimed: 0,
		done: 0,
		failed: 0,
		full: 0,
	}
}

export class ScoringRunner {
	readonly holder: string
	private readonly leaseMs: number
	private readonly batchSize: number
	private claims = 0

	constructor(private readonly opts: RunnerOptions = {}) {
		this.holder = opts.holder ?? `${os.hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`
		this.leaseMs = opts.leaseMs ?? LEASE_MS
		this.batchSize = opts.batchSize ?? BATCH
	}

	/**
	 * Claims and runs due work until none is left that this runner can take (rows another runner
	 * holds are left to it). `keys` limits it to those rows; `dueBy` also takes rows not due yet.
	 */
	async drain(opts: { keys?: readonly string[]; dueBy?: Date } = {}): Promise<DrainReport> {
		const total = emptyReport()
		const started = performance.now()
		for (;;) {
			const pass = await this.runPass(opts)
			if (!pass) break
			add(total, pass)
			// A pass that failed leaves its rows to back off; don't spin on them.
			if (pass.failed) break
		}
		total.ms = Math.round(performance.now() - started)
		return total
	}

	private async runPass(opts: { keys?: readonly string[]; dueBy?: Date }): Promise<DrainReport | null> {
		const token = `${this.holder}#${++this.claims}`
		const claimed = await claimScoringWork({ token, leaseMs: this.leaseMs, limit: this.batchSize, keys: opts.keys, dueBy: opts.dueBy })
		if (claimed.length === 0) return null
		const heartbeat = setInterval(() => void renewScoringLease(token, this.leaseMs).catch(() => {}), Math.max(50, this.leaseMs / 3))
		heartbeat.unref()
		try {
			const report = await this.process(claimed)
			await completeScoringWork(token, claimed)
			return { ...report, claimed: claimed.length, done: claimed.length }
		} catch (error) {
			console.error(`Scoring ${claimed.length} queued item(s) failed:`, error instanceof Error ? error.message : error)
			await failScoringWork(token, claimed, error)
			return { ...emptyReport(), claimed: claimed.length, failed: claimed.length }
		} finally {
			clearInterval(heartbeat)
		}
	}

	private async process(claimed: readonly ClaimedWork[]): Promise<DrainReport> {
		const now = this.opts.recompute?.now ?? new Date()
		const recompute = { ...this.opts.recompute, now }
		const keys = claimed.map((c) => parseWorkKey(c.key))
		const report = emptyReport()
		if (keys.some((k) => k?.kind === 'all')) {
			// Claimed before anything was read, so it covers every other row claimed with it.
			const full = await recomputeAllAndApply({ ...recompute, playbooks: this.opts.playbooks })
			await this.pushScheduleAfterFullRun(now)
			return Object.assign(report, full, { full: 1 })
		}
		const userIds = keys.flatMap((k) => (k?.kind === 'user' ? [k.id] : []))
		const accountIds = keys.flatMap((k) => (k?.kind === 'account' ? [k.id] : []))
		const { changes, ...scored } = await rescore({ userIds, accountIds }, recompute)
		const tasks = await applyScoreChanges(changes, now, { playbooks: this.opts.playbooks })
		return Object.assign(report, scored, tasks)
	}

	/** A full run, whatever started it, moves the next scheduled one an interval on. */
	private async pushScheduleAfterFullRun(startedAt: Date) {
		const minutes = this.opts.intervalMinutes ?? getEnv().SCORING_INTERVAL_MINUTES
		if (minutes <= 0) return
		const next = new Date(startedAt.getTime() + minutes * 60_000)
		await prisma.jobLease.updateMany({ where: { name: FULL_RECOMPUTE_JOB, expiresAt: { lt: next } }, data: { expiresAt: next, holder: this.holder } })
	}

	/**
	 * Enqueues these keys to run at once and runs them here before returning (the console's
	 * "recompute now", so the CSM sees the result). If another runner holds one of them, waits for
	 * it to let go (it sees the new version and keeps the row) and then runs it.
	 */
	async scoreNow(keys: readonly string[], reason: string): Promise<DrainReport> {
		for (const key of keys) await enqueueScoring(prisma, { key, reason })
		const total = emptyReport()
		const deadline = Date.now() + WAIT_FOR_HOLDER_MS
		// Asked for explicitly: runs even if an earlier failure left the rows backing off.
		const dueBy = new Date(Date.now() + 365 * 86_400_000)
		for (;;) {
			add(total, await this.drain({ keys, dueBy }))
			const left = await prisma.scoringWork.count({ where: { key: { in: [...keys] }, lastError: null } })
			if (left === 0 || Date.now() > deadline) return total
			await new Promise((resolve) => setTimeout(resolve, 200))
		}
	}
}

function add(total: DrainReport, pass: DrainReport) {
	for (const key of Object.keys(total) as Array<keyof DrainReport>) if (key !== 'ms') total[key] += pass[key]
}

/**
 * Enqueues the full recompute if it is due. The JobLease row holds the due time; of two instances
 * ticking at once only one moves it on, so only one enqueues (and `all` is one row anyway).
 */
export async function enqueueScheduledRecompute(intervalMinutes: number, holder: string, now = new Date()): Promise<boolean> {
	const next = new Date(now.getTime() + Math.max(1, intervalMinutes) * 60_000)
	try {
		return await prisma.$transaction(async (tx) => {
			const row = await tx.jobLease.findUnique({ where: { name: FULL_RECOMPUTE_JOB } })
			if (row && row.expiresAt > now) return false
			if (!row) await tx.jobLease.create({ data: { name: FULL_RECOMPUTE_JOB, holder, expiresAt: next } })
			else {
				const taken = await tx.jobLease.updateMany({ where: { name: FULL_RECOMPUTE_JOB, expiresAt: row.expiresAt }, data: { holder, expiresAt: next } })
				if (taken.count === 0) return false
			}
			await enqueueScoring(tx, { key: ALL_KEY, reason: 'schedule', now })
			return true
		})
	} catch (error) {
		// Another instance created the row a moment ago: it enqueued.
		if (error instanceof Error && 'code' in error && error.code === 'P2002') return false
		throw error
	}
}

type ProcessState = {
	runner: ScoringRunner | null
	started: boolean
	timer: NodeJS.Timeout | null
	nextAt: number
	running: boolean
	again: boolean
	schedule: NodeJS.Timeout | null
	firstTick: NodeJS.Timeout | null
	stopped: boolean
}

// On globalThis so a dev-server reload does not start a second runner.
const state: ProcessState = ((globalThis as { __scoringRunner?: ProcessState }).__scoringRunner ??= {
	runner: null,
	started: false,
	timer: null,
	nextAt: Number.POSITIVE_INFINITY,
	running: false,
	again: false,
	schedule: null,
	firstTick: null,
	stopped: false,
})

/** This process's runner (the one the poll uses, and the console's "recompute now"). */
export function getScoringRunner(): ScoringRunner {
	return (state.runner ??= new ScoringRunner())
}

const POLL_MS = 1000

/** Starts this process's runner and the schedule, once; called from the server entry. */
export function startScoringRunner(opts: { pollMs?: number } = {}) {
	if (state.started) return
	state.started = true
	state.stopped = false
	const runner = getScoringRunner()
	const pollMs = opts.pollMs ?? POLL_MS
	const wakeAt = (at: number) => {
		if (state.stopped || at >= state.nextAt) return
		if (state.timer) clearTimeout(state.timer)
		state.nextAt = at
		state.timer = setTimeout(() => void poll(), Math.max(0, at - Date.now()))
		state.timer.unref()
	}
	const poll = async () => {
		state.timer = null
		state.nextAt = Number.POSITIVE_INFINITY
		if (state.running) {
			state.again = true
			return
		}
		state.running = true
		try {
			await runner.drain()
		} catch (error) {
			console.error('Scoring runner:', error instanceof Error ? error.message : error)
		} finally {
			state.running = false
		}
		if (state.again) {
			state.again = false
			wakeAt(Date.now())
		} else wakeAt(Date.now() + pollMs)
	}
	// An enqueue in this process wakes the runner when the work falls due (a little after, so the
	// enqueuing transaction has committed); work from other processes is found by the poll.
	onScoringEnqueued((runAfter) => wakeAt(runAfter.getTime() + 20))
	wakeAt(Date.now() + pollMs)

	const minutes = getEnv().SCORING_INTERVAL_MINUTES
	if (minutes > 0) {
		const tick = () => {
			void enqueueScheduledRecompute(minutes, runner.holder).catch((error: unknown) => {
				console.error('Scheduling the full score recompute failed:', error instanceof Error ? error.message : error)
			})
		}
		// Check often (the JobLease row says whether a run is due), and once soon after start.
		state.schedule = setInterval(tick, Math.min(60_000, minutes * 60_000))
		state.schedule.unref()
		state.firstTick = setTimeout(tick, 5_000)
		state.firstTick.unref()
	}
}

/** Stops polling (tests; a process about to exit). Work in flight finishes; nothing queued is lost. */
export function stopScoringRunner() {
	state.stopped = true
	state.started = false
	if (state.timer) clearTimeout(state.timer)
	if (state.schedule) clearInterval(state.schedule)
	if (state.firstTick) clearTimeout(state.firstTick)
	state.timer = null
	state.schedule = null
	state.firstTick = null
	state.nextAt = Number.POSITIVE_INFINITY
	onScoringEnqueued(null)
}
