import { describe, expect, test, vi } from 'vitest'
import { signIn } from '#app/domain/accounts-tiers/users.server.ts'
import { action as loginAction } from '#app/routes/login.tsx'
import { prisma } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { createUser, makeRequest, settle, TEST_PASSWORD } from '#test/support/requests.ts'

// Every password check is counted, by the password it was given: the evidence that a burst got no more checks than the limit.
const checked = vi.hoisted(() => ({ passwords: [] as string[] }))
vi.mock('#app/utils/password.server.ts', async (importOriginal) => {
	const real = await importOriginal<typeof import('#app/utils/password.server.ts')>()
	return {
		...real,
		verifyPassword: async (password: string, hash: string) => {
			checked.passwords.push(password)
			return real.verifyPassword(password, hash)
		},
	}
})

const args = (request: Request) => ({ request, params: {}, context: {} })
const WRONG = 'wrong-password-here'

function statusOf(result: unknown) {
	if (result instanceof Response) return result.status
	return (result as { init?: { status?: number } }).init?.status
}

function postSignIn(email: string, password: string) {
	return settle(() => loginAction(args(makeRequest('/login', { form: { email, password, redirectTo: '/' } }))))
}

/** Resolves once `condition` holds (polled every millisecond, for at most 10 s). */
async function until(condition: () => boolean | Promise<boolean>) {
	const deadline = Date.now() + 10_000
	while (!(await condition())) {
		if (Date.now() > deadline) throw new Error('condition not met within 10 s')
		await new Promise((resolve) => setTimeout(resolve, 1))
	}
}

async function pointsOf(key: string) {
	return (await prisma.rateLimit.findUnique({ where: { key } }))?.points ?? 0
}

describe('sign-in limit under concurrency (real SQLite)', () => {
	test('60 concurrent wrong passwords for one email: at most the limit are checked; the right password inside the burst does not sign in', async () => {
		const max = getEnv().SIGN_IN_MAX_ATTEMPTS
		const user = await createUser('CUSTOMER')
		checked.passwords = []
		// The right password is number 46 of 60, sent while the wrong ones are in flight. It waits for the
		// first 45 to be counted: a pooled database (PostgreSQL) counts concurrent requests in any order.
		const wrongBefore = Array.from({ length: 45 }, () => postSignIn(user.email, WRONG))
		await until(async () => (await pointsOf(`sign-in:email:${user.email}`)) >= 45)
		const burst = [...wrongBefore, postSignIn(user.email, TEST_PASSWORD), ...Array.from({ length: 14 }, () => postSignIn(user.email, WRONG))]
		const statuses = (await Promise.all(burst)).map(statusOf)

		expect(checked.passwords.length).toBeLessThanOrEqual(max)
		expect(checked.passwords).not.toContain(TEST_PASSWORD)
		expect(statuses.filter((s) => s === 302)).toEqual([])
		expect(statuses.filter((s) => s === 429)).toHaveLength(60 - checked.passwords.length)
		expect(statuses.filter((s) => s === 400)).toHaveLength(checked.passwords.length)
		expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0)
		// Every attempt of the burst was counted, refused ones included.
		expect(await pointsOf(`sign-in:email:${user.email}`)).toBe(60)
	})

	test('a success inside a burst gives back only its own attempt: the wrong passwords still in flight stay within the limit', async () => {
		const max = getEnv().SIGN_IN_MAX_ATTEMPTS
		const user = await createUser('CUSTOMER')
		checked.passwords = []
		// The right password first: once its check has begun (its attempt counted), the wrong ones follow,
		// in flight while it succeeds. Waiting makes the order hold on a pooled database too.
		const right = postSignIn(user.email, TEST_PASSWORD)
		await until(() => checked.passwords.includes(TEST_PASSWORD))
		const burst = [right, ...Array.from({ length: 30 }, () => postSignIn(user.email, WRONG))]
		const statuses = (await Promise.all(burst)).map(statusOf)

		expect(statuses[0]).toBe(302)
		expect(checked.passwords.filter((p) => p === WRONG).length).toBeLessThanOrEqual(max)
		// The counter was not reset: all 30 wrong attempts are still on it.
		expect(await pointsOf(`sign-in:email:${user.email}`)).toBe(30)
		expect(statusOf(await postSignIn(user.email, TEST_PASSWORD))).toBe(429)
	})

	test('failures before a success still count: the limit is per window, not per success', async () => {
		const max = getEnv().SIGN_IN_MAX_ATTEMPTS
		const user = await createUser('CUSTOMER')
		for (let i = 0; i < max - 1; i++) expect(statusOf(await postSignIn(user.email, WRONG))).toBe(400)
		expect(statusOf(await postSignIn(user.email, TEST_PASSWORD))).toBe(302)
		expect(statusOf(await postSignIn(user.email, WRONG))).toBe(400)
		expect(statusOf(await postSignIn(user.email, TEST_PASSWORD))).toBe(429)
	})

	test('60 concurrent attempts from one address over 60 emails: at most 4x the limit are checked', async () => {
		const max = getEnv().SIGN_IN_MAX_ATTEMPTS
		checked.passwords = []
		const ip = '203.0.113.77'
		const results = await Promise.all(
			Array.from({ length: 60 }, (_, i) => signIn({ email: `burst${i}@example.com`, password: WRONG, ip })),
		)
		expect(checked.passwords.length).toBeLessThanOrEqual(max * 4)
		expect(results.filter((r) => !r.ok && r.reason === 'rate-limited')).toHaveLength(60 - checked.passwords.length)
		expect(await pointsOf(`sign-in:ip:${ip}`)).toBe(60)
		// The refused attempts did not use up those mailboxes' own allowances.
		expect(await prisma.rateLimit.count({ where: { key: { startsWith: 'sign-in:email:burst' } } })).toBe(checked.passwords.length)
	})

	test('a rate-limited answer says how long to wait, within the window', async () => {
		const user = await createUser('CUSTOMER')
		const { SIGN_IN_MAX_ATTEMPTS: max, SIGN_IN_WINDOW_MINUTES: window } = getEnv()
		for (let i = 0; i < max; i++) await signIn({ email: user.email, password: WRONG, ip: null })
		const refused = await signIn({ email: user.email, password: TEST_PASSWORD, ip: null })
		expect(refused).toMatchObject({ ok: false, reason: 'rate-limited' })
		const minutes = (refused as { retryInMinutes: number }).retryInMinutes
		expect(minutes).toBeGreaterThanOrEqual(1)
		expect(minutes).toBeLessThanOrEqual(window)
	})

	test('an expired window starts afresh', async () => {
		const user = await createUser('CUSTOMER')
		const max = getEnv().SIGN_IN_MAX_ATTEMPTS
		for (let i = 0; i < max; i++) await signIn({ email: user.email, password: WRONG, ip: null })
		expect(await signIn({ email: user.email, password: TEST_PASSWORD, ip: null })).toMatchObject({ reason: 'rate-limited' })
		await prisma.rateLimit.update({ where: { key: `sign-in:email:${user.email}` }, data: { expire: new Date(Date.now() - 1000) } })
		expect(await signIn({ email: user.email, password: TEST_PASSWORD, ip: null })).toMatchObject({ ok: true })
	})
})
