import { AUDIENCES, type Audience } from '#app/domain/accounts-tiers/audience.ts'
import { FacetTable } from '#app/domain/search/facet-table.ts'
import { buildSnippet, findMatches, segmentsFromRanges, windowStrength } from '#app/domain/search/highlight.ts'
import {
	InvertedIndex,
	packTermFrequencies,
	type Matches,
	type SerializedIndex,
} from '#app/domain/search/inverted-index.ts'
import { runQueryStrategy, suggestFromVocabulary, type QueryPlan } from '#app/domain/search/query-strategy.ts'
import {
	assertValidDocs,
	pageBounds,
	type SearchDoc,
	type SearchEngine,
	type SearchHit,
	type SearchQuery,
	type SearchResult,
} from '#app/domain/search/search-port.ts'
import { MIN_HITS_BEFORE_TYPOS, type SearchableField } from '#app/domain/search/search-settings.ts'
import { indexTerm, queryTerms, splitWords } from '#app/domain/search/text.ts'

/**
 * The in-process engine (the default): our compact inverted index (inverted-index.ts) driven by
 * the staged query strategy (query-strategy.ts). Measurements: docs/decisions/002-search-engine.md.
 */

/** Bumped whenever tokenising, fields or the snapshot layout change: an older snapshot is then refused. */
const SNAPSHOT_VERSION = 1

/** Reader levels as bits, one byte a doc, so that the audience filter is one AND per posting. */
const LEVEL_BITS = Object.fromEntries(AUDIENCES.map((level, i) => [level, 1 << i])) as Record<Audience, number>
function levelMask(levels: readonly Audience[]): number {
	return levels.reduce((mask, level) => mask | LEVEL_BITS[level], 0)
}

type Snapshot = { version: number; docs: SearchDoc[]; index: SerializedIndex }

export class EmbeddedSearchEngine implements SearchEngine {
	readonly name = 'embedded'
	#index = new InvertedIndex()
	/** The doc in each slot of the index (undefined once removed). */
	#docBySlot: Array<SearchDoc | undefined> = []
	#slotById = new Map<string, number>()
	#facetTable = new FacetTable()
	#idsByItem = new Map<string, Set<string>>()
	/** Slots newest first, for the empty query; rebuilt lazily after a change. */
	#newestFirst: Int32Array | null = null
	/** Accepted slots per reader level (for queries without filters); cleared on every change. */
	#allowedByLevel = new Map<Audience, Uint8Array>()

