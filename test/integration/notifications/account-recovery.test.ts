import { createHash } from 'node:crypto'
import { beforeEach, describe, expect, test } from 'vitest'
import { action as accountAction, loader as accountLoader } from '#app/routes/account.tsx'
import { action as forgotAction } from '#app/routes/forgot-password.tsx'
import { action as resetAction, loader as resetLoader } from '#app/routes/reset-password.$token.tsx'
import { changePassword, requestPasswordReset, resetPassword, RESET_LINK_MINUTES } from '#app/domain/accounts-tiers/recovery.server.ts'
import { proposePlan } from '#app/domain/plans/commands.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { verifyPassword } from '#app/utils/password.server.ts'
import { clearOutbox, readOutbox } from '#test/support/outbox.ts'
import { cookieFor, createAccount, createUser, TEST_PASSWORD } from '#test/support/requests.ts'
import { call, createPlan, errorsOf, statusOf, threeObjectives } from '../plans/fixtures.ts'

const NEW_PASSWORD = 'a brand new passphrase'

async function resetLinks() {
	return (await readOutbox()).flatMap((m) => [...m.text.matchAll(/https?:\/\/\S+\/reset-password\/([A-Za-z0-9_-]+)/g)].map((x) => ({ to: m.to, token: x[1]! })))
}

async function passwordIs(userId: string, password: string) {
	const row = await prisma.password.findUniqueOrThrow({ where: { userId } })
	return verifyPassword(password, row.hash)
}

let ip = 0
// Each test its own client address, so per-address limits of one test do not reach the next.
const nextIp = () => `203.0.113.${++ip}`

beforeEach(async () => {
	await clearOutbox()
})

describe('asking for a reset link', () => {
	test('emails a link whose token is stored only as its sha256, expiring in 30 minutes', async () => {
		const user = await createUser('CUSTOMER')
		const before = Date.now()
		expect(await requestPasswordReset({ email: user.email, ip: nextIp() })).toEqual({ ok: true })
		const [link, ...others] = await resetLinks()
		expect(others).toHaveLength(0)
		expect(link!.to).toEqual([user.email])
		const rows = await prisma.passwordResetToken.findMany({ where: { userId: user.id } })
		expect(rows).toHaveLength(1)
		expect(rows[0]!.tokenHash).toBe(createHash('sha256').update(link!.token).digest('hex'))
		expect(JSON.stringify(rows)).not.toContain(link!.token)
		const minutes = (rows[0]!.expiresAt.getTime() - before) / 60_000
		expect(minutes).toBeGreaterThan(RESET_LINK_MINUTES - 1)
		expect(minutes).toBeLessThanOrEqual(RESET_LINK_MINUTES + 1)
	})

	test('the page answers the same for a known and an unknown email, and only the known one gets mail', async () => {
		const user = await createUser('CUSTOMER')
		const known = await call(forgotAction, '/forgot-password', {}, { form: { email: user.email } })
		const unknown = await call(forgotAction, '/forgot-password', {}, { form: { email: 'nobody-here@example.com' } })
		expect(statusOf(known)).toBe(200)
		expect(statusOf(unknown)).toBe(200)
		expect(JSON.stringify(unknown).replace('nobody-here@example.com', user.email)).toBe(JSON.stringify(known))
		expect((await resetLinks()).map((l) => l.to)).toEqual([[user.email]])
		expect(await prisma.passwordResetToken.count({ where: { userId: user.id } })).toBe(1)
	})

	test('a bad email gets a field error and nothing is stored or counted', async () => {
		const [tokens, counters] = [await prisma.passwordResetToken.count(), await prisma.rateLimit.count()]
		const result = await call(forgotAction, '/forgot-password', {}, { form: { email: 'not an email' } })
		expect(statusOf(result)).toBe(400)
		expect((result as { data: { result: { error: Record<string, string[]> } } }).data.result.error.email).toBeTruthy()
		expect(await prisma.passwordResetToken.count()).toBe(tokens)
		expect(await prisma.rateLimit.count()).toBe(counters)
		expect(await resetLinks()).toHaveLength(0)
	})

	test('per email: after 3 an hour, more requests answer the same but send nothing', async () => {
		const user = await createUser('CUSTOMER')
		for (let i = 0; i < 5; i++) expect(await requestPasswordReset({ email: user.email, ip: nextIp() })).toEqual({ ok: true })
		expect(await resetLinks()).toHaveLength(3)
		// Only the newest link works.
		expect(await prisma.passwordResetToken.count({ where: { userId: user.id, usedAt: null } })).toBe(1)
	})

	test('per client address: after 20 an hour, requests are refused (the page answers 429) and nothing is sent', async () => {
		const address = nextIp()
		const emails = Array.from({ length: 21 }, (_, i) => `probe-${i}@example.com`)
		for (const email of emails.slice(0, 20)) expect(await requestPasswordReset({ email, ip: address })).toEqual({ ok: true })
		const user = await createUser('CUSTOMER')
		const refused = await requestPasswordReset({ email: user.email, ip: address })
		expect(refused).toMatchObject({ ok: false })
		expect(await resetLinks()).toHaveLength(0)
	})
})

