import { EmbeddedSearchEngine } from '#app/domain/search/embedded-engine.ts'
import { MeilisearchEngine } from '#app/domain/search/meilisearch-engine.ts'
import { type SearchEngine } from '#app/domain/search/search-port.ts'

export type SearchEngineEnv = { MEILI_HOST?: string; MEILI_API_KEY?: string; MEILI_INDEX?: string }

/**
 * Meilisearch when MEILI_HOST is set, else the embedded engine (empty: the caller fills it from
 * the database or loads it with EmbeddedSearchEngine.fromSnapshot). Call `init()` before use.
 */
export function createSearchEngine(env: SearchEngineEnv): SearchEngine {
	if (env.MEILI_HOST) {
		return new MeilisearchEngine({ host: env.MEILI_HOST, apiKey: env.MEILI_API_KEY || undefined, indexUid: env.MEILI_INDEX || 'portal' })
	}
	return new EmbeddedSearchEngine()
}
