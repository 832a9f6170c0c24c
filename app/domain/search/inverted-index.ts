import SearchableMap from 'minisearch/SearchableMap'
import { FIELD_BOOSTS, SEARCHABLE_FIELDS, type SearchableField } from '#app/domain/search/search-settings.ts'
import { type Vocabulary } from '#app/domain/search/query-strategy.ts'

/**
 * A compact inverted index: per term one Int32Array of [slot, packed term frequencies] pairs in slot
 * order, doc attributes in typed arrays, and MiniSearch's radix tree (SearchableMap) as the term
 * dictionary for prefix and typo lookups. Scoring is BM25+ per field with field boosts, as
 * MiniSearch does, but over flat arrays with reusable accumulators: at 10,000 docs of 800 words,
 * MiniSearch's maps of maps and per-posting objects were 5-10x slower (docs/decisions/002).
 *
 * Docs live in slots; a removed doc leaves a dead slot that queries skip until `compact()`.
 */

/** Term frequency of each field packed into 32 bits: body 16 bits, summary 6, tags 5, title 5 (capped). */
const PACKING: Record<SearchableField, { shift: number; max: number }> = {
	body: { shift: 0, max: 0xffff },
	summary: { shift: 16, max: 63 },
	tags: { shift: 22, max: 31 },
	title: { shift: 27, max: 31 },
}
const FIELD_COUNT = SEARCHABLE_FIELDS.length
/** BM25+ parameters, MiniSearch's defaults. */
const K1 = 1.2
const B = 0.7
const DELTA = 0.5

type Posting = { data: Int32Array; length: number; docFrequency: number }
export type WeightedTerm = { term: string; weight: number }
/** Matching slots and their scores, `size` entries long. */
export type Matches = { slots: Int32Array; scores: Float64Array; size: number }
export type SerializedIndex = { slotCount: number; masks: string; lengths: string; terms: Array<[string, string]> }

/** Term frequencies by field for one doc: term → packed frequencies. */
export function packTermFrequencies(fieldTerms: Record<SearchableField, readonly string[]>): {
	packed: Map<string, number>
	lengths: number[]
} {
	const counts = new Map<string, number[]>()
	const lengths = SEARCHABLE_FIELDS.map((field) => fieldTerms[field].length)
	SEARCHABLE_FIELDS.forEach((field, f) => {
		for (const term of fieldTerms[field]) {
			let perField = counts.get(term)
			if (!perField) counts.set(term, (perField = new Array<number>(FIELD_COUNT).fill(0)))
			perField[f]!++
		}
	})
	const packed = new Map<string, number>()
	for (const [term, perField] of counts) {
		let value = 0
		SEARCHABLE_FIELDS.forEach((field, f) => {
			const { shift, max } = PACKING[field]
			value |= Math.min(perField[f]!, max) << shift
		})
		packed.set(term, value)
	}
	return { packed, lengths }
}

export class InvertedIndex implements Vocabulary {
	/** The term dictionary for prefix and typo lookups... */
	#terms = new SearchableMap<Posting>()
	/** ...and the same postings in a hash map for exact lookups, which a radix tree is slow at. */
	#postings = new Map<string, Posting>()
	#slotCount = 0
	#liveCount = 0
	/** Reader-level bits per slot; 0 for a dead slot, so that no query ever accepts it. */
	#masks = new Uint8Array(64)
	/** Token count of each field per slot, FIELD_COUNT entries a slot. */
	#lengths = new Uint32Array(64 * FIELD_COUNT)
	#lengthTotals = new Float64Array(FIELD_COUNT)
	// Reusable per-query scratch, indexed by slot; stamps spare clearing them between queries.
	#queryStamp = new Uint32Array(64)
	#groupStamp = new Uint32Array(64)
	#groupsMatched = new Uint8Array(64)
	#score = new Float64Array(64)
	#groupScore = new Float64Array(64)
	#touched = new Int32Array(64)
	#epoch = 0

