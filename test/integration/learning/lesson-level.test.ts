import fs from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { syncAllContent } from '#app/domain/content/sync-all.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { writeContent } from './fixture.ts'

const manifest = (level: string) => `
title: Levels of Prism
summary: A fixture path whose lessons take the path's level unless they state their own.
audience: customers
level: ${level}
estimatedMinutes: 20
skillTags: [getting-started]
certificate: false
steps:
  - lesson: plain
  - lesson: deep
`

const lesson = (slug: string, level?: string) => `---
title: Lesson ${slug} of the path
slug: ${slug}
summary: A fixture lesson long enough to pass the summary check.
estimatedMinutes: 5
${level ? `level: ${level}\n` : ''}---
Body of ${slug}.
`

let dir: string

beforeAll(async () => {
	dir = await writeContent({
		'paths/levels/path.yaml': manifest('intermediate'),
		'paths/levels/lessons/plain.mdx': lesson('plain'),
		'paths/levels/lessons/deep.mdx': lesson('deep', 'advanced'),
	})
})

afterAll(async () => {
	await fs.rm(dir, { recursive: true, force: true })
})

async function lessonLevels() {
	const rows = await prisma.lesson.findMany({ where: { path: { slug: 'levels' } }, select: { slug: true, level: true } })
	return Object.fromEntries(rows.map((row) => [row.slug, row.level]))
}

describe('lesson level in the content sync', () => {
	test("a lesson's own level is stored; one without takes the path's level", async () => {
		const report = await syncAllContent(dir)
		expect(report.errors).toEqual([])
		expect(await lessonLevels()).toEqual({ plain: 'intermediate', deep: 'advanced' })
	})

	test("changing the path's level moves the lessons that state none, even though their files did not change", async () => {
		await fs.writeFile(path.join(dir, 'paths/levels/path.yaml'), manifest('beginner'))
		const report = await syncAllContent(dir)
		expect(report.errors).toEqual([])
		expect(await lessonLevels()).toEqual({ plain: 'beginner', deep: 'advanced' })
	})

	test('an unknown lesson level is an error naming the lesson file, and the path keeps its last good version', async () => {
		await fs.writeFile(path.join(dir, 'paths/levels/lessons/deep.mdx'), lesson('deep', 'expert'))
		const report = await syncAllContent(dir)
		expect(report.errors).toEqual([
			{
				file: 'paths/levels/lessons/deep.mdx',
				problems: ['paths/levels/lessons/deep.mdx: line 6: level: expected one of beginner|intermediate|advanced'],
			},
		])
		expect(await lessonLevels()).toEqual({ plain: 'beginner', deep: 'advanced' })
	})
})
