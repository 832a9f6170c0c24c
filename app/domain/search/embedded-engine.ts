import MiniSearch, { type Options, type SearchResult as MiniSearchResult } from 'minisearch'
import { AUDIENCES, type Audience } from '#app/domain/accounts-tiers/audience.ts'
import { buildSnippet, findMatches, segmentsFromRanges, windowStrength } from '#app/domain/search/highlight.ts'
import { runQueryStrategy, suggestFromVocabulary, type QueryPlan } from '#app/domain/search/query-strategy.ts'
import {
	type SearchDoc,
	type SearchEngine,
	type SearchFacets,
	type SearchHit,
	type SearchQuery,
	type SearchResult,
} from '#app/domain/search/search-port.ts'
import { FIELD_BOOSTS, MIN_HITS_BEFORE_TYPOS, SEARCHABLE_FIELDS } from '#app/domain/search/search-settings.ts'
import { indexTerm, queryTerms, splitWords } from '#app/domain/search/text.ts'
import { TermVocabulary } from '#app/domain/search/vocabulary.ts'

/**
 * The in-process engine: MiniSearch 7 (BM25, radix-tree term index) driven by our own query
 * strategy (query-strategy.ts). See docs/decisions/002-search-engine.md for the measurements.
 */

/** Bumped whenever tokenising or indexed fields change: an older snapshot is then rebuilt. */
const SNAPSHOT_VERSION = 1

/** Reader levels as bits, stored with each doc so that filtering costs one AND per posting. */
const LEVEL_BITS = Object.fromEntries(AUDIENCES.map((level, i) => [level, 1 << i])) as Record<Audience, number>
function levelMask(levels: readonly Audience[]): number {
	return levels.reduce((mask, level) => mask | LEVEL_BITS[level], 0)
}

type Stored = { m: number }
type Acceptor = (id: string, stored: Stored) => boolean
type Match = { id: string; score: number; terms: string[] }
type Snapshot = {
	version: number
	docs: SearchDoc[]
	vocabulary: Array<[string, number]>
	index: ReturnType<MiniSearch['toJSON']>
}

export class EmbeddedSearchEngine implements SearchEngine {
	readonly name = 'embedded'
	#docs = new Map<string, SearchDoc>()
	#idsByItem = new Map<string, Set<string>>()
	#vocabulary = new TermVocabulary()
	/** Terms of the doc being added, collected while MiniSearch tokenises it (saves a second pass). */
	#collecting: Set<string> | null = null
	#index: MiniSearch<SearchDoc> = new MiniSearch(this.#options())
	/** Docs newest first, for the empty query; rebuilt lazily after a change. */
	#newestFirst: SearchDoc[] | null = null

	/** Loads an engine from `toSnapshot()`; throws when the snapshot is unreadable or from other settings. */
	static fromSnapshot(json: string): EmbeddedSearchEngine {
		const snapshot = JSON.parse(json) as Partial<Snapshot>
		if (snapshot.version !== SNAPSHOT_VERSION || !snapshot.index || !snapshot.docs || !snapshot.vocabulary) {
			throw new Error(`Search snapshot version ${String(snapshot.version)} does not match ${SNAPSHOT_VERSION}: rebuild it`)
		}
		const engine = new EmbeddedSearchEngine()
		engine.#index = MiniSearch.loadJS(snapshot.index, engine.#options())
		for (const doc of snapshot.docs) engine.#remember(doc)
		engine.#vocabulary = TermVocabulary.fromEntries(snapshot.vocabulary)
		return engine
	}

