/**
 * npm run bench:search [-- --corpus=dense|zipf|both --queries=1000 --docs=10000 --engines=embedded,minisearch-default]
 * (add `minisearch-strategy` to --engines for the third comparison; it adds about a minute)
 *
 * Builds an index of synthetic articles (about 800 words each) and prints the build time, the heap
 * it added and query latency p50/p95/p99 over a fixed, seeded set of queries: a third with a
 * swapped-letter typo, a third truncated to a prefix, the rest exact; each with a reader level
 * (so the audience filter always applies) and top 10 asked for.
 *
 * Two corpora, as in /work/shared/BASELINES.md:
 *  - dense: 1,200-word vocabulary, 1-3 words a query (most words in most docs: the hard case);
 *  - zipf: 20,000-word vocabulary, 1 word a query.
 * Query words follow the same Zipf law as the text, so frequent words are asked for more often.
 *
 * Engines, measured in the same run so that the ratios are visible:
 *  - `embedded`: our adapter (own compact index + staged query strategy), facets and snippets included;
 *  - `minisearch-strategy`: MiniSearch 7.2 driven by the same strategy, facets and snippets included;
 *  - `minisearch-default`: plain MiniSearch as BASELINES.md set it up (OR, prefix, fuzzy 1, title
 *    boost 2, audience filter after scoring), no facets or snippets.
 * Memory is the growth of JS heap plus external (typed array) memory after building, after a GC.
 */
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { pathToFileURL } from 'node:url'
import { cpus, loadavg } from 'node:os'
import MiniSearch from 'minisearch'
import SearchableMap from 'minisearch/SearchableMap'
import { AUDIENCES, audienceRank, type Audience } from '#app/domain/accounts-tiers/audience.ts'
import { EmbeddedSearchEngine } from '#app/domain/search/embedded-engine.ts'
import { buildSnippet, findMatches } from '#app/domain/search/highlight.ts'
import { runQueryStrategy, type QueryPlan, type Vocabulary } from '#app/domain/search/query-strategy.ts'
import { DOC_TYPES, type SearchDoc, type SearchQuery } from '#app/domain/search/search-port.ts'
import { FIELD_BOOSTS, SEARCHABLE_FIELDS } from '#app/domain/search/search-settings.ts'
import { indexTerm, queryTerms, splitWords } from '#app/domain/search/text.ts'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

type Corpus = { name: 'dense' | 'zipf'; vocabularySize: number; wordsPerQuery: [number, number] }
export const CORPORA: Record<Corpus['name'], Corpus> = {
	dense: { name: 'dense', vocabularySize: 1_200, wordsPerQuery: [1, 3] },
	zipf: { name: 'zipf', vocabularySize: 20_000, wordsPerQuery: [1, 1] },
}
const CATEGORIES = ['getting-started', 'dashboards', 'reports', 'data-sources', 'metrics', 'alerts', 'administration', 'integrations', 'api', 'best-practices']
const TAGS = Array.from({ length: 40 }, (_, i) => `tag-${i}`)

function arg(name: string, fallback: string): string {
	const found = process.argv.find((a) => a.startsWith(`--${name}=`))
	return found ? found.slice(name.length + 3) : fallback
}

/** mulberry32: small, fast, seeded. */
function random(seed: number): () => number {
	let a = seed >>> 0
	return () => {
		a = (a + 0x6d2b79f5) >>> 0
		let t = a
		t = Math.imul(t ^ (t >>> 15), t | 1)
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296
	}
}

/** Pronounceable pseudo-words, 3 to 12 letters, all distinct. */
function makeVocabulary(size: number, rand: () => number): string[] {
	const onsets = ['b', 'c', 'd', 'f', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'z', 'br', 'cr', 'dr', 'st', 'tr', 'pl', 'sh', 'ch', 'th', 'gr']
	const vowels = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou', 'io']
	const codas = ['', '', 'n', 'r', 's', 't', 'l', 'm', 'ck', 'nd', 'st']
	const words = new Set<string>()
	while (words.size < size) {
		const syllables = 1 + Math.floor(rand() * 4)
		let word = ''
		for (let s = 0; s < syllables; s++) {
			word += onsets[Math.floor(rand() * onsets.length)]! + vowels[Math.floor(rand() * vowels.length)]!
			if (s === syllables - 1) word += codas[Math.floor(rand() * codas.length)]!
		}
		if (word.length >= 3 && word.length <= 12) words.add(word)
	}
	return [...words]
}

