import fs from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { syncAllContent } from '#app/domain/content/sync-all.server.ts'
import { parseQuizDefinition } from '#app/domain/learning/definitions.server.ts'
import { parsePathManifestYaml } from '#app/domain/learning/path-manifest.ts'
import { findUnknownQuestionLessons, parseQuizYaml } from '#app/domain/learning/quiz-schema.ts'
import { loader as homeLoader } from '#app/routes/_index.tsx'
import * as certificatePdf from '#app/routes/certificates.$id.pdf.ts'
import { loader as printLoader } from '#app/routes/certificates.$id.print.tsx'
import { action as pathAction, loader as pathLoader } from '#app/routes/paths.$slug._index.tsx'
import { action as lessonAction } from '#app/routes/paths.$slug.lessons.$lesson.tsx'
import * as quizRoute from '#app/routes/paths.$slug.quizzes.$quiz.tsx'
import { prisma } from '#app/utils/db.server.ts'
import { makeRequest, settle } from '#test/support/requests.ts'
import { resourceRouteHandler } from '#test/support/resource-routes.ts'
import { args, customer, FILES, statusOf, text, writeContent } from './fixture.ts'

// Through Remix's own handler: what a browser gets from `/…/quiz.data` and the PDF route.
const handle = resourceRouteHandler({
	'paths/:slug/quizzes/:quiz': { loader: quizRoute.loader },
	'certificates/:id/pdf': certificatePdf,
})

const QUIZ = { slug: 'basics', quiz: 'basics-quiz' }
const QUIZ_URL = '/paths/basics/quizzes/basics-quiz'
const RIGHT = { 'answer.q-colour': 'b', 'answer.q-true': 'true' }
const WRONG_COLOUR = { 'answer.q-colour': 'a', 'answer.q-true': 'true' }
// Everything that would give the answer key away: marked explanations, the right option's text, key names.
const ANSWER_KEY = ['SECRET-', 'Right one', '"correct"', '"expected"', '"explanation"']

let dir: string
beforeAll(async () => {
	dir = await writeContent()
	expect((await syncAllContent(dir)).errors).toEqual([])
})
afterAll(() => fs.rm(dir, { recursive: true, force: true }))

type QuizPage = {
	view: {
		open: { id: string } | null
		allowance: string
		passed: boolean
		lastResult: {
			answersShown: boolean
			items: Array<{ questionId: string; answeredCorrectly: boolean; expected?: string; explanation?: string; lesson: { title: string; href: string } | null }>
		} | null
	}
	followUp: { message: string; primary: { label: string; href: string } | null } | null
	certificateId: string | null
}

const quizPage = async (cookie: string) => (await quizRoute.loader(args(makeRequest(QUIZ_URL, { cookie }), QUIZ))) as unknown as QuizPage
const post = (cookie: string, form: Record<string, string>) => settle(() => quizRoute.action(args(makeRequest(QUIZ_URL, { cookie, form }), QUIZ)))

async function enrolled(slug = 'basics') {
	const learner = await customer(3)
	await settle(() => pathAction(args(makeRequest(`/paths/${slug}`, { cookie: learner.cookie, form: { intent: 'enrol' } }), { slug })))
	return learner
}

async function attempt(cookie: string, answers: Record<string, string>) {
	expect(statusOf(await post(cookie, { intent: 'start' }))).toBe(302)
	const open = (await quizPage(cookie)).view.open!
	expect(statusOf(await post(cookie, { intent: 'submit', attemptId: open.id, ...answers }))).toBe(302)
}

async function completeLessons(cookie: string, slug: string, lessons: string[]) {
	for (const lesson of lessons) {
		await settle(() => lessonAction(args(makeRequest(`/paths/${slug}/lessons/${lesson}`, { cookie, form: { intent: 'complete' } }), { slug, lesson })))
	}
}

async function dataResponse(cookie: string) {
	const response = await handle(makeRequest(`${QUIZ_URL}.data`, { cookie }))
	expect(response.status).toBe(200)
	return response.text()
}

