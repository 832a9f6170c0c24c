import fs from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { syncAllContent } from '#app/domain/content/sync-all.server.ts'
import { loader as assessmentsLoader } from '#app/routes/assessments._index.tsx'
import { action as assessmentAction, loader as assessmentLoader } from '#app/routes/assessments.$id.tsx'
import { loader as certificateLoader } from '#app/routes/certificates.$id._index.tsx'
import { loader as printLoader } from '#app/routes/certificates.$id.print.tsx'
import { loader as catalogueLoader } from '#app/routes/paths._index.tsx'
import { action as pathAction, loader as pathLoader } from '#app/routes/paths.$slug._index.tsx'
import { action as lessonAction, loader as lessonLoader } from '#app/routes/paths.$slug.lessons.$lesson.tsx'
import { action as quizAction, loader as quizLoader } from '#app/routes/paths.$slug.quizzes.$quiz.tsx'
import { prisma } from '#app/utils/db.server.ts'
import { makeRequest, settle } from '#test/support/requests.ts'
import { args, customer, statusOf, text, writeContent } from './fixture.ts'

let dir: string
beforeAll(async () => {
	dir = await writeContent()
	expect((await syncAllContent(dir)).errors).toEqual([])
})
afterAll(() => fs.rm(dir, { recursive: true, force: true }))

const QUIZ = { slug: 'basics', quiz: 'basics-quiz' }
const QUIZ_URL = '/paths/basics/quizzes/basics-quiz'
const SECRETS = ['SECRET-', '"correct"', '"explanation"', '"expected"']

function expectNoAnswerKeys(result: unknown) {
	for (const secret of SECRETS) expect(text(result)).not.toContain(secret)
}

type QuizPage = {
	view: {
		open: { id: string; questions: Array<{ id: string }> } | null
		lastResult: { score: number; passed: boolean; answersShown: boolean; items: Array<{ questionId: string; answeredCorrectly: boolean; lesson: { title: string; href: string } | null }> } | null
		canStart: { ok: boolean; reason?: string }
		attemptsUsed: number
	} | null
	certificateId: string | null
}

async function enrolledLearner() {
	const learner = await customer(3)
	await settle(() => pathAction(args(makeRequest('/paths/basics', { cookie: learner.cookie, form: { intent: 'enrol' } }), { slug: 'basics' })))
	return learner
}

const quizPage = (cookie: string) => quizLoader(args(makeRequest(QUIZ_URL, { cookie }), QUIZ)) as Promise<QuizPage>
const post = (cookie: string, form: Record<string, string | string[]>) => settle(() => quizAction(args(makeRequest(QUIZ_URL, { cookie, form }), QUIZ)))

async function start(cookie: string) {
	const started = await post(cookie, { intent: 'start' })
	expect(statusOf(started)).toBe(302)
	const page = await quizPage(cookie)
	return page.view!.open!
}

const RIGHT = { 'answer.q-colour': 'b', 'answer.q-true': 'true' }
const WRONG = { 'answer.q-colour': 'a', 'answer.q-true': 'true' }

async function recorded(userId: string) {
	return {
		events: await prisma.engagementEvent.count({ where: { userId, kind: { in: ['quiz_attempt', 'path_complete', 'certificate_issued'] } } }),
		submitted: await prisma.quizAttempt.count({ where: { userId, submittedAt: { not: null } } }),
	}
}

