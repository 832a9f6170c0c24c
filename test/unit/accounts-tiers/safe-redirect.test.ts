import { describe, expect, test } from 'vitest'
import { safeRedirect } from '#app/utils/auth.server.ts'

describe('safeRedirect', () => {
	test('a path on this site survives with its query and hash', () => {
		expect(safeRedirect('/kb/x?y=1#z')).toBe('/kb/x?y=1#z')
		expect(safeRedirect('/')).toBe('/')
		expect(safeRedirect('/paths/onboarding/lessons/first-steps')).toBe('/paths/onboarding/lessons/first-steps')
		expect(safeRedirect('/search?q=a%20b&type=article')).toBe('/search?q=a%20b&type=article')
	})

	// Each of these is another host (or script) to a browser, or an invalid Location header.
	test.each([
		['protocol-relative', '//evil.example/'],
		['protocol-relative with a path', '//evil.example/kb'],
		['backslash after the slash', '/\\evil.example/'],
		['backslashes only', '\\\\evil.example/'],
		['tab after the slash', '/\t/evil.example/'],
		['newline after the slash', '/\n/x'],
		['carriage return', '/\r/evil.example/'],
		['tab between the slashes', '/\t/evil.example'],
		['NUL byte', '/\u0000/evil.example'],
		['DEL', '/\u007f/evil.example'],
		['absolute https URL', 'https://evil.example/'],
		['absolute http URL', 'http://evil.example'],
		['scheme without slashes', 'https:evil.example'],
		['javascript: URL', 'javascript:alert(1)'],
		['javascript: URL in capitals', 'JavaScript:alert(1)'],
		['data: URL', 'data:text/html,<script>alert(1)</script>'],
		['relative path', 'kb/x'],
		['encoded slashes without a leading slash', '%2F%2Fevil.example'],
		['dot segment into //', '/.//evil.example/'],
		['parent segment into //', '/..//evil.example/'],
		['encoded parent segment into //', '/%2e%2e//evil.example/'],
		['nested parent segment into //', '/kb/..//evil.example/'],
		['leading space', ' /kb'],
		['empty', ''],
	])('%s is refused', (_name, value) => {
		expect(safeRedirect(value)).toBe('/')
	})

	test('encoded slashes, tabs and backslashes after a leading slash stay a path here', () => {
		// Percent-encoded characters are never decoded into the host: the browser requests this path.
		expect(safeRedirect('/%2F%2Fevil.example')).toBe('/%2F%2Fevil.example')
		expect(safeRedirect('/%09/evil.example')).toBe('/%09/evil.example')
		expect(safeRedirect('/%5Cevil.example')).toBe('/%5Cevil.example')
	})

	test('the answer is ASCII, so it is always a valid header value', () => {
		expect(safeRedirect('/kb/é?q=ü#ß')).toBe('/kb/%C3%A9?q=%C3%BC#%C3%9F')
		expect(() => new Headers({ Location: safeRedirect('/kb/é?q=ü#ß') })).not.toThrow()
	})

	test('non-strings, null and overlong values take the fallback', () => {
		expect(safeRedirect(null)).toBe('/')
		expect(safeRedirect(undefined)).toBe('/')
		expect(safeRedirect(new File(['x'], '/kb'))).toBe('/')
		expect(safeRedirect(`/${'a'.repeat(5000)}`)).toBe('/')
		expect(safeRedirect('//evil.example', '/console')).toBe('/console')
	})
})
