import { createCookie, redirect } from '@remix-run/node'
import { prisma } from './db.server.ts'
import { getEnv } from './env.server.ts'
import { arrivedOverHttps } from './request-trust.server.ts'
import { sqliteDate, sqliteRead } from './sqlite-read.server.ts'

const env = getEnv()

/** The cookie carries only the id of a Session row: revoking the row ends the session. */
export const sessionCookie = createCookie('__portal_session', {
	httpOnly: true,
	sameSite: 'lax',
	// Secure cookies need https; a plain-http origin (localhost quick start) could not keep them.
	// Each response decides from its request (see cookieOptions); this is the default without one.
	secure: env.APP_ORIGIN?.startsWith('https://') ?? false,
	path: '/',
	secrets: [env.SESSION_SECRET],
	maxAge: env.SESSION_MAX_DAYS * 24 * 60 * 60,
})

const idleMs = () => env.SESSION_IDLE_MINUTES * 60 * 1000
const TOUCH_EVERY_MS = 60 * 1000

export async function getSessionId(request: Request): Promise<string | null> {
	const value = await sessionCookie.parse(request.headers.get('Cookie'))
	return typeof value === 'string' ? value : null
}

function findSession(sessionId: string) {
	return findSessionOnSqlite(sessionId) ?? findSessionWithPrisma(sessionId)
}

function findSessionWithPrisma(sessionId: string) {
	return prisma.session.findUnique({
		where: { id: sessionId },
		select: {
			id: true,
			expiresAt: true,
			lastSeenAt: true,
			user: {
				select: {
					id: true,
					email: true,
					name: true,
					role: true,
					accountId: true,
					account: { select: { id: true, name: true, tier: true, csmId: true } },
				},
			},
		},
	})
}

type SessionRow = {
	id: string
	expiresAt: string | number
	lastSeenAt: string | number
	userId: string
	email: string
	name: string
	role: string
	accountId: string | null
	accountName: string | null
	tier: number | null
	csmId: string | null
}

/**
 * The same row and shape as findSessionWithPrisma, through the read connection on SQLite (a session
 * lookup runs on every signed-in request the cache below misses); null on PostgreSQL.
 */
function findSessionOnSqlite(sessionId: string): Promise<StoredSession | null> | null {
	const statement = sqliteRead(
		`SELECT s."id", s."expiresAt", s."lastSeenAt", u."id" AS "userId", u."email", u."name", u."role", u."accountId",
			a."name" AS "accountName", a."tier", a."csmId"
		FROM "Session" s JOIN "User" u ON u."id" = s."userId" LEFT JOIN "Account" a ON a."id" = u."accountId"
		WHERE s."id" = ?`,
	)
	if (!statement) return null
	try {
		const row = statement.get(sessionId) as SessionRow | undefined
		if (!row) return Promise.resolve(null)
		const account = row.accountId && row.accountName !== null ? { id: row.accountId, name: row.accountName, tier: row.tier!, csmId: row.csmId } : null
		return Promise.resolve({
			id: row.id,
			expiresAt: sqliteDate(row.expiresAt),
			lastSeenAt: sqliteDate(row.lastSeenAt),
			user: { id: row.userId, email: row.email, name: row.name, role: row.role as StoredSession['user']['role'], accountId: row.accountId, account },
		})
	} catch (error) {
		return Promise.reject(error)
	}
}

type StoredSession = NonNullable<Awaited<ReturnType<typeof findSessionWithPrisma>>>

/**
 * Session rows looked up in the last SESSION_CACHE_MS, by id: under load one reader sends many
 * requests a second, and the row lookup was a database query on every one of them. Expiry is still
 * checked on every request against the cached times, and a sign-out on this instance drops the entry
 * before the row, so both take effect at once here. Another instance, or a change to the user's role
 * or tier, is seen within the TTL (docs/decisions/009-speed.md). The promise is cached, so a burst of
 * requests with a new cookie makes one query.
 */
const sessionCache = new Map<string, { at: number; session: Promise<StoredSession | null> }>()
const MAX_CACHED_SESSIONS = 10_000
const sessionCacheMs = () => env.SESSION_CACHE_MS ?? (env.NODE_ENV === 'test' ? 0 : 2_000)

function lookUpSession(sessionId: string, now: number): Promise<StoredSession | null> {
	const ttl = sessionCacheMs()
	const hit = sessionCache.get(sessionId)
	if (hit && now - hit.at < ttl) return hit.session
	const session = findSession(sessionId)
	if (ttl > 0) {
		sessionCache.delete(sessionId)
		sessionCache.set(sessionId, { at: now, session })
		if (sessionCache.size > MAX_CACHED_SESSIONS) sessionCache.delete(sessionCache.keys().next().value!)
		// A failed lookup is not remembered.
		session.catch(() => sessionCache.delete(sessionId))
	}
	return session
}

/** Drops a session from this instance's cache: call it before deleting or changing the row. */
export function forgetCachedSession(sessionId: string) {
	sessionCache.delete(sessionId)
}

/** Drops every cached session (a role, tier or account change that must show at once on this instance). */
export function forgetCachedSessions() {
	sessionCache.clear()
}

/**
 * Ends every session of a user (a password reset, a removed user), at once on this instance. Use
 * this rather than deleting Session rows directly, which cached lookups would not notice for up to
 * SESSION_CACHE_MS. Returns how many sessions ended.
 */
export async function revokeUserSessions(userId: string): Promise<number> {
	forgetCachedSessions()
	const { count } = await prisma.session.deleteMany({ where: { userId } })
	return count
}

/** The live session of a request with its user, or null when absent, idle too long or past its absolute expiry. */
export async function getLiveSession(request: Request) {
	const sessionId = await getSessionId(request)
	if (!sessionId) return null
	const now = Date.now()
	const session = await lookUpSession(sessionId, now)
	if (!session) return null
	if (session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + idleMs() <= now) {
		forgetCachedSession(session.id)
		await prisma.session.deleteMany({ where: { id: session.id } })
		return null
	}
	if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
		// The cached row shares this object: later hits see the new time and do not touch again.
		session.lastSeenAt = new Date(now)
		await prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: session.lastSeenAt } })
	}
	return session
}

/** The row of a new session: a fresh id every sign-in, with its absolute expiry. */
export function newSessionData(userId: string) {
	return { userId, expiresAt: new Date(Date.now() + env.SESSION_MAX_DAYS * 24 * 60 * 60 * 1000) }
}

/** Secure whenever the request arrived over https (directly, through a trusted proxy, or APP_ORIGIN says so). */
function cookieOptions(request: Request | undefined) {
	return request && arrivedOverHttps(request) ? { secure: true } : {}
}

export async function commitSessionCookie(sessionId: string, request?: Request) {
	return sessionCookie.serialize(sessionId, cookieOptions(request))
}

export async function destroySessionAndRedirect(request: Request, to = '/') {
	const sessionId = await getSessionId(request)
	if (sessionId) forgetCachedSession(sessionId)
	if (sessionId) await prisma.session.deleteMany({ where: { id: sessionId } })
	throw redirect(to, { headers: { 'Set-Cookie': await sessionCookie.serialize('', { maxAge: 0, ...cookieOptions(request) }) } })
}
