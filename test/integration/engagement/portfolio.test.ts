import fs from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { syncAllContent } from '#app/domain/content/sync-all.server.ts'
import { recomputeAllAndApply } from '#app/domain/loop/runner.server.ts'
import { loader as accountsLoader } from '#app/routes/console.accounts._index.tsx'
import { prisma } from '#app/utils/db.server.ts'
import { cookieFor, createAccount, createUser } from '#test/support/requests.ts'
import { FILES, writeContent } from '../learning/fixture.ts'
import { call, history, NOW, statusOf } from './helpers.ts'

type Page = {
	page: { rows: Array<{ id: string; name: string; tier: number; csmName: string | null; score: { segment: string } | null }> }
	total: number
	filters: { tier: number | null; csmId: string | null; segment: string | null }
	csms: Array<{ id: string; name: string }> | null
	lines: { skill: number; will: number; willSource: string; happiness: number; value: number }
	skillWill: { points: Array<{ id: string; skill: number; will: number; segment: string; r: number }>; apart: Array<{ id: string; reason: string }> }
	quadrant: { points: Array<{ id: string; happiness: number; value: number; quadrant: string }>; apart: Array<{ id: string }> }
}

let dir: string
let csmA: { id: string; cookie: string }
let csmB: { id: string; cookie: string }
let adminCookie: string
const ids: Record<'quiet' | 'busy' | 'empty' | 'other', string> = { quiet: '', busy: '', empty: '', other: '' }

async function csm(name: string) {
	const user = await createUser('CSM', { name })
	return { id: user.id, cookie: await cookieFor(user.id) }
}

async function scoredAccount(csmId: string, name: string, behaviour: Parameters<typeof history>[1] | null, extra: Parameters<typeof createAccount>[0] = {}) {
	const account = await createAccount({ csmId, name, ...extra })
	if (behaviour) {
		for (let i = 0; i < 2; i++) await history(await createUser('CUSTOMER', { accountId: account.id }), behaviour)
	}
	return account.id
}

beforeAll(async () => {
	dir = await writeContent(FILES)
	expect((await syncAllContent(dir)).errors).toEqual([])
	csmA = await csm('Ada CSM')
	csmB = await csm('Bo CSM')
	ids.quiet = await scoredAccount(csmA.id, 'Quiet Co', 'skilled-quiet', { tierOverride: { tier: 1, reason: 'test' }, arr: 400_000, costToServe: 20_000 })
	ids.busy = await scoredAccount(csmA.id, 'Busy Co', 'unskilled-active', { arr: 20_000, costToServe: 30_000 })
	ids.empty = await scoredAccount(csmA.id, 'Empty Co', null)
	ids.other = await scoredAccount(csmB.id, 'Other Co', 'skilled-active')
	await recomputeAllAndApply({ now: NOW })
	adminCookie = await cookieFor((await createUser('ADMIN')).id)
})
afterAll(() => fs.rm(dir, { recursive: true, force: true }))

const load = async (query: string, cookie: string) => (await call(accountsLoader, `/console/accounts${query}`, {}, { cookie })) as Page
const chartIds = (page: Page) => [...page.skillWill.points, ...page.skillWill.apart, ...page.quadrant.points, ...page.quadrant.apart].map((p) => p.id)

