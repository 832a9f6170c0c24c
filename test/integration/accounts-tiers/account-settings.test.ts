import { beforeAll, describe, expect, test } from 'vitest'
import { action, loader } from '#app/routes/console.accounts.$accountId_.settings.tsx'
import { prisma } from '#app/utils/db.server.ts'
import { cookieFor, createAccount, createUser, makeRequest, settle } from '#test/support/requests.ts'

let accountId: string
const cookies: Record<'csm' | 'otherCsm' | 'admin' | 'customer' | 'editor', string> = {} as never

beforeAll(async () => {
	const csm = await createUser('CSM')
	const account = await createAccount({ csmId: csm.id })
	accountId = account.id
	const other = await createAccount({ csmId: (await createUser('CSM')).id })
	cookies.csm = await cookieFor(csm.id)
	cookies.otherCsm = await cookieFor((await prisma.account.findUniqueOrThrow({ where: { id: other.id }, select: { csmId: true } })).csmId!)
	cookies.admin = await cookieFor((await createUser('ADMIN')).id)
	cookies.customer = await cookieFor((await createUser('CUSTOMER', { accountId })).id)
	cookies.editor = await cookieFor((await createUser('EDITOR')).id)
})

const path = () => `/console/accounts/${accountId}/settings`
const load = (cookie: string) => settle(() => loader({ request: makeRequest(path(), { cookie }), params: { accountId }, context: {} }))
const submit = (cookie: string, timeZone: string, id = accountId) =>
	settle(() =>
		action({
			request: makeRequest(`/console/accounts/${id}/settings`, { cookie, form: { intent: 'set-time-zone', timeZone } }),
			params: { accountId: id },
			context: {},
		}),
	)
const statusOf = (result: unknown) =>
	result instanceof Response ? result.status : ((result as { init?: { status?: number } | null }).init?.status ?? 200)

async function state() {
	const account = await prisma.account.findUniqueOrThrow({ where: { id: accountId }, select: { timeZone: true } })
	const work = await prisma.scoringWork.findMany({ where: { key: `account:${accountId}` }, select: { key: true, version: true } })
	return { timeZone: account.timeZone, work }
}

describe('account time zone setting', () => {
	test('a new account is in UTC, and its CSM sees the form with the zones to choose from', async () => {
		const page = (await load(cookies.csm)) as Exclude<Awaited<ReturnType<typeof loader>>, Response>
		expect(page.account.timeZone).toBe('UTC')
		expect(page.timeZones).toContain('UTC')
		expect(page.timeZones).toContain('Europe/Paris')
	})

	test('a CSM of another account, a customer of the account and an editor can neither see nor change it', async () => {
		const before = await state()
		for (const [who, cookie, status] of [
			// 404, as for plans: another CSM's account cannot be told from one that does not exist.
			['other CSM', cookies.otherCsm, 404],
			// 403: the console is for CSMs and admins.
			['customer', cookies.customer, 403],
			['editor', cookies.editor, 403],
		] as const) {
			expect(statusOf(await load(cookie)), who).toBe(status)
			expect(statusOf(await submit(cookie, 'Europe/Paris')), who).toBe(status)
		}
		expect(await state()).toEqual(before)
		expect(before.timeZone).toBe('UTC')
	})

	test('an unknown account is a 404, even for an admin', async () => {
		expect(statusOf(await submit(cookies.admin, 'Europe/Paris', 'no-such-account'))).toBe(404)
	})

	test.each(['Mars/Olympus_Mons', 'europe/paris', '', 'Europe/Paris; DROP TABLE'])('a bad zone %j is refused with a message and changes nothing', async (zone) => {
		const before = await state()
		const result = (await submit(cookies.csm, zone)) as { data: { error?: Record<string, string[] | null> }; init: { status: number } }
		expect(result.init.status).toBe(400)
		expect(result.data.error?.timeZone?.[0]).toMatch(/time zone/i)
		expect(await state()).toEqual(before)
	})

	test('a good zone is stored and queues a rescore of the account; the admin may change it too', async () => {
		const saved = await submit(cookies.csm, 'America/New_York')
		expect(saved).toBeInstanceOf(Response)
		expect((saved as Response).status).toBe(302)
		expect((saved as Response).headers.get('Location')).toBe(`${path()}?saved`)
		const after = await state()
		expect(after.timeZone).toBe('America/New_York')
		expect(after.work).toHaveLength(1)

		expect(statusOf(await submit(cookies.admin, 'Asia/Tokyo'))).toBe(302)
		expect((await state()).timeZone).toBe('Asia/Tokyo')
		// Back to the default is allowed: UTC is a zone even where Intl lists only geographic ones.
		expect(statusOf(await submit(cookies.admin, 'UTC'))).toBe(302)
		expect((await state()).timeZone).toBe('UTC')
	})

	test('saving the zone the account already has writes nothing and queues nothing', async () => {
		await prisma.scoringWork.deleteMany({ where: { key: `account:${accountId}` } })
		expect(statusOf(await submit(cookies.csm, 'UTC'))).toBe(302)
		expect(await state()).toEqual({ timeZone: 'UTC', work: [] })
	})
})
