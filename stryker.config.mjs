// Mutation testing (`npm run test:mutation`) over the modules where a silent bug is a breach:
// who may read what (audience, account access, audience variants, search filtering), what content
// may contain (safe MDX), who is signed in and from where (auth, session, request trust), and how
// quizzes are graded and attempts allowed. Not part of `npm test`: it takes several minutes.
// This config covers the pure modules with the unit tests; stryker.server.config.mjs the server ones.
// Survivors judged equivalent (no test can tell them apart) are listed in docs/mutation-testing.md.

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	testRunner: 'vitest',
	vitest: { configFile: 'vitest.mutation.config.ts', related: true },
	coverageAnalysis: 'perTest',
	mutate: [
		'app/domain/accounts-tiers/audience.ts',
		'app/domain/accounts-tiers/account-access.ts',
		'app/domain/content/safe-mdx.ts',
		// mdx-ast.ts: the element test, attribute reading and the tree walk the policy relies on (not the
		// parse-error line recovery, which only words messages).
		'app/domain/content/mdx-ast.ts:32-46',
		'app/domain/content/mdx-ast.ts:110-120',
		'app/domain/content/audience-variants.ts',
		// auth.server.ts: safeRedirect (the guards that need a session are in stryker.server.config.mjs).
		'app/utils/auth.server.ts:86-113',
		'app/utils/request-trust.server.ts',
		// embedded-engine.ts: the reader-level bits, the filter over slots, the suggestion check and the
		// empty query's filter (ranking and snippets are not a breach). Line ranges: keep them in step.
		'app/domain/search/embedded-engine.ts:31-35',
		'app/domain/search/embedded-engine.ts:131-137',
		'app/domain/search/embedded-engine.ts:191-217',
		'app/domain/search/embedded-engine.ts:263-263',
		'app/domain/search/meili-filter.ts',
		'app/domain/learning/grading.ts',
		'app/domain/learning/attempt-policy.ts',
	],
	// The sandbox copy leaves out builds, local data and scratch files.
	ignorePatterns: ['build', 'build-shot', 'data', '.tmp', '.cache', 'test-results', 'playwright-report', 'public/build', 'reports'],
	concurrency: 2,
	// Module-level constants (the audience list, regexes) would need every covering test file reloaded
	// per mutant, most of the run's time; the functions that read them are mutated all the same.
	ignoreStatic: true,
	incremental: true,
	incrementalFile: '.tmp/stryker-incremental.json',
	tempDirName: '.tmp/stryker',
	reporters: ['clear-text', 'progress', 'html', 'json'],
	htmlReporter: { fileName: '.tmp/mutation/index.html' },
	jsonReporter: { fileName: '.tmp/mutation/report.json' },
	thresholds: { high: 95, low: 90, break: 90 },
	timeoutMS: 20_000,
}
