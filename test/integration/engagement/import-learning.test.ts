import fs from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { syncAllContent } from '#app/domain/content/sync-all.server.ts'
import { importEvents } from '#app/domain/engagement/events-import.server.ts'
import { getPathProgress } from '#app/domain/learning/paths.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { articleSource } from '#test/support/content.ts'
import { createAccount, createUser } from '#test/support/requests.ts'
import { writeContent } from '../learning/fixture.ts'

const NOW = new Date('2026-06-01T00:00:00Z')
const ndjson = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n')

const lesson = (slug: string) => `---
title: Lesson ${slug}
slug: ${slug}
summary: A plain lesson of the import fixture path, long enough.
estimatedMinutes: 5
---
Words of ${slug}.
`

/** A path of two lessons and a hard quiz (pass mark 70), an assessment and an article. */
const FILES: Record<string, string> = {
	'paths/imp-path/path.yaml': `
title: Import fixture path
summary: A fixture path for the import tests, with two lessons and a quiz.
audience: customers
level: intermediate
estimatedMinutes: 20
skillTags: [imports]
certificate: false
steps:
  - lesson: one
  - lesson: two
  - quiz: imp-quiz
`,
	'paths/imp-path/lessons/one.mdx': lesson('one'),
	'paths/imp-path/lessons/two.mdx': lesson('two'),
	'paths/imp-path/quizzes/imp-quiz.yaml': `
id: imp-quiz
title: Import quiz
passMark: 70
difficulty: 3
questions:
  - id: q1
    type: truefalse
    prompt: Is this the import quiz?
    correct: true
    explanation: It is the import quiz.
`,
	'assessments/imp-assess.yaml': `
id: imp-assess
title: Import self-assessment
audience: customers
passMark: 50
difficulty: 1
questions:
  - id: q-a1
    type: truefalse
    prompt: Is this an assessment?
    correct: true
    explanation: It is an assessment.
recommendations:
  - { minScore: 0, maxScore: 100, path: imp-path, message: Take the import path. }
`,
	'articles/deep-dive.mdx': articleSource('deep-dive'),
}

let dir: string
beforeAll(async () => {
	dir = await writeContent(FILES)
	const report = await syncAllContent(dir)
	expect(report.errors).toEqual([])
	// Levels come from frontmatter elsewhere; set here so the test does not depend on it.
	await prisma.article.update({ where: { slug: 'deep-dive' }, data: { level: 'advanced' } })
	await prisma.lesson.updateMany({ where: { slug: 'two', path: { slug: 'imp-path' } }, data: { level: 'advanced' } })
})
afterAll(() => fs.rm(dir, { recursive: true, force: true }))

async function learner() {
	const account = await createAccount()
	return createUser('CUSTOMER', { accountId: account.id })
}

const dataOf = async (userId: string, itemKey: string) =>
	(await prisma.engagementEvent.findMany({ where: { userId, itemKey }, orderBy: { occurredAt: 'asc' } })).map((e) => JSON.parse(e.data) as Record<string, unknown>)

