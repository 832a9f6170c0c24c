// Adds up the Vitest and Playwright JSON reports into one closing line: "N passed, N failed, N skipped".
// Usage: summarize-tests.mjs <vitest report> <playwright report> [more reports of either kind, e.g.
// the PostgreSQL passes]; each report is told apart by its shape.
// FAILED_CHECKS names the non-test checks that failed (space-separated, e.g. "typecheck lint").
import fs from 'node:fs'

const reports = process.argv.slice(2)
let passed = 0
let failed = 0
let skipped = 0
let missing = 0

function read(file) {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'))
	} catch {
		missing++
		console.log(`(no report at ${file}: that suite did not run to the end)`)
		return null
	}
}

for (const file of reports) {
	const report = read(file)
	if (!report) continue
	if (report.stats) {
		// Playwright
		const s = report.stats
		passed += s.expected
		failed += s.unexpected + (s.flaky ?? 0)
		skipped += s.skipped
		failed += (report.errors ?? []).length
	} else {
		// Vitest
		passed += report.numPassedTests
		failed += report.numFailedTests + (report.numRuntimeErrors ?? 0)
		skipped += report.numPendingTests + report.numTodoTests
		// A test file that failed to load, or whose beforeAll threw (its tests then read as skipped), is a failure.
		failed += (report.testResults ?? []).filter((f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed')).length
	}
}
// Checks that are not tests (typecheck, lint) count as one failed test each when they fail.
const failedChecks = (process.env.FAILED_CHECKS ?? '').split(/\s+/).filter(Boolean)
for (const check of failedChecks) console.log(`The ${check} failed: it counts as one failed test.`)
failed += missing + failedChecks.length
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed > 0 ? 1 : 0)