describe('answer keys never reach the browser before submission', () => {
	test('path overview, lesson (with its checks), quiz page and open attempt carry no answers or explanations', async () => {
		const { cookie } = await enrolledLearner()
		expectNoAnswerKeys(await catalogueLoader(args(makeRequest('/paths', { cookie }))))
		expectNoAnswerKeys(await pathLoader(args(makeRequest('/paths/basics', { cookie }), { slug: 'basics' })))
		const lessonPage = await lessonLoader(args(makeRequest('/paths/basics/lessons/intro', { cookie }), { slug: 'basics', lesson: 'intro' }))
		expect(text(lessonPage)).toContain('Which check option is right?')
		expectNoAnswerKeys(lessonPage)
		expectNoAnswerKeys(await quizPage(cookie))
		const open = await start(cookie)
		expect(open.questions.map((q) => q.id)).toEqual(['q-colour', 'q-true'])
		const page = await quizPage(cookie)
		expect(text(page)).toContain('Which option is right?')
		expectNoAnswerKeys(page)
	})

	test('the assessment list and an open assessment carry no answers; the result recommends a path', async () => {
		const { cookie } = await customer(3)
		const url = '/assessments/fx-assess'
		const params = { id: 'fx-assess' }
		expectNoAnswerKeys(await assessmentsLoader(args(makeRequest('/assessments', { cookie }))))
		expectNoAnswerKeys(await assessmentLoader(args(makeRequest(url, { cookie }), params)))
		await settle(() => assessmentAction(args(makeRequest(url, { cookie, form: { intent: 'start' } }), params)))
		const open = (await assessmentLoader(args(makeRequest(url, { cookie }), params))) as { view: { open: { id: string } } }
		expectNoAnswerKeys(open)
		const submitted = await settle(() =>
			assessmentAction(args(makeRequest(url, { cookie, form: { intent: 'submit', attemptId: open.view.open.id, 'answer.q-a1': 'b', 'answer.q-a2': ['a', 'c'] } }), params)),
		)
		expect(statusOf(submitted)).toBe(302)
		const result = (await assessmentLoader(args(makeRequest(url, { cookie }), params))) as {
			view: { lastResult: { score: number } }
			recommendation: { message: string; path: { slug: string } | null }
		}
		expect(result.view.lastResult.score).toBe(50)
		expect(text(result)).toContain('SECRET-EXPLANATION-ASSESS-2')
		// 50 recommends the VIP path, which a Tier 3 reader may not open: the message without a link.
		expect(result.recommendation).toEqual({ message: 'Go further with the VIP path.', path: null })
	})
})

describe('tampered submissions are refused and record nothing', () => {
	test.each([
		['an unknown question', { 'answer.q-colour': 'b', 'answer.q-true': 'true', 'answer.q-invented': 'a' }, /unknown question q-invented/i],
		['an unknown option', { 'answer.q-colour': 'z', 'answer.q-true': 'true' }, /unknown option z for question q-colour/i],
		['a question answered twice', { 'answer.q-colour': ['a', 'b'], 'answer.q-true': 'true' }, /question q-colour answered twice/i],
		['a missing answer', { 'answer.q-colour': 'b' }, /missing answer for q-true/i],
		['a true/false answer that is neither', { 'answer.q-colour': 'b', 'answer.q-true': 'maybe' }, /must be true or false/i],
	])('%s', async (_name, answers, message) => {
		const { user, cookie } = await enrolledLearner()
		const open = await start(cookie)
		const result = await post(cookie, { intent: 'submit', attemptId: open.id, ...answers })
		expect(statusOf(result)).toBe(400)
		expect(text(result)).toMatch(message)
		expect(await recorded(user.id)).toEqual({ events: 0, submitted: 0 })
		// The attempt is still open and can be submitted properly.
		expect((await quizPage(cookie)).view!.open!.id).toBe(open.id)
	})

	test("another learner's attempt, an invented attempt id and a second submission are refused", async () => {
		const owner = await enrolledLearner()
		const intruder = await enrolledLearner()
		const open = await start(owner.cookie)
		const stolen = await post(intruder.cookie, { intent: 'submit', attemptId: open.id, ...RIGHT })
		expect(statusOf(stolen)).toBe(409)
		expect(text(stolen)).toContain('this attempt does not exist')
		expect(statusOf(await post(owner.cookie, { intent: 'submit', attemptId: 'invented', ...RIGHT }))).toBe(409)
		expect(await recorded(intruder.user.id)).toEqual({ events: 0, submitted: 0 })
		expect(await recorded(owner.user.id)).toEqual({ events: 0, submitted: 0 })

		expect(statusOf(await post(owner.cookie, { intent: 'submit', attemptId: open.id, ...WRONG }))).toBe(302)
		const again = await post(owner.cookie, { intent: 'submit', attemptId: open.id, ...RIGHT })
		expect(statusOf(again)).toBe(409)
		expect(text(again)).toContain('already submitted')
		const attempt = await prisma.quizAttempt.findUniqueOrThrow({ where: { id: open.id }, select: { score: true, passed: true } })
		expect(attempt).toEqual({ score: 50, passed: false })
		expect(await prisma.engagementEvent.count({ where: { userId: owner.user.id, kind: 'quiz_attempt' } })).toBe(1)
	})

	test('a learner who is not enrolled cannot start or submit', async () => {
		const { user, cookie } = await customer(3)
		const started = await post(cookie, { intent: 'start' })
		expect(statusOf(started)).toBe(400)
		expect(text(started)).toContain('Enrol in this path')
		expect(await prisma.quizAttempt.count({ where: { userId: user.id } })).toBe(0)
	})
})

