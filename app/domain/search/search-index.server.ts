import fs from 'node:fs/promises'
import path from 'node:path'
import { getEnv } from '#app/utils/env.server.ts'
import { createSearchEngine } from './create-search-engine.ts'
import { EmbeddedSearchEngine } from './embedded-engine.ts'
import { contentStamp, loadSearchDocs } from './search-documents.server.ts'
import type { SearchEngine } from './search-port.ts'

/** How often a running server checks whether content changed under it (a sync in another process). */
const STALE_CHECK_MS = 10_000

type Snapshot = { stamp: string; engine: string }

let current: { engine: SearchEngine; stamp: string; checkedAt: number } | null = null
let pending: Promise<SearchEngine> | null = null

/**
 * The search engine of this process, up to date with the database. Embedded: loaded from the snapshot
 * when it matches the content, else rebuilt from the database (and the snapshot rewritten); checked
 * again at most every few seconds so a content sync shows up without a restart. Meilisearch: shared,
 * kept up to date by the sync itself.
 */
export async function getSearchEngine(): Promise<SearchEngine> {
	if (current && Date.now() - current.checkedAt < STALE_CHECK_MS) return current.engine
	pending ??= refresh().finally(() => (pending = null))
	return pending
}

async function refresh(): Promise<SearchEngine> {
	const env = getEnv()
	const stamp = await contentStamp()
	if (current && current.stamp === stamp) {
		current.checkedAt = Date.now()
		return current.engine
	}
	if (env.MEILI_HOST) {
		const engine = current?.engine ?? createSearchEngine(env)
		if (!current) await engine.init()
		current = { engine, stamp, checkedAt: Date.now() }
		return engine
	}
	const engine = (await loadSnapshot(stamp)) ?? (await rebuildEmbedded(stamp))
	current = { engine, stamp, checkedAt: Date.now() }
	return engine
}

async function loadSnapshot(stamp: string): Promise<EmbeddedSearchEngine | null> {
	try {
		const snapshot = JSON.parse(await fs.readFile(getEnv().SEARCH_SNAPSHOT_PATH, 'utf8')) as Snapshot
		return snapshot.stamp === stamp ? EmbeddedSearchEngine.fromSnapshot(snapshot.engine) : null
	} catch {
		return null // missing, unreadable or from older settings: rebuild
	}
}

async function rebuildEmbedded(stamp: string): Promise<EmbeddedSearchEngine> {
	const engine = new EmbeddedSearchEngine()
	await engine.replaceAll(await loadSearchDocs())
	const file = getEnv().SEARCH_SNAPSHOT_PATH
	await fs.mkdir(path.dirname(path.resolve(file)), { recursive: true })
	const snapshot: Snapshot = { stamp, engine: engine.toSnapshot() }
	// Write then rename, so a reader never sees half a file.
	await fs.writeFile(`${file}.tmp`, JSON.stringify(snapshot))
	await fs.rename(`${file}.tmp`, file)
	return engine
}

/**
 * After a content sync: brings the index in line with the database. Embedded: a new snapshot for
 * servers to pick up. Meilisearch: the changed items are replaced in the shared index.
 */
export async function updateSearchIndex(changedItemKeys: readonly string[]): Promise<{ engine: string; docs: number }> {
	const env = getEnv()
	const docs = await loadSearchDocs()
	if (!env.MEILI_HOST) {
		const stamp = await contentStamp()
		const engine = await rebuildEmbedded(stamp)
		// This process searches the new index at once (a console publish); others see the stamp move.
		current = { engine, stamp, checkedAt: Date.now() }
		return { engine: engine.name, docs: await engine.count() }
	}
	const engine = createSearchEngine(env)
	await engine.init()
	if ((await engine.count()) === 0) {
		await engine.replaceAll(docs) // a new or emptied index gets everything
	} else {
		const changed = new Set(changedItemKeys)
		for (const itemKey of changed) await engine.removeItem(itemKey)
		await engine.upsert(docs.filter((d) => changed.has(d.itemKey)))
	}
	return { engine: engine.name, docs: await engine.count() }
}
