import { createHash } from 'node:crypto'
import { DAY_MS } from '#app/utils/time.ts'

/**
 * Pure rules for what an import row names: whether an account reference is an email domain or an
 * external id, the names and placeholder domains given to accounts and users an import creates, and
 * the period a usage row covers.
 */

const DOMAIN = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/

/** An account reference that reads as an email domain ("acme.com"); anything else is an external id. */
export function isDomainRef(ref: string): boolean {
	return DOMAIN.test(ref.trim().toLowerCase())
}

/**
 * Mail providers whose users are strangers to each other: an account for such a domain would let
 * anyone with an address there sign up into it, so an import never creates one.
 */
const PUBLIC_EMAIL_DOMAINS = new Set([
	'gmail.com',
	'googlemail.com',
	'outlook.com',
	'hotmail.com',
	'live.com',
	'msn.com',
	'yahoo.com',
	'ymail.com',
	'icloud.com',
	'me.com',
	'mac.com',
	'aol.com',
	'proton.me',
	'protonmail.com',
	'gmx.com',
	'gmx.de',
	'gmx.net',
	'web.de',
	'mail.com',
	'yandex.ru',
	'yandex.com',
	'qq.com',
	'163.com',
	'zoho.com',
	'fastmail.com',
])

export function isPublicEmailDomain(domain: string): boolean {
	return PUBLIC_EMAIL_DOMAINS.has(domain.toLowerCase())
}

const titleCase = (words: string) =>
	words
		.split(/[\s._-]+/)
		.filter(Boolean)
		.map((w) => w[0]!.toUpperCase() + w.slice(1))
		.join(' ')

/** "acme.com" → "Acme", "eu.acme.co.uk" → "Eu Acme": the labels before the top-level domain. */
export function nameFromDomain(domain: string): string {
	const labels = domain.toLowerCase().replace(/^www\./, '').split('.')
	labels.pop()
	// A two-letter country code after a short second level (co.uk, com.au) is one suffix.
	if (labels.length > 1 && labels.at(-1)!.length <= 3 && domain.split('.').at(-1)!.length === 2) labels.pop()
	return titleCase(labels.join(' ')) || domain
}

/** "pat.o-neil@acme.com" → "Pat O Neil": a readable name until the user sets their own. */
export function nameFromEmail(email: string): string {
	return titleCase(email.slice(0, email.lastIndexOf('@')).replace(/\+.*$/, '')) || email
}

/**
 * An account known only by its external id still needs a unique email domain. `.invalid` is
 * reserved (RFC 2606): nobody has an address there, so nobody signs up into it by accident.
 */
export function placeholderDomain(externalId: string): string {
	const slug = externalId.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'account'
	const hash = createHash('sha256').update(externalId).digest('hex').slice(0, 6)
	return `${slug}-${hash}.import.invalid`
}

export const MAX_PERIOD_DAYS = 366

export const dayStart = (day: string) => new Date(`${day}T00:00:00Z`)

/** Days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): number {
	return Math.round((dayStart(to).getTime() - dayStart(from).getTime()) / DAY_MS) + 1
}
