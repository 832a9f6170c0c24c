// Mutation testing of the server modules (sessions, guards, search as a reader): judged by the
// integration tests that reach them through real routes and a real SQLite database (see
// vitest.mutation.config.ts). Slower per mutant than the pure modules in stryker.config.mjs.
import base from './stryker.config.mjs'

process.env.MUTATION_SCOPE = 'server'

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
	...base,
	mutate: [
		// auth.server.ts: the guards (safeRedirect, below line 85, is in stryker.config.mjs).
		'app/utils/auth.server.ts:1-85',
		'app/utils/account-access.server.ts',
		'app/utils/session.server.ts',
		// search-service.server.ts: parameter parsing and searchForReader (not the search log).
		'app/domain/search/search-service.server.ts:9-51',
	],
	incrementalFile: '.tmp/stryker-server-incremental.json',
	htmlReporter: { fileName: '.tmp/mutation-server/index.html' },
	jsonReporter: { fileName: '.tmp/mutation-server/report.json' },
}