	get slotCount(): number {
		return this.#slotCount
	}
	get liveCount(): number {
		return this.#liveCount
	}
	get deadCount(): number {
		return this.#slotCount - this.#liveCount
	}
	/** Reader-level bits of each slot (0 when dead). Read-only for callers. */
	get masks(): Uint8Array {
		return this.#masks
	}

	/** Adds a doc in a new slot and returns the slot. */
	add(packed: ReadonlyMap<string, number>, lengths: readonly number[], mask: number): number {
		const slot = this.#slotCount
		this.#ensureCapacity(slot + 1)
		this.#slotCount++
		this.#liveCount++
		this.#masks[slot] = mask
		for (let f = 0; f < FIELD_COUNT; f++) {
			this.#lengths[slot * FIELD_COUNT + f] = lengths[f]!
			this.#lengthTotals[f]! += lengths[f]!
		}
		for (const [term, value] of packed) {
			let posting = this.#postings.get(term)
			if (!posting) {
				posting = { data: new Int32Array(8), length: 0, docFrequency: 0 }
				this.#terms.set(term, posting)
				this.#postings.set(term, posting)
			}
			if ((posting.length + 1) * 2 > posting.data.length) {
				const grown = new Int32Array(posting.data.length * 2)
				grown.set(posting.data)
				posting.data = grown
			}
			posting.data[posting.length * 2] = slot
			posting.data[posting.length * 2 + 1] = value
			posting.length++
			posting.docFrequency++
		}
		return slot
	}

