import { createCookie, redirect } from '@remix-run/node'
import { prisma } from './db.server.ts'
import { getEnv } from './env.server.ts'
import { arrivedOverHttps } from './request-trust.server.ts'

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

/** The live session of a request with its user, or null when absent, idle too long or past its absolute expiry. */
export async function getLiveSession(request: Request) {
	const sessionId = await getSessionId(request)
	if (!sessionId) return null
	const session = await prisma.session.findUnique({
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
	if (!session) return null
	const now = Date.now()
	if (session.expiresAt.getTime() <= now || session.lastSeenAt.getTime() + idleMs() <= now) {
		await prisma.session.deleteMany({ where: { id: session.id } })
		return null
	}
	if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
		await prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: new Date(now) } })
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
	if (sessionId) await prisma.session.deleteMany({ where: { id: sessionId } })
	throw redirect(to, { headers: { 'Set-Cookie': await sessionCookie.serialize('', { maxAge: 0, ...cookieOptions(request) }) } })
}
