import { prisma } from '#app/utils/db.server.ts'
import { hashPassword } from '#app/utils/password.server.ts'
import { commitSessionCookie } from '#app/utils/session.server.ts'
import { upsertAccount, upsertUser } from '#prisma/factories.ts'

export const BASE = 'http://localhost:3000'

/** A real Request as Remix hands it to a loader or action. */
export function makeRequest(
	path: string,
	init: { method?: string; form?: Record<string, string | string[]>; cookie?: string; headers?: Record<string, string>; json?: unknown } = {},
) {
	const headers = new Headers(init.headers)
	if (init.cookie) headers.set('Cookie', init.cookie)
	let body: BodyInit | undefined
	if (init.form) {
		const form = new URLSearchParams()
		for (const [k, v] of Object.entries(init.form)) for (const item of [v].flat()) form.append(k, item)
		body = form
		headers.set('Content-Type', 'application/x-www-form-urlencoded')
	} else if (init.json !== undefined) {
		body = JSON.stringify(init.json)
		headers.set('Content-Type', 'application/json')
	}
	return new Request(new URL(path, BASE), { method: init.method ?? (body ? 'POST' : 'GET'), headers, body })
}

let passwordHash: Promise<string> | undefined
const testHash = () => (passwordHash ??= hashPassword('correct-horse-battery'))
export const TEST_PASSWORD = 'correct-horse-battery'

let counter = 0
export async function createAccount(overrides: Partial<Parameters<typeof upsertAccount>[1]> = {}) {
	counter++
	return upsertAccount(prisma, {
		name: `Test Account ${counter}`,
		emailDomain: `acct${counter}-${Math.random().toString(36).slice(2, 8)}.example.com`,
		arr: 20_000,
		costToServe: 5_000,
		nps: 10,
		expansionPotential: 10,
		strategic: false,
		...overrides,
	})
}

export async function createUser(
	role: 'CUSTOMER' | 'CSM' | 'EDITOR' | 'ADMIN',
	opts: { accountId?: string; email?: string; name?: string } = {},
) {
	counter++
	return upsertUser(prisma, {
		email: opts.email ?? `user${counter}-${Math.random().toString(36).slice(2, 8)}@example.com`,
		name: opts.name ?? `Test User ${counter}`,
		role,
		accountId: opts.accountId ?? null,
		passwordHash: await testHash(),
	})
}

/** A session cookie for a user, as if they had signed in. */
export async function cookieFor(userId: string) {
	const session = await prisma.session.create({
		data: { userId, expiresAt: new Date(Date.now() + 24 * 3600 * 1000) },
		select: { id: true },
	})
	const setCookie = await commitSessionCookie(session.id)
	return setCookie.split(';')[0]!
}

/** Runs a loader or action and returns the Response it threw or returned (redirects are thrown). */
export async function settle<T>(fn: () => Promise<T>): Promise<T | Response> {
	try {
		return await fn()
	} catch (error) {
		if (error instanceof Response) return error
		throw error
	}
}
