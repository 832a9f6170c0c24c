import { Meilisearch, type EnqueuedTaskPromise, type Index, type SearchParams, type Settings } from 'meilisearch'
import { isAudience, parseAudience } from '#app/domain/accounts-tiers/audience.ts'
import { buildSnippet, highlightedWords, segmentsFromMarked } from '#app/domain/search/highlight.ts'
import { equals, searchFilter } from '#app/domain/search/meili-filter.ts'
import { suggestFromMatchedWords } from '#app/domain/search/query-strategy.ts'
import {
	assertValidDocs,
	pageBounds,
	type DocType,
	type SearchDoc,
	type SearchEngine,
	type SearchHit,
	type SearchQuery,
	type SearchResult,
	type Segment,
} from '#app/domain/search/search-port.ts'
import {
	MIN_WORD_SIZE_FOR_TYPOS,
	SEARCHABLE_FIELDS,
	STOP_WORDS,
	SYNONYMS,
} from '#app/domain/search/search-settings.ts'
import { queryTerms } from '#app/domain/search/text.ts'

/**
 * The Meilisearch adapter (chosen when MEILI_HOST is set), through the official client. Settings
 * mirror search-settings.ts so that both adapters pass the same contract suite.
 */

/** Meilisearch ids allow only [A-Za-z0-9_-]; ours have colons, so the primary key is base64url of the id. */
const PRIMARY_KEY = 'key'
/** Control characters as highlight tags: they cannot occur in indexed text (stripped below). */
const PRE_TAG = '\u0002'
const POST_TAG = '\u0003'
// eslint-disable-next-line no-control-regex -- the highlight tags are control characters on purpose (above)
const TAG_CHARS = /[\u0002\u0003]/g
const CROP_WORDS = 30
const BATCH_SIZE = 1_000
/** Long enough for a full reindex of a few thousand docs on a small server. */
const TASK_TIMEOUT_MS = 120_000

const SETTINGS = {
	searchableAttributes: [...SEARCHABLE_FIELDS],
	filterableAttributes: ['levels', 'type', 'category', 'tags', 'itemKey', 'generation'],
	sortableAttributes: ['updatedAtMs'],
	stopWords: [...STOP_WORDS],
	synonyms: SYNONYMS,
	typoTolerance: {
		enabled: true,
		minWordSizeForTypos: { oneTypo: MIN_WORD_SIZE_FOR_TYPOS.oneTypo, twoTypos: MIN_WORD_SIZE_FOR_TYPOS.twoTypos },
	},
	// Exact totals for pagination up to this many hits (Meilisearch's default stops at 1,000).
	pagination: { maxTotalHits: 10_000 },
	faceting: { maxValuesPerFacet: 500 },
} satisfies Settings

type MeiliDoc = SearchDoc & {
	key: string
	updatedAtMs: number
	/** Set by replaceAll: docs of an older generation are deleted once the new one is in. */
	generation: number
}
type Formatted = { title?: string; summary?: string; body?: string }
type MeiliHit = Omit<MeiliDoc, 'generation' | 'key' | 'updatedAtMs'> & {
	_formatted?: Formatted
	_rankingScore?: number
}

export type MeilisearchEngineOptions = { host: string; apiKey?: string; indexUid: string }

export class MeilisearchEngine implements SearchEngine {
	readonly name = 'meilisearch'
	readonly indexUid: string
	#client: Meilisearch
	#index: Index<MeiliDoc>

	constructor(options: MeilisearchEngineOptions) {
		this.#client = new Meilisearch({ host: options.host, apiKey: options.apiKey })
		this.indexUid = options.indexUid
		this.#index = this.#client.index<MeiliDoc>(options.indexUid)
	}

