import fs from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { syncAllContent } from '#app/domain/content/sync-all.server.ts'
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
	const report = await syncAllContent(dir)
	expect(report.errors).toEqual([])
})
afterAll(() => fs.rm(dir, { recursive: true, force: true }))

const lesson = (slug: string, name: string, cookie?: string) =>
	settle(() => lessonLoader(args(makeRequest(`/paths/${slug}/lessons/${name}`, { cookie }), { slug, lesson: name })))

describe('audience of paths and lessons', () => {
	test('the catalogue lists only the paths the reader may open', async () => {
		const tier3 = await customer(3)
		const tier1 = await customer(1)
		const slugs = async (cookie?: string) =>
			((await catalogueLoader(args(makeRequest('/paths', { cookie })))) as { paths: Array<{ slug: string }> }).paths.map((p) => p.slug).sort()
		expect(await slugs()).toEqual(['open'])
		expect(await slugs(tier3.cookie)).toEqual(['basics', 'open'])
		expect(await slugs(tier1.cookie)).toEqual(['basics', 'open', 'vip'])
	})

	test('a tier3 reader cannot open a tier1 path, its lessons or its quiz by URL', async () => {
		const { cookie } = await customer(3)
		const overview = await settle(() => pathLoader(args(makeRequest('/paths/vip', { cookie }), { slug: 'vip' })))
		expect(statusOf(overview)).toBe(403)
		expect(text(overview)).toContain('"kind":"gated"')
		expect(text(overview)).not.toContain('vip-lesson')

		const page = await lesson('vip', 'vip-lesson', cookie)
		expect(statusOf(page)).toBe(403)
		for (const secret of ['VIP-SECRET-BODY', 'VIP lesson title', 'fx-vip-check', 'How many VIPs', 'code']) {
			expect(text(page)).not.toContain(secret)
		}
		const quiz = await settle(() => quizLoader(args(makeRequest('/paths/vip/quizzes/vip-quiz', { cookie }), { slug: 'vip', quiz: 'vip-quiz' })))
		expect(statusOf(quiz)).toBe(403)
		expect(text(quiz)).not.toContain('VIP-QUESTION-PROMPT')

		// Actions are refused too, and change nothing.
		const enrol = await settle(() => pathAction(args(makeRequest('/paths/vip', { cookie, form: { intent: 'enrol' } }), { slug: 'vip' })))
		expect(statusOf(enrol)).toBe(404)
		const start = await settle(() =>
			quizAction(args(makeRequest('/paths/vip/quizzes/vip-quiz', { cookie, form: { intent: 'start' } }), { slug: 'vip', quiz: 'vip-quiz' })),
		)
		expect(statusOf(start)).toBe(404)
		expect(await prisma.enrollment.count({ where: { path: { slug: 'vip' } } })).toBe(0)
		expect(await prisma.quizAttempt.count({ where: { quiz: { key: 'vip-quiz' } } })).toBe(0)
	})

	test('a tier1 reader gets the lesson with the Tier 1 section; a tier3 reader gets the variant without it', async () => {
		const tier1 = await customer(1)
		const tier3 = await customer(3)
		const full = text(await lesson('basics', 'intro', tier1.cookie))
		const cut = text(await lesson('basics', 'intro', tier3.cookie))
		expect(full).toContain('TIER1-ONLY-SECTION')
		expect(full).toContain('fx-tier1-check')
		expect(cut).toContain('INTRO-LESSON-BODY')
		expect(cut).not.toContain('TIER1-ONLY-SECTION')
		expect(cut).not.toContain('fx-tier1-check')
		expect(text(await lesson('vip', 'vip-lesson', tier1.cookie))).toContain('VIP-SECRET-BODY')
	})

	test('signed out: a public lesson reads, a customers lesson asks to sign in, an unknown one is 404', async () => {
		expect(text(await lesson('open', 'hello'))).toContain('PUBLIC-LESSON-BODY')
		const gated = (await lesson('basics', 'intro')) as Response
		expect(gated.status).toBe(302)
		expect(gated.headers.get('Location')).toBe('/login?redirectTo=%2Fpaths%2Fbasics%2Flessons%2Fintro')
		expect(statusOf(await lesson('open', 'no-such-lesson'))).toBe(404)
		// A lesson file that is not a step of this path is not reachable through another path.
		expect(statusOf(await lesson('open', 'intro'))).toBe(404)
	})
})

describe('enrolment, lessons and progress', () => {
	test('completing needs enrolment; progress moves; resume goes to the step last opened', async () => {
		const { user, cookie } = await customer(3)
		const complete = (name: string) =>
			settle(() => lessonAction(args(makeRequest(`/paths/basics/lessons/${name}`, { cookie, form: { intent: 'complete' } }), { slug: 'basics', lesson: name })))
		const refused = await complete('intro')
		expect(statusOf(refused)).toBe(400)
		expect(text(refused)).toContain('Enrol in this path')
		expect(await prisma.lessonCompletion.count({ where: { userId: user.id } })).toBe(0)

		const enrolled = (await settle(() => pathAction(args(makeRequest('/paths/basics', { cookie, form: { intent: 'enrol' } }), { slug: 'basics' })))) as Response
		expect(enrolled.headers.get('Location')).toBe('/paths/basics/lessons/intro')
		// Enrolling twice records one event.
		await settle(() => pathAction(args(makeRequest('/paths/basics', { cookie, form: { intent: 'enrol' } }), { slug: 'basics' })))
		expect(await prisma.engagementEvent.count({ where: { userId: user.id, kind: 'path_enrol', itemKey: 'path:basics' } })).toBe(1)

		const done = (await complete('intro')) as Response
		expect(done.headers.get('Location')).toBe('/paths/basics/lessons/second')
		await complete('intro')
		expect(await prisma.engagementEvent.count({ where: { userId: user.id, kind: 'lesson_complete', itemKey: 'lesson:basics/intro' } })).toBe(1)

		const overview = (await pathLoader(args(makeRequest('/paths/basics', { cookie }), { slug: 'basics' }))) as { percent: number; resume: { href: string }; steps: Array<{ done: boolean }> }
		expect(overview.percent).toBe(33)
		expect(overview.steps.map((s) => s.done)).toEqual([true, false, false])
		expect(overview.resume.href).toBe('/paths/basics/lessons/second')

		// Opening the quiz page is a read and changes nothing; starting the quiz makes it the place to resume.
		const enrolment = () => prisma.enrollment.findFirstOrThrow({ where: { userId: user.id }, select: { lastStep: true, updatedAt: true } })
		const before = await enrolment()
		await quizLoader(args(makeRequest('/paths/basics/quizzes/basics-quiz', { cookie }), { slug: 'basics', quiz: 'basics-quiz' }))
		await lessonLoader(args(makeRequest('/paths/basics/lessons/second', { cookie }), { slug: 'basics', lesson: 'second' }))
		expect(await enrolment()).toEqual(before)
		await settle(() => quizAction(args(makeRequest('/paths/basics/quizzes/basics-quiz', { cookie, form: { intent: 'start' } }), { slug: 'basics', quiz: 'basics-quiz' })))
		const later = (await pathLoader(args(makeRequest('/paths/basics', { cookie }), { slug: 'basics' }))) as { resume: { href: string } }
		expect(later.resume.href).toBe('/paths/basics/quizzes/basics-quiz')

		const catalogue = (await catalogueLoader(args(makeRequest('/paths', { cookie })))) as { paths: Array<{ slug: string; percent: number; enrolled: boolean }> }
		expect(catalogue.paths.find((p) => p.slug === 'basics')).toMatchObject({ enrolled: true, percent: 33 })
	})
})
