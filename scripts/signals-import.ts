import fs from 'node:fs/promises'
import path from 'node:path'
import { importSignals } from '#app/domain/engagement/signals-import.server.ts'
import { rescoreAccounts } from '#app/domain/scoring/recompute.server.ts'
import { prisma } from '#app/utils/db.server.ts'

// npm run signals:import -- FILE [--no-recompute]
// Product usage and NPS/CSAT answers as NDJSON or CSV (see app/domain/engagement/signals-import.server.ts).
// Bad rows are listed by line and skipped; the good rows load; loading the same file again changes nothing.
const args = process.argv.slice(2)
const file = args.find((a) => !a.startsWith('--'))
if (!file) {
	console.error('Usage: npm run signals:import -- FILE.ndjson|FILE.csv [--no-recompute]')
	process.exit(2)
}
const text = await fs.readFile(path.resolve(file), 'utf8')
const report = await importSignals(text, { fileName: file })
console.log(
	`${path.basename(file)} (${report.format}): ${report.rows} rows; ${report.created} new, ${report.updated} updated, ` +
		`${report.unchanged} unchanged, ${report.errors.length + report.moreErrors} refused`,
)
for (const error of report.errors) console.log(`  line ${error.line}: ${error.message}`)
if (report.moreErrors) console.log(`  …and ${report.moreErrors} more refused rows`)
if (report.changedAccountIds.length && !args.includes('--no-recompute')) {
	const scores = await rescoreAccounts(report.changedAccountIds)
	console.log(`Rescored ${scores.accounts} account(s) in ${scores.ms} ms`)
}
await prisma.$disconnect()
// Refused rows make the exit code 1 so a pipeline notices; the good rows are loaded either way.
process.exitCode = report.errors.length + report.moreErrors > 0 ? 1 : 0
