import { beforeAll, describe, expect, test } from 'vitest'
import { CSV_HEADER, PAGE_SIZE } from '#app/domain/scoring/portfolio-list.ts'
import { loader as accountsLoader } from '#app/routes/console.accounts._index.tsx'
import * as csvExport from '#app/routes/console.accounts.export[.csv].ts'
import { prisma } from '#app/utils/db.server.ts'
import { resourceRouteHandler } from '#test/support/resource-routes.ts'
import { BASE, cookieFor, createAccount, createUser } from '#test/support/requests.ts'
import { call, statusOf } from './helpers.ts'

// The console's account list: search, filters, sort and pages from the URL, and the CSV of the same
// view, each only ever narrowing what the user may see.

type Row = { id: string; name: string; arr: number; emailDomain: string; score: { skill: number; segment: string } | null; lastActiveAt: Date | null }
type ListPage = {
	page: { rows: Row[]; page: number; pages: number; total: number; first: number; last: number }
	total: number
	order: { sort: string; dir: string; page: number }
	skillWill: { points: Array<{ id: string }>; apart: Array<{ id: string }> }
	movement: Array<{ weekStart: string; moved: number; transitions: Array<{ from: string; to: string; count: number }> }>
}

const handle = resourceRouteHandler({ 'console/accounts/export.csv': csvExport })
const csv = (query: string, cookie?: string) =>
	handle(new Request(new URL(`/console/accounts/export.csv${query}`, BASE), { headers: cookie ? { Cookie: cookie } : {} }))

let ada: { id: string; cookie: string }
let bo: { id: string; cookie: string }
let adminCookie: string
const names: Record<string, string> = {}

async function snapshot(accountId: string, skill: number, will: number, segment: string, quadrant: string | null) {
	await prisma.scoreSnapshot.create({ data: { subjectType: 'ACCOUNT', accountId, skill, will, segment, quadrant, breakdown: '{}' } })
}

beforeAll(async () => {
	const a = await createUser('CSM', { name: 'Ada CSM' })
	const b = await createUser('CSM', { name: 'Bo CSM' })
	ada = { id: a.id, cookie: await cookieFor(a.id) }
	bo = { id: b.id, cookie: await cookieFor(b.id) }
	adminCookie = await cookieFor((await createUser('ADMIN')).id)
	// Ada: 30 accounts "Ada 01".."Ada 30" with ARR 1000 × n, a few scored and active; Bo: 2.
	for (let n = 1; n <= 30; n++) {
		const name = `Ada ${String(n).padStart(2, '0')}`
		const account = await createAccount({ csmId: ada.id, name, emailDomain: `ada-${n}.example.com`, arr: 1000 * n })
		names[name] = account.id
	}
	await snapshot(names['Ada 03']!, 90, 80, 'HIGH_PERFORMER', 'SUCCESS')
	await snapshot(names['Ada 07']!, 20, 85, 'UNTRAINED', 'FLIGHT_RISK')
	await snapshot(names['Ada 12']!, 75, 10, 'UNMOTIVATED', 'FLIGHT_RISK')
	const user = await createUser('CUSTOMER', { accountId: names['Ada 12']! })
	await prisma.engagementEvent.createMany({
		data: [
			{ kind: 'sign_in', userId: user.id, accountId: names['Ada 12']!, occurredAt: new Date('2026-05-01T10:00:00Z') },
			{ kind: 'sign_in', userId: user.id, accountId: names['Ada 12']!, occurredAt: new Date('2026-05-20T10:00:00Z') },
			{ kind: 'sign_in', accountId: names['Ada 07']!, occurredAt: new Date('2026-05-10T10:00:00Z') },
		],
	})
	for (const name of ['Bo Alpha, Inc.', '=Bo Formula']) names[name] = (await createAccount({ csmId: bo.id, name, arr: 999_999 })).id
})

const load = async (query: string, cookie: string) => (await call(accountsLoader, `/console/accounts${query}`, {}, { cookie })) as ListPage
const rowNames = (page: ListPage) => page.page.rows.map((r) => r.name)