describe('using a reset link', () => {
	async function linkFor(email: string) {
		await requestPasswordReset({ email, ip: nextIp() })
		return (await resetLinks()).at(-1)!.token
	}

	test('sets the new password, ends every session, signs this browser in; a second use fails clearly', async () => {
		const user = await createUser('CUSTOMER')
		const [cookieA, cookieB] = [await cookieFor(user.id), await cookieFor(user.id)]
		const token = await linkFor(user.email)
		expect(await call(resetLoader, `/reset-password/${token}`, { token })).toMatchObject({ data: { usable: true } })

		const done = await call(resetAction, `/reset-password/${token}`, { token }, { form: { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD } })
		expect(statusOf(done)).toBe(302)
		expect((done as Response).headers.get('Set-Cookie')).toMatch(/__portal_session=/)
		expect(await passwordIs(user.id, NEW_PASSWORD)).toBe(true)
		const sessions = await prisma.session.findMany({ where: { userId: user.id } })
		expect(sessions).toHaveLength(1)
		for (const old of [cookieA, cookieB]) expect(statusOf(await call(accountLoader, '/account', {}, { cookie: old }))).toBe(302)

		const loaderAgain = await call(resetLoader, `/reset-password/${token}`, { token })
		expect(loaderAgain).toMatchObject({ data: { usable: false }, init: { status: 410 } })
		const again = await call(resetAction, `/reset-password/${token}`, { token }, { form: { password: 'yet another passphrase', confirmPassword: 'yet another passphrase' } })
		expect(statusOf(again)).toBe(410)
		expect(errorsOf(again)['']?.[0]).toMatch(/expired or was already used/)
		expect(await passwordIs(user.id, NEW_PASSWORD)).toBe(true)
	})

	test('an expired link fails and changes nothing', async () => {
		const user = await createUser('CUSTOMER')
		const token = await linkFor(user.email)
		const later = new Date(Date.now() + (RESET_LINK_MINUTES + 1) * 60_000)
		expect(await resetPassword(token, NEW_PASSWORD, later)).toMatchObject({ ok: false })
		expect(await passwordIs(user.id, TEST_PASSWORD)).toBe(true)
	})

	test('an older link stops working once a newer one is sent', async () => {
		const user = await createUser('CUSTOMER')
		const older = await linkFor(user.email)
		const newer = await linkFor(user.email)
		expect(await resetPassword(older, NEW_PASSWORD)).toMatchObject({ ok: false })
		expect(await resetPassword(newer, NEW_PASSWORD)).toMatchObject({ ok: true })
	})

	test('the sign-up password rules apply, and a mismatch or short password changes nothing', async () => {
		const user = await createUser('CUSTOMER')
		const token = await linkFor(user.email)
		const short = await call(resetAction, `/reset-password/${token}`, { token }, { form: { password: 'short', confirmPassword: 'short' } })
		expect(statusOf(short)).toBe(400)
		expect(errorsOf(short).password?.[0]).toMatch(/at least 10/)
		const mismatch = await call(resetAction, `/reset-password/${token}`, { token }, { form: { password: NEW_PASSWORD, confirmPassword: `${NEW_PASSWORD}!` } })
		expect(errorsOf(mismatch).confirmPassword?.[0]).toMatch(/do not match/)
		expect(await passwordIs(user.id, TEST_PASSWORD)).toBe(true)
		expect(await prisma.passwordResetToken.count({ where: { userId: user.id, usedAt: null } })).toBe(1)
	})

	test('made-up and malformed tokens are refused', async () => {
		for (const token of ['x', 'A'.repeat(43), '../../etc/passwd']) {
			expect(await call(resetLoader, `/reset-password/x`, { token })).toMatchObject({ data: { usable: false } })
			expect(await resetPassword(token, NEW_PASSWORD)).toMatchObject({ ok: false })
		}
	})
})

