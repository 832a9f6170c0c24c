import { describe, expect, test } from 'vitest'
import { etagOf, fromTemplate, hasSessionCookie, isCacheablePath, toTemplate } from '../../../server/page-cache.ts'

describe('signed-out page cache: what may be stored', () => {
	test('knowledge-base documents without a query string only', () => {
		for (const path of ['/kb', '/kb/', '/kb/what-is-prism', '/kb/category/reports', '/kb/tag/api-keys']) expect(isCacheablePath(path, '')).toBe(true)
		expect(isCacheablePath('/kb/what-is-prism', '?x=1')).toBe(false)
		for (const path of ['/', '/search', '/kb/a/b/c', '/kb/../console', '/console/kb', '/kb/what-is-prism.data', '/api/search']) {
			expect(isCacheablePath(path, '')).toBe(false)
		}
	})

	test('any request carrying the session cookie is not a visitor, whatever else it carries', () => {
		expect(hasSessionCookie(undefined, '__portal_session')).toBe(false)
		expect(hasSessionCookie('theme=dark', '__portal_session')).toBe(false)
		expect(hasSessionCookie('__portal_session=abc', '__portal_session')).toBe(true)
		expect(hasSessionCookie('theme=dark; __portal_session=abc', '__portal_session')).toBe(true)
		// A cookie whose name only contains the session cookie's name is another cookie.
		expect(hasSessionCookie('x__portal_session=abc', '__portal_session')).toBe(false)
	})
})

describe('nonce templating', () => {
	test('every occurrence of the nonce is replaced, and the page comes back with the new one', () => {
		const html = '<script nonce="N0nce+/=">a</script><script nonce="N0nce+/=">b</script>'
		const template = toTemplate(html, 'N0nce+/=')!
		expect(template).not.toContain('N0nce+/=')
		expect(fromTemplate(template, 'fresh')).toBe('<script nonce="fresh">a</script><script nonce="fresh">b</script>')
	})

	test('a page without the nonce is not stored (its scripts would not run under the next nonce)', () => {
		expect(toTemplate('<p>no scripts</p>', 'N0nce')).toBeNull()
		expect(toTemplate('<p>x</p>', '')).toBeNull()
	})

	test('the ETag follows the stored page, not the nonce it was sent with', () => {
		const a = toTemplate('<script nonce="one">x</script>', 'one')!
		const b = toTemplate('<script nonce="two">x</script>', 'two')!
		expect(etagOf(a)).toBe(etagOf(b))
		expect(etagOf(a)).not.toBe(etagOf(toTemplate('<script nonce="one">y</script>', 'one')!))
	})
})