/** Draws ranks from a Zipf law (exponent 1). */
function zipfSampler(size: number, rand: () => number): () => number {
	const cumulative = new Float64Array(size)
	let total = 0
	for (let r = 0; r < size; r++) cumulative[r] = total += 1 / (r + 1)
	return () => {
		const x = rand() * total
		let lo = 0
		let hi = size - 1
		while (lo < hi) {
			const mid = (lo + hi) >> 1
			if (cumulative[mid]! < x) lo = mid + 1
			else hi = mid
		}
		return lo
	}
}

export function makeDocs(corpus: Corpus, count: number): { docs: SearchDoc[]; words: string[]; draw: () => string } {
	const rand = random(42)
	const words = makeVocabulary(corpus.vocabularySize, rand)
	const rank = zipfSampler(words.length, rand)
	const draw = () => words[rank()]!
	const sentence = (n: number) => Array.from({ length: n }, draw).join(' ')
	const docs: SearchDoc[] = []
	const start = Date.parse('2024-01-01T00:00:00Z')
	for (let i = 0; i < count; i++) {
		const audience = AUDIENCES[Math.floor(rand() * AUDIENCES.length)]!
		const paragraphs = Array.from({ length: 8 }, () => sentence(90 + Math.floor(rand() * 20)) + '.')
		docs.push({
			id: `article:doc-${i}`,
			itemKey: `article:doc-${i}`,
			type: DOC_TYPES[Math.floor(rand() * DOC_TYPES.length)]!,
			url: `/articles/doc-${i}`,
			title: sentence(4 + Math.floor(rand() * 6)),
			summary: sentence(15 + Math.floor(rand() * 15)),
			body: paragraphs.join('\n\n'),
			category: CATEGORIES[Math.floor(rand() * CATEGORIES.length)]!,
			tags: [...new Set(Array.from({ length: 1 + Math.floor(rand() * 3) }, () => TAGS[Math.floor(rand() * TAGS.length)]!))],
			audience,
			// One variant per item: every reader level at or above the item's audience.
			levels: AUDIENCES.filter((level) => audienceRank(level) >= audienceRank(audience)),
			updatedAt: new Date(start + Math.floor(rand() * 730) * 86_400_000).toISOString(),
		})
	}
	return { docs, words, draw }
}

type BenchQuery = { kind: 'typo' | 'prefix' | 'exact'; q: string; readerLevel: Audience }

export function makeQueries(corpus: Corpus, draw: () => string, count: number): BenchQuery[] {
	const rand = random(7)
	const queries: BenchQuery[] = []
	for (let i = 0; i < count; i++) {
		const kind = i % 3 === 0 ? 'typo' : i % 3 === 1 ? 'prefix' : 'exact'
		const [min, max] = corpus.wordsPerQuery
		const n = min + Math.floor(rand() * (max - min + 1))
		const words = Array.from({ length: n }, draw)
		if (kind === 'typo') {
			// Swap two neighbouring letters (not the first) of the longest word.
			const at = words.reduce((best, w, j) => (w.length > words[best]!.length ? j : best), 0)
			const w = words[at]!
			if (w.length >= 3) {
				const p = 1 + Math.floor(rand() * (w.length - 2))
				words[at] = w.slice(0, p) + w[p + 1] + w[p] + w.slice(p + 2)
			}
		} else if (kind === 'prefix') {
			const w = words[n - 1]!
			words[n - 1] = w.slice(0, Math.max(3, Math.ceil(w.length * (0.4 + rand() * 0.4))))
		}
		queries.push({ kind, q: words.join(' '), readerLevel: AUDIENCES[Math.floor(rand() * AUDIENCES.length)]! })
	}
	return queries
}

type Engine = { build(docs: SearchDoc[]): void; search(q: BenchQuery): number }

function embeddedEngine(): Engine {
	let engine: EmbeddedSearchEngine
	return {
		build(docs) {
			engine = new EmbeddedSearchEngine()
			void engine.replaceAll(docs)
		},
		search(q) {
			const query: SearchQuery = { q: q.q, readerLevel: q.readerLevel, limit: 10, offset: 0 }
			return engine.searchSync(query).total
		},
	}
}

