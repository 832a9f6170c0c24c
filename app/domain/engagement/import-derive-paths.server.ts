import { createHash } from 'node:crypto'
import type { PathStep } from '#app/domain/learning/path-manifest.ts'
import { pathProgress } from '#app/domain/learning/progress.ts'
import type { Prisma } from '#app/generated/prisma/client.ts'
import { chunked } from '#app/utils/chunked.ts'
import type { EventData } from './event-kinds.ts'
import type { ItemFacts } from './import-items.server.ts'
import { recordEvents, type EventInput } from './record.server.ts'

/**
 * The learning records the portal would hold had imported lessons and quizzes been done in it:
 * - a quiz attempt (submitted, with its score and pass) for each imported `quiz_attempt` that names
 *   a quiz the portal has, so the quiz page and path progress count it;
 * - a lesson completion for each `lesson_complete` naming a lesson of a published path;
 * - an enrolment in the path (the portal lets only enrolled learners do either), with a
 *   `path_enrol` event unless the user already has one for the path;
 * - when every step is then done (lessons completed, quizzes passed), the path completion: the
 *   enrolment's `completedAt` and a `path_complete` event with the path's level, dated when the
 *   last step was done, unless one is already recorded.
 * Every derived row has a stable identity (the attempt id from the event's id, the unique
 * completion and enrolment, `import:derived:` event ids), so a re-import derives nothing new.
 * Certificates are not issued: a certificate is a public credential, granted in the portal only.
 */

type Tx = Prisma.TransactionClient

export type DerivableEvent = {
	kind: string
	userId: string
	accountId: string | null
	itemKey: string | null
	data: EventData
	occurredAt: Date
	clientEventId: string
}

export type DerivedCounts = { enrolments: number; lessonCompletions: number; quizAttempts: number; pathCompletions: number }

export const emptyDerived = (): DerivedCounts => ({ enrolments: 0, lessonCompletions: 0, quizAttempts: 0, pathCompletions: 0 })

/** A quiz attempt's id from the imported event's id: the same row always names the same attempt. */
export function importedAttemptId(clientEventId: string): string {
	return `imp${createHash('sha256').update(clientEventId).digest('hex').slice(0, 28)}`
}

const derivedEventId = (kind: string, userId: string, pathSlug: string) => `import:derived:${kind}:${userId}:${pathSlug}`

const earlier = (map: Map<string, Date>, key: string, at: Date) => {
	const before = map.get(key)
	if (!before || at < before) map.set(key, at)
}