	toSnapshot(): string {
		const snapshot: Snapshot = {
			version: SNAPSHOT_VERSION,
			docs: [...this.#docs.values()],
			vocabulary: this.#vocabulary.entries(),
			index: this.#index.toJSON(),
		}
		return JSON.stringify(snapshot)
	}

	async init(): Promise<void> {
		// Settings live in code (search-settings.ts): nothing to apply.
	}

	async upsert(docs: SearchDoc[]): Promise<void> {
		for (const doc of docs) this.#upsertOne(doc)
	}

	async removeItem(itemKey: string): Promise<void> {
		for (const id of [...(this.#idsByItem.get(itemKey) ?? [])]) this.#removeOne(id)
	}

	async replaceAll(docs: SearchDoc[]): Promise<void> {
		this.#docs = new Map()
		this.#idsByItem = new Map()
		this.#vocabulary = new TermVocabulary()
		this.#index = new MiniSearch(this.#options())
		this.#newestFirst = null
		for (const doc of docs) this.#upsertOne(doc)
	}

	async count(): Promise<number> {
		return this.#docs.size
	}

	async search(query: SearchQuery): Promise<SearchResult> {
		return this.searchSync(query)
	}

	/** The same as `search`, without the promise (for benchmarks). */
	searchSync(query: SearchQuery): SearchResult {
		const accept = this.#acceptor(query)
		const terms = queryTerms(query.q)
		if (terms.length === 0) return this.#newest(query, accept)

		// A trailing space means the last word is complete: no prefix expansion (as Meilisearch does).
		const input = { terms, prefixLast: !/\s$/.test(query.q), vocabulary: this.#vocabulary }
		const outcome = runQueryStrategy(input, (plan) => this.#execute(plan, accept))
		const preferred = outcome.preferredIds
		const ranked = topMatches(outcome.matches, query.offset + query.limit, (a, b) => {
			const tier = Number(preferred.has(b.id)) - Number(preferred.has(a.id))
			return tier || b.score - a.score || (a.id < b.id ? -1 : 1)
		})
		const hits = ranked.slice(query.offset).map((match) => this.#hit(this.#docs.get(match.id)!, match.score, match.terms))
		const result: SearchResult = {
			hits,
			total: outcome.matches.length,
			facets: this.#facets(outcome.matches.map((m) => this.#docs.get(m.id)!)),
		}
		if (outcome.plan?.stage !== 'exact' || outcome.matches.length < MIN_HITS_BEFORE_TYPOS) {
			const suggestion = suggestFromVocabulary(input)
			if (suggestion) result.suggestion = suggestion
		}
		return result
	}

	#options(): Options<SearchDoc> {
		return {
			idField: 'id',
			fields: SEARCHABLE_FIELDS,
			storeFields: ['m'],
			extractField: (doc, field) => {
				if (field === 'm') return levelMask(doc.levels)
				if (field === 'tags') return doc.tags.join(' ')
				return doc[field as keyof SearchDoc]
			},
			tokenize: splitWords,
			processTerm: (word) => {
				const term = indexTerm(word)
				if (term) this.#collecting?.add(term)
				return term
			},
			searchOptions: { boost: { ...FIELD_BOOSTS }, prefix: false, fuzzy: false },
			// Removals only mark docs; vacuuming cleans up in the background in small batches.
			autoVacuum: { minDirtCount: 20, minDirtFactor: 0.1, batchSize: 1000, batchWait: 10 },
			logger: () => {},
		}
	}

	#upsertOne(doc: SearchDoc): void {
		if (this.#docs.has(doc.id)) this.#removeOne(doc.id)
		this.#collecting = new Set()
		try {
			this.#index.add(doc)
			this.#vocabulary.addDocTerms(this.#collecting)
		} finally {
			this.#collecting = null
		}
		this.#remember(doc)
	}

	#remember(doc: SearchDoc): void {
		this.#docs.set(doc.id, doc)
		let ids = this.#idsByItem.get(doc.itemKey)
		if (!ids) this.#idsByItem.set(doc.itemKey, (ids = new Set()))
		ids.add(doc.id)
		this.#newestFirst = null
	}

	#removeOne(id: string): void {
		const doc = this.#docs.get(id)
		if (!doc) return
		this.#index.discard(id)
		this.#vocabulary.removeDocTerms(docTerms(doc))
		this.#docs.delete(id)
		const ids = this.#idsByItem.get(doc.itemKey)
		ids?.delete(id)
		if (ids?.size === 0) this.#idsByItem.delete(doc.itemKey)
		this.#newestFirst = null
	}

	/** The test a doc must pass: reader level always, then the optional filters. */
	#acceptor(query: SearchQuery): Acceptor {
		const bit = LEVEL_BITS[query.readerLevel]
		const types = query.types?.length ? new Set<string>(query.types) : null
		const tags = query.tags?.length ? new Set(query.tags) : null
		const category = query.category || null
		if (!types && !tags && !category) return (_id, stored) => (stored.m & bit) !== 0
		const docs = this.#docs
		return (id, stored) => {
			if ((stored.m & bit) === 0) return false
			const doc = docs.get(id)!
			return (
				(!types || types.has(doc.type)) &&
				(!category || doc.category === category) &&
				(!tags || doc.tags.some((t) => tags.has(t)))
			)
		}
	}

	#execute(plan: QueryPlan, accept: Acceptor): Match[] {
		const weights = new Map<string, number>()
		const groupOf = new Map<string, number>()
		plan.groups.forEach((group, i) => {
			for (const { term, weight } of group.alternatives) {
				weights.set(term, Math.max(weight, weights.get(term) ?? 0))
				groupOf.set(term, i)
			}
		})
		const queries = plan.groups
			.filter((group) => group.alternatives.length > 0)
			.map((group) => ({ combineWith: 'OR', queries: group.alternatives.map((a) => a.term) }))
		const results = this.#index.search(
			{ combineWith: plan.combineWith, queries },
			{
				boostTerm: (term) => weights.get(term) ?? 1,
				// Returning 0 skips the doc before it is scored: the cheapest place to filter.
				boostDocument: (id, _term, stored) => (accept(id as string, stored as Stored) ? 1 : 0),
			},
		)
		return results.map((result) => toMatch(result, groupOf))
	}

	#newest(query: SearchQuery, accept: Acceptor): SearchResult {
		this.#newestFirst ??= [...this.#docs.values()].sort((a, b) =>
			a.updatedAt === b.updatedAt ? (a.id < b.id ? -1 : 1) : a.updatedAt < b.updatedAt ? 1 : -1,
		)
		const matched = this.#newestFirst.filter((doc) => accept(doc.id, { m: levelMask(doc.levels) }))
		return {
			hits: matched.slice(query.offset, query.offset + query.limit).map((doc) => this.#hit(doc, 0, [])),
			total: matched.length,
			facets: this.#facets(matched),
		}
	}