/** Plain MiniSearch, set up as in BASELINES.md. */
function miniSearchDefault(): Engine {
	let index: MiniSearch<SearchDoc>
	return {
		build(docs) {
			index = new MiniSearch<SearchDoc>({
				fields: ['title', 'summary', 'body'],
				storeFields: ['levels', 'title', 'url'],
				searchOptions: { prefix: true, fuzzy: 1, boost: { title: 2 } },
			})
			index.addAll(docs)
		},
		search(q) {
			const results = index.search(q.q, { filter: (r) => (r.levels as Audience[]).includes(q.readerLevel) })
			results.slice(0, 10)
			return results.length
		},
	}
}

/**
 * MiniSearch driven by our query strategy (AND first, capped prefix expansion, typos only when
 * needed, audience filter inside scoring via boostDocument), with facets and snippets as the
 * embedded engine computes them: the library-based design that the decision record weighs
 * against our own index.
 */
function miniSearchStrategy(): Engine {
	let index: MiniSearch<SearchDoc>
	let byId: Map<string, SearchDoc>
	const vocabulary = new SearchableMap<number>()
	const lookup: Vocabulary = {
		docFrequency: (term) => vocabulary.get(term) ?? 0,
		completions: (prefix, max) =>
			[...vocabulary.atPrefix(prefix)]
				.filter(([term]) => term !== prefix)
				.map(([term, docFrequency]) => ({ term, docFrequency }))
				.sort((a, b) => b.docFrequency - a.docFrequency)
				.slice(0, max),
		near: (term, maxDistance) =>
			[...vocabulary.fuzzyGet(term, maxDistance)]
				.filter(([, [, distance]]) => distance > 0)
				.map(([candidate, [docFrequency, distance]]) => ({ term: candidate, distance, docFrequency })),
	}
	return {
		build(docs) {
			byId = new Map(docs.map((doc) => [doc.id, doc]))
			index = new MiniSearch<SearchDoc>({
				fields: SEARCHABLE_FIELDS,
				storeFields: ['levels'],
				extractField: (doc, field) => (field === 'tags' ? doc.tags.join(' ') : doc[field as keyof SearchDoc]),
				tokenize: splitWords,
				processTerm: indexTerm,
				searchOptions: { boost: { ...FIELD_BOOSTS } },
			})
			index.addAll(docs)
			for (const doc of docs) {
				const terms = new Set(splitWords(`${doc.title} ${doc.tags.join(' ')} ${doc.summary} ${doc.body}`).map(indexTerm))
				for (const term of terms) if (term) vocabulary.update(term, (n) => (n ?? 0) + 1)
			}
		},
		search(q) {
			const execute = (plan: QueryPlan) => {
				const weights = new Map(plan.groups.flatMap((g) => g.alternatives.map((a) => [a.term, a.weight] as const)))
				const queries = plan.groups
					.filter((g) => g.alternatives.length > 0)
					.map((g) => ({ combineWith: 'OR' as const, queries: g.alternatives.map((a) => a.term) }))
				return index.search(
					{ combineWith: plan.combineWith, queries },
					{
						boostTerm: (term) => weights.get(term) ?? 1,
						boostDocument: (_id, _term, stored) => ((stored!.levels as Audience[]).includes(q.readerLevel) ? 1 : 0),
					},
				)
			}
			const terms = queryTerms(q.q)
			const outcome = runQueryStrategy({ terms, prefixLast: true, vocabulary: lookup }, execute, (r) => r.length)
			const results = outcome.result ?? []
			const facets: Record<string, number> = {}
			for (const r of results) {
				const doc = byId.get(r.id as string)!
				facets[doc.type] = (facets[doc.type] ?? 0) + 1
				facets[doc.category] = (facets[doc.category] ?? 0) + 1
				for (const tag of doc.tags) facets[tag] = (facets[tag] ?? 0) + 1
			}
			for (const r of results.slice(0, 10)) {
				const doc = byId.get(r.id as string)!
				buildSnippet(doc.body, findMatches(doc.body, new Set(r.terms)))
			}
			return results.length
		},
	}
}

const ENGINES: Record<string, () => Engine> = {
	embedded: embeddedEngine,
	'minisearch-default': miniSearchDefault,
	'minisearch-strategy': miniSearchStrategy,
}

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

