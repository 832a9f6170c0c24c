import { recordEvent } from '#app/domain/engagement/record.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { newSessionData } from '#app/utils/session.server.ts'
import { getDummyHash, hashPassword, verifyPassword } from '#app/utils/password.server.ts'
import { emailDomain } from './credentials.ts'

export type SignInResult =
	| { ok: true; sessionId: string; userId: string }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'rate-limited'; retryInMinutes: number }

const emailKey = (email: string) => `email:${email}`
const ipKey = (ip: string) => `ip:${ip}`
// An address shared by an office makes many honest attempts: allow it more than one mailbox.
const IP_LIMIT_FACTOR = 4

async function recentAttempts(key: string, since: Date) {
	return prisma.signInAttempt.findMany({
		where: { key, createdAt: { gte: since } },
		select: { createdAt: true },
		orderBy: { createdAt: 'asc' },
	})
}

/**
 * Checks credentials under a rate limit per email and per client address. A wrong email and a
 * wrong password answer the same, in about the same time. A success starts a new session (a new
 * id every time) and records the sign-in event in the same transaction.
 */
export async function signIn(input: { email: string; password: string; ip: string | null }): Promise<SignInResult> {
	const env = getEnv()
	const windowMs = env.SIGN_IN_WINDOW_MINUTES * 60 * 1000
	const since = new Date(Date.now() - windowMs)
	const checks = [{ key: emailKey(input.email), limit: env.SIGN_IN_MAX_ATTEMPTS }]
	if (input.ip) checks.push({ key: ipKey(input.ip), limit: env.SIGN_IN_MAX_ATTEMPTS * IP_LIMIT_FACTOR })
	for (const check of checks) {
		const attempts = await recentAttempts(check.key, since)
		if (attempts.length >= check.limit) {
			const oldest = attempts[attempts.length - check.limit]!.createdAt.getTime()
			return { ok: false, reason: 'rate-limited', retryInMinutes: Math.max(1, Math.ceil((oldest + windowMs - Date.now()) / 60000)) }
		}
	}

	const user = await prisma.user.findUnique({
		where: { email: input.email },
		select: { id: true, accountId: true, password: { select: { hash: true } } },
	})
	const valid = await verifyPassword(input.password, user?.password?.hash ?? (await getDummyHash()))
	if (!user || !user.password || !valid) {
		await prisma.signInAttempt.createMany({ data: checks.map((c) => ({ key: c.key })) })
		return { ok: false, reason: 'invalid' }
	}

	const session = await prisma.$transaction(async (tx) => {
		await tx.signInAttempt.deleteMany({ where: { key: emailKey(input.email) } })
		const created = await tx.session.create({ data: newSessionData(user.id), select: { id: true } })
		await recordEvent(tx, { kind: 'sign_in', userId: user.id, accountId: user.accountId })
		return created
	})
	return { ok: true, sessionId: session.id, userId: user.id }
}

export type RegisterResult =
	| { ok: true; userId: string; sessionId: string }
	| { ok: false; field: 'email'; message: string }

/** Self-registration: only someone whose email domain belongs to an account may create a customer user for it. */
export async function registerCustomer(input: { name: string; email: string; password: string }): Promise<RegisterResult> {
	const account = await prisma.account.findUnique({ where: { emailDomain: emailDomain(input.email) }, select: { id: true } })
	if (!account) {
		return {
			ok: false,
			field: 'email',
			message: 'No customer account uses this email domain. Sign up with your work email, or ask your administrator for an invitation.',
		}
	}
	const existing = await prisma.user.findUnique({ where: { email: input.email }, select: { id: true } })
	if (existing) return { ok: false, field: 'email', message: 'An account with this email already exists. Sign in instead.' }

	const hash = await hashPassword(input.password)
	return prisma.$transaction(async (tx) => {
		const user = await tx.user.create({
			data: { email: input.email, name: input.name, role: 'CUSTOMER', accountId: account.id, password: { create: { hash } } },
			select: { id: true },
		})
		const session = await tx.session.create({ data: newSessionData(user.id), select: { id: true } })
		await recordEvent(tx, { kind: 'sign_in', userId: user.id, accountId: account.id, data: { registered: true } })
		return { ok: true as const, userId: user.id, sessionId: session.id }
	})
}

/** The client address as the load balancer reports it (the portal runs behind one); null when unknown. */
export function clientAddress(request: Request): string | null {
	const forwarded = request.headers.get('X-Forwarded-For')
	const first = forwarded?.split(',')[0]?.trim()
	return first || request.headers.get('X-Real-IP') || null
}
