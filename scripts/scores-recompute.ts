import { runScheduledRecompute } from '#app/domain/scoring/jobs.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'

// npm run scores:recompute: a full recompute of every user and account now, under the same lease
// as the in-app schedule, so it never runs beside another instance's run.
const started = performance.now()
let lastPrint = 0
const run = await runScheduledRecompute({
	intervalMinutes: getEnv().SCORING_INTERVAL_MINUTES || 60,
	force: true,
	recompute: {
		onProgress: ({ phase, done, total }) => {
			if (performance.now() - lastPrint < 2000 && done < total) return
			lastPrint = performance.now()
			console.log(`  ${phase}: ${done}/${total}`)
		},
	},
})
if (!run.ran) {
	console.error(`Another recompute holds the lease until ${run.until.toISOString()}; try again then.`)
	process.exitCode = 1
} else {
	const r = run.report
	console.log(
		`Recomputed ${r.users} users (${r.events} events) and ${r.accounts} accounts in ${Math.round(performance.now() - started)} ms: ` +
			`${r.snapshotsCreated} new snapshots, ${r.snapshotsUpdated} refreshed; ${r.tasksCreated} tasks raised, ${r.tasksUpdated} updated`,
	)
}
await prisma.$disconnect()
