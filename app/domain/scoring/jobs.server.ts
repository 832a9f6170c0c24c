import os from 'node:os'
import { onEventRecorded } from '#app/domain/engagement/record.server.ts'
import { recomputeAll, rescoreUsers, type RecomputeOptions, type RecomputeReport } from '#app/domain/scoring/recompute.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'

/**
 * Background scoring inside the app process:
 * - incremental: a user who just did something is rescored (with their account) shortly after,
 *   collected in a small queue so a burst of events costs one rescore and the request never waits;
 * - full: every SCORING_INTERVAL_MINUTES, by whichever instance holds the JobLease row.
 */

export const FULL_RECOMPUTE_JOB = 'scores:recompute'
/** Rescore this long after the first event of a burst... */
const QUEUE_DELAY_MS = 1000
/** ...or, under sustained load, after a few times the last flush's duration, so scoring never takes over the process. */
const QUEUE_LOAD_FACTOR = 4
const QUEUE_MAX_DELAY_MS = 30_000
/** Users rescored per step; requests are served between steps. */
const QUEUE_SLICE = 50
/** A crashed runner's lease frees up after this long. */
const LEASE_MS = 30 * 60_000

type JobState = {
	started: boolean
	pending: Set<string>
	timer: NodeJS.Timeout | null
	flushing: Promise<void> | null
	lastFlushMs: number
	schedule: NodeJS.Timeout | null
	holder: string
}

// On globalThis so a dev-server reload does not start a second schedule.
const state: JobState = ((globalThis as { __scoringJobs?: JobState }).__scoringJobs ??= {
	started: false,
	pending: new Set(),
	timer: null,
	flushing: null,
	lastFlushMs: 0,
	schedule: null,
	holder: `${os.hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`,
})

/** Starts the queue and the schedule once per process; called from the server entry. */
export function startScoringJobs() {
	if (state.started) return
	state.started = true
	onEventRecorded(queueRescore)
	const minutes = getEnv().SCORING_INTERVAL_MINUTES
	if (minutes > 0) {
		const tick = () => {
			void runScheduledRecompute({ intervalMinutes: minutes }).catch((error: unknown) => {
				console.error('Scheduled score recompute failed:', error instanceof Error ? error.message : error)
			})
		}
		// Check often (the lease says whether a run is due), and once soon after start.
		state.schedule = setInterval(tick, Math.min(60_000, minutes * 60_000))
		state.schedule.unref()
		setTimeout(tick, 5_000).unref()
	}
}

export function queueRescore(userId: string) {
	state.pending.add(userId)
	if (state.timer) return
	const delay = Math.min(QUEUE_MAX_DELAY_MS, Math.max(QUEUE_DELAY_MS, state.lastFlushMs * QUEUE_LOAD_FACTOR))
	state.timer = setTimeout(() => void flushRescores(), delay)
	state.timer.unref()
}

/** Rescoring of everyone queued so far; resolves when it is stored. Safe to call any time. */
export async function flushRescores(): Promise<void> {
	if (state.timer) clearTimeout(state.timer)
	state.timer = null
	if (state.flushing) await state.flushing
	const ids = [...state.pending]
	state.pending.clear()
	if (ids.length === 0) return
	state.flushing = (async () => {
		const started = performance.now()
		try {
			for (let i = 0; i < ids.length; i += QUEUE_SLICE) {
				if (i > 0) await new Promise((resolve) => setImmediate(resolve))
				await rescoreUsers(ids.slice(i, i + QUEUE_SLICE))
			}
		} catch (error) {
			console.error('Rescoring after new events failed:', error instanceof Error ? error.message : error)
		} finally {
			state.lastFlushMs = performance.now() - started
			state.flushing = null
		}
	})()
	await state.flushing
}

export type ScheduledRun = { ran: true; report: RecomputeReport } | { ran: false; reason: 'not-due' | 'held'; until: Date }

/**
 * Runs a full recompute if it is due and no other runner holds the lease. The lease row doubles as
 * the schedule: when a run ends its expiry is set to the next due time, so every instance knows
 * when the next one may start. `force` ignores the due time (a manual run) but never a live lease.
 */
export async function runScheduledRecompute(opts: {
	intervalMinutes: number
	force?: boolean
	holder?: string
	recompute?: RecomputeOptions
}): Promise<ScheduledRun> {
	const holder = opts.holder ?? state.holder
	const startedAt = new Date()
	const lease = await acquireLease(holder, startedAt, opts.force ?? false)
	if (!lease.acquired) return { ran: false, reason: lease.reason, until: lease.until }
	let nextDue = new Date(Date.now() + 5 * 60_000) // after a failure, try again in five minutes
	try {
		const report = await recomputeAll(opts.recompute)
		nextDue = new Date(startedAt.getTime() + Math.max(1, opts.intervalMinutes) * 60_000)
		return { ran: true, report }
	} finally {
		await prisma.jobLease.updateMany({ where: { name: FULL_RECOMPUTE_JOB, holder }, data: { expiresAt: nextDue, holder: `${holder}:done` } })
	}
}

async function acquireLease(
	holder: string,
	now: Date,
	force: boolean,
): Promise<{ acquired: true } | { acquired: false; reason: 'not-due' | 'held'; until: Date }> {
	const expiresAt = new Date(now.getTime() + LEASE_MS)
	const existing = await prisma.jobLease.findUnique({ where: { name: FULL_RECOMPUTE_JOB } })
	if (!existing) {
		try {
			await prisma.jobLease.create({ data: { name: FULL_RECOMPUTE_JOB, holder, expiresAt } })
			return { acquired: true }
		} catch {
			const row = await prisma.jobLease.findUnique({ where: { name: FULL_RECOMPUTE_JOB } })
			return { acquired: false, reason: 'held', until: row?.expiresAt ?? expiresAt }
		}
	}
	// A finished run leaves a holder ending in ":done": its expiry is only the next due time.
	const running = !existing.holder.endsWith(':done')
	if (existing.expiresAt > now && (running || !force)) {
		return { acquired: false, reason: running ? 'held' : 'not-due', until: existing.expiresAt }
	}
	// Conditional on what we read, so of two instances racing only one wins.
	const taken = await prisma.jobLease.updateMany({
		where: { name: FULL_RECOMPUTE_JOB, holder: existing.holder, expiresAt: existing.expiresAt },
		data: { holder, expiresAt },
	})
	return taken.count === 1 ? { acquired: true } : { acquired: false, reason: 'held', until: expiresAt }
}
