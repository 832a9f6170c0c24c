import fs from 'node:fs/promises'
import path from 'node:path'
import { importSignals } from '#app/domain/engagement/signals-import.server.ts'
import { ScoringRunner } from '#app/domain/loop/runner.server.ts'
import { accountKey, enqueueScoringMany } from '#app/domain/scoring/queue.server.ts'
import { prisma } from '#app/utils/db.server.ts'

// npm run signals:import -- FILE [--create-missing] [--no-recompute]
// Product usage (per account or per user, by day or period) and NPS/CSAT answers as NDJSON or CSV
// (docs/imports.md). Bad rows are listed by line and skipped; the good rows load; loading the same
// file again changes nothing. Unknown accounts and users refuse their rows unless --create-missing.
const FLAGS = ['--create-missing', '--no-recompute']
const args = process.argv.slice(2)
const file = args.find((a) => !a.startsWith('--'))
const unknown = args.filter((a) => a.startsWith('--') && !FLAGS.includes(a))
if (!file || unknown.length) {
	if (unknown.length) console.error(`Unknown option: ${unknown.join(' ')}`)
	console.error('Usage: npm run signals:import -- FILE.ndjson|FILE.csv [--create-missing] [--no-recompute]')
	process.exit(2)
}
const text = await fs.readFile(path.resolve(file), 'utf8')
const report = await importSignals(text, { fileName: file, createMissing: args.includes('--create-missing') })
console.log(
	`${path.basename(file)} (${report.format}): ${report.rows} rows; ${report.created} new, ${report.updated} updated, ` +
		`${report.unchanged} unchanged, ${report.errors.length + report.moreErrors} refused`,
)
if (report.accountsCreated || report.usersCreated) console.log(`Created ${report.accountsCreated} account(s) and ${report.usersCreated} user(s)`)
for (const error of report.errors) console.log(`  line ${error.line}: ${error.message}`)
if (report.moreErrors) console.log(`  …and ${report.moreErrors} more refused rows`)
// The changed accounts are queued either way (a running app instance scores them); unless told
// not to, this runs that work now.
const keys = report.changedAccountIds.map(accountKey)
await enqueueScoringMany(prisma, keys, { reason: 'import' })
if (keys.length && !args.includes('--no-recompute')) {
	const scores = await new ScoringRunner({ holder: `cli:${process.pid}` }).drain({ keys })
	console.log(`Rescored ${scores.users} user(s) and ${scores.accounts} account(s) in ${scores.ms} ms`)
}
await prisma.$disconnect()
// Refused rows make the exit code 1 so a pipeline notices; the good rows are loaded either way.
process.exitCode = report.errors.length + report.moreErrors > 0 ? 1 : 0