	/** Loads an engine saved by `toSnapshot()`; throws when it is unreadable or from other settings. */
	static fromSnapshot(json: string): EmbeddedSearchEngine {
		const snapshot = JSON.parse(json) as Partial<Snapshot>
		if (snapshot.version !== SNAPSHOT_VERSION || !snapshot.index || !Array.isArray(snapshot.docs)) {
			throw new Error(`Search snapshot version ${String(snapshot.version)} is not ${SNAPSHOT_VERSION}: rebuild the index`)
		}
		if (snapshot.docs.length !== snapshot.index.slotCount) throw new Error('Search snapshot is inconsistent: rebuild the index')
		const engine = new EmbeddedSearchEngine()
		engine.#index = InvertedIndex.fromJSON(snapshot.index)
		snapshot.docs.forEach((doc, slot) => engine.#remember(doc, slot))
		return engine
	}

	/** The whole index as JSON (docs included), to load at the next start instead of rebuilding. */
	toSnapshot(): string {
		this.#compact()
		const index = this.#index.toJSON()
		const docs = this.#docBySlot.slice(0, index.slotCount) as SearchDoc[]
		return JSON.stringify({ version: SNAPSHOT_VERSION, docs, index } satisfies Snapshot)
	}

	async init(): Promise<void> {
		// Settings live in code (search-settings.ts): nothing to apply.
	}

	async upsert(docs: SearchDoc[]): Promise<void> {
		assertValidDocs(docs)
		for (const doc of docs) this.#upsertOne(doc)
		if (this.#index.needsCompaction()) this.#compact()
	}

	async removeItem(itemKey: string): Promise<void> {
		for (const id of [...(this.#idsByItem.get(itemKey) ?? [])]) this.#removeOne(id)
		if (this.#index.needsCompaction()) this.#compact()
	}

	async replaceAll(docs: SearchDoc[]): Promise<void> {
		assertValidDocs(docs)
		this.#index = new InvertedIndex()
		this.#docBySlot = []
		this.#slotById = new Map()
		this.#facetTable = new FacetTable()
		this.#idsByItem = new Map()
		this.#changed()
		for (const doc of docs) this.#upsertOne(doc)
		this.#compact()
	}

	async count(): Promise<number> {
		return this.#slotById.size
	}

	async search(query: SearchQuery): Promise<SearchResult> {
		return this.searchSync(query)
	}

	/** `search` without the promise, for benchmarks. */
	searchSync(request: SearchQuery): SearchResult {
		const query = { ...request, ...pageBounds(request) }
		const allowed = this.#allowed(query)
		const terms = queryTerms(query.q)
		if (terms.length === 0) return this.#newest(query, allowed)

		// A trailing space means the last word is complete: no prefix expansion (as in Meilisearch).
		const input = { terms, prefixLast: !/\s$/.test(query.q), vocabulary: this.#index }
		const outcome = runQueryStrategy(
			input,
			(plan) => this.#execute(plan, allowed),
			(matches) => matches.size,
		)
		const matches = outcome.result ?? { slots: new Int32Array(0), scores: new Float64Array(0), size: 0 }
		const asTyped = new Set(outcome.asTyped ? outcome.asTyped.slots.subarray(0, outcome.asTyped.size) : [])
		const top = this.#top(matches, query.offset + query.limit, asTyped)
		const alternatives = outcome.plan ? planTerms(outcome.plan) : []
		const result: SearchResult = {
			hits: top.slice(query.offset).map(([slot, score]) => this.#hit(slot, score, alternatives)),
			total: matches.size,
			facets: this.#facetTable.count(matches.slots.subarray(0, matches.size)),
		}
		if (outcome.plan?.stage !== 'exact' || matches.size < MIN_HITS_BEFORE_TYPOS) {
			const suggestion = suggestFromVocabulary(input)
			// The vocabulary spans every audience: only suggest words this reader's docs hold.
			if (suggestion && suggestion.split(' ').every((term) => terms.includes(term) || this.#index.anyAllowed(term, allowed))) {
				result.suggestion = suggestion
			}
		}
		return result
	}

	#upsertOne(given: SearchDoc): void {
		// A copy: the caller may reuse its objects, the index must not change under it.
		const doc = { ...given, tags: [...given.tags], levels: [...given.levels] }
		if (this.#slotById.has(doc.id)) this.#removeOne(doc.id)
		const { packed, lengths } = packTermFrequencies(fieldTerms(doc))
		const slot = this.#index.add(packed, lengths, levelMask(doc.levels))
		this.#remember(doc, slot)
	}

	#remember(doc: SearchDoc, slot: number): void {
		this.#docBySlot[slot] = doc
		this.#slotById.set(doc.id, slot)
		this.#facetTable.set(slot, doc)
		let ids = this.#idsByItem.get(doc.itemKey)
		if (!ids) this.#idsByItem.set(doc.itemKey, (ids = new Set()))
		ids.add(doc.id)
		this.#changed()
	}

	#removeOne(id: string): void {
		const slot = this.#slotById.get(id)
		if (slot === undefined) return
		const doc = this.#docBySlot[slot]!
		this.#index.remove(slot, new Set(Object.values(fieldTerms(doc)).flat()))
		this.#docBySlot[slot] = undefined
		this.#slotById.delete(id)
		const ids = this.#idsByItem.get(doc.itemKey)
		ids?.delete(id)
		if (ids?.size === 0) this.#idsByItem.delete(doc.itemKey)
		this.#changed()
	}

	#compact(): void {
		if (this.#index.deadCount === 0) return
		const mapping = this.#index.compact()
		const docs: SearchDoc[] = []
		mapping.forEach((to, from) => {
			if (to >= 0) docs[to] = this.#docBySlot[from]!
		})
		this.#docBySlot = docs
		this.#slotById = new Map(docs.map((doc, slot) => [doc.id, slot]))
		this.#facetTable.remap(mapping)
		this.#changed()
	}

	#changed(): void {
		this.#newestFirst = null
		this.#allowedByLevel.clear()
	}

	/** One byte a slot: 1 when the doc is for this reader level and passes the filters. */
	#allowed(query: SearchQuery): Uint8Array {
		const types = query.types?.length ? new Set<string>(query.types) : null
		const tags = query.tags?.length ? new Set(query.tags) : null
		const category = query.category || null
		const unfiltered = !types && !tags && !category
		if (unfiltered) {
			const cached = this.#allowedByLevel.get(query.readerLevel)
			if (cached) return cached
		}
		const bit = LEVEL_BITS[query.readerLevel]
		const masks = this.#index.masks
		const count = this.#index.slotCount
		const allowed = new Uint8Array(count)
		for (let slot = 0; slot < count; slot++) {
			if ((masks[slot]! & bit) === 0) continue
			if (!unfiltered) {
				const doc = this.#docBySlot[slot]!
				if (types && !types.has(doc.type)) continue
				if (category && doc.category !== category) continue
				if (tags && !doc.tags.some((t) => tags.has(t))) continue
			}
			allowed[slot] = 1
		}
		if (unfiltered) this.#allowedByLevel.set(query.readerLevel, allowed)
		return allowed
	}

	#execute(plan: QueryPlan, allowed: Uint8Array): Matches {
		return this.#index.execute(
			plan.groups.map((group) => group.alternatives),
			plan.combineWith,
			allowed,
		)
	}

	/** The best `k` matches, as-typed matches first, then by score, then by id (stable pages). */
	#top(matches: Matches, k: number, asTyped: ReadonlySet<number>): Array<[number, number]> {
		const docs = this.#docBySlot
		const before = (a: [number, number], b: [number, number]) => {
			const tier = Number(asTyped.has(b[0])) - Number(asTyped.has(a[0]))
			if (tier !== 0) return tier < 0
			if (a[1] !== b[1]) return a[1] > b[1]
			return docs[a[0]]!.id < docs[b[0]]!.id
		}
		const top: Array<[number, number]> = []
		if (k <= 0) return top
		for (let i = 0; i < matches.size; i++) {
			const entry: [number, number] = [matches.slots[i]!, matches.scores[i]!]
			if (top.length === k && !before(entry, top[k - 1]!)) continue
			let at = top.length < k ? top.length : k - 1
			if (top.length < k) top.push(entry)
			while (at > 0 && before(entry, top[at - 1]!)) {
				top[at] = top[at - 1]!
				at--
			}
			top[at] = entry
		}
		return top
	}

	#newest(query: SearchQuery, allowed: Uint8Array): SearchResult {
		if (!this.#newestFirst) {
			const slots = [...this.#slotById.values()]
			const docs = this.#docBySlot
			slots.sort((a, b) => {
				const x = docs[a]!
				const y = docs[b]!
				return x.updatedAt === y.updatedAt ? (x.id < y.id ? -1 : 1) : x.updatedAt < y.updatedAt ? 1 : -1
			})
			this.#newestFirst = Int32Array.from(slots)
		}
		const matched = this.#newestFirst.filter((slot) => allowed[slot] === 1)
		return {
			hits: [...matched.subarray(query.offset, query.offset + query.limit)].map((slot) => this.#hit(slot, 0, [])),
			total: matched.length,
			facets: this.#facetTable.count(matched),
		}
	}

	#hit(slot: number, score: number, alternatives: readonly string[]): SearchHit {
		const doc = this.#docBySlot[slot]!
		const terms = new Set(alternatives.filter((term) => this.#index.has(term, slot)))
		const summaryMatches = findMatches(doc.summary, terms)
		const bodyMatches = findMatches(doc.body, terms)
		const useBody = windowStrength(bodyMatches) > windowStrength(summaryMatches) || doc.summary === ''
		return {
			id: doc.id,
			itemKey: doc.itemKey,
			type: doc.type,
			url: doc.url,
			title: doc.title,
			category: doc.category,
			tags: doc.tags,
			audience: doc.audience,
			levels: doc.levels,
			updatedAt: doc.updatedAt,
			score,
			titleHighlight: segmentsFromRanges(doc.title, findMatches(doc.title, terms)),
			snippet: useBody ? buildSnippet(doc.body, bodyMatches) : buildSnippet(doc.summary, summaryMatches),
		}
	}
}

/** Index terms of each searchable field, in order, duplicates kept (term frequencies need them). */
function fieldTerms(doc: SearchDoc): Record<SearchableField, string[]> {
	const terms = (text: string) => splitWords(text).map(indexTerm).filter((t): t is string => t !== null)
	return { title: terms(doc.title), tags: terms(doc.tags.join(' ')), summary: terms(doc.summary), body: terms(doc.body) }
}

/** Every term a plan may have matched, for highlighting. */
function planTerms(plan: QueryPlan): string[] {
	return [...new Set(plan.groups.flatMap((group) => group.alternatives.map((a) => a.term)))]
}
