import { prisma } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'

/**
 * Content read on every article page (the article row, the compiled variant of a reader level, its
 * related list, the knowledge-check ids) kept in memory, keyed by a content stamp. The stamp is the
 * newest Article.updatedAt and the article count plus the same of CheckQuestion: every sync,
 * publish or retirement changes it, whichever instance wrote it, and it is one cheap aggregate read
 * at most once per CONTENT_STAMP_POLL_MS. A sync in this process forgets the stamp at once
 * (contentChanged). Callers put everything that decides what a reader gets (the reader level) into
 * the key and still run their audience checks on every request: the cache holds rows, not answers.
 */

type Entry = { stamp: string; value: Promise<unknown> }

const MAX_ENTRIES = 5_000
type State = { entries: Map<string, Entry>; stamp: { value: Promise<string>; at: number } | null }
// On globalThis: the server bundle (its page cache) and Remix's build each carry a copy of this module.
const globalForCache = globalThis as unknown as { __contentCache?: State }
const state = (globalForCache.__contentCache ??= { entries: new Map(), stamp: null })
const entries = state.entries

// 0 reads the stamp on every request (the default under NODE_ENV=test, where tests write rows directly).
const pollMs = () => getEnv().CONTENT_STAMP_POLL_MS ?? (getEnv().NODE_ENV === 'test' ? 0 : 1_000)

async function readStamp(): Promise<string> {
	const [articles, checks] = await Promise.all([
		prisma.article.aggregate({ _max: { updatedAt: true }, _count: { _all: true } }),
		prisma.checkQuestion.aggregate({ _max: { updatedAt: true }, _count: { _all: true } }),
	])
	return [articles._max.updatedAt?.getTime() ?? 0, articles._count._all, checks._max.updatedAt?.getTime() ?? 0, checks._count._all].join(':')
}

/** The content stamp, read from the database at most once per poll interval. */
export function contentStamp(now = Date.now()): Promise<string> {
	if (state.stamp && now - state.stamp.at < pollMs()) return state.stamp.value
	const value = readStamp()
	const current = { value, at: now }
	state.stamp = current
	// A failed read is not remembered.
	value.catch(() => {
		if (state.stamp === current) state.stamp = null
	})
	return value
}

/** Content changed in this process (a sync, a publish): the next read checks the database again. */
export function contentChanged() {
	state.stamp = null
	entries.clear()
}

/**
 * The value for `key` under the current content stamp, loading it once per stamp. `key` must name
 * everything the value depends on besides content, the reader level above all.
 */
export async function cachedContent<T>(key: string, load: () => Promise<T>): Promise<T> {
	const current = await contentStamp()
	const hit = entries.get(key)
	if (hit && hit.stamp === current) return hit.value as Promise<T>
	const value = load()
	entries.delete(key)
	entries.set(key, { stamp: current, value })
	if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!)
	value.catch(() => {
		if (entries.get(key)?.value === value) entries.delete(key)
	})
	return value
}
