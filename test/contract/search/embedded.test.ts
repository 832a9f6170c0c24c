import { EmbeddedSearchEngine } from '#app/domain/search/embedded-engine.ts'
import { type SearchDoc, type SearchEngine, type SearchQuery } from '#app/domain/search/search-port.ts'
import { runSearchEngineContract } from '#test/contract/search/search-engine.contract.ts'

runSearchEngineContract('embedded', async () => new EmbeddedSearchEngine())

/** An embedded engine that goes through a snapshot save and load after every full load. */
class ReloadedFromSnapshot implements SearchEngine {
	readonly name = 'embedded (snapshot)'
	#engine = new EmbeddedSearchEngine()
	init = () => this.#engine.init()
	count = () => this.#engine.count()
	search = (query: SearchQuery) => this.#engine.search(query)
	upsert = (docs: SearchDoc[]) => this.#engine.upsert(docs)
	removeItem = (itemKey: string) => this.#engine.removeItem(itemKey)
	async replaceAll(docs: SearchDoc[]) {
		await this.#engine.replaceAll(docs)
		this.#engine = EmbeddedSearchEngine.fromSnapshot(this.#engine.toSnapshot())
	}
}

// The same behaviour after a save and load: the snapshot is how a start skips the rebuild.
runSearchEngineContract('embedded, loaded from a snapshot', async () => new ReloadedFromSnapshot())
