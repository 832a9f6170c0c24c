import { createHash, randomBytes } from 'node:crypto'
import { passwordResetEmail } from '#app/domain/notifications/messages.ts'
import { recordEvent } from '#app/domain/engagement/record.server.ts'
import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/utils/db.server.ts'
import { afterCommit, emailLinkOrigin, sendEmail } from '#app/utils/mailer.server.ts'
import { hashPassword, verifyPassword } from '#app/utils/password.server.ts'
import { databaseLimiter, reserveAttempt } from '#app/utils/rate-limit.server.ts'
import { forgetCachedSession, newSessionData } from '#app/utils/session.server.ts'
import { RESET_LINK_INVALID, RESET_LINK_MINUTES } from './recovery.ts'
import { plural } from '#app/utils/plural.ts'

export { RESET_LINK_INVALID, RESET_LINK_MINUTES }

/**
 * Account recovery and password changes. A reset link carries a random token; only its sha256 is
 * stored, it expires after RESET_LINK_MINUTES and works once. Asking for a link answers the same
 * whether or not the email has an account.
 */

const HOUR_SECONDS = 60 * 60
// A person needs one or two links an hour; more is someone flooding a mailbox or probing.
const RESETS_PER_EMAIL_PER_HOUR = 3
const RESETS_PER_ADDRESS_PER_HOUR = 20
const PASSWORD_CHANGES_PER_USER_PER_HOUR = 10

type Limiter = ReturnType<typeof databaseLimiter>
let limiters: { email: Limiter; ip: Limiter; change: Limiter } | undefined
function getLimiters() {
	limiters ??= {
		email: databaseLimiter({ keyPrefix: 'reset:email', points: RESETS_PER_EMAIL_PER_HOUR, durationSeconds: HOUR_SECONDS }),
		ip: databaseLimiter({ keyPrefix: 'reset:ip', points: RESETS_PER_ADDRESS_PER_HOUR, durationSeconds: HOUR_SECONDS }),
		change: databaseLimiter({ keyPrefix: 'password-change:user', points: PASSWORD_CHANGES_PER_USER_PER_HOUR, durationSeconds: HOUR_SECONDS }),
	}
	return limiters
}

// 32 random bytes in base64url: 43 characters.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/

export function hashResetToken(token: string): string {
	return createHash('sha256').update(token).digest('hex')
}

export type ResetRequestResult = { ok: true } | { ok: false; retryInMinutes: number }

/**
 * Emails a reset link when the email has an account. Refused (429) only when the client address
 * asked too often; over the per-email limit it answers as usual but sends nothing, so the answer
 * never tells whether an account exists and a mailbox cannot be flooded.
 */
export async function requestPasswordReset(input: { email: string; ip: string | null }, now = new Date()): Promise<ResetRequestResult> {
	const { email: emailLimiter, ip: ipLimiter } = getLimiters()
	if (input.ip) {
		const byAddress = await reserveAttempt(ipLimiter, input.ip)
		if (!byAddress.ok) return { ok: false, retryInMinutes: byAddress.retryInMinutes }
	}
	if (!(await reserveAttempt(emailLimiter, input.email)).ok) return { ok: true }

	const user = await prisma.user.findUnique({ where: { email: input.email }, select: { id: true, email: true } })
	if (!user) return { ok: true }
	const token = randomBytes(32).toString('base64url')
	await prisma.$transaction(async (tx) => {
		// Only the newest link works: an older email lying in a mailbox is no way in.
		await tx.passwordResetToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } })
		await tx.passwordResetToken.create({
			data: { userId: user.id, tokenHash: hashResetToken(token), expiresAt: new Date(now.getTime() + RESET_LINK_MINUTES * 60_000) },
		})
	})
	const link = `${emailLinkOrigin()}/reset-password/${token}`
	afterCommit(() => sendEmail({ to: user.email, ...passwordResetEmail(link, RESET_LINK_MINUTES) }))
	return { ok: true }
}

async function usableToken(db: Prisma.TransactionClient, token: string, now: Date) {
	if (!TOKEN_PATTERN.test(token)) return null
	const row = await db.passwordResetToken.findUnique({ where: { tokenHash: hashResetToken(token) }, select: { id: true, userId: true, expiresAt: true, usedAt: true } })
	return row && !row.usedAt && row.expiresAt > now ? row : null
}

