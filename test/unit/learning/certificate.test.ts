import { describe, expect, test } from 'vitest'
import {
	normalizeVerificationCode,
	verificationCode,
	verifyCode,
} from '#app/domain/learning/certificate.ts'

const SECRET = 'test-certificate-secret'

describe('verificationCode', () => {
	test('is 10 Crockford base32 characters grouped 4-4-2', () => {
		const code = verificationCode('cert_123', SECRET)
		expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{2}$/)
	})

	test('is stable for one id and secret, and differs by id and by secret', () => {
		expect(verificationCode('cert_123', SECRET)).toBe(verificationCode('cert_123', SECRET))
		expect(verificationCode('cert_124', SECRET)).not.toBe(verificationCode('cert_123', SECRET))
		expect(verificationCode('cert_123', 'another-secret')).not.toBe(verificationCode('cert_123', SECRET))
	})

	test('codes for many ids are distinct', () => {
		const codes = new Set(Array.from({ length: 2000 }, (_, i) => verificationCode(`cert_${i}`, SECRET)))
		expect(codes.size).toBe(2000)
	})

	test('refuses an empty secret', () => {
		expect(() => verificationCode('cert_1', '')).toThrow(/secret/)
	})
})

describe('verifyCode', () => {
	const id = 'clx9certificate'
	const code = verificationCode(id, SECRET)

	test('accepts the code as printed, without hyphens, in lower case, with spaces', () => {
		expect(verifyCode(id, code, SECRET)).toBe(true)
		expect(verifyCode(id, code.replace(/-/g, ''), SECRET)).toBe(true)
		expect(verifyCode(id, ` ${code.toLowerCase()} `, SECRET)).toBe(true)
	})

	test('reads O as 0 and I or L as 1', () => {
		expect(normalizeVerificationCode('o1-il')).toBe('0111')
		const typed = code.replace(/0/g, 'O').replace(/1/g, 'l')
		expect(verifyCode(id, typed, SECRET)).toBe(true)
	})

	test('refuses a wrong code, a code for another certificate, a wrong length and another secret', () => {
		const last = code.at(-1) === 'A' ? 'B' : 'A'
		expect(verifyCode(id, code.slice(0, -1) + last, SECRET)).toBe(false)
		expect(verifyCode(id, verificationCode('other', SECRET), SECRET)).toBe(false)
		expect(verifyCode(id, code.slice(0, -1), SECRET)).toBe(false)
		expect(verifyCode(id, `${code}X`, SECRET)).toBe(false)
		expect(verifyCode(id, '', SECRET)).toBe(false)
		expect(verifyCode(id, code, 'another-secret')).toBe(false)
	})
})
