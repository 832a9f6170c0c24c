import fs from 'node:fs/promises'
import path from 'node:path'
import { importEvents } from '#app/domain/engagement/events-import.server.ts'
import { rescoreUsers } from '#app/domain/scoring/recompute.server.ts'
import { prisma } from '#app/utils/db.server.ts'

// npm run events:import -- FILE [--no-recompute]
// Engagement history from an analytics tool as NDJSON or CSV (see app/domain/engagement/events-import.server.ts).
// Each row's id (or, without one, its content) makes a re-import change nothing.
const args = process.argv.slice(2)
const file = args.find((a) => !a.startsWith('--'))
if (!file) {
	console.error('Usage: npm run events:import -- FILE.ndjson|FILE.csv [--no-recompute]')
	process.exit(2)
}
const text = await fs.readFile(path.resolve(file), 'utf8')
const report = await importEvents(text, { fileName: file })
console.log(
	`${path.basename(file)} (${report.format}): ${report.rows} rows; ${report.created} new, ${report.unchanged} already stored, ` +
		`${report.errors.length + report.moreErrors} refused`,
)
for (const error of report.errors) console.log(`  line ${error.line}: ${error.message}`)
if (report.moreErrors) console.log(`  …and ${report.moreErrors} more refused rows`)
if (report.changedUserIds.length && !args.includes('--no-recompute')) {
	// A large history is better followed by one full recompute: npm run scores:recompute.
	const scores = await rescoreUsers(report.changedUserIds)
	console.log(`Rescored ${scores.users} user(s) and ${scores.accounts} account(s) in ${scores.ms} ms`)
}
await prisma.$disconnect()
process.exitCode = report.errors.length + report.moreErrors > 0 ? 1 : 0