describe('account settings', () => {
	test('changing the password needs the current one; then every other session ends and this one goes on', async () => {
		const user = await createUser('CUSTOMER')
		const here = await cookieFor(user.id)
		const elsewhere = await cookieFor(user.id)

		const wrong = await call(accountAction, '/account', {}, {
			cookie: here,
			form: { intent: 'change-password', currentPassword: 'not my password', password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
		})
		expect(statusOf(wrong)).toBe(400)
		expect(JSON.stringify(wrong)).toContain('not your current password')
		expect(await passwordIs(user.id, TEST_PASSWORD)).toBe(true)
		expect(await prisma.session.count({ where: { userId: user.id } })).toBe(2)

		const ok = await call(accountAction, '/account', {}, {
			cookie: here,
			form: { intent: 'change-password', currentPassword: TEST_PASSWORD, password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
		})
		expect(statusOf(ok)).toBe(200)
		expect(JSON.stringify(ok)).toContain('1 other session signed out')
		expect(await passwordIs(user.id, NEW_PASSWORD)).toBe(true)
		expect(statusOf(await call(accountLoader, '/account', {}, { cookie: elsewhere }))).toBe(302)
		expect(await call(accountLoader, '/account', {}, { cookie: here })).toMatchObject({ otherSessions: 0 })
	})

	test('signing out other sessions keeps this one and another user’s sessions', async () => {
		const user = await createUser('CUSTOMER')
		const someoneElse = await createUser('CUSTOMER')
		const here = await cookieFor(user.id)
		await cookieFor(user.id)
		await cookieFor(user.id)
		await cookieFor(someoneElse.id)
		expect(await call(accountLoader, '/account', {}, { cookie: here })).toMatchObject({ otherSessions: 2 })
		const result = await call(accountAction, '/account', {}, { cookie: here, form: { intent: 'sign-out-others' } })
		expect(JSON.stringify(result)).toContain('Signed out of 2 other sessions')
		expect(await prisma.session.count({ where: { userId: user.id } })).toBe(1)
		expect(await prisma.session.count({ where: { userId: someoneElse.id } })).toBe(1)
	})

	test('turning emails off is respected by the next notification', async () => {
		const csm = await createUser('CSM')
		const account = await createAccount({ csmId: csm.id, tierOverride: { tier: 1, reason: 'test' } })
		const customer = await createUser('CUSTOMER', { accountId: account.id })
		await call(accountAction, '/account', {}, { cookie: await cookieFor(customer.id), form: { intent: 'email-preference', emails: 'off' } })
		const { planId } = await createPlan(threeObjectives(account.id))
		await proposePlan(planId, { userId: csm.id, kind: 'staff' })
		expect(await prisma.notification.count({ where: { recipientId: customer.id } })).toBe(1)
		expect((await readOutbox()).filter((m) => m.to.includes(customer.email))).toHaveLength(0)
	})

	test('the pages need a signed-in user', async () => {
		expect(statusOf(await call(accountLoader, '/account', {}, {}))).toBe(302)
		expect(statusOf(await call(accountAction, '/account', {}, { form: { intent: 'sign-out-others' } }))).toBe(302)
	})

	test('a wrong current password is rate limited per user', async () => {
		const user = await createUser('CUSTOMER')
		const session = await prisma.session.create({ data: { userId: user.id, expiresAt: new Date(Date.now() + 3600_000) } })
		const attempt = () => changePassword({ userId: user.id, sessionId: session.id, currentPassword: 'guess', newPassword: NEW_PASSWORD })
		for (let i = 0; i < 10; i++) expect((await attempt()).ok).toBe(false)
		const refused = await attempt()
		expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/Too many attempts/) })
	})
})
