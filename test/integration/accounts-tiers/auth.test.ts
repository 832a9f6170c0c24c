import { afterEach, describe, expect, test, vi } from 'vitest'
import { action as loginAction } from '#app/routes/login.tsx'
import { action as joinAction } from '#app/routes/join.tsx'
import { action as logoutAction } from '#app/routes/logout.tsx'
import { loader as consoleLoader } from '#app/routes/console._index.tsx'
import { loader as accountsLoader } from '#app/routes/console.accounts._index.tsx'
import { getUser, requireAccountMember } from '#app/utils/auth.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { sessionCookie } from '#app/utils/session.server.ts'
import { cookieFor, createAccount, createUser, makeRequest, settle, TEST_PASSWORD } from '#test/support/requests.ts'

const args = (request: Request) => ({ request, params: {}, context: {} })

async function signInRequest(email: string, password: string, headers: Record<string, string> = {}) {
	return settle(() => loginAction(args(makeRequest('/login', { form: { email, password, redirectTo: '/' }, headers }))))
}

function statusOf(result: unknown) {
	if (result instanceof Response) return result.status
	return (result as { init?: { status?: number } }).init?.status
}

describe('sign-in', () => {
	test('right credentials: redirect, new session row, httpOnly SameSite cookie, sign-in event', async () => {
		const user = await createUser('CUSTOMER', { accountId: (await createAccount()).id })
		const first = await signInRequest(user.email, TEST_PASSWORD)
		expect(first).toBeInstanceOf(Response)
		const response = first as Response
		expect(response.status).toBe(302)
		const cookie = response.headers.get('Set-Cookie')!
		expect(cookie).toMatch(/HttpOnly/i)
		expect(cookie).toMatch(/SameSite=Lax/i)
		const second = (await signInRequest(user.email, TEST_PASSWORD)) as Response
		// A new session id at every sign-in.
		expect(second.headers.get('Set-Cookie')).not.toEqual(cookie)
		expect(await prisma.session.count({ where: { userId: user.id } })).toBe(2)
		expect(await prisma.engagementEvent.count({ where: { userId: user.id, kind: 'sign_in' } })).toBe(2)
	})

	test('a wrong password and an unknown email give the same message', async () => {
		const user = await createUser('CUSTOMER')
		const wrongPassword = (await signInRequest(user.email, 'not-the-password')) as { data: { error: Record<string, string[]> } }
		const unknownEmail = (await signInRequest('nobody@example.com', 'not-the-password')) as { data: { error: Record<string, string[]> } }
		expect(statusOf(wrongPassword)).toBe(400)
		expect(wrongPassword.data.error['']).toEqual(['Wrong email or password.'])
		expect(unknownEmail.data.error['']).toEqual(['Wrong email or password.'])
		expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0)
	})

	test('rate limited per email: after 5 failures even the right password is refused', async () => {
		const user = await createUser('CUSTOMER')
		for (let i = 0; i < 5; i++) await signInRequest(user.email, 'wrong-password-here')
		const blocked = (await signInRequest(user.email, TEST_PASSWORD)) as { data: { error: Record<string, string[]> } }
		expect(statusOf(blocked)).toBe(429)
		expect(blocked.data.error['']![0]).toMatch(/Too many sign-in attempts/)
		expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0)
	})

	test('a cross-site sign-in post is refused', async () => {
		const user = await createUser('CUSTOMER')
		const result = await signInRequest(user.email, TEST_PASSWORD, { Origin: 'https://evil.example.net' })
		expect(statusOf(result)).toBe(403)
	})
})

