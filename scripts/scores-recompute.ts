import { ScoringRunner } from '#app/domain/loop/runner.server.ts'
import { ALL_KEY, enqueueScoring } from '#app/domain/scoring/queue.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { emailsSettled } from '#app/utils/mailer.server.ts'

// npm run scores:recompute: a full recompute of every user and account now, through the same queue
// as every other trigger: it enqueues `all` and drains the queue itself. If an app instance is
// running the full recompute at this moment, the request stays queued and runs right after it.
const started = performance.now()
let lastPrint = 0
await enqueueScoring(prisma, { key: ALL_KEY, reason: 'command' })
const runner = new ScoringRunner({
	holder: `cli:${process.pid}`,
	recompute: {
		onProgress: ({ phase, done, total }) => {
			if (performance.now() - lastPrint < 2000 && done < total) return
			lastPrint = performance.now()
			console.log(`  ${phase}: ${done}/${total}`)
		},
	},
})
const r = await runner.drain()
const held = await prisma.scoringWork.findUnique({ where: { key: ALL_KEY }, select: { leasedBy: true, leaseExpiresAt: true, lastError: true } })
if (r.full === 0 && held) {
	console.error(
		held.lastError
			? `The recompute failed: ${held.lastError}`
			: `Another runner (${held.leasedBy}) is recomputing until ${held.leaseExpiresAt?.toISOString()} at the latest; yours stays queued and runs right after it.`,
	)
	process.exitCode = 1
} else {
	console.log(
		`Recomputed ${r.users} users (${r.events} events) and ${r.accounts} accounts in ${Math.round(performance.now() - started)} ms: ` +
			`${r.snapshotsCreated} new snapshots, ${r.snapshotsUpdated} refreshed; ${r.tasksCreated} tasks raised, ${r.tasksUpdated} updated` +
			(r.claimed > 1 ? ` (with ${r.claimed - 1} other queued item(s))` : ''),
	)
}
// Owners of newly raised tasks are emailed after the commit: let those sends finish first.
await emailsSettled()
await prisma.$disconnect()