describe('what the portal knows is filled in', () => {
	test('quiz difficulty and pass from the quiz, content level from the article, lesson and path; unknown items left as they are', async () => {
		const user = await learner()
		const file = ndjson([
			{ id: 'lv-1', kind: 'quiz_attempt', user: user.email, occurredAt: '2026-05-01T10:00:00Z', itemKey: 'quiz:imp-path/imp-quiz', data: { score: 80 } },
			{ id: 'lv-2', kind: 'quiz_attempt', user: user.email, occurredAt: '2026-05-02T10:00:00Z', itemKey: 'quiz:imp-path/imp-quiz', data: { score: 60, difficulty: 1 } },
			{ id: 'lv-3', kind: 'quiz_attempt', user: user.email, occurredAt: '2026-05-03T10:00:00Z', itemKey: 'assessment:imp-assess', data: { score: 40 } },
			{ id: 'lv-4', kind: 'quiz_attempt', user: user.email, occurredAt: '2026-05-03T10:00:00Z', itemKey: 'quiz:other/unknown', data: { score: 40 } },
			{ id: 'lv-5', kind: 'article_read', user: user.email, occurredAt: '2026-05-04T10:00:00Z', itemKey: 'article:deep-dive' },
			{ id: 'lv-6', kind: 'article_view', user: user.email, occurredAt: '2026-05-04T10:00:00Z', itemKey: 'article:deep-dive', data: { level: 'beginner' } },
			{ id: 'lv-7', kind: 'article_read', user: user.email, occurredAt: '2026-05-04T10:00:00Z', itemKey: 'article:not-here' },
			{ id: 'lv-8', kind: 'lesson_complete', user: user.email, occurredAt: '2026-05-05T10:00:00Z', itemKey: 'lesson:imp-path/two' },
			{ id: 'lv-9', kind: 'path_complete', user: user.email, occurredAt: '2026-05-06T10:00:00Z', itemKey: 'path:imp-path' },
		])
		const report = await importEvents(file, { now: NOW })
		expect(report.errors).toEqual([])
		expect(report.created).toBe(9)
		expect(await dataOf(user.id, 'quiz:imp-path/imp-quiz')).toEqual([
			{ score: 80, difficulty: 3, passed: true },
			{ score: 60, difficulty: 1, passed: false },
		])
		expect(await dataOf(user.id, 'assessment:imp-assess')).toEqual([{ score: 40, difficulty: 1, passed: false }])
		expect(await dataOf(user.id, 'quiz:other/unknown')).toEqual([{ score: 40 }])
		expect((await dataOf(user.id, 'article:deep-dive')).sort((a, b) => String(a.level).localeCompare(String(b.level)))).toEqual([
			{ level: 'advanced' },
			{ level: 'beginner' }, // what the row says wins
		])
		expect(await dataOf(user.id, 'article:not-here')).toEqual([{}])
		expect(await dataOf(user.id, 'lesson:imp-path/two')).toEqual([{ level: 'advanced' }])
		expect((await dataOf(user.id, 'path:imp-path')).find((d) => d.level)).toEqual({ level: 'intermediate' })
		// The portal's own records: the assessment attempt counts on its page too.
		const assessment = await prisma.quizAttempt.findFirstOrThrow({ where: { userId: user.id, quiz: { key: 'imp-assess' } } })
		expect(assessment).toMatchObject({ score: 40, passed: false, submittedAt: new Date('2026-05-03T10:00:00Z') })
	})
})