describe('where sign-in leads', () => {
	async function signInTo(email: string, password: string, redirectTo: string) {
		return settle(() => loginAction(args(makeRequest('/login', { form: { email, password, redirectTo } }))))
	}

	test('a path on this site is kept, query and hash included', async () => {
		const user = await createUser('CUSTOMER', { accountId: (await createAccount()).id })
		const response = (await signInTo(user.email, TEST_PASSWORD, '/kb/x?y=1#z')) as Response
		expect(response.status).toBe(302)
		expect(response.headers.get('Location')).toBe('/kb/x?y=1#z')
	})

	test('another host, a script or a malformed target leads to the home page, and every sign-in still works', async () => {
		const user = await createUser('CUSTOMER', { accountId: (await createAccount()).id })
		const targets = ['//evil.example/', '/\\evil.example/', '/\t/evil.example/', '/\n/x', '/\r\n/x', 'https://evil.example/', 'javascript:alert(1)', '/.//evil.example/', '/%2e%2e//evil.example/']
		for (const target of targets) {
			const response = await signInTo(user.email, TEST_PASSWORD, target)
			expect(response, target).toBeInstanceOf(Response)
			expect((response as Response).status, target).toBe(302)
			expect((response as Response).headers.get('Location'), target).toBe('/')
		}
		// One session per sign-in, each of them handed to the browser: none left behind by a failed redirect.
		expect(await prisma.session.count({ where: { userId: user.id } })).toBe(targets.length)
	})

	test("'/\\n/x' never answers 500, and a refused sign-in with it leaves no session", async () => {
		const user = await createUser('CUSTOMER', { accountId: (await createAccount()).id })
		expect(statusOf(await signInTo(user.email, 'not-the-password', '/\n/x'))).toBe(400)
		expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0)
		const response = (await signInTo(user.email, TEST_PASSWORD, '/\n/x')) as Response
		expect(response.status).toBe(302)
		expect(response.headers.get('Location')).toBe('/')
		const sessionId = await sessionCookie.parse(response.headers.get('Set-Cookie'))
		expect(await prisma.session.findMany({ where: { userId: user.id }, select: { id: true } })).toEqual([{ id: sessionId }])
	})
})

describe('sign-out', () => {
	test('deletes the session row so the old cookie no longer works', async () => {
		const user = await createUser('CSM')
		const cookie = await cookieFor(user.id)
		expect(await consoleLoader(args(makeRequest('/console', { cookie })))).toMatchObject({ role: 'CSM' })
		const out = (await settle(() => logoutAction(args(makeRequest('/logout', { method: 'POST', cookie }))))) as Response
		expect(out.status).toBe(302)
		expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0)
		const after = (await settle(() => consoleLoader(args(makeRequest('/console', { cookie }))))) as Response
		expect(after.status).toBe(302)
		expect(after.headers.get('Location')).toMatch(/^\/login\?redirectTo=/)
	})

	test('an idle session expires', async () => {
		const user = await createUser('CSM')
		const cookie = await cookieFor(user.id)
		await prisma.session.updateMany({ where: { userId: user.id }, data: { lastSeenAt: new Date(Date.now() - 8 * 24 * 3600 * 1000) } })
		const result = (await settle(() => consoleLoader(args(makeRequest('/console', { cookie }))))) as Response
		expect(result.status).toBe(302)
		expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0)
	})
})

describe('self-registration by email domain', () => {
	const form = (email: string) => ({ name: 'Pat Newcomer', email, password: 'a-long-enough-pass', confirmPassword: 'a-long-enough-pass' })

	test('an email at an account domain creates a customer of that account and signs in', async () => {
		const account = await createAccount()
		const result = (await settle(() => joinAction(args(makeRequest('/join', { form: form(`pat@${account.emailDomain}`) }))))) as Response
		expect(result.status).toBe(302)
		const user = await prisma.user.findUnique({ where: { email: `pat@${account.emailDomain}` } })
		expect(user).toMatchObject({ role: 'CUSTOMER', accountId: account.id })
	})

	test('an unknown domain, a short password or a taken email are refused and create nothing', async () => {
		const before = await prisma.user.count()
		const unknown = (await settle(() => joinAction(args(makeRequest('/join', { form: form('pat@unknown-company.example.org') }))))) as {
			data: { error: Record<string, string[]> }
		}
		expect(unknown.data.error.email![0]).toMatch(/No customer account uses this email domain/)
		const account = await createAccount()
		const short = (await settle(() =>
			joinAction(args(makeRequest('/join', { form: { ...form(`x@${account.emailDomain}`), password: 'short', confirmPassword: 'short' } }))),
		)) as { data: { error: Record<string, string[]> } }
		expect(short.data.error.password![0]).toMatch(/at least 10/)
		const existing = await createUser('CUSTOMER', { accountId: account.id, email: `taken@${account.emailDomain}` })
		const taken = (await settle(() => joinAction(args(makeRequest('/join', { form: form(existing.email) }))))) as {
			data: { error: Record<string, string[]> }
		}
		expect(taken.data.error.email![0]).toMatch(/already exists/)
		expect(await prisma.user.count()).toBe(before + 1)
	})
})

