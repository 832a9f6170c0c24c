import fs from 'node:fs/promises'
import path from 'node:path'
import { importEvents } from '#app/domain/engagement/events-import.server.ts'
import { ScoringRunner } from '#app/domain/loop/runner.server.ts'
import { userKey } from '#app/domain/scoring/queue.server.ts'
import { prisma } from '#app/utils/db.server.ts'

// npm run events:import -- FILE [--create-missing] [--no-recompute]
// Engagement history from an analytics tool as NDJSON or CSV (docs/imports.md).
// Each row's id (or, without one, its content) makes a re-import change nothing. Unknown users
// refuse their rows unless --create-missing creates them (and their accounts).
const FLAGS = ['--create-missing', '--no-recompute']
const args = process.argv.slice(2)
const file = args.find((a) => !a.startsWith('--'))
const unknown = args.filter((a) => a.startsWith('--') && !FLAGS.includes(a))
if (!file || unknown.length) {
	if (unknown.length) console.error(`Unknown option: ${unknown.join(' ')}`)
	console.error('Usage: npm run events:import -- FILE.ndjson|FILE.csv [--create-missing] [--no-recompute]')
	process.exit(2)
}
const text = await fs.readFile(path.resolve(file), 'utf8')
const report = await importEvents(text, { fileName: file, createMissing: args.includes('--create-missing') })
console.log(
	`${path.basename(file)} (${report.format}): ${report.rows} rows; ${report.created} new, ${report.unchanged} already stored, ` +
		`${report.errors.length + report.moreErrors} refused`,
)
if (report.accountsCreated || report.usersCreated) console.log(`Created ${report.accountsCreated} account(s) and ${report.usersCreated} user(s)`)
const { enrolments, lessonCompletions, quizAttempts, pathCompletions } = report.derived
if (enrolments + lessonCompletions + quizAttempts + pathCompletions > 0) {
	console.log(
		`Derived ${enrolments} enrolment(s), ${lessonCompletions} lesson completion(s), ${quizAttempts} quiz attempt(s), ${pathCompletions} path completion(s)`,
	)
}
for (const error of report.errors) console.log(`  line ${error.line}: ${error.message}`)
if (report.moreErrors) console.log(`  …and ${report.moreErrors} more refused rows`)
// The events queued their users' rescoring as they were stored; this runs it now, unless told not
// to (then a running app instance does). A large history is better followed by scores:recompute.
if (report.changedUserIds.length && !args.includes('--no-recompute')) {
	const scores = await new ScoringRunner({ holder: `cli:${process.pid}` }).drain({
		keys: report.changedUserIds.map(userKey),
		dueBy: new Date(Date.now() + 60_000),
	})
	console.log(`Rescored ${scores.users} user(s) and ${scores.accounts} account(s) in ${scores.ms} ms`)
}
await prisma.$disconnect()
process.exitCode = report.errors.length + report.moreErrors > 0 ? 1 : 0
