import fs from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { syncAllContent } from '#app/domain/content/sync-all.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { writeContent } from './fixture.ts'

let dir: string

const made: string[] = []

beforeAll(async () => {
	dir = await writeContent()
	made.push(dir)
})

afterAll(async () => {
	for (const folder of made) await fs.rm(folder, { recursive: true, force: true })
})

describe('content sync of paths, checks and assessments', () => {
	test('first sync stores everything; a second one compiles nothing and changes nothing', async () => {
		const first = await syncAllContent(dir)
		expect(first.errors).toEqual([])
		expect(first.compiled).toBeGreaterThan(0)
		// 3 manifests + 4 lessons + 2 quizzes + 1 checks file + 1 assessment
		expect(first.created).toBe(11)
		const paths = await prisma.path.findMany({ select: { slug: true, status: true, steps: { select: { kind: true, ref: true, title: true }, orderBy: { position: 'asc' } } }, orderBy: { slug: 'asc' } })
		expect(paths.map((p) => p.slug)).toEqual(['basics', 'open', 'vip'])
		expect(paths[0]!.steps).toEqual([
			{ kind: 'lesson', ref: 'intro', title: 'Introduction lesson' },
			{ kind: 'lesson', ref: 'second', title: 'Second lesson' },
			{ kind: 'quiz', ref: 'basics-quiz', title: 'Basics quiz' },
		])
		const quiz = await prisma.quiz.findFirst({ where: { key: 'basics-quiz' }, select: { kind: true, definition: true, audience: true } })
		expect(quiz).toMatchObject({ kind: 'path', audience: 'customers' })
		expect(JSON.parse(quiz!.definition).questions[0].correct).toBe('b')
		expect(await prisma.quiz.count({ where: { kind: 'assessment', key: 'fx-assess' } })).toBe(1)
		expect(await prisma.checkQuestion.count()).toBe(3)

		const second = await syncAllContent(dir)
		expect(second.errors).toEqual([])
		expect(second.compiled).toBe(0)
		expect(second.created + second.updated + second.retired).toBe(0)
		expect(second.unchanged).toBe(11)
	})

	test('a check inside a Tier 1 section is listed only for the variants that keep it', async () => {
		const variants = await prisma.lessonVariant.findMany({
			where: { lesson: { slug: 'intro' } },
			select: { level: true, checkIds: true },
			orderBy: { level: 'asc' },
		})
		const byLevel = Object.fromEntries(variants.map((v) => [v.level, JSON.parse(v.checkIds)]))
		expect(byLevel.customers).toEqual(['fx-check'])
		expect(byLevel.tier2).toEqual(['fx-check'])
		expect(byLevel.tier1).toEqual(['fx-check', 'fx-tier1-check'])
		expect(byLevel.public).toBeUndefined()
	})

	test('a bad lesson is reported with its file and the whole path keeps its last good version', async () => {
		const file = path.join(dir, 'paths/basics/lessons/second.mdx')
		const good = await fs.readFile(file, 'utf8')
		await fs.writeFile(file, good.replace('SECOND-LESSON-BODY.', 'Broken {1 + 1} expression.'))
		await fs.writeFile(path.join(dir, 'paths/basics/path.yaml'), (await fs.readFile(path.join(dir, 'paths/basics/path.yaml'), 'utf8')).replace('Basics of Prism', 'Basics renamed'))
		const report = await syncAllContent(dir)
		expect(report.errors.map((e) => e.file)).toEqual(['paths/basics/lessons/second.mdx'])
		expect(report.errors[0]!.problems.join('\n')).toMatch(/paths\/basics\/lessons\/second\.mdx: line \d+/)
		expect(await prisma.path.findUnique({ where: { slug: 'basics' }, select: { title: true } })).toEqual({ title: 'Basics of Prism' })
		await fs.writeFile(file, good)
		const fixed = await syncAllContent(dir)
		expect(fixed.errors).toEqual([])
		expect(fixed.updated).toBe(1)
		expect(await prisma.path.findUnique({ where: { slug: 'basics' }, select: { title: true } })).toEqual({ title: 'Basics renamed' })
	})

	test('an invalid quiz, an unknown check id and an unknown recommended path are reported', async () => {
		const other = await writeContent({
			'paths/broken/path.yaml': 'title: Broken path\nsummary: A path whose quiz names a correct option that does not exist.\naudience: customers\nlevel: beginner\nestimatedMinutes: 5\nskillTags: [x]\ncertificate: false\nsteps:\n  - quiz: bad-quiz\n',
			'paths/broken/quizzes/bad-quiz.yaml': 'id: bad-quiz\ntitle: Bad quiz\npassMark: 50\nquestions:\n  - id: q1\n    type: single\n    prompt: Which one?\n    options:\n      - { id: a, text: A }\n      - { id: b, text: B }\n    correct: z\n    explanation: Nothing to explain.\n',
			'paths/ghost/path.yaml': 'title: Ghost check path\nsummary: A path whose only lesson embeds a check nobody defined anywhere.\naudience: customers\nlevel: beginner\nestimatedMinutes: 5\nskillTags: [x]\ncertificate: false\nsteps:\n  - lesson: ghost\n',
			'paths/ghost/lessons/ghost.mdx': '---\ntitle: Ghost lesson\nslug: ghost\nsummary: A lesson that embeds a knowledge check that does not exist.\nestimatedMinutes: 1\n---\nText.\n\n<Check id="no-such-check" />\n',
			'assessments/lost.yaml': 'id: lost\ntitle: Lost assessment\naudience: public\npassMark: 50\nquestions:\n  - id: q1\n    type: truefalse\n    prompt: True or not?\n    correct: true\n    explanation: It is true.\nrecommendations:\n  - { minScore: 0, maxScore: 100, path: nowhere, message: Go nowhere at all. }\n',
		})
		made.push(other)
		const report = await syncAllContent(other)
		const lines = report.errors.flatMap((e) => e.problems)
		expect(lines).toContainEqual(expect.stringMatching(/bad-quiz\.yaml: questions\[0\]\.correct: "z" is not an option/))
		expect(lines).toContainEqual(expect.stringMatching(/ghost\.mdx: <Check id="no-such-check" \/> names no question/))
		expect(lines).toContainEqual(expect.stringMatching(/lost\.yaml: recommendations\[0\]\.path: no path "nowhere"/))
		expect(await prisma.path.count({ where: { slug: 'broken' } })).toBe(0)
		expect(await prisma.quiz.count({ where: { key: 'lost' } })).toBe(0)
		// The first folder's paths are gone from this one: retired, not deleted.
		expect(await prisma.path.findUnique({ where: { slug: 'basics' }, select: { status: true } })).toEqual({ status: 'retired' })
		expect(await prisma.quiz.findFirst({ where: { key: 'fx-assess' }, select: { status: true } })).toEqual({ status: 'retired' })
		// Back to the first folder: republished.
		const again = await syncAllContent(dir)
		expect(again.errors).toEqual([])
		expect(await prisma.path.findUnique({ where: { slug: 'basics' }, select: { status: true } })).toEqual({ status: 'published' })
		expect(await prisma.quiz.findFirst({ where: { key: 'fx-assess' }, select: { status: true } })).toEqual({ status: 'published' })
	})
})
