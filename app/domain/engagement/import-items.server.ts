import type { Prisma } from '#app/generated/prisma/client.ts'
import { chunked } from '#app/utils/chunked.ts'
import type { EventData, EventKind } from './event-kinds.ts'

/**
 * What imported events name, looked up once per chunk: the difficulty and pass mark of quizzes
 * (`quiz:<pathSlug>/<quizKey>`, `assessment:<key>`), the level of articles (`article:<slug>`),
 * lessons (`lesson:<pathSlug>/<lessonSlug>`) and paths (`path:<slug>`). The keys are the ones the
 * portal records (learning/quizzes.server.ts, learning/paths.server.ts). An item the portal does
 * not know is simply not looked up: the event keeps what the row says.
 */

type Tx = Prisma.TransactionClient

export type QuizFacts = { id: string; kind: 'path' | 'assessment'; pathId: string | null; key: string; difficulty: number; passMark: number }
export type LessonFacts = { id: string; pathId: string; slug: string; level: string }
export type PathFacts = { id: string; slug: string; level: string; published: boolean }

export type ItemFacts = {
	quizzes: Map<string, QuizFacts>
	lessons: Map<string, LessonFacts>
	articles: Map<string, { level: string }>
	paths: Map<string, PathFacts>
}

const LOOKUP_CHUNK = 200

function splitKey(itemKey: string): [string, string, string?] | null {
	const colon = itemKey.indexOf(':')
	if (colon < 1) return null
	const prefix = itemKey.slice(0, colon)
	const rest = itemKey.slice(colon + 1)
	const slash = rest.indexOf('/')
	return slash < 0 ? [prefix, rest] : [prefix, rest.slice(0, slash), rest.slice(slash + 1)]
}

/** The quiz definition's difficulty (1-3, 2 when left out, as the quiz schema defaults it) and pass mark. */
function definitionFacts(json: string): { difficulty: number; passMark: number } {
	try {
		const value = JSON.parse(json) as { difficulty?: unknown; passMark?: unknown }
		const difficulty = typeof value.difficulty === 'number' && value.difficulty >= 1 && value.difficulty <= 3 ? value.difficulty : 2
		const passMark = typeof value.passMark === 'number' ? value.passMark : 100
		return { difficulty, passMark }
	} catch {
		return { difficulty: 2, passMark: 100 }
	}
}

export async function lookUpItems(tx: Tx, itemKeys: Iterable<string>): Promise<ItemFacts> {
	const facts: ItemFacts = { quizzes: new Map(), lessons: new Map(), articles: new Map(), paths: new Map() }
	const pathSlugs = new Set<string>()
	const articleSlugs = new Set<string>()
	const assessmentKeys = new Set<string>()
	const pathItems = { quiz: new Set<string>(), lesson: new Set<string>() }
	for (const itemKey of new Set(itemKeys)) {
		const parts = splitKey(itemKey)
		if (!parts) continue
		const [prefix, first, second] = parts
		if (prefix === 'article' && second === undefined) articleSlugs.add(first)
		else if (prefix === 'assessment' && second === undefined) assessmentKeys.add(first)
		else if (prefix === 'path' && second === undefined) pathSlugs.add(first)
		else if ((prefix === 'quiz' || prefix === 'lesson') && second !== undefined) {
			pathSlugs.add(first)
			pathItems[prefix].add(second)
		}
	}
	for (const slugs of chunked([...pathSlugs], LOOKUP_CHUNK)) {
		const rows = await tx.path.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true, level: true, status: true } })
		for (const row of rows) facts.paths.set(row.slug, { id: row.id, slug: row.slug, level: row.level, published: row.status === 'published' })
	}
	const pathById = new Map([...facts.paths.values()].map((p) => [p.id, p]))
	const pathIds = [...pathById.keys()]
	if (pathIds.length && pathItems.lesson.size) {
		for (const slugs of chunked([...pathItems.lesson], LOOKUP_CHUNK)) {
			const rows = await tx.lesson.findMany({ where: { pathId: { in: pathIds }, slug: { in: slugs } }, select: { id: true, pathId: true, slug: true, level: true } })
			for (const row of rows) facts.lessons.set(`lesson:${pathById.get(row.pathId)!.slug}/${row.slug}`, row)
		}
	}
	if (pathIds.length && pathItems.quiz.size) {
		for (const keys of chunked([...pathItems.quiz], LOOKUP_CHUNK)) {
			const rows = await tx.quiz.findMany({
				where: { kind: 'path', pathId: { in: pathIds }, key: { in: keys } },
				select: { id: true, pathId: true, key: true, definition: true },
			})
			for (const row of rows) {
				const itemKey = `quiz:${pathById.get(row.pathId!)!.slug}/${row.key}`
				facts.quizzes.set(itemKey, { id: row.id, kind: 'path', pathId: row.pathId, key: row.key, ...definitionFacts(row.definition) })
			}
		}
	}
	for (const keys of chunked([...assessmentKeys], LOOKUP_CHUNK)) {
		const rows = await tx.quiz.findMany({ where: { kind: 'assessment', key: { in: keys } }, select: { id: true, key: true, definition: true } })
		for (const row of rows) facts.quizzes.set(`assessment:${row.key}`, { id: row.id, kind: 'assessment', pathId: null, key: row.key, ...definitionFacts(row.definition) })
	}
	for (const slugs of chunked([...articleSlugs], LOOKUP_CHUNK)) {
		const rows = await tx.article.findMany({ where: { slug: { in: slugs } }, select: { slug: true, level: true } })
		for (const row of rows) facts.articles.set(`article:${row.slug}`, { level: row.level })
	}
	return facts
}

/**
 * The event data the portal would have recorded: a quiz attempt carries its quiz's difficulty (and
 * whether it passed, from the score and the pass mark), reading and lessons the level of what was
 * read, a path completion the path's level. What the row gives always wins.
 */
export function completeEventData(kind: EventKind, itemKey: string | undefined, data: EventData | undefined, facts: ItemFacts): EventData | undefined {
	if (!itemKey) return data
	const out: EventData = { ...data }
	if (kind === 'quiz_attempt') {
		const quiz = facts.quizzes.get(itemKey)
		if (!quiz) return data
		out.difficulty ??= quiz.difficulty
		if (out.passed === undefined && typeof out.score === 'number') out.passed = out.score >= quiz.passMark
		return out
	}
	const level =
		facts.articles.get(itemKey)?.level ??
		facts.lessons.get(itemKey)?.level ??
		(kind === 'path_complete' && itemKey.startsWith('path:') ? facts.paths.get(itemKey.slice(5))?.level : undefined)
	if (level === undefined || out.level !== undefined) return data
	out.level = level
	return out
}
