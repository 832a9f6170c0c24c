import fs from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { syncAllContent } from '#app/domain/content/sync-all.server.ts'
import { getContentAnalytics } from '#app/domain/content/content-analytics.server.ts'
import { loader as accountScoreLoader } from '#app/routes/api.accounts.$accountId.score.ts'
import { action as eventsAction } from '#app/routes/api.events.ts'
import { loader as apiSearchLoader } from '#app/routes/api.search.ts'
import { loader as userScoreLoader } from '#app/routes/api.users.$userId.score.ts'
import { loader as assessmentLoader } from '#app/routes/assessments.$id.tsx'
import { action as articleAction, loader as articleLoader } from '#app/routes/kb.$slug.tsx'
import { action as pathAction } from '#app/routes/paths.$slug._index.tsx'
import { loader as lessonLoader } from '#app/routes/paths.$slug.lessons.$lesson.tsx'
import { loader as quizLoader } from '#app/routes/paths.$slug.quizzes.$quiz.tsx'
import { loader as activePlanLoader } from '#app/routes/plan.tsx'
import { loader as planLoader } from '#app/routes/plans.$planId.tsx'
import { loader as planPrintLoader } from '#app/routes/plans.$planId_.print.tsx'
import { loader as suggestLoader } from '#app/routes/search.suggest.ts'
import { loader as searchLoader } from '#app/routes/search.tsx'
import { prisma } from '#app/utils/db.server.ts'
import { articleSource } from '#test/support/content.ts'
import { cookieFor, createAccount, createUser } from '#test/support/requests.ts'
import { FILES, writeContent } from '../learning/fixture.ts'
import { createPlan, threeObjectives, tier1World } from '../plans/fixtures.ts'
import { beacon, call, jsonOf, statusOf } from './helpers.ts'

/**
 * Loaders only read (issue 10): a reload, a prefetch or Remix's revalidation after a submission
 * changes nothing. A view, a search and a plan review are reported by the page, once per visit.
 */

let dir: string
let reader: { id: string; accountId: string; cookie: string }
let plans: Awaited<ReturnType<typeof tier1World>> & { planId: string; draftId: string }
beforeAll(async () => {
	dir = await writeContent({
		...FILES,
		'articles/open-guide.mdx': articleSource('open-guide', { title: 'Share a dashboard with your team', body: '## Share\n\nSend the dashboard link.\n' }),
		'articles/vip-guide.mdx': articleSource('vip-guide', { audience: 'tier1' }),
	})
	expect((await syncAllContent(dir)).errors).toEqual([])
	const account = await createAccount()
	const user = await createUser('CUSTOMER', { accountId: account.id })
	reader = { id: user.id, accountId: account.id, cookie: await cookieFor(user.id) }
	const world = await tier1World()
	const { planId } = await createPlan(threeObjectives(world.account.id, 'PROPOSED'))
	const draft = await createPlan({ ...threeObjectives(world.account.id, 'DRAFT'), active: false })
	plans = { ...world, planId, draftId: draft.planId }
})
afterAll(() => fs.rm(dir, { recursive: true, force: true }))

const post = (body: unknown, cookie?: string) => call(eventsAction, '/api/events', {}, { cookie, json: body })
const views = (userId: string) => prisma.engagementEvent.count({ where: { userId, kind: 'article_view' } })
const openArticle = (cookie?: string) => call(articleLoader, '/kb/open-guide', { slug: 'open-guide' }, { cookie })