describe('the account list', () => {
	test('a CSM sees their own accounts, largest ARR first, 25 a page', async () => {
		const first = await load('', ada.cookie)
		expect(first.total).toBe(30)
		expect(first.page).toMatchObject({ page: 1, pages: 2, total: 30, first: 1, last: PAGE_SIZE })
		expect(rowNames(first)[0]).toBe('Ada 30')
		expect(rowNames(first)).toHaveLength(PAGE_SIZE)
		const second = await load('?page=2', ada.cookie)
		expect(rowNames(second)).toEqual(['Ada 05', 'Ada 04', 'Ada 03', 'Ada 02', 'Ada 01'])
		// A page past the end shows the last one; junk shows the first.
		expect((await load('?page=9', ada.cookie)).page.page).toBe(2)
		expect((await load('?page=abc', ada.cookie)).page.page).toBe(1)
		// The charts hold every account the filters keep, not one page.
		expect(first.skillWill.points.length + first.skillWill.apart.length).toBe(30)
	})

	test('sorts by name, skill, will and last active both ways; unscored and never-active rows last', async () => {
		expect(rowNames(await load('?sort=name', ada.cookie)).slice(0, 3)).toEqual(['Ada 01', 'Ada 02', 'Ada 03'])
		expect(rowNames(await load('?sort=name&dir=desc', ada.cookie)).slice(0, 2)).toEqual(['Ada 30', 'Ada 29'])
		expect(rowNames(await load('?sort=skill', ada.cookie)).slice(0, 4)).toEqual(['Ada 03', 'Ada 12', 'Ada 07', 'Ada 01'])
		expect(rowNames(await load('?sort=skill&dir=asc', ada.cookie)).slice(0, 3)).toEqual(['Ada 07', 'Ada 12', 'Ada 03'])
		expect(rowNames(await load('?sort=will&dir=desc', ada.cookie)).slice(0, 3)).toEqual(['Ada 07', 'Ada 03', 'Ada 12'])
		const active = await load('?sort=lastActive', ada.cookie)
		expect(rowNames(active).slice(0, 3)).toEqual(['Ada 12', 'Ada 07', 'Ada 01'])
		expect(active.page.rows[0]!.lastActiveAt).toEqual(new Date('2026-05-20T10:00:00Z'))
		expect((await load('?sort=bogus&dir=sideways', ada.cookie)).order).toEqual({ sort: 'arr', dir: 'desc', page: 1 })
	})

	test('search by name or domain, and filters by segment, quadrant and tier, combine', async () => {
		expect(rowNames(await load('?q=ada%2007', ada.cookie))).toEqual(['Ada 07'])
		expect(rowNames(await load('?q=ADA-12.EXAMPLE', ada.cookie))).toEqual(['Ada 12'])
		expect(rowNames(await load('?quadrant=FLIGHT_RISK&sort=name', ada.cookie))).toEqual(['Ada 07', 'Ada 12'])
		expect(rowNames(await load('?quadrant=FLIGHT_RISK&segment=UNMOTIVATED', ada.cookie))).toEqual(['Ada 12'])
		expect(rowNames(await load('?q=nothing-like-this', ada.cookie))).toEqual([])
		expect((await load('?quadrant=nonsense', ada.cookie)).page.total).toBe(30)
	})

	test('a search never reaches past the user’s own accounts; an admin’s does', async () => {
		expect(rowNames(await load('?q=bo', ada.cookie))).toEqual([])
		expect(rowNames(await load(`?q=bo&csm=${bo.id}`, ada.cookie))).toEqual([])
		expect(rowNames(await load('?q=bo&sort=name', adminCookie))).toEqual(['=Bo Formula', 'Bo Alpha, Inc.'])
	})

	test('editors and customers are refused', async () => {
		expect(statusOf(await call(accountsLoader, '/console/accounts', {}, { cookie: await cookieFor((await createUser('EDITOR')).id) }))).toBe(403)
	})
})