/** p95 the embedded engine should stay under (the issue's goal, on a 2-core machine). */
const GOAL_P95_MS = 10

function run(corpus: Corpus, engineNames: string[], docCount: number, queryCount: number) {
	const { docs, draw } = makeDocs(corpus, docCount)
	const queries = makeQueries(corpus, draw, queryCount)
	const words = docs.reduce((n, d) => n + d.body.split(' ').length, 0) / docs.length
	console.log(`\n## corpus ${corpus.name}: ${docs.length} docs, ~${Math.round(words)} body words each, ${corpus.vocabularySize} distinct words, ${queries.length} queries of ${corpus.wordsPerQuery.join('-')} words`)
	console.log('| engine | queries | build | memory | p50 ms | p95 ms | p99 ms | with hits |')
	console.log('| --- | --- | --- | --- | --- | --- | --- | --- |')
	const p95: Record<string, number> = {}
	for (const engineName of engineNames) {
		const engine = ENGINES[engineName]!()
		// Typed arrays live outside the JS heap: count them too.
		const memory = () => process.memoryUsage().heapUsed + process.memoryUsage().external
		gc()
		const before = memory()
		const t0 = performance.now()
		engine.build(docs)
		const buildMs = performance.now() - t0
		gc()
		const memoryMb = (memory() - before) / 1024 / 1024
		// Warm up the JIT on other queries than the measured ones.
		for (const q of makeQueries(corpus, draw, 100)) engine.search(q)
		const times: Record<BenchQuery['kind'] | 'all', number[]> = { all: [], typo: [], prefix: [], exact: [] }
		let withHits = 0
		for (const q of queries) {
			const t = performance.now()
			if (engine.search(q) > 0) withHits++
			const ms = performance.now() - t
			times.all.push(ms)
			times[q.kind].push(ms)
		}
		for (const [kind, list] of Object.entries(times)) {
			list.sort((a, b) => a - b)
			const [p50, p95Value, p99] = [50, 95, 99].map((p) => percentile(list, p))
			if (kind === 'all') p95[engineName] = p95Value!
			const cells =
				kind === 'all'
					? [engineName, 'all', `${(buildMs / 1000).toFixed(1)} s`, `${memoryMb.toFixed(0)} MB`]
					: ['', kind, '', '']
			cells.push(p50!.toFixed(1), p95Value!.toFixed(1), p99!.toFixed(1), kind === 'all' ? `${Math.round((withHits / queries.length) * 100)}%` : '')
			console.log(`| ${cells.join(' | ')} |`)
		}
	}
	const ours = p95.embedded
	if (ours !== undefined) {
		const verdict = ours < GOAL_P95_MS ? `met, ${(GOAL_P95_MS / ours).toFixed(1)}x under` : `missed by ${(ours - GOAL_P95_MS).toFixed(1)} ms`
		const ratios = Object.entries(p95)
			.filter(([name]) => name !== 'embedded')
			.map(([name, value]) => `${(value / ours).toFixed(1)}x faster than ${name}`)
		console.log(`\nembedded p95 ${ours.toFixed(1)} ms; goal p95 < ${GOAL_P95_MS} ms: ${verdict}${ratios.length ? `; ${ratios.join(', ')}` : ''} (p95 ratio, same run).`)
	}
}

function main() {
	const corpusArg = arg('corpus', 'both')
	const corpora = corpusArg === 'both' ? [CORPORA.dense, CORPORA.zipf] : [CORPORA[corpusArg as Corpus['name']]]
	const engineNames = arg('engines', 'embedded,minisearch-default').split(',')
	for (const name of engineNames) if (!ENGINES[name]) throw new Error(`Unknown engine ${name}: ${Object.keys(ENGINES).join(', ')}`)
	// The machines are shared: the load average says how much the figures may be inflated.
	console.log(`Search benchmark, Node ${process.version}, ${cpus().length} cores, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}, ${new Date().toISOString()}`)
	for (const corpus of corpora) {
		if (!corpus) throw new Error(`Unknown corpus ${corpusArg}: dense, zipf or both`)
		run(corpus, engineNames, Number(arg('docs', '10000')), Number(arg('queries', '1000')))
	}
	console.log(`\nload at the end ${loadavg().map((l) => l.toFixed(1)).join(' ')}`)
}

// Run only when started as a script (the generators are importable for profiling).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main()