describe('attempt limit and cooldown', () => {
	test('a GET never starts an attempt; an open attempt is resumed, not doubled', async () => {
		const { user, cookie } = await enrolledLearner()
		await quizPage(cookie)
		await quizPage(cookie)
		expect(await prisma.quizAttempt.count({ where: { userId: user.id } })).toBe(0)
		const open = await start(cookie)
		expect(await start(cookie)).toEqual(open)
		expect(await prisma.quizAttempt.count({ where: { userId: user.id } })).toBe(1)
	})

	test('after a failed attempt the cooldown blocks a new one; after the limit nothing more starts', async () => {
		const { user, cookie } = await enrolledLearner()
		for (let attempt = 1; attempt <= 3; attempt++) {
			const open = await start(cookie)
			expect(statusOf(await post(cookie, { intent: 'submit', attemptId: open.id, ...WRONG }))).toBe(302)
			const page = await quizPage(cookie)
			expect(page.view!.lastResult).toMatchObject({ score: 50, passed: false })
			// The answer key is held back while attempts remain, and shown once the last one is used.
			if (attempt < 3) expectNoAnswerKeys(page)
			else expect(text(page)).toContain('SECRET-EXPLANATION-COLOUR')
			if (attempt < 3) {
				expect(page.view!.canStart).toMatchObject({ ok: false, reason: 'wait 10 more minutes before trying again' })
				const blocked = await post(cookie, { intent: 'start' })
				expect(statusOf(blocked)).toBe(409)
				expect(text(blocked)).toContain('wait 10 more minutes')
				// Let the cooldown pass.
				await prisma.quizAttempt.updateMany({ where: { userId: user.id }, data: { submittedAt: new Date(Date.now() - 11 * 60_000) } })
			}
		}
		await prisma.quizAttempt.updateMany({ where: { userId: user.id }, data: { submittedAt: new Date(Date.now() - 11 * 60_000) } })
		const page = await quizPage(cookie)
		expect(page.view!.canStart).toMatchObject({ ok: false, reason: 'attempt limit reached (3 of 3)' })
		const refused = await post(cookie, { intent: 'start' })
		expect(statusOf(refused)).toBe(409)
		expect(text(refused)).toContain('attempt limit reached (3 of 3)')
		expect(await prisma.quizAttempt.count({ where: { userId: user.id } })).toBe(3)
	})

	test('an attempt started beyond the limit (a race) cannot be submitted', async () => {
		const { user, cookie } = await enrolledLearner()
		const quiz = await prisma.quiz.findFirstOrThrow({ where: { key: 'basics-quiz' }, select: { id: true } })
		const old = new Date(Date.now() - 60 * 60_000)
		for (let i = 0; i < 3; i++) {
			await prisma.quizAttempt.create({ data: { userId: user.id, quizId: quiz.id, questionIds: '["q-colour","q-true"]', createdAt: new Date(old.getTime() + i) } })
		}
		const extra = await prisma.quizAttempt.create({ data: { userId: user.id, quizId: quiz.id, questionIds: '["q-colour","q-true"]' } })
		const result = await post(cookie, { intent: 'submit', attemptId: extra.id, ...RIGHT })
		expect(statusOf(result)).toBe(409)
		expect(text(result)).toContain('attempt limit reached')
		expect(await recorded(user.id)).toEqual({ events: 0, submitted: 0 })
	})
})

