import fs from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { syncAllContent } from '#app/domain/content/sync-all.server.ts'
import { logSearch } from '#app/domain/search/search-service.server.ts'
import { ScoringRunner } from '#app/domain/loop/runner.server.ts'
import { userKey } from '#app/domain/scoring/queue.server.ts'
import { getCurrentUserScore } from '#app/domain/scoring/queries.server.ts'
import { action as eventsAction } from '#app/routes/api.events.ts'
import { action as articleAction, loader as articleLoader } from '#app/routes/kb.$slug.tsx'
import { action as loginAction } from '#app/routes/login.tsx'
import { action as lessonAction } from '#app/routes/paths.$slug.lessons.$lesson.tsx'
import { action as pathAction } from '#app/routes/paths.$slug._index.tsx'
import { action as quizAction, loader as quizLoader } from '#app/routes/paths.$slug.quizzes.$quiz.tsx'
import { prisma } from '#app/utils/db.server.ts'
import { createAccount, createUser, makeRequest, TEST_PASSWORD } from '#test/support/requests.ts'
import { FILES, writeContent } from '../learning/fixture.ts'
import { beacon, call, statusOf } from './helpers.ts'

const ARTICLE = `---
title: Share a fixture dashboard
slug: fixture-guide
summary: A fixture article for the engagement recording tests, long enough.
category: reports
tags: [reports]
audience: customers
productArea: Reports
updated: 2026-09-01
related: []
---
## Start

Words to read.
`

let dir: string
beforeAll(async () => {
	dir = await writeContent({ ...FILES, 'articles/fixture-guide.mdx': ARTICLE })
	expect((await syncAllContent(dir)).errors).toEqual([])
})
afterAll(() => fs.rm(dir, { recursive: true, force: true }))

describe('events are recorded by the real actions, in the same transaction as the action', () => {
	test('sign-in, article view, read-through, helpful vote, search, enrolment, lessons, quiz, path and certificate', async () => {
		const account = await createAccount()
		const user = await createUser('CUSTOMER', { accountId: account.id })

		const login = (await call(loginAction, '/login', {}, { form: { email: user.email, password: TEST_PASSWORD, redirectTo: '/' } })) as Response
		expect(login.status).toBe(302)
		const cookie = login.headers.get('Set-Cookie')!.split(';')[0]!

		// The article page reports its view once per visit (the loader only reads).
		await call(articleLoader, '/kb/fixture-guide', { slug: 'fixture-guide' }, { cookie })
		expect(statusOf(await call(eventsAction, '/api/events', {}, { cookie, json: beacon('article_view', 'article:fixture-guide') }))).toBe(201)
		expect(statusOf(await call(eventsAction, '/api/events', {}, { cookie, json: beacon('article_read', 'article:fixture-guide') }))).toBe(201)
		await call(articleAction, '/kb/fixture-guide', { slug: 'fixture-guide' }, { cookie, form: { intent: 'vote', helpful: 'yes' } })
		await logSearch({ userId: user.id, accountId: account.id, query: 'share dashboard', hits: 3 })

		const basics = { slug: 'basics' }
		await call(pathAction, '/paths/basics', basics, { cookie, form: { intent: 'enrol' } })
		for (const lesson of ['intro', 'second']) {
			await call(lessonAction, `/paths/basics/lessons/${lesson}`, { slug: 'basics', lesson }, { cookie, form: { intent: 'complete' } })
		}
		const quiz = { slug: 'basics', quiz: 'basics-quiz' }
		await call(quizAction, '/paths/basics/quizzes/basics-quiz', quiz, { cookie, form: { intent: 'start' } })
		const page = (await quizLoader({ request: makeRequest('/paths/basics/quizzes/basics-quiz', { cookie }), params: quiz, context: {} })) as {
			view: { open: { id: string } }
		}
		await call(quizAction, '/paths/basics/quizzes/basics-quiz', quiz, {
			cookie,
			form: { intent: 'submit', attemptId: page.view.open.id, 'answer.q-colour': 'b', 'answer.q-true': 'true' },
		})

		const events = await prisma.engagementEvent.findMany({ where: { userId: user.id }, orderBy: { occurredAt: 'asc' } })
		expect(new Set(events.map((e) => e.kind))).toEqual(
			new Set([
				'sign_in',
				'article_view',
				'article_read',
				'helpful_vote',
				'search',
				'path_enrol',
				'lesson_complete',
				'quiz_attempt',
				'path_complete',
				'certificate_issued',
			]),
		)
		expect(events.every((e) => e.accountId === account.id)).toBe(true)
		const attempt = events.find((e) => e.kind === 'quiz_attempt')!
		expect(JSON.parse(attempt.data)).toEqual({ score: 100, difficulty: 2, passed: true })
		expect(JSON.parse(events.find((e) => e.kind === 'search')!.data)).toEqual({ hits: 3 })
		expect(await prisma.searchLog.count({ where: { userId: user.id, query: 'share dashboard', hits: 3 } })).toBe(1)
		// Every recording queued the user's rescore with it: one row, bumped by each transaction.
		const work = await prisma.scoringWork.findMany({ where: { key: { startsWith: 'user:' } } })
		expect(work.map((w) => w.key)).toEqual([userKey(user.id)])
		expect(work[0]!.version).toBeGreaterThan(5)

		// The runner draining it shows what they did.
		await new ScoringRunner().drain({ keys: [userKey(user.id)], dueBy: new Date(Date.now() + 60_000) })
		expect(await prisma.scoringWork.count({ where: { key: userKey(user.id) } })).toBe(0)
		const score = (await getCurrentUserScore(user.id))!
		expect(score.breakdown!.skill.components.find((c) => c.key === 'quizzes')!.explanation).toMatch(/^1 quiz: 90% on a scale where the pass mark is 50%/)
		expect(score.breakdown!.skill.components.find((c) => c.key === 'paths')!.explanation).toBe('1 path completed and 1 certificate earned')
		expect(score.will).toBeGreaterThan(0)
	})

	test('an action that fails records nothing: a refused lesson completion writes no event', async () => {
		const account = await createAccount()
		const user = await createUser('CUSTOMER', { accountId: account.id })
		const login = (await call(loginAction, '/login', {}, { form: { email: user.email, password: TEST_PASSWORD, redirectTo: '/' } })) as Response
		const cookie = login.headers.get('Set-Cookie')!.split(';')[0]!
		// Not enrolled: refused.
		const refused = await call(lessonAction, '/paths/basics/lessons/intro', { slug: 'basics', lesson: 'intro' }, { cookie, form: { intent: 'complete' } })
		expect(statusOf(refused)).toBe(400)
		expect(await prisma.engagementEvent.count({ where: { userId: user.id, kind: 'lesson_complete' } })).toBe(0)
	})
})
