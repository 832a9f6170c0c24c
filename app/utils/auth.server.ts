import { redirect } from '@remix-run/node'
import { canManageAccount } from '#app/domain/accounts-tiers/account-access.ts'
import { readerFor, type Reader, type Role } from '#app/domain/accounts-tiers/audience.ts'
import { prisma } from './db.server.ts'
import { crossSiteRefusalOf } from './request-trust.server.ts'
import { getLiveSession } from './session.server.ts'

export type SessionUser = NonNullable<Awaited<ReturnType<typeof getLiveSession>>>['user']

export const STAFF_ROLES: readonly Role[] = ['CSM', 'EDITOR', 'ADMIN']

export function isStaff(user: { role: string } | null | undefined): boolean {
	return Boolean(user && STAFF_ROLES.includes(user.role as Role))
}

/**
 * Cross-site request forgery guard (the rule is crossSiteRefusal). Our server refuses such requests
 * before Remix; this covers the dev server and actions called directly.
 */
export function requireSameOrigin(request: Request) {
	if (crossSiteRefusalOf(request)) throw new Response('Cross-site request refused', { status: 403 })
}

// The root loader and the route loaders of one request all ask for the user: look the session up once.
const userByRequest = new WeakMap<Request, Promise<SessionUser | null>>()

/** The signed-in user or null. Mutating requests are origin-checked here, so every action that reads the user is covered. */
export async function getUser(request: Request): Promise<SessionUser | null> {
	requireSameOrigin(request)
	let user = userByRequest.get(request)
	if (!user) {
		user = getLiveSession(request).then((session) => session?.user ?? null)
		userByRequest.set(request, user)
	}
	return user
}

export async function getReader(request: Request): Promise<{ user: SessionUser | null; reader: Reader }> {
	const user = await getUser(request)
	return { user, reader: readerFor(user) }
}

function signInRedirect(request: Request) {
	const url = new URL(request.url)
	const redirectTo = `${url.pathname}${url.search}`
	return redirect(`/login?${new URLSearchParams({ redirectTo })}`)
}

/** The signed-in user, or a redirect to the sign-in page that comes back here. */
export async function requireUser(request: Request): Promise<SessionUser> {
	const user = await getUser(request)
	if (!user) throw signInRedirect(request)
	return user
}

export async function requireUserWithRole(request: Request, ...roles: Role[]): Promise<SessionUser> {
	const user = await requireUser(request)
	if (!roles.includes(user.role as Role)) {
		throw new Response('You do not have access to this page.', { status: 403 })
	}
	return user
}

export function requireStaff(request: Request) {
	return requireUserWithRole(request, ...STAFF_ROLES)
}

/**
 * A user who may act on an account: one of its customer users, its owning CSM, or an admin.
 * Anyone else gets a 404, so account ids cannot be probed.
 */
export async function requireAccountMember(request: Request, accountId: string): Promise<SessionUser> {
	const user = await requireUser(request)
	if (await isAccountMember(user, accountId)) return user
	throw new Response('Not found', { status: 404 })
}

/** A customer of the account, or staff who may manage it (the one rule in account-access.ts). */
export async function isAccountMember(user: Pick<SessionUser, 'id' | 'role' | 'accountId'>, accountId: string) {
	if (user.role === 'CUSTOMER') return user.accountId === accountId
	if (user.role === 'ADMIN') return true
	const account = await prisma.account.findUnique({ where: { id: accountId }, select: { csmId: true } })
	return account !== null && canManageAccount(user, account)
}

// Any origin serves as the base: a path resolves against it as against ours, and only the comparison matters.
const REDIRECT_BASE = 'http://portal.invalid'
// Browsers drop tabs and newlines inside a URL ('/\t/evil' becomes '//evil') and read '\\' as '/'.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const UNSAFE_REDIRECT_CHARS = /[\u0000-\u001f\u007f\\]/
const MAX_REDIRECT_LENGTH = 2048

/**
 * Safe in-app redirect target: a path on this site, or the fallback. Parsed as a URL and compared by
 * origin, never by string prefix; the answer is the normalised path, query and hash, so it is ASCII
 * and always a valid Location header.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
	if (typeof to !== 'string' || to.length > MAX_REDIRECT_LENGTH) return fallback
	if (!to.startsWith('/') || UNSAFE_REDIRECT_CHARS.test(to)) return fallback
	let url: URL
	try {
		url = new URL(to, REDIRECT_BASE)
	} catch {
		return fallback
	}
	if (url.origin !== REDIRECT_BASE) return fallback
	// Dot segments can normalise '/.//evil.example' to '//evil.example', another host to a browser.
	if (url.pathname.startsWith('//')) return fallback
	return `${url.pathname}${url.search}${url.hash}`
}