	/** Creates the index if missing and applies settings that differ; safe on every start. */
	async init(): Promise<void> {
		const exists = await this.#client
			.getRawIndex(this.indexUid)
			.then(() => true)
			.catch((error: unknown) => {
				if (isApiError(error, 'index_not_found')) return false
				throw error
			})
		if (!exists) {
			// Another instance may create it at the same moment: that is fine too.
			await settle(this.#client.createIndex(this.indexUid, { primaryKey: PRIMARY_KEY }), 'create index', 'index_already_exists')
		}
		const changed = changedSettings(await this.#index.getSettings())
		if (Object.keys(changed).length > 0) await settle(this.#index.updateSettings(changed), 'update settings')
	}

	async upsert(docs: SearchDoc[]): Promise<void> {
		assertValidDocs(docs)
		await this.#add(docs.map((doc) => toMeiliDoc(doc, 0)))
	}

	async removeItem(itemKey: string): Promise<void> {
		await settle(this.#index.deleteDocuments({ filter: equals('itemKey', itemKey) }), 'delete item')
	}

	/** New docs go in first, then the previous generation goes: searches never see an empty index. */
	async replaceAll(docs: SearchDoc[]): Promise<void> {
		assertValidDocs(docs)
		const generation = Date.now()
		await this.#add(docs.map((doc) => toMeiliDoc(doc, generation)))
		await settle(this.#index.deleteDocuments({ filter: `generation != ${generation}` }), 'delete old generation')
	}

	async count(): Promise<number> {
		return (await this.#index.getStats()).numberOfDocuments
	}

	async search(request: SearchQuery): Promise<SearchResult> {
		const query = { ...request, ...pageBounds(request) }
		const filter = searchFilter(query)
		const empty: SearchResult = { hits: [], total: 0, facets: { type: {}, category: {}, tags: {} } }
		if (!filter || query.limit <= 0) return empty
		const terms = queryTerms(query.q)
		// Stop words alone mean no query: list the newest, as the embedded engine does.
		const q = terms.length > 0 ? query.q : ''
		const base: SearchParams = {
			filter,
			facets: ['type', 'category', 'tags'],
			// Summary and body are retrieved too: _formatted may leave out attributes not retrieved.
			attributesToRetrieve: ['id', 'itemKey', 'type', 'url', 'title', 'summary', 'body', 'category', 'tags', 'audience', 'levels', 'updatedAt'],
			attributesToHighlight: ['title', 'summary', 'body'],
			attributesToCrop: ['summary', 'body'],
			cropLength: CROP_WORDS,
			cropMarker: '…',
			highlightPreTag: PRE_TAG,
			highlightPostTag: POST_TAG,
			showRankingScore: true,
			...(q === '' ? { sort: ['updatedAtMs:desc'] } : {}),
			// Every word must match first; only when that finds nothing, drop words from the end.
			matchingStrategy: 'all',
			...pageOf(query),
		}
		let response = await this.#index.search<MeiliHit>(q, base)
		if (terms.length > 1 && totalOf(response) === 0) {
			response = await this.#index.search<MeiliHit>(q, { ...base, matchingStrategy: 'last' })
		}
		const hits = response.hits.map(toHit)
		const distribution = response.facetDistribution ?? {}
		const result: SearchResult = {
			hits,
			total: totalOf(response),
			facets: { type: distribution.type ?? {}, category: distribution.category ?? {}, tags: distribution.tags ?? {} },
		}
		if (terms.length > 0) {
			const matched = hits.flatMap((hit) => [...highlightedWords(hit.titleHighlight), ...highlightedWords(hit.snippet)])
			const suggestion = suggestFromMatchedWords(terms, matched)
			if (suggestion) result.suggestion = suggestion
		}
		return result
	}

	/** Deletes the whole index (tests use a throwaway index per run). */
	async dropIndex(): Promise<void> {
		try {
			await settle(this.#client.deleteIndex(this.indexUid), 'delete index', 'index_not_found')
		} catch (error) {
			if (!isApiError(error, 'index_not_found')) throw error
		}
	}

	async #add(docs: MeiliDoc[]): Promise<void> {
		for (let i = 0; i < docs.length; i += BATCH_SIZE) {
			await settle(this.#index.addDocuments(docs.slice(i, i + BATCH_SIZE), { primaryKey: PRIMARY_KEY }), 'add documents')
		}
	}
}

function toMeiliDoc(doc: SearchDoc, generation: number): MeiliDoc {
	const clean = (text: string) => text.replace(TAG_CHARS, ' ')
	return {
		...doc,
		key: Buffer.from(doc.id).toString('base64url'),
		title: clean(doc.title),
		summary: clean(doc.summary),
		body: clean(doc.body),
		updatedAtMs: Date.parse(doc.updatedAt),
		generation,
	}
}

function toHit(hit: MeiliHit): SearchHit {
	const formatted = hit._formatted ?? {}
	const title = segmentsFromMarked(formatted.title ?? hit.title, PRE_TAG, POST_TAG)
	// Cropped and marked by Meilisearch; our own cut of the plain text if it sent none.
	const marked = (value: string | undefined, plain: string) =>
		value !== undefined ? segmentsFromMarked(value, PRE_TAG, POST_TAG) : buildSnippet(plain, [])
	const summary = marked(formatted.summary, hit.summary)
	const body = marked(formatted.body, hit.body)
	// As the embedded engine: the body only when it shows more of the query than the summary.
	const snippet = distinctMatches(body) > distinctMatches(summary) || summary.length === 0 ? body : summary
	return {
		id: hit.id,
		itemKey: hit.itemKey,
		type: hit.type as DocType,
		url: hit.url,
		title: hit.title,
		category: hit.category,
		tags: hit.tags,
		audience: parseAudience(hit.audience),
		levels: hit.levels.filter(isAudience),
		updatedAt: hit.updatedAt,
		score: hit._rankingScore ?? 0,
		titleHighlight: title,
		snippet,
	}
}

function distinctMatches(segments: Segment[]): number {
	return new Set(highlightedWords(segments)).size
}

/** Page mode gives exact totals; it needs an offset that is a multiple of the limit. */
function pageOf(query: SearchQuery): Pick<SearchParams, 'hitsPerPage' | 'page' | 'limit' | 'offset'> {
	if (query.offset % query.limit === 0) return { hitsPerPage: query.limit, page: query.offset / query.limit + 1 }
	return { limit: query.limit, offset: query.offset }
}

function totalOf(response: { totalHits?: number; estimatedTotalHits?: number }): number {
	return response.totalHits ?? response.estimatedTotalHits ?? 0
}

/** Waits for a task and throws when it did not succeed (the client resolves failed tasks too). */
async function settle(task: EnqueuedTaskPromise, what: string, acceptedErrorCode?: string): Promise<void> {
	const done = await task.waitTask({ timeout: TASK_TIMEOUT_MS })
	if (done.status === 'failed' && acceptedErrorCode && done.error?.code === acceptedErrorCode) return
	if (done.status !== 'succeeded') {
		throw new Error(`Meilisearch ${what} ${done.status}: ${done.error?.message ?? 'no reason given'}`)
	}
}

function isApiError(error: unknown, code: string): boolean {
	const cause = (error as { cause?: { code?: string } } | null)?.cause
	return cause?.code === code
}

/**
 * Whether a setting as Meilisearch returns it already holds what we want. Lists compare as sets
 * (but searchable attributes in order: order is their ranking); objects compare on the keys we set,
 * because Meilisearch answers with every field.
 */
export function sameSetting(current: unknown, wanted: unknown, ordered = false): boolean {
	if (Array.isArray(wanted)) {
		if (!Array.isArray(current) || current.length !== wanted.length) return false
		const a = ordered ? current : [...current].sort()
		const b = ordered ? wanted : [...wanted].sort()
		return a.every((value, i) => sameSetting(value, b[i]))
	}
	if (wanted !== null && typeof wanted === 'object') {
		if (current === null || typeof current !== 'object') return false
		return Object.entries(wanted).every(([key, value]) => sameSetting((current as Record<string, unknown>)[key], value))
	}
	return current === wanted
}

/** The settings that differ from ours (synonyms must also have no extra keys). */
export function changedSettings(current: Settings): Settings {
	const changed: Record<string, unknown> = {}
	for (const [key, wanted] of Object.entries(SETTINGS)) {
		const have = current[key as keyof Settings]
		let same = sameSetting(have, wanted, key === 'searchableAttributes')
		if (same && key === 'synonyms') same = Object.keys(have ?? {}).length === Object.keys(wanted).length
		if (!same) changed[key] = wanted
	}
	return changed as Settings
}