describe('a failed attempt says what was wrong, not what is right', () => {
	test('the attempt limit is stated before the first attempt', async () => {
		const { cookie } = await enrolled()
		expect((await quizPage(cookie)).view.allowance).toBe('You have 3 attempts; 3 left.')
	})

	test('loader data and the .data response of a failed attempt hold no answer key, and link the wrong question to its lesson', async () => {
		const { cookie } = await enrolled()
		await attempt(cookie, WRONG_COLOUR)
		const page = await quizPage(cookie)
		for (const secret of ANSWER_KEY) expect(text(page)).not.toContain(secret)
		const payload = await dataResponse(cookie)
		expect(payload).toContain('Which option is right?')
		for (const secret of ANSWER_KEY) expect(payload).not.toContain(secret)

		const result = page.view.lastResult!
		expect(result.answersShown).toBe(false)
		expect(result.items).toEqual([
			{ questionId: 'q-colour', prompt: 'Which option is right?', answeredCorrectly: false, given: 'Wrong one', lesson: { title: 'Introduction lesson', href: '/paths/basics/lessons/intro' } },
			{ questionId: 'q-true', prompt: 'Is this statement true?', answeredCorrectly: true, given: 'True', lesson: null },
		])
		expect(page.view.allowance).toBe('You have 3 attempts; 2 left.')
		// Not passed: no certificate or next step is offered; trying again is the way on.
		expect(page.followUp).toBeNull()
	})

	test('after a pass the answers are shown, even on a later failed retake', async () => {
		const { cookie } = await enrolled()
		await attempt(cookie, RIGHT)
		await prisma.quizAttempt.updateMany({ where: { submittedAt: { not: null } }, data: { submittedAt: new Date(Date.now() - 60 * 60_000) } })
		await attempt(cookie, WRONG_COLOUR)
		const result = (await quizPage(cookie)).view.lastResult!
		expect(result.answersShown).toBe(true)
		expect(result.items[0]).toMatchObject({ answeredCorrectly: false, expected: 'Right one', explanation: 'SECRET-EXPLANATION-COLOUR b is right.' })
		expect(await dataResponse(cookie)).toContain('SECRET-EXPLANATION-COLOUR')
	})
})

describe('a pass that completes a path leads to the certificate and the next path', () => {
	test('quiz follow-up, path page, home page and PDF', async () => {
		const { user, cookie } = await enrolled()
		// The home page of a learner in the middle of the path: continue at the first lesson not done.
		await completeLessons(cookie, 'basics', ['intro'])
		const midway = (await homeLoader(args(makeRequest('/', { cookie })))) as { continueLearning: { path: { slug: string }; next: { href: string } } | null }
		expect(midway.continueLearning).toMatchObject({ path: { slug: 'basics' }, next: { href: '/paths/basics/lessons/second' } })

		await completeLessons(cookie, 'basics', ['second'])
		await attempt(cookie, RIGHT)
		const page = await quizPage(cookie)
		expect(page.certificateId).toEqual(expect.any(String))
		expect(page.followUp).toEqual({
			message: 'You passed and completed the path: your certificate is ready.',
			primary: { label: 'View your certificate', href: `/certificates/${page.certificateId}` },
			// The public starter path, never the Tier 1 one above this Tier 3 reader's plan.
			secondary: { label: 'Next path: Open starter path', href: '/paths/open' },
		})
		expect(text(page)).not.toContain('remaining steps')

		const overview = (await pathLoader(args(makeRequest('/paths/basics', { cookie }), { slug: 'basics' }))) as { nextPath: { slug: string } | null; resume: unknown }
		expect(overview).toMatchObject({ nextPath: { slug: 'open' }, resume: null })

		const home = (await homeLoader(args(makeRequest('/', { cookie })))) as {
			continueLearning: unknown
			certificates: Array<{ id: string; pathTitle: string }>
			nextSteps: Array<{ kind: string; href: string; reason: string }>
		}
		expect(home.continueLearning).toBeNull()
		expect(home.certificates).toEqual([expect.objectContaining({ id: page.certificateId, pathTitle: 'Basics of Prism' })])
		expect(home.nextSteps[0]).toMatchObject({ kind: 'path', href: '/paths/open', reason: 'The next step after Basics of Prism.' })
		expect(home.nextSteps.map((step) => step.kind)).not.toContain('advocacy')
		expect(home.nextSteps.map((step) => step.href)).not.toContain('/paths/vip')

		// The PDF: the holder gets a PDF attachment; another customer is refused, a visitor sent to sign in.
		const id = page.certificateId!
		const pdf = await handle(makeRequest(`/certificates/${id}/pdf`, { cookie }))
		expect(pdf.status).toBe(200)
		expect(pdf.headers.get('Content-Type')).toBe('application/pdf')
		expect(pdf.headers.get('Content-Disposition')).toBe('attachment; filename="certificate-basics.pdf"')
		const bytes = Buffer.from(await pdf.arrayBuffer())
		expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-')
		const other = await customer(3)
		expect((await handle(makeRequest(`/certificates/${id}/pdf`, { cookie: other.cookie }))).status).toBe(403)
		const visitor = await handle(makeRequest(`/certificates/${id}/pdf`))
		expect(visitor.status).toBe(302)
		expect(visitor.headers.get('Location')).toMatch(/^\/login/)
		expect(statusOf(await settle(() => printLoader(args(makeRequest(`/certificates/${id}/print`, { cookie: other.cookie }), { id }))))).toBe(403)

		// The printed copy carries an absolute verification URL.
		const print = (await printLoader(args(makeRequest(`/certificates/${id}/print`, { cookie }), { id }))) as { verifyUrl: string }
		expect(print.verifyUrl).toBe(`http://localhost:3000/certificates/${id}`)
		expect(await prisma.certificate.count({ where: { userId: user.id } })).toBe(1)
	})

	test('a finished path without a certificate makes the next path the main button', async () => {
		const { cookie } = await enrolled('open')
		await completeLessons(cookie, 'open', ['hello'])
		const overview = (await pathLoader(args(makeRequest('/paths/open', { cookie }), { slug: 'open' }))) as { nextPath: { slug: string; title: string } | null; certificateId: string | null }
		expect(overview).toMatchObject({ certificateId: null, nextPath: { slug: 'basics', title: 'Basics of Prism' } })
	})
})

