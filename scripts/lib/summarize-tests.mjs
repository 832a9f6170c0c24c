// Adds up the Vitest and Playwright JSON reports into one closing line: "N passed, N failed, N skipped".
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
	// A test file that failed to load has no tests but is a failure.
	failed += (vitest.testResults ?? []).filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length
}
const playwright = read(playwrightFile)
if (playwright) {
	const s = playwright.stats
	passed += s.expected
	failed += s.unexpected + (s.flaky ?? 0)
	skipped += s.skipped
	failed += (playwright.errors ?? []).length
}
failed += missing + Number(process.env.TYPECHECK_FAILED ?? 0)
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed > 0 ? 1 : 0)