describe('article views: by the page, once per visit', () => {
	test('the article GET records nothing; the page beacon records one view; a vote and its revalidation add none', async () => {
		const user = await createUser('CUSTOMER', { accountId: reader.accountId })
		const cookie = await cookieFor(user.id)
		expect(statusOf(await openArticle(cookie))).toBe(200)
		expect(await prisma.engagementEvent.count({ where: { userId: user.id } })).toBe(0)

		const view = beacon('article_view', 'article:open-guide')
		const posted = await post(view, cookie)
		expect(statusOf(posted)).toBe(201)
		expect(await jsonOf(posted)).toEqual({ recorded: 1, duplicates: 0 })
		const stored = await prisma.engagementEvent.findFirstOrThrow({ where: { userId: user.id, kind: 'article_view' } })
		expect(stored).toMatchObject({ itemKey: 'article:open-guide', accountId: reader.accountId, clientEventId: view.clientEventId })

		// A helpful vote, then the GET Remix revalidates with: still one view (and the vote's own event).
		expect(statusOf(await call(articleAction, '/kb/open-guide', { slug: 'open-guide' }, { cookie, form: { intent: 'vote', helpful: 'yes' } }))).toBe(200)
		expect(statusOf(await openArticle(cookie))).toBe(200)
		expect(await views(user.id)).toBe(1)
		expect(await prisma.engagementEvent.count({ where: { userId: user.id, kind: 'helpful_vote' } })).toBe(1)
	})

	test('a retried beacon, a reload or a second tab within 30 minutes add nothing; a visit after 30 minutes counts', async () => {
		const user = await createUser('CUSTOMER', { accountId: reader.accountId })
		const cookie = await cookieFor(user.id)
		const first = beacon('article_view', 'article:open-guide')
		expect(statusOf(await post(first, cookie))).toBe(201)
		const retry = await post(first, cookie)
		expect(statusOf(retry)).toBe(200)
		expect(await jsonOf(retry)).toEqual({ recorded: 0, duplicates: 1 })
		// A reload remounts the page: a new clientEventId, the same visit.
		const reload = await post(beacon('article_view', 'article:open-guide'), cookie)
		expect(await jsonOf(reload)).toEqual({ recorded: 0, duplicates: 1 })
		expect(await views(user.id)).toBe(1)

		await prisma.engagementEvent.updateMany({ where: { userId: user.id, kind: 'article_view' }, data: { occurredAt: new Date(Date.now() - 31 * 60_000) } })
		expect(statusOf(await post(beacon('article_view', 'article:open-guide'), cookie))).toBe(201)
		expect(await views(user.id)).toBe(2)
	})

	test('signed out records nothing; an article the reader may not read is refused', async () => {
		const before = await prisma.engagementEvent.count({ where: { kind: 'article_view' } })
		expect(statusOf(await post(beacon('article_view', 'article:open-guide')))).toBe(401)
		expect(statusOf(await post(beacon('article_view', 'article:vip-guide'), reader.cookie))).toBe(422)
		expect(statusOf(await post(beacon('article_view', 'article:no-such-article'), reader.cookie))).toBe(422)
		expect(statusOf(await post(beacon('article_view', 'lesson:basics/intro'), reader.cookie))).toBe(422)
		expect(await prisma.engagementEvent.count({ where: { kind: 'article_view' } })).toBe(before)
	})
})

describe('searches: logged once per query the page shows', () => {
	const searchPage = (q: string, cookie?: string) => call(searchLoader, `/search?${new URLSearchParams({ q })}`, {}, { cookie })

	test('the search GET logs nothing, however often it runs; the page beacon logs the query once with the hits counted on the server', async () => {
		const user = await createUser('CUSTOMER', { accountId: reader.accountId })
		const cookie = await cookieFor(user.id)
		const before = await prisma.searchLog.count()
		const page = (await searchPage('share dashboard', cookie)) as { result: { total: number } }
		await searchPage('share dashboard', cookie)
		expect(page.result.total).toBeGreaterThan(0)
		expect(await prisma.searchLog.count()).toBe(before)
		expect(await prisma.engagementEvent.count({ where: { userId: user.id } })).toBe(0)

		// The browser names the query; a hit count it claims is ignored.
		const report = beacon('search', undefined, { data: { q: 'share dashboard', hits: 999 } })
		expect(statusOf(await post(report, cookie))).toBe(201)
		expect(statusOf(await post(report, cookie))).toBe(200)
		const logs = await prisma.searchLog.findMany({ where: { userId: user.id } })
		expect(logs).toEqual([expect.objectContaining({ query: 'share dashboard', hits: page.result.total, accountId: reader.accountId, clientEventId: report.clientEventId })])
		const events = await prisma.engagementEvent.findMany({ where: { userId: user.id, kind: 'search' } })
		expect(events.map((e) => JSON.parse(e.data))).toEqual([{ hits: page.result.total }])
	})

	test('the typeahead and the JSON search API log nothing', async () => {
		const before = { logs: await prisma.searchLog.count(), events: await prisma.engagementEvent.count() }
		for (const q of ['sh', 'sha', 'share', 'share d']) {
			expect(statusOf(await call(suggestLoader, `/search/suggest?${new URLSearchParams({ q })}`, {}, { cookie: reader.cookie }))).toBe(200)
		}
		expect(statusOf(await call(apiSearchLoader, '/api/search?q=share', {}, { cookie: reader.cookie }))).toBe(200)
		expect({ logs: await prisma.searchLog.count(), events: await prisma.engagementEvent.count() }).toEqual(before)
	})

	test('a signed-out search is logged without a user; a zero-result search reaches the content gap list', async () => {
		const report = beacon('search', undefined, { data: { q: 'Quasar Widgets' } })
		expect(statusOf(await post(report))).toBe(201)
		const log = await prisma.searchLog.findUniqueOrThrow({ where: { clientEventId: report.clientEventId } })
		expect(log).toMatchObject({ query: 'quasar widgets', hits: 0, userId: null, accountId: null })
		expect(await prisma.engagementEvent.count({ where: { clientEventId: report.clientEventId } })).toBe(0)
		const analytics = await getContentAnalytics()
		expect(JSON.stringify(analytics)).toContain('quasar widgets')
		// Signed out, nothing but a search may be reported.
		expect(statusOf(await post({ events: [beacon('search', undefined, { data: { q: 'x' } }), beacon('video_play', 'video:a')] }))).toBe(401)
		expect(statusOf(await post(beacon('search', undefined, { data: { q: '' } })))).toBe(400)
	})
})

