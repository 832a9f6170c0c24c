import { afterAll, describe } from 'vitest'
import { MeilisearchEngine } from '#app/domain/search/meilisearch-engine.ts'
import { runSearchEngineContract } from '#test/contract/search/search-engine.contract.ts'

/**
 * Runs only against a real server: MEILI_HOST=http://127.0.0.1:7700 [MEILI_API_KEY=...] npx vitest run test/contract/search
 * Each run uses its own throwaway indexes and deletes them afterwards.
 */
const host = process.env.MEILI_HOST
const runId = `${Date.now().toString(36)}_${process.pid}`
const created: MeilisearchEngine[] = []

describe.skipIf(!host)('meilisearch adapter', () => {
	afterAll(async () => {
		for (const engine of created) await engine.dropIndex()
	})

	runSearchEngineContract('meilisearch', async () => {
		const engine = new MeilisearchEngine({ host: host!, apiKey: process.env.MEILI_API_KEY, indexUid: `portal_test_${runId}_${created.length}` })
		created.push(engine)
		return engine
	})
})
