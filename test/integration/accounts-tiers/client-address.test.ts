import { describe, expect, test } from 'vitest'
import { action as joinAction } from '#app/routes/join.tsx'
import { action as loginAction } from '#app/routes/login.tsx'
import { prisma } from '#app/utils/db.server.ts'
import { createAccount, createUser, makeRequest, settle, TEST_PASSWORD } from '#test/support/requests.ts'

// The load context our server gives every action: the socket's peer (TRUST_PROXY is 0 here).
async function signIn(email: string, password: string, socketAddress: string, headers: Record<string, string> = {}) {
	const request = makeRequest('/login', { form: { email, password, redirectTo: '/' }, headers })
	return settle(() => loginAction({ request, params: {}, context: { socketAddress } }))
}

function statusOf(result: unknown) {
	if (result instanceof Response) return result.status
	return (result as { init?: { status?: number } }).init?.status
}

describe('per-address sign-in limit', () => {
	test('applies to the socket address without any X-Forwarded-For', async () => {
		for (let i = 0; i < 20; i++) await signIn(`spray${i}@example.com`, 'wrong-password-here', '203.0.113.9')
		const user = await createUser('CUSTOMER')
		expect(statusOf(await signIn(user.email, TEST_PASSWORD, '203.0.113.9'))).toBe(429)
		// Another address is not affected.
		expect(statusOf(await signIn(user.email, TEST_PASSWORD, '198.51.100.7'))).toBe(302)
	})

	test('a rotating or prepended X-Forwarded-For does not escape it', async () => {
		for (let i = 0; i < 20; i++) {
			await signIn(`rotate${i}@example.com`, 'wrong-password-here', '203.0.113.10', { 'X-Forwarded-For': `192.0.2.${i}` })
		}
		const user = await createUser('CUSTOMER')
		for (const forwarded of ['192.0.2.200', '192.0.2.201, 203.0.113.10', '198.51.100.7']) {
			expect(statusOf(await signIn(user.email, TEST_PASSWORD, '203.0.113.10', { 'X-Forwarded-For': forwarded }))).toBe(429)
		}
		expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0)
	})
})

describe('cross-site posts refused by the app as well (dev server, direct calls)', () => {
	test('Sec-Fetch-Site: same-site without an Origin: 403 and nothing created', async () => {
		const account = await createAccount()
		const email = `new@${account.emailDomain}`
		const request = makeRequest('/join', {
			form: { name: 'Mallory', email, password: TEST_PASSWORD, confirmPassword: TEST_PASSWORD },
			headers: { 'Sec-Fetch-Site': 'same-site' },
		})
		expect(statusOf(await settle(() => joinAction({ request, params: {}, context: {} })))).toBe(403)
		expect(await prisma.user.count({ where: { email } })).toBe(0)
	})

	test('Sec-Fetch-Site: cross-site sign-in: 403 and no session', async () => {
		const user = await createUser('CUSTOMER')
		const request = makeRequest('/login', { form: { email: user.email, password: TEST_PASSWORD, redirectTo: '/' }, headers: { 'Sec-Fetch-Site': 'cross-site' } })
		expect(statusOf(await settle(() => loginAction({ request, params: {}, context: { socketAddress: '198.51.100.20' } })))).toBe(403)
		expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0)
	})
})