describe('authorisation helpers', () => {
	test('a customer is refused staff pages with 403; a signed-out visitor is sent to sign in', async () => {
		const customer = await createUser('CUSTOMER', { accountId: (await createAccount()).id })
		const forbidden = (await settle(() => consoleLoader(args(makeRequest('/console', { cookie: '' }))))) as Response
		expect(forbidden.status).toBe(302)
		const refused = (await settle(() => accountsLoader(args(makeRequest('/console/accounts', { cookie: '' }))))) as Response
		expect(refused.status).toBe(302)
		const cookie = await cookieFor(customer.id)
		expect(((await settle(() => consoleLoader(args(makeRequest('/console', { cookie }))))) as Response).status).toBe(403)
		const editorCookie = await cookieFor((await createUser('EDITOR')).id)
		expect(((await settle(() => accountsLoader(args(makeRequest('/console/accounts', { cookie: editorCookie }))))) as Response).status).toBe(403)
	})

	test('requireAccountMember: own account and owning CSM pass; other customers and other CSMs get 404', async () => {
		const csm = await createUser('CSM')
		const otherCsm = await createUser('CSM')
		const account = await createAccount({ csmId: csm.id })
		const member = await createUser('CUSTOMER', { accountId: account.id })
		const outsider = await createUser('CUSTOMER', { accountId: (await createAccount()).id })
		const admin = await createUser('ADMIN')
		const check = async (userId: string) => {
			const cookie = await cookieFor(userId)
			const outcome = await settle(() => requireAccountMember(makeRequest('/x', { cookie }), account.id))
			return outcome instanceof Response ? outcome.status : 'ok'
		}
		expect(await check(member.id)).toBe('ok')
		expect(await check(csm.id)).toBe('ok')
		expect(await check(admin.id)).toBe('ok')
		expect(await check(outsider.id)).toBe(404)
		expect(await check(otherCsm.id)).toBe(404)
	})

	test('the CSM account list shows only their own accounts', async () => {
		const csm = await createUser('CSM')
		const mine = await createAccount({ csmId: csm.id })
		await createAccount()
		const cookie = await cookieFor(csm.id)
		const { page } = await accountsLoader(args(makeRequest('/console/accounts', { cookie })))
		expect(page.rows.map((a) => a.id)).toEqual([mine.id])
	})
})

describe('contact page', () => {
	test('a Tier 1 customer sees their named CSM; a Tier 3 customer the shared team; signed-out visitors sign in', async () => {
		const { loader: contactLoader } = await import('#app/routes/contact.tsx')
		const csm = await createUser('CSM', { name: 'Casey Named' })
		const tier1 = await createAccount({ arr: 900_000, strategic: true, expansionPotential: 80, nps: 50, csmId: csm.id })
		const tier1Cookie = await cookieFor((await createUser('CUSTOMER', { accountId: tier1.id })).id)
		const tier3Cookie = await cookieFor((await createUser('CUSTOMER', { accountId: (await createAccount({ csmId: csm.id })).id })).id)
		expect((await contactLoader(args(makeRequest('/contact', { cookie: tier1Cookie })))).csm).toMatchObject({ name: 'Casey Named' })
		// Tier 3 has no named CSM in the service matrix, even when the account row has one.
		expect((await contactLoader(args(makeRequest('/contact', { cookie: tier3Cookie })))).csm).toBeNull()
		expect(((await settle(() => contactLoader(args(makeRequest('/contact'))))) as Response).status).toBe(302)
	})
})

