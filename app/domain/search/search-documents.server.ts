import { createHash } from 'node:crypto'
import { levelsThatCanRead } from '#app/domain/content/audience-variants.ts'
import { isAudience, parseAudience, type Audience } from '#app/domain/accounts-tiers/audience.ts'
import { prisma } from '#app/utils/db.server.ts'
import type { SearchDoc } from './search-port.ts'

type VariantRow = { level: string; cacheKey: string; compiled: { text: string } }

/**
 * Reader levels that share one compiled variant become one search doc. Only levels that may open
 * the item count: a variant row left for a level the item's audience (parsed, failing closed) does
 * not admit is indexed for nobody.
 */
function groupVariants(rows: VariantRow[], itemAudience: Audience) {
	const readers = new Set(levelsThatCanRead(itemAudience))
	const groups = new Map<string, { levels: Audience[]; text: string }>()
	for (const row of rows) {
		if (!isAudience(row.level) || !readers.has(row.level)) continue
		const group = groups.get(row.cacheKey) ?? { levels: [], text: row.compiled.text }
		group.levels.push(row.level)
		groups.set(row.cacheKey, group)
	}
	return [...groups.values()]
}

const variantId = (itemKey: string, levels: Audience[]) => `${itemKey}:${levels[0]}`

/**
 * Every published item as search docs, read from the database: articles and lessons once per
 * audience variant (each with the reader levels it is cut for), paths and self-assessments once.
 * Quiz definitions hold answer keys: only their title and description are indexed.
 */
export async function loadSearchDocs(): Promise<SearchDoc[]> {
	const [articles, lessons, paths, assessments] = await Promise.all([
		prisma.article.findMany({
			where: { status: 'published' },
			select: {
				slug: true, title: true, summary: true, category: true, tags: true, audience: true, contentUpdatedAt: true,
				variants: { select: { level: true, cacheKey: true, compiled: { select: { text: true } } } },
			},
		}),
		prisma.lesson.findMany({
			where: { path: { status: 'published' } },
			select: {
				slug: true, title: true, summary: true, updatedAt: true,
				path: { select: { slug: true, title: true, audience: true, skillTags: true } },
				variants: { select: { level: true, cacheKey: true, compiled: { select: { text: true } } } },
			},
		}),
		prisma.path.findMany({
			where: { status: 'published' },
			select: { slug: true, title: true, summary: true, audience: true, level: true, skillTags: true, updatedAt: true, steps: { select: { title: true }, orderBy: { position: 'asc' } } },
		}),
		prisma.quiz.findMany({
			where: { kind: 'assessment', status: 'published' },
			select: { key: true, title: true, audience: true, definition: true, updatedAt: true },
		}),
	])
	const docs: SearchDoc[] = []
	for (const a of articles) {
		const itemKey = `article:${a.slug}`
		const audience = parseAudience(a.audience)
		for (const group of groupVariants(a.variants, audience)) {
			docs.push({
				id: variantId(itemKey, group.levels), itemKey, type: 'article', url: `/kb/${a.slug}`,
				title: a.title, summary: a.summary, body: group.text, category: a.category,
				tags: JSON.parse(a.tags), audience, levels: group.levels,
				updatedAt: a.contentUpdatedAt.toISOString(),
			})
		}
	}
	for (const l of lessons) {
		const itemKey = `lesson:${l.path.slug}/${l.slug}`
		const audience = parseAudience(l.path.audience)
		for (const group of groupVariants(l.variants, audience)) {
			docs.push({
				id: variantId(itemKey, group.levels), itemKey, type: 'lesson', url: `/paths/${l.path.slug}/lessons/${l.slug}`,
				title: l.title, summary: l.summary, body: group.text, category: 'training',
				tags: JSON.parse(l.path.skillTags), audience, levels: group.levels,
				updatedAt: l.updatedAt.toISOString(),
			})
		}
	}
	for (const p of paths) {
		const audience = parseAudience(p.audience)
		const itemKey = `path:${p.slug}`
		const levels = levelsThatCanRead(audience)
		docs.push({
			id: variantId(itemKey, levels), itemKey, type: 'path', url: `/paths/${p.slug}`,
			title: p.title, summary: p.summary, body: p.steps.map((s) => s.title).join('. '), category: 'training',
			tags: JSON.parse(p.skillTags), audience, levels, updatedAt: p.updatedAt.toISOString(),
		})
	}
	for (const q of assessments) {
		const audience = parseAudience(q.audience)
		const itemKey = `assessment:${q.key}`
		const levels = levelsThatCanRead(audience)
		const { description } = JSON.parse(q.definition) as { description?: string }
		docs.push({
			id: variantId(itemKey, levels), itemKey, type: 'assessment', url: `/assessments/${q.key}`,
			title: q.title, summary: description ?? '', body: '', category: 'self-assessment',
			tags: [], audience, levels, updatedAt: q.updatedAt.toISOString(),
		})
	}
	return docs
}

/**
 * A cheap fingerprint of the searchable content: it changes whenever anything is published, edited
 * or retired, so a running server can tell its in-memory index is stale after a content sync.
 */
export async function contentStamp(): Promise<string> {
	const [articles, lessons, paths, quizzes] = await Promise.all([
		prisma.article.aggregate({ _max: { updatedAt: true }, _count: { _all: true } }),
		prisma.lesson.aggregate({ _max: { updatedAt: true }, _count: { _all: true } }),
		prisma.path.aggregate({ _max: { updatedAt: true }, _count: { _all: true } }),
		prisma.quiz.aggregate({ _max: { updatedAt: true }, _count: { _all: true } }),
	])
	const parts = [articles, lessons, paths, quizzes].map((a) => `${a._count._all}@${a._max.updatedAt?.toISOString() ?? '-'}`)
	return createHash('sha256').update(parts.join('|')).digest('hex').slice(0, 16)
}
