import { AUDIENCES, type Audience } from '#app/domain/accounts-tiers/audience.ts'

/**
 * The search port: what the portal needs from a full-text engine. Two adapters implement it
 * (embedded-engine.ts, meilisearch-engine.ts) and both must pass
 * test/contract/search/search-engine.contract.ts.
 */

export const DOC_TYPES = ['article', 'lesson', 'path', 'assessment'] as const
export type DocType = (typeof DOC_TYPES)[number]

/**
 * One searchable variant of a content item. An item whose body differs by reader level (the
 * <Audience> component) is indexed once per variant, each with a disjoint set of reader levels.
 */
export type SearchDoc = {
	/** Unique per variant, e.g. 'article:build-your-first-dashboard:tier1'. */
	id: string
	/** Shared by all variants of one item, e.g. 'article:build-your-first-dashboard'. */
	itemKey: string
	type: DocType
	url: string
	title: string
	summary: string
	/** Plain text, no markup. */
	body: string
	category: string
	tags: string[]
	/** The item's audience (who may open it). */
	audience: Audience
	/** The reader levels this variant is shown to. A query only ever sees docs listing its level. */
	levels: Audience[]
	/** ISO date-time; the empty query lists newest first. */
	updatedAt: string
}

/**
 * Throws on docs that no engine could serve correctly (a doc without reader levels would be
 * invisible, an unknown level or type could never be filtered). Engines check whole batches first,
 * so that a bad doc changes nothing.
 */
export function assertValidDocs(docs: readonly SearchDoc[]): void {
	for (const doc of docs) {
		const problem = problemWith(doc)
		if (problem) throw new Error(`Search doc ${doc.id || '(no id)'} has ${problem}`)
	}
}

function problemWith(doc: SearchDoc): string | null {
	if (!doc.id || !doc.itemKey) return 'an empty id or itemKey'
	if (!DOC_TYPES.includes(doc.type)) return `unknown type ${String(doc.type)}`
	if (doc.levels.length === 0) return 'no reader levels'
	if (!doc.levels.every((level) => AUDIENCES.includes(level))) return `unknown reader levels ${doc.levels.join(', ')}`
	if (Number.isNaN(Date.parse(doc.updatedAt))) return `an invalid updatedAt ${doc.updatedAt}`
	return null
}

export type SearchQuery = {
	q: string
	/** Always required: the engine returns only docs whose `levels` include it. */
	readerLevel: Audience
	/** Any of these types (OR). */
	types?: DocType[]
	category?: string
	/** Any of these tags (OR). Facets combine with AND. */
	tags?: string[]
	limit: number
	offset: number
}

/** Most hits one query returns; a page beyond it is cut to it. */
export const MAX_LIMIT = 100

/** Limit and offset as the engines apply them: whole numbers, limit within 0..MAX_LIMIT, offset from 0. */
export function pageBounds(query: Pick<SearchQuery, 'limit' | 'offset'>): { limit: number; offset: number } {
	const whole = (n: number) => (Number.isFinite(n) ? Math.floor(n) : 0)
	return { limit: Math.min(MAX_LIMIT, Math.max(0, whole(query.limit))), offset: Math.max(0, whole(query.offset)) }
}

/** A piece of text, marked when it matched the query. The UI renders <mark> from these: no HTML strings. */
export type Segment = { text: string; match: boolean }

export type SearchHit = {
	id: string
	itemKey: string
	type: DocType
	url: string
	title: string
	category: string
	tags: string[]
	audience: Audience
	levels: Audience[]
	updatedAt: string
	/** Engine-specific relevance; only its order means something. */
	score: number
	titleHighlight: Segment[]
	/** A short window of the summary or body around the matches. */
	snippet: Segment[]
}

/** Counts over every doc the query matched for this reader level, with all filters applied. */
export type SearchFacets = {
	type: Record<string, number>
	category: Record<string, number>
	tags: Record<string, number>
}

export type SearchResult = {
	hits: SearchHit[]
	total: number
	facets: SearchFacets
	/** 'Did you mean' when the query found few or no hits as typed. */
	suggestion?: string
}

export interface SearchEngine {
	readonly name: string
	/** Applies settings; safe to call on every start. */
	init(): Promise<void>
	/** Adds or replaces docs by id. */
	upsert(docs: SearchDoc[]): Promise<void>
	/** Drops every variant of an item. */
	removeItem(itemKey: string): Promise<void>
	/** Replaces the whole index with these docs. */
	replaceAll(docs: SearchDoc[]): Promise<void>
	search(query: SearchQuery): Promise<SearchResult>
	/** Number of docs (variants) indexed. */
	count(): Promise<number>
}
