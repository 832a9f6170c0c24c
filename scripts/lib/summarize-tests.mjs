// Adds up the Vitest and Playwright JSON reports into one closing line: "N passed, N failed, N skipped".
// FAILED_CHECKS names the non-test checks that failed (space-separated, e.g. "typecheck lint").
import fs from 'node:fs'

const [vitestFile, playwrightFile] = process.argv.slice(2)
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

const vitest = read(vitestFile)
if (vitest) {
	passed += vitest.numPassedTests
	failed += vitest.numFailedTests + (vitest.numRuntimeErrors ?? 0)
	skipped += vitest.numPendingTests + vitest.numTodoTests
	// A test file that failed to load, or whose beforeAll threw (its tests then read as skipped), is a failure.
	failed += (vitest.testResults ?? []).filter((f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed')).length
}
const playwright = read(playwrightFile)
if (playwright) {
	const s = playwright.stats
	passed += s.expected
	failed += s.unexpected + (s.flaky ?? 0)
	skipped += s.skipped
	failed += (playwright.errors ?? []).length
}
// Checks that are not tests (typecheck, lint) count as one failed test each when they fail.
const failedChecks = (process.env.FAILED_CHECKS ?? '').split(/\s+/).filter(Boolean)
for (const check of failedChecks) console.log(`The ${check} failed: it counts as one failed test.`)
failed += missing + failedChecks.length
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed > 0 ? 1 : 0)