describe('quiz questions name the lesson that teaches them', () => {
	test('a lesson that is not a lesson step of the path fails the sync and keeps the last good quiz', async () => {
		const broken = await writeContent({
			...FILES,
			'paths/basics/quizzes/basics-quiz.yaml': FILES['paths/basics/quizzes/basics-quiz.yaml']!.replace('lesson: intro', 'lesson: no-such-lesson'),
		})
		try {
			const report = await syncAllContent(broken)
			expect(report.errors).toEqual([
				{
					file: 'paths/basics/quizzes/basics-quiz.yaml',
					problems: ['paths/basics/quizzes/basics-quiz.yaml: questions[0].lesson: "no-such-lesson" is not a lesson of this path (lessons: intro, second)'],
				},
			])
			const stored = await prisma.quiz.findFirstOrThrow({ where: { key: 'basics-quiz' }, select: { definition: true } })
			expect(parseQuizDefinition(stored.definition).questions[0]!.lesson).toBe('intro')
		} finally {
			await fs.rm(broken, { recursive: true, force: true })
		}
	})

	test('every question of the demo path quizzes names a lesson of its own path', async () => {
		const root = path.resolve('content/paths')
		for (const slug of await fs.readdir(root)) {
			const manifest = parsePathManifestYaml(`${slug}/path.yaml`, await fs.readFile(path.join(root, slug, 'path.yaml'), 'utf8'))
			if (!manifest.ok) throw new Error(manifest.errors.join('\n'))
			const lessons = new Set(manifest.value.steps.flatMap((step) => ('lesson' in step ? [step.lesson] : [])))
			for (const file of await fs.readdir(path.join(root, slug, 'quizzes'))) {
				const quiz = parseQuizYaml(file, await fs.readFile(path.join(root, slug, 'quizzes', file), 'utf8'))
				if (!quiz.ok) throw new Error(quiz.errors.join('\n'))
				expect(quiz.value.questions.filter((question) => question.lesson === undefined).map((question) => question.id), `${slug}/${file}`).toEqual([])
				expect(findUnknownQuestionLessons(file, quiz.value, lessons)).toEqual([])
			}
		}
	})
})