describe('the console accounts charts', () => {
	test('a CSM’s charts hold their own accounts only, placed from the stored scores', async () => {
		const page = await load('', csmA.cookie)
		expect(page.page.rows.map((a) => a.name).sort()).toEqual(['Busy Co', 'Empty Co', 'Quiet Co'])
		expect(page.total).toBe(3)
		expect(page.csms).toBeNull()
		expect(chartIds(page)).not.toContain(ids.other)
		expect(new Set(chartIds(page))).toEqual(new Set([ids.quiet, ids.busy, ids.empty]))

		const stored = await prisma.scoreSnapshot.findFirstOrThrow({ where: { subjectType: 'ACCOUNT', accountId: ids.quiet, isCurrent: true } })
		const quiet = page.skillWill.points.find((p) => p.id === ids.quiet)
		expect(quiet).toMatchObject({ skill: stored.skill, will: stored.will, segment: stored.segment })
		expect(page.quadrant.points.find((p) => p.id === ids.quiet)?.quadrant).toBe(stored.quadrant)
		// The larger account is the larger dot.
		const busy = page.skillWill.points.find((p) => p.id === ids.busy)
		expect(quiet!.r).toBeGreaterThan(busy!.r)
		// An account nobody uses is not plotted on skill/will as if its scores were known.
		expect(page.skillWill.points.map((p) => p.id)).not.toContain(ids.empty)
		expect(page.skillWill.apart.map((p) => p.id)).toContain(ids.empty)

		expect(page.lines).toMatchObject({ skill: 50, happiness: 60, value: 50 })
		// Too few accounts for a portfolio line: the fixed one, and the page says so.
		expect(page.lines).toMatchObject({ will: 50, willSource: 'fixed' })
	})

	test('filters narrow the table and both charts; unknown values and another CSM’s id never widen', async () => {
		const tier1 = await load('?tier=1', csmA.cookie)
		expect(tier1.page.rows.map((a) => a.id)).toEqual([ids.quiet])
		expect(new Set(chartIds(tier1))).toEqual(new Set([ids.quiet]))

		const quietSegment = tier1.page.rows[0]!.score!.segment
		const bySegment = await load(`?segment=${quietSegment}`, csmA.cookie)
		expect(bySegment.page.rows.map((a) => a.id)).toContain(ids.quiet)
		expect(bySegment.page.rows.every((a) => a.score?.segment === quietSegment)).toBe(true)
		expect(bySegment.page.rows.length).toBeLessThan(3)

		const none = await load('?tier=2', csmA.cookie)
		expect(none.page.rows).toEqual([])
		expect(chartIds(none)).toEqual([])

		// A CSM asking for another CSM's accounts gets their own list, unfiltered by the csm parameter.
		const sneaky = await load(`?csm=${csmB.id}`, csmA.cookie)
		expect(sneaky.filters.csmId).toBeNull()
		expect(sneaky.page.rows.map((a) => a.id).sort()).toEqual([ids.quiet, ids.busy, ids.empty].sort())

		const junk = await load('?tier=9&segment=nope&csm=x&quadrant=nope&q=%20', csmA.cookie)
		expect(junk.filters).toEqual({ tier: null, csmId: null, segment: null, quadrant: null, q: null })
		expect(junk.page.rows).toHaveLength(3)
	})

	test('an admin sees every account, can filter by CSM, and sees who owns each', async () => {
		const all = await load('', adminCookie)
		expect(all.page.rows.map((a) => a.id)).toEqual(expect.arrayContaining([ids.quiet, ids.busy, ids.empty, ids.other]))
		expect(all.csms?.map((c) => c.name)).toEqual(expect.arrayContaining(['Ada CSM', 'Bo CSM']))
		const bo = await load(`?csm=${csmB.id}`, adminCookie)
		expect(bo.page.rows.map((a) => [a.id, a.csmName])).toEqual([[ids.other, 'Bo CSM']])
		expect(new Set(chartIds(bo))).toEqual(new Set([ids.other]))
		const adaTier1 = await load(`?csm=${csmA.id}&tier=1`, adminCookie)
		expect(adaTier1.page.rows.map((a) => a.id)).toEqual([ids.quiet])
	})

	test('a customer is refused', async () => {
		const customer = await prisma.user.findFirstOrThrow({ where: { accountId: ids.quiet, role: 'CUSTOMER' } })
		expect(statusOf(await call(accountsLoader, '/console/accounts', {}, { cookie: await cookieFor(customer.id) }))).toBe(403)
	})
})
