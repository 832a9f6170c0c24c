import { tierHas } from '#app/domain/accounts-tiers/service-matrix.ts'
import { prisma } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { safeRedirect } from '#app/utils/auth.server.ts'
import { databaseLimiter, reserveAttempt } from '#app/utils/rate-limit.server.ts'
import type { ContactInput } from './contact.ts'
import { contactRequestText, supportEmailText, type ContactText } from './messages.ts'
import { EmailOutbox, notify } from './notify.server.ts'

const ARTICLE_SLUG = /^[a-z0-9-]{1,120}$/

/**
 * The page a message is about, as an in-portal path: an article slug (`?about=<slug>` from an
 * article's "Not helpful") becomes /kb/<slug>; a path on this site is kept; anything else is
 * dropped rather than shown to staff as a link.
 */
export function aboutPath(value: string | null | undefined): string | null {
	const about = value?.trim()
	if (!about) return null
	if (ARTICLE_SLUG.test(about)) return `/kb/${about}`
	return safeRedirect(about, '') || null
}

/** Who a customer's message goes to: the named CSM their plan includes, or the support team. */
export async function contactRecipient(accountId: string | null) {
	const account = accountId
		? await prisma.account.findUnique({ where: { id: accountId }, select: { id: true, name: true, tier: true, csm: { select: { id: true, name: true, email: true } } } })
		: null
	const csm = account && tierHas(account.tier, 'namedCsm') ? account.csm : null
	return { account, csm }
}

// Enough for a conversation, too few for a flood of the CSM's inbox.
const MESSAGES_PER_USER_PER_HOUR = 10
let limiter: ReturnType<typeof databaseLimiter> | undefined

export type ContactResult = { ok: true; sentTo: { kind: 'csm'; name: string } | { kind: 'support'; email: string } } | { ok: false; retryInMinutes: number }

type Sender = { id: string; name: string; email: string; accountId: string | null }

/**
 * Stores the message and tells a person, in one transaction: the account's named CSM (in the
 * portal, and by email unless they turned it off); without one, the support address by email and
 * every admin in the portal. Emails go after the commit.
 */
export async function submitContactRequest(user: Sender, input: ContactInput): Promise<ContactResult> {
	limiter ??= databaseLimiter({ keyPrefix: 'contact:user', points: MESSAGES_PER_USER_PER_HOUR, durationSeconds: 60 * 60 })
	const allowed = await reserveAttempt(limiter, user.id)
	if (!allowed.ok) return { ok: false, retryInMinutes: allowed.retryInMinutes }

	const { account, csm } = await contactRecipient(user.accountId)
	const path = aboutPath(input.about)
	const contact: ContactText = {
		from: { name: user.name, email: user.email },
		accountName: account?.name ?? null,
		subject: input.subject,
		message: input.message,
		aboutPath: path,
	}
	const link = account ? `/console/accounts/${account.id}` : null
	const supportEmail = getEnv().SUPPORT_EMAIL
	const outbox = new EmailOutbox()
	await prisma.$transaction(async (tx) => {
		await tx.contactRequest.create({
			data: { userId: user.id, accountId: account?.id ?? null, subject: input.subject, message: input.message, aboutPath: path, csmId: csm?.id ?? null },
		})
		const text = contactRequestText(contact, link)
		if (csm) {
			await notify(tx, outbox, [{ ...text, recipientId: csm.id }])
			return
		}
		const admins = await tx.user.findMany({ where: { role: 'ADMIN' }, select: { id: true } })
		// The support mailbox gets the email; admins see it in the portal.
		await notify(tx, outbox, admins.map((a) => ({ ...text, recipientId: a.id })), { email: false })
		outbox.add({ to: supportEmail, replyTo: user.email, ...supportEmailText(contact) })
	})
	outbox.sendAfterCommit()
	return { ok: true, sentTo: csm ? { kind: 'csm', name: csm.name } : { kind: 'support', email: supportEmail } }
}
