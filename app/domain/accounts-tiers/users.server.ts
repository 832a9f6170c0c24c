import type { RateLimiterPrisma } from 'rate-limiter-flexible'
import { recordEvent } from '#app/domain/engagement/record.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { databaseLimiter, reserveAttempt } from '#app/utils/rate-limit.server.ts'
import { newSessionData } from '#app/utils/session.server.ts'
import { getDummyHash, hashPassword, verifyPassword } from '#app/utils/password.server.ts'
import { emailDomain } from './credentials.ts'

export type SignInResult =
	| { ok: true; sessionId: string; userId: string }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'rate-limited'; retryInMinutes: number }

// An address shared by an office makes many honest attempts: allow it more than one mailbox.
const IP_LIMIT_FACTOR = 4

type SignInLimiters = { email: RateLimiterPrisma; ip: RateLimiterPrisma }
let signInLimiters: SignInLimiters | undefined

/**
 * Sign-in counters: keys "sign-in:email:<address>" and "sign-in:ip:<address>", each window of
 * SIGN_IN_WINDOW_MINUTES starting at a key's first attempt.
 */
function limiters(): SignInLimiters {
	if (!signInLimiters) {
		const env = getEnv()
		const durationSeconds = env.SIGN_IN_WINDOW_MINUTES * 60
		signInLimiters = {
			email: databaseLimiter({ keyPrefix: 'sign-in:email', points: env.SIGN_IN_MAX_ATTEMPTS, durationSeconds }),
			ip: databaseLimiter({ keyPrefix: 'sign-in:ip', points: env.SIGN_IN_MAX_ATTEMPTS * IP_LIMIT_FACTOR, durationSeconds }),
		}
	}
	return signInLimiters
}

/**
 * Checks credentials under a rate limit per email and per client address. Every attempt is
 * counted before its password is checked, so a burst gets no more checks than the limit. A wrong
 * email and a wrong password answer the same, in about the same time. A success starts a new
 * session (a new id every time) and records the sign-in event in the same transaction.
 */
export async function signIn(input: { email: string; password: string; ip: string | null }): Promise<SignInResult> {
	const { email: emailLimiter, ip: ipLimiter } = limiters()
	// The address first: a sprayer refused there does not also use up the victim's email allowance.
	const reservations: Array<[RateLimiterPrisma, string]> = []
	if (input.ip) reservations.push([ipLimiter, input.ip])
	reservations.push([emailLimiter, input.email])
	for (const [limiter, key] of reservations) {
		const reserved = await reserveAttempt(limiter, key)
		if (!reserved.ok) return { ok: false, reason: 'rate-limited', retryInMinutes: reserved.retryInMinutes }
	}

	const user = await prisma.user.findUnique({
		where: { email: input.email },
		select: { id: true, accountId: true, password: { select: { hash: true } } },
	})
	const valid = await verifyPassword(input.password, user?.password?.hash ?? (await getDummyHash()))
	if (!user || !user.password || !valid) return { ok: false, reason: 'invalid' }

	const session = await prisma.$transaction(async (tx) => {
		const created = await tx.session.create({ data: newSessionData(user.id), select: { id: true } })
		await recordEvent(tx, { kind: 'sign_in', userId: user.id, accountId: user.accountId })
		return created
	})
	// A success gives back only its own attempt: resetting the counter would hand a fresh allowance
	// to the attempts of a burst still in flight. A lost refund costs the user one attempt, no more.
	await Promise.all(reservations.map(([limiter, key]) => limiter.reward(key, 1).catch(() => null)))
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