describe('completing a path', () => {
	test('lessons done and the quiz passed issue one certificate whose public page verifies', async () => {
		const { user, cookie } = await enrolledLearner()
		for (const name of ['intro', 'second']) {
			await settle(() => lessonAction(args(makeRequest(`/paths/basics/lessons/${name}`, { cookie, form: { intent: 'complete' } }), { slug: 'basics', lesson: name })))
		}
		const open = await start(cookie)
		expect(statusOf(await post(cookie, { intent: 'submit', attemptId: open.id, ...RIGHT }))).toBe(302)
		const page = await quizPage(cookie)
		expect(page.view!.lastResult).toMatchObject({ score: 100, passed: true })
		expect(page.certificateId).toEqual(expect.any(String))
		const events = await prisma.engagementEvent.findMany({
			where: { userId: user.id, kind: { in: ['quiz_attempt', 'path_complete', 'certificate_issued'] } },
			select: { kind: true, itemKey: true, data: true },
			orderBy: { occurredAt: 'asc' },
		})
		expect(events.map((e) => [e.kind, e.itemKey])).toEqual([
			['quiz_attempt', 'quiz:basics/basics-quiz'],
			['path_complete', 'path:basics'],
			['certificate_issued', 'path:basics'],
		])
		expect(JSON.parse(events[0]!.data)).toEqual({ score: 100, difficulty: 2, passed: true })

		const overview = (await pathLoader(args(makeRequest('/paths/basics', { cookie }), { slug: 'basics' }))) as { percent: number; certificateId: string }
		expect(overview).toMatchObject({ percent: 100, certificateId: page.certificateId })

		// The public page needs no sign-in and verifies the code; a wrong code does not verify.
		const id = page.certificateId!
		const publicPage = (await certificateLoader(args(makeRequest(`/certificates/${id}`), { id }))) as {
			certificate: { holderName: string; pathTitle: string; verificationCode?: string }
		}
		expect(publicPage.certificate).toMatchObject({ holderName: user.name, pathTitle: 'Basics of Prism' })
		expect(text(publicPage)).not.toContain(user.email)
		// The share link shows name, course, date and validity; the code is the holder's to hand out.
		expect(publicPage.certificate.verificationCode).toBeUndefined()
		const holderPage = (await certificateLoader(args(makeRequest(`/certificates/${id}`, { cookie }), { id }))) as { certificate: { verificationCode: string } }
		const code = holderPage.certificate.verificationCode
		expect(text(publicPage)).not.toContain(code)
		const verified = (await certificateLoader(args(makeRequest(`/certificates/${id}?code=${code.toLowerCase()}`), { id }))) as { valid: boolean }
		expect(verified.valid).toBe(true)
		const wrong = (await certificateLoader(args(makeRequest(`/certificates/${id}?code=AAAA-AAAA-AA`), { id }))) as { valid: boolean }
		expect(wrong.valid).toBe(false)
		expect(await printLoader(args(makeRequest(`/certificates/${id}/print`, { cookie }), { id }))).toMatchObject({ certificate: { verificationCode: code } })
		expect(statusOf(await settle(() => certificateLoader(args(makeRequest('/certificates/not-a-real-certificate-id'), { id: 'not-a-real-certificate-id' }))))).toBe(404)

		// A retake after passing does not issue a second certificate or complete the path again.
		const retake = await start(cookie)
		await post(cookie, { intent: 'submit', attemptId: retake.id, ...RIGHT })
		expect(await prisma.certificate.count({ where: { userId: user.id } })).toBe(1)
		expect(await prisma.engagementEvent.count({ where: { userId: user.id, kind: 'path_complete' } })).toBe(1)
	})
})
