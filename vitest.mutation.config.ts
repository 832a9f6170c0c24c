import { defineConfig } from 'vitest/config'

/**
 * The Vitest config Stryker runs: the project's own test settings, limited to the tests that
 * exercise the mutated modules so a run fits a 2-core machine. The pure modules
 * (stryker.config.mjs) are judged by the unit tests alone; the server modules
 * (stryker.server.config.mjs sets MUTATION_SCOPE=server) by the integration tests that reach them
 * through real routes and a real database. Stryker runs each mutant against only the tests that cover it.
 */
const UNIT_TESTS = ['test/unit/**/*.test.{ts,tsx}', 'test/contract/search/embedded.test.ts']
const SERVER_TESTS = [
	// Sessions, sign-in redirects, the cross-site guard, account access.
	'test/unit/accounts-tiers/*.test.ts',
	'test/integration/accounts-tiers/auth.test.ts',
	'test/integration/accounts-tiers/session-cache.test.ts',
	'test/integration/accounts-tiers/session-prisma-path.test.ts',
	'test/integration/accounts-tiers/session-cache-limits.test.ts',
	'test/integration/engagement/account-access.test.ts',
	// Search as each reader level.
	'test/integration/content/audience-fail-closed.test.ts',
	'test/integration/search/*.test.ts',
]

export default defineConfig(async () => {
	// Stryker starts Vitest through its API, which does not set VITEST: without it vite.config.ts
	// would load the Remix and Tailwind plugins.
	process.env.VITEST ??= 'true'
	const { default: base } = await import('./vite.config.ts')
	return {
		...base,
		test: { ...base.test, include: process.env.MUTATION_SCOPE === 'server' ? SERVER_TESTS : UNIT_TESTS },
	}
})
