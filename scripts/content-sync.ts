import path from 'node:path'
import { syncAllContent } from '#app/domain/content/sync-all.server.ts'
import { updateSearchIndex } from '#app/domain/search/search-index.server.ts'
import { prisma } from '#app/utils/db.server.ts'

// npm run content:sync [-- DIR]: validate, compile (cached by source hash), store and index all content.
const dir = path.resolve(process.argv[2] ?? 'content')
const started = performance.now()
const report = await syncAllContent(dir)
const ms = Math.round(performance.now() - started)
for (const error of report.errors) {
	for (const problem of error.problems) console.warn(`  ✗ ${problem}`)
}
for (const conflict of report.conflicts) console.warn(`  ⚠ ${conflict.file}: conflict: ${conflict.reason}`)
console.log(
	`Content synced in ${ms} ms: ${report.created} new, ${report.updated} updated, ${report.unchanged} unchanged, ` +
		`${report.retired} retired; ${report.compiled} compiled, ${report.reused} reused from cache; ${report.errors.length} file(s) with errors, ${report.conflicts.length} conflict(s) with the console`,
)
const index = await updateSearchIndex(report.changedItemKeys)
console.log(`Search index (${index.engine}) holds ${index.docs} documents`)
await prisma.$disconnect()
// Bad files are reported and skipped; they do not fail the sync of the others.
process.exitCode = 0