	/** Marks a slot dead. `terms` are the doc's distinct terms, to keep document frequencies right. */
	remove(slot: number, terms: Iterable<string>): void {
		if (slot >= this.#slotCount || this.#masks[slot] === 0) return
		this.#masks[slot] = 0
		this.#liveCount--
		for (let f = 0; f < FIELD_COUNT; f++) this.#lengthTotals[f]! -= this.#lengths[slot * FIELD_COUNT + f]!
		for (const term of terms) {
			const posting = this.#postings.get(term)
			if (posting) posting.docFrequency--
		}
	}

	/** Worth compacting once a fifth of the slots are dead. */
	needsCompaction(): boolean {
		return this.deadCount > Math.max(32, this.#slotCount / 5)
	}

	/** Drops dead slots and renumbers the live ones in order; returns old slot → new slot (-1 when dead). */
	compact(): Int32Array {
		const mapping = new Int32Array(this.#slotCount).fill(-1)
		let next = 0
		for (let slot = 0; slot < this.#slotCount; slot++) {
			if (this.#masks[slot] === 0) continue
			mapping[slot] = next
			this.#masks[next] = this.#masks[slot]!
			this.#lengths.copyWithin(next * FIELD_COUNT, slot * FIELD_COUNT, (slot + 1) * FIELD_COUNT)
			next++
		}
		this.#masks.fill(0, next)
		const emptied: string[] = []
		for (const [term, posting] of this.#postings) {
			let kept = 0
			for (let i = 0; i < posting.length; i++) {
				const slot = mapping[posting.data[i * 2]!]!
				if (slot < 0) continue
				posting.data[kept * 2] = slot
				posting.data[kept * 2 + 1] = posting.data[i * 2 + 1]!
				kept++
			}
			posting.length = kept
			posting.docFrequency = kept
			if (kept === 0) emptied.push(term)
			else posting.data = posting.data.slice(0, kept * 2)
		}
		for (const term of emptied) {
			this.#terms.delete(term)
			this.#postings.delete(term)
		}
		this.#slotCount = next
		this.#liveCount = next
		return mapping
	}

	/** Whether a live slot holds a term (binary search in the term's posting). */
	has(term: string, slot: number): boolean {
		const posting = this.#postings.get(term)
		if (!posting) return false
		let lo = 0
		let hi = posting.length - 1
		while (lo <= hi) {
			const mid = (lo + hi) >> 1
			const at = posting.data[mid * 2]!
			if (at === slot) return true
			if (at < slot) lo = mid + 1
			else hi = mid - 1
		}
		return false
	}

	/** Whether any slot that `allowed` accepts holds the term. */
	anyAllowed(term: string, allowed: Uint8Array): boolean {
		const posting = this.#postings.get(term)
		if (!posting) return false
		for (let i = 0; i < posting.length; i++) if (allowed[posting.data[i * 2]!] === 1) return true
		return false
	}

	docFrequency(term: string): number {
		return this.#postings.get(term)?.docFrequency ?? 0
	}

	completions(prefix: string, max: number): Array<{ term: string; docFrequency: number }> {
		const found: Array<{ term: string; docFrequency: number }> = []
		for (const [term, posting] of this.#terms.atPrefix(prefix)) {
			if (term !== prefix && posting.docFrequency > 0) found.push({ term, docFrequency: posting.docFrequency })
		}
		found.sort((a, b) => b.docFrequency - a.docFrequency || (a.term < b.term ? -1 : 1))
		return found.slice(0, max)
	}

	near(term: string, maxDistance: number): Array<{ term: string; distance: number; docFrequency: number }> {
		if (maxDistance < 1) return []
		const found: Array<{ term: string; distance: number; docFrequency: number }> = []
		for (const [candidate, [posting, distance]] of this.#terms.fuzzyGet(term, maxDistance)) {
			if (distance > 0 && posting.docFrequency > 0) found.push({ term: candidate, distance, docFrequency: posting.docFrequency })
		}
		return found
	}

	/**
	 * Scores every slot that `allowed` accepts and that matches the groups: with AND each group
	 * (one query word's alternative terms) must match, with OR at least one. Within a group the best
	 * alternative counts; across groups scores add up (OR also multiplies by the groups matched).
	 */
	execute(groups: ReadonlyArray<readonly WeightedTerm[]>, combineWith: 'AND' | 'OR', allowed: Uint8Array): Matches {
		const resolved = groups.map((group) =>
			group
				.map(({ term, weight }) => ({ posting: this.#postings.get(term), weight }))
				.filter((a): a is { posting: Posting; weight: number } => !!a.posting && a.posting.docFrequency > 0),
		)
		const and = combineWith === 'AND'
		if (and && resolved.some((group) => group.length === 0)) return emptyMatches()
		// AND: start with the cheapest word; later words only revisit slots that are still in.
		const cost = (group: Array<{ posting: Posting }>) => group.reduce((sum, a) => sum + a.posting.length, 0)
		const ordered = and ? [...resolved].sort((a, b) => cost(a) - cost(b)) : resolved

		const queryEpoch = this.#nextEpoch()
		const averages = Array.from({ length: FIELD_COUNT }, (_, f) => Math.max(1, this.#lengthTotals[f]! / Math.max(1, this.#liveCount)))
		const boosts = SEARCHABLE_FIELDS.map((field) => FIELD_BOOSTS[field])
		const shifts = SEARCHABLE_FIELDS.map((field) => PACKING[field].shift)
		const masksOf = SEARCHABLE_FIELDS.map((field) => PACKING[field].max)
		const lengths = this.#lengths
		const queryStamp = this.#queryStamp
		const groupStamp = this.#groupStamp
		const matched = this.#groupsMatched
		const score = this.#score
		const groupScore = this.#groupScore
		const touched = this.#touched
		let touchedCount = 0

		for (let g = 0; g < ordered.length; g++) {
			const groupEpoch = this.#nextEpoch()
			for (const { posting, weight } of ordered[g]!) {
				const df = posting.docFrequency
				const idfWeight = weight * Math.log(1 + (this.#liveCount - df + 0.5) / (df + 0.5))
				const data = posting.data
				const end = posting.length * 2
				for (let i = 0; i < end; i += 2) {
					const slot = data[i]!
					if (allowed[slot] === 0) continue
					if (queryStamp[slot] !== queryEpoch) {
						if (and && g > 0) continue
						queryStamp[slot] = queryEpoch
						matched[slot] = 0
						score[slot] = 0
						touched[touchedCount++] = slot
					} else if (and && matched[slot]! < g) continue
					const packed = data[i + 1]!
					let termScore = 0
					for (let f = 0; f < FIELD_COUNT; f++) {
						const tf = (packed >>> shifts[f]!) & masksOf[f]!
						if (tf === 0) continue
						const norm = 1 - B + (B * lengths[slot * FIELD_COUNT + f]!) / averages[f]!
						termScore += boosts[f]! * ((tf * (K1 + 1)) / (tf + K1 * norm) + DELTA)
					}
					termScore *= idfWeight
					if (groupStamp[slot] !== groupEpoch) {
						groupStamp[slot] = groupEpoch
						matched[slot]!++
						groupScore[slot] = termScore
						score[slot]! += termScore
					} else if (termScore > groupScore[slot]!) {
						score[slot]! += termScore - groupScore[slot]!
						groupScore[slot] = termScore
					}
				}
			}
		}

		const required = and ? ordered.length : 1
		const slots = new Int32Array(touchedCount)
		const scores = new Float64Array(touchedCount)
		let size = 0
		for (let i = 0; i < touchedCount; i++) {
			const slot = touched[i]!
			if (matched[slot]! < required) continue
			slots[size] = slot
			scores[size] = and ? score[slot]! : score[slot]! * matched[slot]!
			size++
		}
		return { slots, scores, size }
	}

	toJSON(): SerializedIndex {
		if (this.deadCount > 0) this.compact()
		const terms: Array<[string, string]> = []
		for (const [term, posting] of this.#postings) terms.push([term, toBase64(posting.data.subarray(0, posting.length * 2))])
		return {
			slotCount: this.#slotCount,
			masks: toBase64(this.#masks.subarray(0, this.#slotCount)),
			lengths: toBase64(this.#lengths.subarray(0, this.#slotCount * FIELD_COUNT)),
			terms,
		}
	}

	static fromJSON(json: SerializedIndex): InvertedIndex {
		const index = new InvertedIndex()
		index.#ensureCapacity(json.slotCount)
		index.#slotCount = json.slotCount
		index.#liveCount = json.slotCount
		index.#masks.set(new Uint8Array(fromBase64(json.masks)))
		const lengths = new Uint32Array(fromBase64(json.lengths))
		index.#lengths.set(lengths)
		for (let i = 0; i < lengths.length; i++) index.#lengthTotals[i % FIELD_COUNT]! += lengths[i]!
		for (const [term, encoded] of json.terms) {
			const data = new Int32Array(fromBase64(encoded))
			const posting = { data, length: data.length / 2, docFrequency: data.length / 2 }
			index.#terms.set(term, posting)
			index.#postings.set(term, posting)
		}
		return index
	}

	#ensureCapacity(slots: number): void {
		if (slots <= this.#masks.length) return
		let capacity = this.#masks.length
		while (capacity < slots) capacity *= 2
		this.#masks = grow(this.#masks, capacity)
		this.#lengths = grow(this.#lengths, capacity * FIELD_COUNT)
		this.#queryStamp = new Uint32Array(capacity)
		this.#groupStamp = new Uint32Array(capacity)
		this.#groupsMatched = new Uint8Array(capacity)
		this.#score = new Float64Array(capacity)
		this.#groupScore = new Float64Array(capacity)
		this.#touched = new Int32Array(capacity)
		this.#epoch = 0
	}

	#nextEpoch(): number {
		if (this.#epoch >= 0xfffffff0) {
			this.#queryStamp.fill(0)
			this.#groupStamp.fill(0)
			this.#epoch = 0
		}
		return ++this.#epoch
	}
}

function emptyMatches(): Matches {
	return { slots: new Int32Array(0), scores: new Float64Array(0), size: 0 }
}

function grow<T extends Uint8Array | Uint32Array>(array: T, length: number): T {
	const grown = new (array.constructor as new (n: number) => T)(length)
	grown.set(array)
	return grown
}

function toBase64(view: ArrayBufferView): string {
	return Buffer.from(view.buffer, view.byteOffset, view.byteLength).toString('base64')
}

/** Decodes into a fresh, aligned ArrayBuffer (Buffer's pool offsets may not suit Int32Array). */
function fromBase64(encoded: string): ArrayBuffer {
	const bytes = Buffer.from(encoded, 'base64')
	const copy = new ArrayBuffer(bytes.byteLength)
	new Uint8Array(copy).set(bytes)
	return copy
}