describe('path enrolment and completion derived from imported lessons and quizzes', () => {
	const pathFor = () =>
		prisma.path.findUniqueOrThrow({ where: { slug: 'imp-path' }, select: { id: true, steps: { select: { kind: true, ref: true }, orderBy: { position: 'asc' } } } })
	const learning = async (userId: string) => {
		const [enrolments, lessons, attempts, events] = await Promise.all([
			prisma.enrollment.findMany({ where: { userId }, select: { pathId: true, createdAt: true, completedAt: true } }),
			prisma.lessonCompletion.findMany({ where: { userId }, select: { lessonId: true, createdAt: true }, orderBy: { createdAt: 'asc' } }),
			prisma.quizAttempt.findMany({ where: { userId }, select: { id: true, score: true, passed: true, submittedAt: true }, orderBy: { submittedAt: 'asc' } }),
			prisma.engagementEvent.findMany({ where: { userId }, select: { kind: true, itemKey: true, occurredAt: true, data: true, clientEventId: true }, orderBy: { occurredAt: 'asc' } }),
		])
		return { enrolments, lessons, attempts, events }
	}

	test('lessons and a passed quiz enrol and complete the path as the portal would; a failed quiz completes nothing; a re-import changes nothing', async () => {
		const [passer, failer] = [await learner(), await learner()]
		const rows = (email: string, score: number, prefix: string) => [
			{ id: `${prefix}-1`, kind: 'lesson_complete', user: email, occurredAt: '2026-05-01T10:00:00Z', itemKey: 'lesson:imp-path/one' },
			{ id: `${prefix}-2`, kind: 'lesson_complete', user: email, occurredAt: '2026-05-02T10:00:00Z', itemKey: 'lesson:imp-path/two' },
			{ id: `${prefix}-3`, kind: 'quiz_attempt', user: email, occurredAt: '2026-05-03T10:00:00Z', itemKey: 'quiz:imp-path/imp-quiz', data: { score } },
		]
		const file = ndjson([...rows(passer.email, 85, 'pass'), ...rows(failer.email, 40, 'fail')])
		const report = await importEvents(file, { now: NOW })
		expect(report.errors).toEqual([])
		expect(report.derived).toEqual({ enrolments: 2, lessonCompletions: 4, quizAttempts: 2, pathCompletions: 1 })

		const path = await pathFor()
		const done = await learning(passer.id)
		expect(done.enrolments).toEqual([{ pathId: path.id, createdAt: new Date('2026-05-01T10:00:00Z'), completedAt: new Date('2026-05-03T10:00:00Z') }])
		expect(done.lessons.map((l) => l.createdAt.toISOString())).toEqual(['2026-05-01T10:00:00.000Z', '2026-05-02T10:00:00.000Z'])
		expect(done.attempts).toEqual([expect.objectContaining({ score: 85, passed: true, submittedAt: new Date('2026-05-03T10:00:00Z') })])
		const derived = done.events.filter((e) => e.clientEventId?.startsWith('import:derived:'))
		expect(derived.map((e) => [e.kind, e.itemKey, e.occurredAt.toISOString(), JSON.parse(e.data)])).toEqual([
			['path_enrol', 'path:imp-path', '2026-05-01T10:00:00.000Z', {}],
			['path_complete', 'path:imp-path', '2026-05-03T10:00:00.000Z', { level: 'intermediate' }],
		])
		// The portal sees the path done.
		expect((await getPathProgress(prisma, passer.id, path)).isComplete).toBe(true)

		const failed = await learning(failer.id)
		expect(failed.enrolments).toEqual([expect.objectContaining({ pathId: path.id, completedAt: null })])
		expect(failed.lessons).toHaveLength(2)
		expect(failed.attempts).toEqual([expect.objectContaining({ score: 40, passed: false })])
		expect(failed.events.map((e) => e.kind)).not.toContain('path_complete')
		expect((await getPathProgress(prisma, failer.id, path)).percent).toBe(66)

		const before = JSON.stringify([await learning(passer.id), await learning(failer.id)])
		const again = await importEvents(file, { now: NOW })
		expect(again).toMatchObject({ created: 0, unchanged: 6, changedUserIds: [] })
		expect(again.derived).toEqual({ enrolments: 0, lessonCompletions: 0, quizAttempts: 0, pathCompletions: 0 })
		expect(JSON.stringify([await learning(passer.id), await learning(failer.id)])).toBe(before)

		// A later export with a passing retake completes the path, dated by the retake.
		const retake = await importEvents(
			ndjson([{ id: 'fail-4', kind: 'quiz_attempt', user: failer.email, occurredAt: '2026-05-09T10:00:00Z', itemKey: 'quiz:imp-path/imp-quiz', data: { score: 90 } }]),
			{ now: NOW },
		)
		expect(retake.derived).toEqual({ enrolments: 0, lessonCompletions: 0, quizAttempts: 1, pathCompletions: 1 })
		expect((await learning(failer.id)).enrolments[0]!.completedAt).toEqual(new Date('2026-05-09T10:00:00Z'))
	})

	test('an imported enrolment or completion event is not recorded twice; an existing enrolment is kept', async () => {
		const user = await learner()
		const path = await pathFor()
		await prisma.enrollment.create({ data: { userId: user.id, pathId: path.id, createdAt: new Date('2026-04-01T00:00:00Z') } })
		const file = ndjson([
			{ kind: 'lesson_complete', user: user.email, occurredAt: '2026-05-01T10:00:00Z', itemKey: 'lesson:imp-path/one' },
			{ kind: 'lesson_complete', user: user.email, occurredAt: '2026-05-02T10:00:00Z', itemKey: 'lesson:imp-path/two' },
			{ kind: 'quiz_attempt', user: user.email, occurredAt: '2026-05-03T10:00:00Z', itemKey: 'quiz:imp-path/imp-quiz', data: { score: 100, passed: true } },
			{ kind: 'path_complete', user: user.email, occurredAt: '2026-05-03T10:00:00Z', itemKey: 'path:imp-path' },
		])
		const report = await importEvents(file, { now: NOW })
		expect(report.derived).toEqual({ enrolments: 0, lessonCompletions: 2, quizAttempts: 1, pathCompletions: 1 })
		const { enrolments, events } = await learning(user.id)
		expect(enrolments).toEqual([{ pathId: path.id, createdAt: new Date('2026-04-01T00:00:00Z'), completedAt: new Date('2026-05-03T10:00:00Z') }])
		expect(events.filter((e) => e.kind === 'path_enrol')).toEqual([])
		expect(events.filter((e) => e.kind === 'path_complete').map((e) => e.clientEventId?.startsWith('import:sha256:'))).toEqual([true])
	})
})
