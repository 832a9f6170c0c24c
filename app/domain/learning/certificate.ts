import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Certificate verification codes: an HMAC of the certificate id with a server secret, shown as
 * 10 Crockford base32 characters (50 bits) grouped like `K7QF-2M9X-PA`. The code proves the
 * portal issued the certificate; it is short enough to read aloud or type from a printout.
 * Server-only (node:crypto): import it from loaders and `*.server.ts` modules.
 */

// Crockford's alphabet: no I, L, O or U, so codes cannot be misread.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
export const VERIFICATION_CODE_LENGTH = 10

function rawCode(certificateId: string, secret: string): string {
	if (!secret) throw new Error('verificationCode needs a non-empty secret')
	const digest = createHmac('sha256', secret).update(`certificate:${certificateId}`).digest()
	let out = ''
	let buffer = 0
	let bits = 0
	for (const byte of digest) {
		buffer = ((buffer << 8) | byte) & 0xffff
		bits += 8
		while (bits >= 5 && out.length < VERIFICATION_CODE_LENGTH) {
			out += ALPHABET[(buffer >>> (bits - 5)) & 31]
			bits -= 5
		}
		if (out.length === VERIFICATION_CODE_LENGTH) break
	}
	return out
}

/** `K7QF2M9XPA` → `K7QF-2M9X-PA` */
export function formatVerificationCode(raw: string): string {
	return raw.match(/.{1,4}/g)?.join('-') ?? raw
}

/** What a person typed → canonical characters: case, spaces and hyphens ignored, O→0, I/L→1. */
export function normalizeVerificationCode(input: string): string {
	return input
		.toUpperCase()
		.replace(/[\s-]/g, '')
		.replace(/O/g, '0')
		.replace(/[IL]/g, '1')
}

export function verificationCode(certificateId: string, secret: string): string {
	return formatVerificationCode(rawCode(certificateId, secret))
}

/** Constant-time comparison of a typed code with the certificate's code. */
export function verifyCode(certificateId: string, code: string, secret: string): boolean {
	const expected = Buffer.from(rawCode(certificateId, secret))
	const given = Buffer.from(normalizeVerificationCode(code))
	if (given.length !== expected.length) return false
	return timingSafeEqual(given, expected)
}