describe('segment movement', () => {
	test('counts the user’s accounts that changed segment each week, from the snapshot history', async () => {
		const cy = await createUser('CSM', { name: 'Cy CSM' })
		const cookie = await cookieFor(cy.id)
		const mover = await createAccount({ csmId: cy.id, name: 'Mover Co' })
		const steady = await createAccount({ csmId: cy.id, name: 'Steady Co' })
		const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000)
		await prisma.scoreSnapshot.createMany({
			data: [
				{ subjectType: 'ACCOUNT', accountId: mover.id, skill: 20, will: 80, segment: 'UNTRAINED', breakdown: '{}', isCurrent: false, computedAt: daysAgo(60) },
				{ subjectType: 'ACCOUNT', accountId: mover.id, skill: 70, will: 80, segment: 'HIGH_PERFORMER', breakdown: '{}', computedAt: daysAgo(0) },
				{ subjectType: 'ACCOUNT', accountId: steady.id, skill: 70, will: 80, segment: 'HIGH_PERFORMER', breakdown: '{}', computedAt: daysAgo(30) },
			],
		})
		const page = await load('', cookie)
		expect(page.movement).toHaveLength(12)
		expect(page.movement.at(-1)).toMatchObject({ moved: 1, transitions: [{ from: 'UNTRAINED', to: 'HIGH_PERFORMER', count: 1 }] })
		expect(page.movement.slice(0, -1).every((w) => w.moved === 0)).toBe(true)
		// Filters narrow it like the charts; another CSM's list never holds Cy's moves.
		expect((await load('?q=steady', cookie)).movement.every((w) => w.moved === 0)).toBe(true)
		expect((await load('', ada.cookie)).movement.every((w) => w.moved === 0)).toBe(true)
	})
})

describe('the CSV export', () => {
	const parseLines = async (response: Response) => (await response.text()).trimEnd().split('\r\n')

	test('holds the current view, every page of it, sorted as asked', async () => {
		const response = await csv('?sort=name&page=2', ada.cookie)
		expect(response.status).toBe(200)
		expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
		expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="accounts-\d{4}-\d{2}-\d{2}\.csv"$/)
		expect(response.headers.get('Cache-Control')).toBe('private, no-store')
		const lines = await parseLines(response)
		expect(lines[0]).toBe(CSV_HEADER.join(','))
		expect(lines).toHaveLength(31)
		expect(lines[1]).toMatch(/^Ada 01,ada-1\.example\.com,3,1000,/)
		const filtered = await parseLines(await csv('?quadrant=FLIGHT_RISK&sort=skill', ada.cookie))
		expect(filtered.slice(1).map((l) => l.split(',')[0])).toEqual(['Ada 12', 'Ada 07'])
		expect(filtered[1]).toContain(',75,10,Unmotivated,Work to keep: flight risk,2026-05-20T10:00:00.000Z')
	})

	test('a CSM gets their own accounts only, whatever the query says', async () => {
		const lines = await parseLines(await csv(`?csm=${ada.id}`, bo.cookie))
		expect(lines.slice(1).map((l) => l.split(',')[0]).sort()).toEqual(['"Bo Alpha', "'=Bo Formula"].sort())
		expect(lines.join('\n')).not.toContain('Ada ')
	})

	test('an admin gets everyone, names quoted and formulas defused', async () => {
		const lines = await parseLines(await csv('?q=bo&sort=name', adminCookie))
		expect(lines.slice(1)).toEqual([expect.stringMatching(/^'=Bo Formula,/), expect.stringMatching(/^"Bo Alpha, Inc\.",/)])
	})

	test('nobody signed in, customers and editors get no CSV', async () => {
		const anonymous = await csv('')
		expect([302, 303]).toContain(anonymous.status)
		expect(anonymous.headers.get('Content-Type') ?? '').not.toContain('text/csv')
		const customer = await createUser('CUSTOMER', { accountId: names['Ada 01']! })
		expect((await csv('', await cookieFor(customer.id))).status).toBe(403)
		expect((await csv('', await cookieFor((await createUser('EDITOR')).id))).status).toBe(403)
	})
})