/** Whether a reset link can still be used (the page asks before showing the form). Reads only. */
export async function isResetTokenUsable(token: string, now = new Date()): Promise<boolean> {
	return (await usableToken(prisma, token, now)) !== null
}

export type ResetResult = { ok: true; sessionId: string } | { ok: false; message: string }

/**
 * Sets a new password through a reset link. The token is consumed by a conditional update in the
 * same transaction as the password, so of two concurrent uses one wins and the other fails. Every
 * session of the user ends; this browser gets a fresh one.
 */
export async function resetPassword(token: string, newPassword: string, now = new Date()): Promise<ResetResult> {
	if (!TOKEN_PATTERN.test(token)) return { ok: false, message: RESET_LINK_INVALID }
	const hash = await hashPassword(newPassword)
	const outcome = await prisma.$transaction(async (tx) => {
		const row = await usableToken(tx, token, now)
		if (!row) return null
		const consumed = await tx.passwordResetToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } })
		if (consumed.count !== 1) return null
		await tx.password.upsert({ where: { userId: row.userId }, create: { userId: row.userId, hash }, update: { hash } })
		const ended = await tx.session.findMany({ where: { userId: row.userId }, select: { id: true } })
		await tx.session.deleteMany({ where: { userId: row.userId } })
		const user = await tx.user.findUniqueOrThrow({ where: { id: row.userId }, select: { accountId: true } })
		const session = await tx.session.create({ data: newSessionData(row.userId), select: { id: true } })
		await recordEvent(tx, { kind: 'sign_in', userId: row.userId, accountId: user.accountId, data: { passwordReset: true } })
		return { sessionId: session.id, ended: ended.map((s) => s.id) }
	})
	if (!outcome) return { ok: false, message: RESET_LINK_INVALID }
	outcome.ended.forEach(forgetCachedSession)
	return { ok: true, sessionId: outcome.sessionId }
}

/** Ends every session of the user but the one making the request; returns how many ended. */
export async function signOutOtherSessions(userId: string, currentSessionId: string): Promise<number> {
	const others = await prisma.session.findMany({ where: { userId, id: { not: currentSessionId } }, select: { id: true } })
	const { count } = await prisma.session.deleteMany({ where: { id: { in: others.map((s) => s.id) }, userId } })
	others.forEach((s) => forgetCachedSession(s.id))
	return count
}

export function countOtherSessions(userId: string, currentSessionId: string): Promise<number> {
	return prisma.session.count({ where: { userId, id: { not: currentSessionId }, expiresAt: { gt: new Date() } } })
}

export type ChangePasswordResult = { ok: true; endedSessions: number } | { ok: false; field: 'currentPassword'; message: string }

/**
 * A signed-in user's new password, with their current one as proof (a borrowed session alone
 * cannot lock the owner out). Every other session of the user ends; this one goes on.
 */
export async function changePassword(input: { userId: string; sessionId: string; currentPassword: string; newPassword: string }): Promise<ChangePasswordResult> {
	const allowed = await reserveAttempt(getLimiters().change, input.userId)
	if (!allowed.ok) {
		return { ok: false, field: 'currentPassword', message: `Too many attempts. Try again in ${plural(allowed.retryInMinutes, 'minute')}.` }
	}
	const stored = await prisma.password.findUnique({ where: { userId: input.userId }, select: { hash: true } })
	if (!stored || !(await verifyPassword(input.currentPassword, stored.hash))) {
		return { ok: false, field: 'currentPassword', message: 'That is not your current password.' }
	}
	const hash = await hashPassword(input.newPassword)
	const ended = await prisma.$transaction(async (tx) => {
		await tx.password.update({ where: { userId: input.userId }, data: { hash } })
		const others = await tx.session.findMany({ where: { userId: input.userId, id: { not: input.sessionId } }, select: { id: true } })
		await tx.session.deleteMany({ where: { id: { in: others.map((s) => s.id) } } })
		return others.map((s) => s.id)
	})
	ended.forEach(forgetCachedSession)
	return { ok: true, endedSessions: ended.length }
}