/** Derives what the events of one chunk imply; returns the users whose records changed. */
export async function deriveLearning(tx: Tx, events: readonly DerivableEvent[], facts: ItemFacts, counts: DerivedCounts): Promise<Set<string>> {
	const changed = new Set<string>()
	const accountOf = new Map<string, string | null>()
	const publishedPath = (id: string | null) => [...facts.paths.values()].find((p) => p.id === id && p.published)
	/** userId|pathId → earliest activity in the path. */
	const enrolAt = new Map<string, Date>()
	/** userId|lessonId → earliest completion. */
	const lessonAt = new Map<string, Date>()
	const attempts: Array<{ id: string; userId: string; quizId: string; score: number | null; passed: boolean | null; at: Date }> = []
	const touched = new Set<string>()
	for (const event of events) {
		if (!event.itemKey) continue
		accountOf.set(event.userId, event.accountId)
		if (event.kind === 'lesson_complete') {
			const lesson = facts.lessons.get(event.itemKey)
			if (!lesson || !publishedPath(lesson.pathId)) continue
			earlier(lessonAt, `${event.userId}|${lesson.id}`, event.occurredAt)
			earlier(enrolAt, `${event.userId}|${lesson.pathId}`, event.occurredAt)
			touched.add(`${event.userId}|${lesson.pathId}`)
		} else if (event.kind === 'quiz_attempt') {
			const quiz = facts.quizzes.get(event.itemKey)
			if (!quiz) continue
			const score = typeof event.data.score === 'number' ? Math.round(Math.min(100, Math.max(0, event.data.score))) : null
			const passed = typeof event.data.passed === 'boolean' ? event.data.passed : null
			if (score === null && passed === null) continue // nothing the portal could show
			attempts.push({ id: importedAttemptId(event.clientEventId), userId: event.userId, quizId: quiz.id, score, passed, at: event.occurredAt })
			if (quiz.kind === 'path' && publishedPath(quiz.pathId)) {
				earlier(enrolAt, `${event.userId}|${quiz.pathId}`, event.occurredAt)
				touched.add(`${event.userId}|${quiz.pathId}`)
			}
		} else if (event.kind === 'path_enrol' && event.itemKey.startsWith('path:')) {
			const path = facts.paths.get(event.itemKey.slice(5))
			if (path?.published) earlier(enrolAt, `${event.userId}|${path.id}`, event.occurredAt)
		}
	}

	if (attempts.length) {
		const stored = new Set<string>()
		for (const ids of chunked(attempts.map((a) => a.id))) {
			for (const row of await tx.quizAttempt.findMany({ where: { id: { in: ids } }, select: { id: true } })) stored.add(row.id)
		}
		const fresh = [...new Map(attempts.filter((a) => !stored.has(a.id)).map((a) => [a.id, a])).values()]
		if (fresh.length) {
			await tx.quizAttempt.createMany({
				// No questions were drawn here, so none are listed; the portal shows score and pass.
				data: fresh.map((a) => ({ id: a.id, userId: a.userId, quizId: a.quizId, questionIds: '[]', score: a.score, passed: a.passed, submittedAt: a.at, createdAt: a.at })),
			})
			counts.quizAttempts += fresh.length
			for (const a of fresh) changed.add(a.userId)
		}
	}

	if (lessonAt.size) {
		const keys = [...lessonAt.keys()].map((k) => k.split('|') as [string, string])
		const stored = new Set<string>()
		for (const part of chunked(keys, 200)) {
			const rows = await tx.lessonCompletion.findMany({
				where: { userId: { in: [...new Set(part.map((k) => k[0]))] }, lessonId: { in: [...new Set(part.map((k) => k[1]))] } },
				select: { userId: true, lessonId: true },
			})
			for (const row of rows) stored.add(`${row.userId}|${row.lessonId}`)
		}
		const fresh = [...lessonAt].filter(([key]) => !stored.has(key))
		if (fresh.length) {
			await tx.lessonCompletion.createMany({
				data: fresh.map(([key, at]) => {
					const [userId, lessonId] = key.split('|') as [string, string]
					return { userId, lessonId, createdAt: at }
				}),
			})
			counts.lessonCompletions += fresh.length
			for (const [key] of fresh) changed.add(key.split('|')[0]!)
		}
	}

	if (enrolAt.size === 0) return changed
	const pairs = [...enrolAt.keys()].map((k) => k.split('|') as [string, string])
	const userIds = [...new Set(pairs.map((p) => p[0]))]
	const pathIds = [...new Set(pairs.map((p) => p[1]))]
	const paths = await tx.path.findMany({
		where: { id: { in: pathIds } },
		select: { id: true, slug: true, level: true, steps: { select: { kind: true, ref: true }, orderBy: { position: 'asc' } } },
	})
	const pathById = new Map(paths.map((p) => [p.id, p]))
	const enrolments = new Map<string, { id: string; completedAt: Date | null }>()
	const pathEvents = new Set<string>()
	for (const ids of chunked(userIds, 200)) {
		for (const row of await tx.enrollment.findMany({ where: { userId: { in: ids }, pathId: { in: pathIds } }, select: { id: true, userId: true, pathId: true, completedAt: true } })) {
			enrolments.set(`${row.userId}|${row.pathId}`, row)
		}
		// Enrolment and completion events already recorded (by the portal or imported), per user and path.
		const rows = await tx.engagementEvent.findMany({
			where: { userId: { in: ids }, kind: { in: ['path_enrol', 'path_complete'] }, itemKey: { in: paths.map((p) => `path:${p.slug}`) } },
			select: { userId: true, kind: true, itemKey: true },
		})
		for (const row of rows) pathEvents.add(`${row.kind}|${row.userId}|${row.itemKey}`)
	}

	const derivedEvents: EventInput[] = []
	for (const [key, at] of enrolAt) {
		if (enrolments.has(key)) continue
		const [userId, pathId] = key.split('|') as [string, string]
		const path = pathById.get(pathId)!
		const created = await tx.enrollment.create({ data: { userId, pathId, createdAt: at }, select: { id: true, completedAt: true } })
		enrolments.set(key, created)
		counts.enrolments++
		changed.add(userId)
		if (!pathEvents.has(`path_enrol|${userId}|path:${path.slug}`)) {
			derivedEvents.push({
				kind: 'path_enrol',
				userId,
				accountId: accountOf.get(userId) ?? null,
				itemKey: `path:${path.slug}`,
				occurredAt: at,
				clientEventId: derivedEventId('path_enrol', userId, path.slug),
			})
		}
	}

	// Completion: only where a lesson or quiz of the path was imported, and not completed yet.
	const open = [...touched].filter((key) => !enrolments.get(key)?.completedAt)
	if (open.length) {
		const openUsers = [...new Set(open.map((k) => k.split('|')[0]!))]
		const openPaths = [...new Set(open.map((k) => k.split('|')[1]!))]
		const lessonsDone = new Map<string, Date>() // userId|pathId|slug → earliest
		const quizzesPassed = new Map<string, Date>() // userId|pathId|key → earliest pass
		for (const ids of chunked(openUsers, 200)) {
			const [completions, passes] = await Promise.all([
				tx.lessonCompletion.findMany({
					where: { userId: { in: ids }, lesson: { pathId: { in: openPaths } } },
					select: { userId: true, createdAt: true, lesson: { select: { pathId: true, slug: true } } },
				}),
				tx.quizAttempt.findMany({
					where: { userId: { in: ids }, passed: true, quiz: { kind: 'path', pathId: { in: openPaths } } },
					select: { userId: true, createdAt: true, submittedAt: true, quiz: { select: { pathId: true, key: true } } },
				}),
			])
			for (const c of completions) earlier(lessonsDone, `${c.userId}|${c.lesson.pathId}|${c.lesson.slug}`, c.createdAt)
			for (const p of passes) earlier(quizzesPassed, `${p.userId}|${p.quiz.pathId}|${p.quiz.key}`, p.submittedAt ?? p.createdAt)
		}
		for (const key of open) {
			const [userId, pathId] = key.split('|') as [string, string]
			const path = pathById.get(pathId)!
			const steps: PathStep[] = path.steps.map((s) => (s.kind === 'quiz' ? { quiz: s.ref } : { lesson: s.ref }))
			const doneAt = (s: { kind: string; ref: string }) => (s.kind === 'quiz' ? quizzesPassed : lessonsDone).get(`${key}|${s.ref}`)
			const progress = pathProgress({
				steps,
				completedLessons: new Set(path.steps.filter((s) => s.kind === 'lesson' && doneAt(s)).map((s) => s.ref)),
				passedQuizzes: new Set(path.steps.filter((s) => s.kind === 'quiz' && doneAt(s)).map((s) => s.ref)),
			})
			if (!progress.isComplete) continue
			// Completed when the last step was done, as the portal would have stamped it then.
			const completedAt = new Date(Math.max(...path.steps.map((s) => doneAt(s)!.getTime())))
			const updated = await tx.enrollment.updateMany({ where: { userId, pathId, completedAt: null }, data: { completedAt } })
			if (updated.count === 0) continue
			counts.pathCompletions++
			changed.add(userId)
			if (!pathEvents.has(`path_complete|${userId}|path:${path.slug}`)) {
				derivedEvents.push({
					kind: 'path_complete',
					userId,
					accountId: accountOf.get(userId) ?? null,
					itemKey: `path:${path.slug}`,
					data: { level: path.level },
					occurredAt: completedAt,
					clientEventId: derivedEventId('path_complete', userId, path.slug),
				})
			}
		}
	}
	if (derivedEvents.length) {
		// A derived event already stored (say, its enrolment was deleted since) is not stored twice.
		const stored = new Set(
			(await tx.engagementEvent.findMany({ where: { clientEventId: { in: derivedEvents.map((e) => e.clientEventId!) } }, select: { clientEventId: true } })).map(
				(e) => e.clientEventId,
			),
		)
		await recordEvents(tx, derivedEvents.filter((e) => !stored.has(e.clientEventId!)))
	}
	return changed
}
