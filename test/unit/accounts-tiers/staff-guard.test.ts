import { describe, expect, test } from 'vitest'
import { isStaff, requireSameOrigin, STAFF_ROLES } from '#app/utils/auth.server.ts'

describe('who counts as staff', () => {
	test('CSMs, editors and admins; customers, unknown roles and nobody do not', () => {
		expect(STAFF_ROLES).toEqual(['CSM', 'EDITOR', 'ADMIN'])
		for (const role of ['CSM', 'EDITOR', 'ADMIN']) expect(isStaff({ role }), role).toBe(true)
		for (const role of ['CUSTOMER', 'admin', 'OWNER', '']) expect(isStaff({ role }), role).toBe(false)
		expect(isStaff(null)).toBe(false)
		expect(isStaff(undefined)).toBe(false)
	})
})

describe('requireSameOrigin', () => {
	test('a cross-site post is refused with a 403 that says why; a same-origin post and a read pass', async () => {
		const post = (origin: string, method = 'POST') => () => requireSameOrigin(new Request('http://portal.test/x', { method, headers: { Origin: origin } }))
		const refusal = (() => {
			try {
				post('https://evil.example')()
			} catch (error) {
				return error
			}
		})()
		expect(refusal).toBeInstanceOf(Response)
		expect((refusal as Response).status).toBe(403)
		expect(await (refusal as Response).text()).toBe('Cross-site request refused')
		expect(post('http://portal.test')).not.toThrow()
		expect(post('https://evil.example', 'GET')).not.toThrow()
	})
})
