import { defineConfig } from 'vitest/config'

/**
 * The Vitest config Stryker runs (stryker.config.mjs): the project's own test settings, limited to
 * the unit tests and the integration tests that exercise the mutated modules, so that a mutation
 * run fits a 2-core machine. Stryker runs each mutant against only the tests that cover it.
 */
export default defineConfig(async () => {
	// Stryker starts Vitest through its API, which does not set VITEST: without it vite.config.ts
	// would load the Remix and Tailwind plugins.
	process.env.VITEST ??= 'true'
	const { default: base } = await import('./vite.config.ts')
	return {
		...base,
		test: {
			...base.test,
			include: [
				'test/unit/**/*.test.{ts,tsx}',
				'test/contract/search/embedded.test.ts',
				'test/integration/accounts-tiers/*.test.ts',
				'test/integration/content/audience-fail-closed.test.ts',
				'test/integration/content/kb-access.test.ts',
				'test/integration/engagement/account-access.test.ts',
				'test/integration/http/*.test.ts',
				'test/integration/learning/checks.test.ts',
				'test/integration/learning/quizzes.test.ts',
				'test/integration/plans/access.test.ts',
				'test/integration/search/*.test.ts',
			],
		},
	}
})
