import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { syncAllContent } from '#app/domain/content/sync-all.server.ts'
import { importEvents } from '#app/domain/engagement/events-import.server.ts'
import { importSignals } from '#app/domain/engagement/signals-import.server.ts'
import { prisma } from '#app/utils/db.server.ts'

// The example files docs/imports.md walks through, against the demo content they name.
const example = (name: string) => fs.readFile(path.resolve('docs/examples', name), 'utf8')
const NOW = new Date('2026-06-01T00:00:00Z')

// Only the demo content the examples name (and what it needs), to keep the sync short.
const NAMED = [
	'paths/getting-started-in-a-day',
	'paths/prism-fundamentals', // recommended by the data-readiness assessment
	'checks',
	'assessments/data-readiness.yaml',
	'articles/share-a-dashboard.mdx',
]
let dir: string
beforeAll(async () => {
	dir = await fs.mkdtemp(path.join(os.tmpdir(), 'import-docs-'))
	for (const item of NAMED) await fs.cp(path.resolve('content', item), path.join(dir, item), { recursive: true })
	const report = await syncAllContent(dir)
	expect(report.errors).toEqual([])
}, 60_000)
afterAll(() => fs.rm(dir, { recursive: true, force: true }))

describe('docs/examples', () => {
	test('the events and usage examples import cleanly with create-missing, derive what the docs say, and load once', async () => {
		const events = await importEvents(await example('events.ndjson'), { fileName: 'events.ndjson', now: NOW, createMissing: true })
		expect(events.errors).toEqual([])
		expect(events).toMatchObject({ rows: 10, created: 10, accountsCreated: 2, usersCreated: 3 })
		expect(events.derived).toEqual({ enrolments: 1, lessonCompletions: 4, quizAttempts: 2, pathCompletions: 1 })

		const usage = await importSignals(await example('usage.csv'), { fileName: 'usage.csv' })
		expect(usage.errors).toEqual([])
		expect(usage).toMatchObject({ rows: 11, created: 11, accountsCreated: 0, usersCreated: 0 })

		const ada = await prisma.user.findUniqueOrThrow({ where: { email: 'ada@larkspur.example.com' }, include: { account: true } })
		expect(ada.account).toMatchObject({ emailDomain: 'larkspur.example.com', name: 'Larkspur Example', tier: 3 })
		expect(ada.createdAt.toISOString()).toBe('2026-03-02T08:55:00.000Z')
		const hub = await prisma.account.findUniqueOrThrow({ where: { externalId: 'HUB-20417' } })
		expect(hub.emailDomain).toBe('fernbrook.example.com')
		const enrolment = await prisma.enrollment.findFirstOrThrow({ where: { userId: ada.id }, include: { path: { select: { slug: true } } } })
		expect(enrolment).toMatchObject({ path: { slug: 'getting-started-in-a-day' }, completedAt: new Date('2026-03-03T16:20:00Z') })
		const quiz = await prisma.engagementEvent.findFirstOrThrow({ where: { clientEventId: 'import:ex-7' } })
		expect(JSON.parse(quiz.data)).toEqual({ score: 83, difficulty: 1, passed: true })
		const weekly = await prisma.userProductUsage.findFirstOrThrow({ where: { user: { email: 'ben@larkspur.example.com' }, metric: 'active_minutes' } })
		expect(weekly).toMatchObject({ day: '2026-03-02', metric: 'active_minutes', value: 240, periodDays: 7 })
		const month = await prisma.userProductUsage.findFirstOrThrow({ where: { userId: ada.id, metric: 'features_adopted' } })
		expect(month).toMatchObject({ day: '2026-03-01', periodDays: 31 })

		const eventsAgain = await importEvents(await example('events.ndjson'), { fileName: 'events.ndjson', now: NOW, createMissing: true })
		expect(eventsAgain).toMatchObject({ created: 0, unchanged: 10, accountsCreated: 0, usersCreated: 0, changedUserIds: [] })
		const usageAgain = await importSignals(await example('usage.csv'), { fileName: 'usage.csv' })
		expect(usageAgain).toMatchObject({ created: 0, updated: 0, unchanged: 11, changedAccountIds: [], changedUserIds: [] })
	})
})