describe('plan reviews: by the page, once a day per plan', () => {
	const reviews = () => prisma.engagementEvent.count({ where: { kind: 'plan_review', accountId: plans.account.id } })

	test('plan GETs record nothing; the customer page beacon records one review a day; staff, drafts and other accounts are refused', async () => {
		const { planId, draftId, cookies } = plans
		for (let i = 0; i < 3; i++) await call(planLoader, `/plans/${planId}`, { planId }, { cookie: cookies.customer })
		const active = (await call(activePlanLoader, '/plan', {}, { cookie: cookies.customer })) as { kind: string; reviewBeacon: boolean }
		expect(active).toMatchObject({ kind: 'plan', reviewBeacon: true })
		await call(planPrintLoader, `/plans/${planId}/print`, { planId }, { cookie: cookies.customer })
		const staffView = (await call(planLoader, `/plans/${planId}`, { planId }, { cookie: cookies.csm })) as { reviewBeacon: boolean }
		expect(staffView.reviewBeacon).toBe(false)
		expect(await reviews()).toBe(0)

		expect(statusOf(await post(beacon('plan_review', `plan:${planId}`), cookies.customer))).toBe(201)
		expect(await jsonOf(await post(beacon('plan_review', `plan:${planId}`), cookies.customer))).toEqual({ recorded: 0, duplicates: 1 })
		expect(statusOf(await post(beacon('plan_review', `plan:${planId}`), cookies.csm))).toBe(422)
		expect(statusOf(await post(beacon('plan_review', `plan:${draftId}`), cookies.customer))).toBe(422)
		expect(statusOf(await post(beacon('plan_review', `plan:${planId}`), reader.cookie))).toBe(422)
		expect(statusOf(await post(beacon('plan_review', 'article:open-guide'), cookies.customer))).toBe(422)
		const stored = await prisma.engagementEvent.findMany({ where: { kind: 'plan_review', accountId: plans.account.id } })
		expect(stored).toEqual([expect.objectContaining({ userId: plans.customer.id, itemKey: `plan:${planId}` })])

		// Yesterday's review does not stop today's.
		await prisma.engagementEvent.updateMany({ where: { kind: 'plan_review', accountId: plans.account.id }, data: { occurredAt: new Date(Date.now() - 2 * 86_400_000) } })
		expect(statusOf(await post(beacon('plan_review', `plan:${planId}`), cookies.customer))).toBe(201)
		expect(await reviews()).toBe(2)
	})
})

describe('scores: the stored score or "not scored yet", never computed in a GET', () => {
	test('an unscored user and account read as score: null with the reason, and no snapshot is written', async () => {
		const csm = await createUser('CSM')
		const account = await createAccount({ csmId: csm.id })
		const user = await createUser('CUSTOMER', { accountId: account.id })
		await prisma.engagementEvent.create({ data: { kind: 'sign_in', userId: user.id, accountId: account.id } })
		const csmCookie = await cookieFor(csm.id)
		const before = await prisma.scoreSnapshot.count()
		for (let i = 0; i < 2; i++) {
			const own = await call(userScoreLoader, `/api/users/${user.id}/score`, { userId: user.id }, { cookie: csmCookie })
			expect(statusOf(own)).toBe(200)
			expect(await jsonOf(own)).toMatchObject({ subject: { type: 'user', id: user.id }, score: null, reason: expect.stringMatching(/not scored yet/i) })
			const acct = await call(accountScoreLoader, `/api/accounts/${account.id}/score`, { accountId: account.id }, { cookie: csmCookie })
			expect(statusOf(acct)).toBe(200)
			expect(await jsonOf(acct)).toMatchObject({ subject: { type: 'account', id: account.id }, score: null })
		}
		expect(await prisma.scoreSnapshot.count()).toBe(before)
	})

	test('a stored "not enough evidence" score comes back with its label and the segment it leans to (staff only)', async () => {
		const csm = await createUser('CSM')
		const account = await createAccount({ csmId: csm.id })
		const user = await createUser('CUSTOMER', { accountId: account.id })
		const part = { score: 40, components: [], lowEvidence: true, summary: 'Little to go on' }
		await prisma.scoreSnapshot.create({
			data: {
				subjectType: 'USER',
				userId: user.id,
				accountId: account.id,
				skill: 70,
				will: 30,
				segment: 'NOT_ENOUGH_EVIDENCE',
				breakdown: JSON.stringify({ v: 1, skill: part, will: part, lastActiveAt: null, lowEvidence: true, leaning: 'UNMOTIVATED' }),
			},
		})
		const staff = await jsonOf(await call(userScoreLoader, `/api/users/${user.id}/score`, { userId: user.id }, { cookie: await cookieFor(csm.id) }))
		expect(staff).toMatchObject({ skill: 70, will: 30, segment: 'NOT_ENOUGH_EVIDENCE', segmentLabel: 'Not enough evidence yet', leaning: 'UNMOTIVATED', leaningLabel: 'Unmotivated' })
		const own = await jsonOf(await call(userScoreLoader, `/api/users/${user.id}/score`, { userId: user.id }, { cookie: await cookieFor(user.id) }))
		expect(own).toMatchObject({ skill: 70, will: 30 })
		expect(own).not.toHaveProperty('segment')
		expect(own).not.toHaveProperty('leaning')
	})
})