	#hit(doc: SearchDoc, score: number, matchedTerms: string[]): SearchHit {
		const terms = new Set(matchedTerms)
		const summaryMatches = findMatches(doc.summary, terms)
		const bodyMatches = terms.size > 0 ? findMatches(doc.body, terms) : []
		const useBody = windowStrength(bodyMatches) > windowStrength(summaryMatches)
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
			snippet: useBody ? buildSnippet(doc.body, bodyMatches) : buildSnippet(doc.summary || doc.body, summaryMatches),
		}
	}

	#facets(docs: Iterable<SearchDoc>): SearchFacets {
		const facets: SearchFacets = { type: {}, category: {}, tags: {} }
		for (const doc of docs) {
			facets.type[doc.type] = (facets.type[doc.type] ?? 0) + 1
			facets.category[doc.category] = (facets.category[doc.category] ?? 0) + 1
			for (const tag of doc.tags) facets.tags[tag] = (facets.tags[tag] ?? 0) + 1
		}
		return facets
	}
}

/** MiniSearch multiplies a score by the number of query terms matched; ours counts query words (groups) instead. */
function toMatch(result: MiniSearchResult, groupOf: ReadonlyMap<string, number>): Match {
	const groups = new Set(result.queryTerms.map((term) => groupOf.get(term)))
	return {
		id: result.id as string,
		score: (result.score / Math.max(1, result.queryTerms.length)) * groups.size,
		terms: result.terms,
	}
}

/** The first `k` items in `compare` order without sorting them all (a page is tiny, a result set is not). */
export function topMatches<T>(items: readonly T[], k: number, compare: (a: T, b: T) => number): T[] {
	if (k <= 0) return []
	if (items.length <= k * 4) return [...items].sort(compare).slice(0, k)
	const top: T[] = []
	for (const item of items) {
		if (top.length === k && compare(item, top[k - 1]!) >= 0) continue
		let i = top.length === k ? k - 1 : top.length
		if (top.length < k) top.push(item)
		while (i > 0 && compare(item, top[i - 1]!) < 0) {
			top[i] = top[i - 1]!
			i--
		}
		top[i] = item
	}
	return top
}

/** Distinct index terms of a doc, as MiniSearch indexed them. */
function docTerms(doc: SearchDoc): Set<string> {
	const terms = new Set<string>()
	for (const text of [doc.title, doc.summary, doc.body, doc.tags.join(' ')]) {
		for (const word of splitWords(text)) {
			const term = indexTerm(word)
			if (term) terms.add(term)
		}
	}
	return terms
}