describe('session lifetime and guards, exactly (mutation testing)', () => {
	afterEach(() => {
		vi.useRealTimers()
	})
	const userOf = (cookie: string) => getUser(makeRequest('/kb', { cookie }))
	const lastSeen = async (userId: string) => (await prisma.session.findFirstOrThrow({ where: { userId }, select: { lastSeenAt: true } })).lastSeenAt.getTime()

	test('a sign-in session ends SESSION_MAX_DAYS after it starts', async () => {
		const user = await createUser('CUSTOMER', { accountId: (await createAccount()).id })
		const before = Date.now()
		expect(statusOf(await signInRequest(user.email, TEST_PASSWORD))).toBe(302)
		const { expiresAt } = await prisma.session.findFirstOrThrow({ where: { userId: user.id }, select: { expiresAt: true } })
		const days = getEnv().SESSION_MAX_DAYS * 24 * 3600_000
		expect(expiresAt.getTime()).toBeGreaterThanOrEqual(before + days)
		expect(expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + days)
	})

	test('a request more than a minute after the last one moves lastSeenAt, so the idle limit counts from it; one within the minute writes nothing', async () => {
		const user = await createUser('CUSTOMER', { accountId: (await createAccount()).id })
		const cookie = await cookieFor(user.id)
		const created = await lastSeen(user.id)
		// Absolute expiry out of the way (cookieFor's sessions end after a day, before the idle limit).
		await prisma.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(created + 365 * 24 * 3600_000) } })
		vi.useFakeTimers({ toFake: ['Date'] })
		vi.setSystemTime(created + 30_000)
		expect((await userOf(cookie))?.id).toBe(user.id)
		expect(await lastSeen(user.id)).toBe(created)
		const touched = created + 120_000
		vi.setSystemTime(touched)
		expect((await userOf(cookie))?.id).toBe(user.id)
		expect(await lastSeen(user.id)).toBe(touched)
		// Past the idle limit counted from creation, within it counted from the touch.
		const idle = getEnv().SESSION_IDLE_MINUTES * 60_000
		vi.setSystemTime(touched + idle - 1_000)
		expect((await userOf(cookie))?.id).toBe(user.id)
		vi.setSystemTime(touched + idle - 1_000 + idle)
		expect(await userOf(cookie)).toBeNull()
	})

	test('one request looks its session up once: every loader of it sees the same user', async () => {
		const user = await createUser('CUSTOMER', { accountId: (await createAccount()).id })
		const cookie = await cookieFor(user.id)
		const request = makeRequest('/kb', { cookie })
		expect((await getUser(request))?.id).toBe(user.id)
		await prisma.session.deleteMany({ where: { userId: user.id } })
		expect((await getUser(request))?.id).toBe(user.id)
		expect(await userOf(cookie)).toBeNull()
	})

	test('the session user carries what the pages show: name, email, role and the account with its tier and CSM', async () => {
		const csm = await createUser('CSM')
		const account = await createAccount({ csmId: csm.id })
		const user = await createUser('CUSTOMER', { accountId: account.id })
		expect(await userOf(await cookieFor(user.id))).toEqual({
			id: user.id,
			email: user.email,
			name: user.name,
			role: 'CUSTOMER',
			accountId: account.id,
			account: { id: account.id, name: account.name, tier: account.tier, csmId: csm.id },
		})
	})

	test('a session ends exactly at its expiry and at the idle limit, and ending it, touching it or signing out leaves other sessions alone', async () => {
		const account = await createAccount()
		const [user, other] = [await createUser('CUSTOMER', { accountId: account.id }), await createUser('CUSTOMER', { accountId: account.id })]
		const bystander = await cookieFor(other.id)
		const bystanderSeen = await lastSeen(other.id)
		const absolute = await cookieFor(user.id)
		const { expiresAt } = await prisma.session.findFirstOrThrow({ where: { userId: user.id }, select: { expiresAt: true } })
		vi.useFakeTimers({ toFake: ['Date'] })
		vi.setSystemTime(expiresAt.getTime() - 1)
		expect((await userOf(absolute))?.id).toBe(user.id)
		vi.setSystemTime(expiresAt)
		expect(await userOf(absolute)).toBeNull()
		vi.useRealTimers()
		// A day-long session, touched above: the bystander's row is neither touched nor deleted.
		expect(await lastSeen(other.id)).toBe(bystanderSeen)

		const idle = await cookieFor(user.id)
		const seen = await lastSeen(user.id)
		await prisma.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(seen + 365 * 24 * 3600_000) } })
		vi.useFakeTimers({ toFake: ['Date'] })
		// Exactly a minute later is not yet a touch.
		vi.setSystemTime(seen + 60_000)
		expect((await userOf(idle))?.id).toBe(user.id)
		expect(await lastSeen(user.id)).toBe(seen)
		vi.setSystemTime(seen + getEnv().SESSION_IDLE_MINUTES * 60_000)
		expect(await userOf(idle)).toBeNull()
		vi.useRealTimers()

		const out = await cookieFor(user.id)
		await settle(() => logoutAction(args(makeRequest('/logout', { method: 'POST', cookie: out }))))
		expect((await userOf(bystander))?.id).toBe(other.id)
		expect(await prisma.session.count({ where: { userId: other.id } })).toBe(1)
	})

	test('sign-out clears the cookie and goes to the sign-in page', async () => {
		const user = await createUser('CUSTOMER', { accountId: (await createAccount()).id })
		const cookie = await cookieFor(user.id)
		const out = (await settle(() => logoutAction(args(makeRequest('/logout', { method: 'POST', cookie }))))) as Response
		expect(out.headers.get('Location')).toBe('/login')
		const cleared = out.headers.get('Set-Cookie')!
		expect(cleared).toMatch(/^__portal_session=;/)
		expect(cleared).toMatch(/Max-Age=0/i)
		// Without a session cookie there is nothing to delete, and sign-out still answers.
		const anonymous = (await settle(() => logoutAction(args(makeRequest('/logout', { method: 'POST' }))))) as Response
		expect(anonymous.headers.get('Location')).toBe('/login')
	})

	test('a signed cookie that does not hold a session id, or a forged one, reads as signed out', async () => {
		expect(await userOf((await sessionCookie.serialize(12345)).split(';')[0]!)).toBeNull()
		expect(await userOf((await sessionCookie.serialize('no-such-session')).split(';')[0]!)).toBeNull()
		expect(await userOf('__portal_session=forged-value')).toBeNull()
	})

	test('requireAccountMember refuses an editor and an unknown account with 404', async () => {
		const csm = await createUser('CSM')
		const account = await createAccount({ csmId: csm.id })
		const outcome = async (userId: string, accountId: string) => {
			const cookie = await cookieFor(userId)
			const guarded = await settle(() => requireAccountMember(makeRequest('/x', { cookie }), accountId))
			return guarded instanceof Response ? guarded.status : 'ok'
		}
		const refused = await settle(() => requireAccountMember(makeRequest('/x'), account.id))
		expect(refused instanceof Response && refused.status).toBe(302)
		const editorCookie = await cookieFor((await createUser('EDITOR')).id)
		const notFound = await settle(() => requireAccountMember(makeRequest('/x', { cookie: editorCookie }), account.id))
		expect(notFound instanceof Response && (await notFound.text())).toBe('Not found')
		expect(await outcome((await createUser('EDITOR')).id, account.id)).toBe(404)
		expect(await outcome(csm.id, 'no-such-account')).toBe(404)
		expect(await outcome(csm.id, account.id)).toBe('ok')
	})

	test('requireUserWithRole and the sign-in redirect keep the page asked for', async () => {
		const editor = await cookieFor((await createUser('EDITOR')).id)
		const refused = (await settle(() => accountsLoader(args(makeRequest('/console/accounts?sort=arr', { cookie: editor }))))) as Response
		expect(refused.status).toBe(403)
		expect(await refused.text()).toBe('You do not have access to this page.')
		const signedOut = (await settle(() => accountsLoader(args(makeRequest('/console/accounts?sort=arr'))))) as Response
		expect(signedOut.headers.get('Location')).toBe(`/login?${new URLSearchParams({ redirectTo: '/console/accounts?sort=arr' })}`)
	})
})