/** Rows and the latest change of every table: a loader that writes anything changes one of them. */
async function databaseState() {
	// The catalog of either database (the PostgreSQL pass of the tests runs this too).
	const postgresql = process.env.DATABASE_URL!.startsWith('postgres')
	const tables = await prisma.$queryRawUnsafe<Array<{ name: string }>>(
		postgresql
			? "SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT LIKE '_prisma%' ORDER BY 1"
			: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma%' ORDER BY name",
	)
	const state: Record<string, string> = {}
	for (const { name } of tables) {
		const columns = postgresql
			? await prisma.$queryRawUnsafe<Array<{ name: string }>>('SELECT column_name::text AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1', name)
			: await prisma.$queryRawUnsafe<Array<{ name: string }>>(`PRAGMA table_info("${name}")`)
		// Session bookkeeping (lastSeenAt) is infrastructure, not data: its rows are counted only.
		const changed = name !== 'Session' && columns.some((c) => c.name === 'updatedAt') ? ', MAX("updatedAt") AS changed' : ''
		const [row] = await prisma.$queryRawUnsafe<Array<{ n: bigint | number; changed?: unknown }>>(`SELECT COUNT(*) AS n${changed} FROM "${name}"`)
		state[name] = `${Number(row!.n)} ${String(row!.changed ?? '')}`
	}
	return state
}

describe('every customer-facing loader touched here changes no row of any table', () => {
	test('article, search, typeahead, plan, lesson, quiz, assessment and score GETs, twice each', async () => {
		const learner = await createUser('CUSTOMER', { accountId: reader.accountId })
		const cookie = await cookieFor(learner.id)
		await call(pathAction, '/paths/basics', { slug: 'basics' }, { cookie, form: { intent: 'enrol' } })
		const { planId, cookies } = plans
		const gets: Array<() => Promise<unknown>> = [
			() => openArticle(cookie),
			() => openArticle(),
			() => call(articleLoader, '/kb/vip-guide', { slug: 'vip-guide' }, { cookie }),
			() => call(searchLoader, '/search?q=dashboard', {}, { cookie }),
			() => call(searchLoader, '/search?q=nothing+like+this', {}),
			() => call(apiSearchLoader, '/api/search?q=dashboard', {}, { cookie }),
			() => call(suggestLoader, '/search/suggest?q=dash', {}, { cookie }),
			() => call(planLoader, `/plans/${planId}`, { planId }, { cookie: cookies.customer }),
			() => call(activePlanLoader, '/plan', {}, { cookie: cookies.customer }),
			() => call(planPrintLoader, `/plans/${planId}/print`, { planId }, { cookie: cookies.customer }),
			() => call(lessonLoader, '/paths/basics/lessons/second', { slug: 'basics', lesson: 'second' }, { cookie }),
			() => call(quizLoader, '/paths/basics/quizzes/basics-quiz', { slug: 'basics', quiz: 'basics-quiz' }, { cookie }),
			() => call(assessmentLoader, '/assessments/fx-assess', { id: 'fx-assess' }, { cookie }),
			() => call(userScoreLoader, `/api/users/${learner.id}/score`, { userId: learner.id }, { cookie }),
			() => call(accountScoreLoader, `/api/accounts/${reader.accountId}/score`, { accountId: reader.accountId }, { cookie }),
		]
		// Warm up once (session touch, search index), then nothing may change.
		for (const get of gets) await get()
		const before = await databaseState()
		for (let round = 0; round < 2; round++) for (const get of gets) await get()
		expect(await databaseState()).toEqual(before)
		expect(await prisma.quizAttempt.count({ where: { userId: learner.id } })).toBe(0)
	})
})
