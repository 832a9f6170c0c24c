// Mutation testing (`npm run test:mutation`) over the modules where a silent bug is a breach:
// who may read what (audience, account access, audience variants, search filtering), what content
// may contain (safe MDX), who is signed in and from where (auth, session, request trust), and how
// quizzes are graded and attempts allowed. Not part of `npm test`: it takes several minutes.
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
		'app/domain/content/mdx-ast.ts',
		'app/domain/content/audience-variants.ts',
		'app/utils/auth.server.ts',
		'app/utils/account-access.server.ts',
		'app/utils/request-trust.server.ts',
		'app/utils/session.server.ts',
		'app/domain/search/embedded-engine.ts',
		'app/domain/search/meili-filter.ts',
		'app/domain/search/search-service.server.ts',
		'app/domain/learning/grading.ts',
		'app/domain/learning/attempt-policy.ts',
	],
	// The sandbox copy leaves out builds, local data and scratch files.
	ignorePatterns: ['build', 'build-shot', 'data', '.tmp', '.cache', 'test-results', 'playwright-report', 'public/build', 'reports'],
	concurrency: 2,
	incremental: true,
	incrementalFile: '.tmp/stryker-incremental.json',
	tempDirName: '.tmp/stryker',
	reporters: ['clear-text', 'progress', 'html', 'json'],
	htmlReporter: { fileName: '.tmp/mutation/index.html' },
	jsonReporter: { fileName: '.tmp/mutation/report.json' },
	thresholds: { high: 95, low: 90, break: 90 },
	timeoutMS: 20_000,
}
