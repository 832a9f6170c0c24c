import { describe, expect, test } from 'vitest'
import { parseEnv } from '#app/utils/env.server.ts'

describe('mail settings in the environment', () => {
	test('defaults: no SMTP, the file outbox, the support address', () => {
		const env = parseEnv({})
		expect(env.SMTP_URL).toBeUndefined()
		expect(env.MAIL_OUTBOX_DIR).toBe('./data/outbox')
		expect(env.SUPPORT_EMAIL).toBe('support@example.com')
		expect(env.PORT).toBe(3000)
	})

	test('an SMTP URL or a host with credentials is accepted', () => {
		expect(parseEnv({ SMTP_URL: 'smtps://user:secret@mail.example.com:465' }).SMTP_URL).toBe('smtps://user:secret@mail.example.com:465')
		expect(parseEnv({ SMTP_HOST: 'mail.example.com', SMTP_PORT: '587', SMTP_USER: 'u', SMTP_PASS: 'p' })).toMatchObject({ SMTP_PORT: 587, SMTP_USER: 'u' })
	})

	test('bad or contradictory settings fail at start with a message naming them', () => {
		expect(() => parseEnv({ SMTP_URL: 'http://mail.example.com' })).toThrow(/SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/)
		expect(() => parseEnv({ SMTP_URL: 'smtp://a.example.com', SMTP_HOST: 'b.example.com' })).toThrow(/SMTP_URL, SMTP_HOST: set one of them, not both/)
		expect(() => parseEnv({ SMTP_HOST: 'mail.example.com', SMTP_USER: 'u' })).toThrow(/SMTP_USER, SMTP_PASS: set both or neither/)
		expect(() => parseEnv({ SMTP_PORT: '70000' })).toThrow(/SMTP_PORT/)
		expect(() => parseEnv({ SUPPORT_EMAIL: 'not-an-address' })).toThrow(/SUPPORT_EMAIL: must be an email address/)
	})
})
