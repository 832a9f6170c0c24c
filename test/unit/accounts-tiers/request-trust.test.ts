import { describe, expect, test, vi } from 'vitest'
import { addressBehindProxies, arrivedOverHttps, clientAddress, crossSiteRefusal, crossSiteRefusalOf } from '#app/utils/request-trust.server.ts'
import { commitSessionCookie } from '#app/utils/session.server.ts'

const post = (headers: Record<string, string>, url = 'http://portal.test/login') => new Request(url, { method: 'POST', headers })

describe('client address behind proxies', () => {
	test('0 hops: the socket peer, whatever X-Forwarded-For says', () => {
		expect(addressBehindProxies('198.51.100.7', '203.0.113.1', 0)).toBe('198.51.100.7')
		expect(addressBehindProxies('198.51.100.7', null, 0)).toBe('198.51.100.7')
	})

	test('1 hop: the rightmost entry, the one our proxy appended', () => {
		expect(addressBehindProxies('10.0.0.2', '203.0.113.1', 1)).toBe('203.0.113.1')
		expect(addressBehindProxies('10.0.0.2', '192.0.2.44, 203.0.113.1', 1)).toBe('203.0.113.1')
	})

	test('spoofed values prepended by the client are never taken', () => {
		for (const spoof of ['1.1.1.1', '1.1.1.1, 2.2.2.2', 'not-an-address']) {
			expect(addressBehindProxies('10.0.0.2', `${spoof}, 203.0.113.1`, 1)).toBe('203.0.113.1')
			expect(addressBehindProxies('10.0.0.3', `${spoof}, 203.0.113.1, 10.0.0.2`, 2)).toBe('203.0.113.1')
		}
	})

	test('fewer entries than hops: the furthest known; a mapped IPv4 peer is the IPv4 address', () => {
		expect(addressBehindProxies('10.0.0.2', null, 2)).toBe('10.0.0.2')
		expect(addressBehindProxies('10.0.0.2', '203.0.113.1', 3)).toBe('203.0.113.1')
		expect(addressBehindProxies('::ffff:127.0.0.1', null, 0)).toBe('127.0.0.1')
		expect(addressBehindProxies(undefined, null, 0)).toBeNull()
	})

	test('a trusted entry that is not an address counts as the proxy, never as no address', () => {
		expect(addressBehindProxies('10.0.0.2', 'garbage', 1)).toBe('10.0.0.2')
	})

	test('clientAddress reads the socket from the load context; TRUST_PROXY defaults to 0', () => {
		const request = post({ 'X-Forwarded-For': '203.0.113.1' })
		expect(clientAddress(request, { socketAddress: '198.51.100.7' })).toBe('198.51.100.7')
		expect(clientAddress(request, {})).toBeNull()
	})

	test('clientAddress with TRUST_PROXY=1 takes the proxy-appended entry', async () => {
		vi.stubEnv('TRUST_PROXY', '1')
		vi.resetModules()
		try {
			const trust = await import('#app/utils/request-trust.server.ts')
			const request = post({ 'X-Forwarded-For': '6.6.6.6, 203.0.113.1' })
			expect(trust.clientAddress(request, { socketAddress: '10.0.0.2' })).toBe('203.0.113.1')
		} finally {
			vi.unstubAllEnvs()
			vi.resetModules()
		}
	})
})

describe('cross-site rule', () => {
	test('refuses a foreign Origin, Sec-Fetch-Site cross-site, and same-site without an Origin', () => {
		expect(crossSiteRefusalOf(post({ Origin: 'https://evil.example' }))).toMatch(/origin/)
		expect(crossSiteRefusalOf(post({ Origin: 'null' }))).toMatch(/origin/)
		expect(crossSiteRefusalOf(post({ 'Sec-Fetch-Site': 'cross-site' }))).toMatch(/cross-site/)
		// A sibling subdomain is same-site but not same-origin.
		expect(crossSiteRefusalOf(post({ 'Sec-Fetch-Site': 'same-site' }))).toMatch(/same-site/)
		// A forged Origin matching ours does not excuse what Sec-Fetch-Site says.
		expect(crossSiteRefusalOf(post({ Origin: 'http://portal.test', 'Sec-Fetch-Site': 'same-site' }))).toMatch(/same-site/)
		// Another port or scheme is another origin.
		expect(crossSiteRefusalOf(post({ Origin: 'http://portal.test:8080' }))).not.toBeNull()
		expect(crossSiteRefusalOf(post({ Origin: 'https://portal.test' }))).not.toBeNull()
	})

	test('accepts same-origin posts, non-browser clients and reads', () => {
		expect(crossSiteRefusalOf(post({ Origin: 'http://portal.test', 'Sec-Fetch-Site': 'same-origin' }))).toBeNull()
		expect(crossSiteRefusalOf(post({ 'Sec-Fetch-Site': 'same-origin' }))).toBeNull()
		expect(crossSiteRefusalOf(post({}))).toBeNull()
		expect(crossSiteRefusalOf(new Request('http://portal.test/kb', { headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' } }))).toBeNull()
	})
})

describe('Secure cookies', () => {
	test('Secure when the request arrived over https, not over plain http', async () => {
		const https = new Request('https://portal.test/login', { method: 'POST' })
		const http = new Request('http://portal.test/login', { method: 'POST' })
		expect(arrivedOverHttps(https)).toBe(true)
		expect(arrivedOverHttps(http)).toBe(false)
		expect(await commitSessionCookie('s1', https)).toMatch(/;\s*Secure/i)
		expect(await commitSessionCookie('s1', http)).not.toMatch(/Secure/i)
		expect(await commitSessionCookie('s1')).not.toMatch(/Secure/i)
	})
})

describe('request trust edge cases (mutation testing)', () => {
	test('addresses are trimmed, multi-digit mapped IPv4 is unwrapped, other IPv6 kept whole', () => {
		expect(addressBehindProxies(' 10.0.0.2 ', null, 0)).toBe('10.0.0.2')
		expect(addressBehindProxies('::ffff:192.168.10.20', null, 0)).toBe('192.168.10.20')
		expect(addressBehindProxies('1::ffff:10.1.2.3', null, 0)).toBe('1::ffff:10.1.2.3')
	})

	test('empty X-Forwarded-For entries are not hops', () => {
		expect(addressBehindProxies('10.0.0.3', '203.0.113.1,, 192.0.2.5', 2)).toBe('203.0.113.1')
	})

	test('without a load context there is no socket address', () => {
		expect(clientAddress(new Request('http://portal.test/login'), undefined)).toBeNull()
	})

	test('safe methods are never refused; a post with neither Origin nor Sec-Fetch-Site is not a browser one', () => {
		for (const method of ['GET', 'HEAD', 'OPTIONS', 'get']) {
			expect(crossSiteRefusal({ method, origin: 'http://portal.test', header: (name) => (name === 'Origin' ? 'http://evil.example' : 'cross-site') })).toBeNull()
		}
		expect(crossSiteRefusal({ method: 'POST', origin: 'http://portal.test', header: () => null })).toBeNull()
		expect(crossSiteRefusal({ method: 'POST', origin: 'http://portal.test', header: (name) => (name === 'Sec-Fetch-Site' ? 'none' : null) })).toBeNull()
		expect(crossSiteRefusal({ method: 'POST', origin: 'http://portal.test', header: (name) => (name === 'Sec-Fetch-Site' ? 'same-site' : null) })).toBe('sec-fetch-site same-site')
		expect(crossSiteRefusal({ method: 'POST', origin: 'http://portal.test', header: (name) => (name === 'Origin' ? 'http://evil.example' : null) })).toBe('origin http://evil.example')
	})
})

describe('request trust with a configured origin and odd addresses (mutation testing)', () => {
	async function withEnv<T>(env: Record<string, string>, run: (trust: typeof import('#app/utils/request-trust.server.ts')) => T | Promise<T>) {
		for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value)
		vi.resetModules()
		try {
			return await run(await import('#app/utils/request-trust.server.ts'))
		} finally {
			vi.unstubAllEnvs()
			vi.resetModules()
		}
	}

	test('a mapped IPv4 address is unwrapped whatever the case of its prefix', () => {
		expect(addressBehindProxies('::FFFF:10.0.0.9', null, 0)).toBe('10.0.0.9')
		expect(addressBehindProxies('10.0.0.2', '::FFFF:203.0.113.1', 1)).toBe('203.0.113.1')
	})

	test('garbage from a trusted proxy counts the socket peer, unwrapped; without a socket there is no address', () => {
		expect(addressBehindProxies('::ffff:10.0.0.2', 'garbage', 1)).toBe('10.0.0.2')
		expect(addressBehindProxies(undefined, 'garbage', 1)).toBeNull()
		expect(addressBehindProxies(null, '203.0.113.1', 1)).toBe('203.0.113.1')
	})

	test('behind a proxy that serves APP_ORIGIN, a post from that origin is same-origin; another origin is not', async () => {
		await withEnv({ APP_ORIGIN: 'https://portal.example.com' }, (trust) => {
			// Our server sees the internal URL; the browser sends the public origin.
			const internal = (origin: string) => new Request('http://127.0.0.1:3000/login', { method: 'POST', headers: { Origin: origin } })
			expect(trust.crossSiteRefusalOf(internal('https://portal.example.com'))).toBeNull()
			expect(trust.crossSiteRefusalOf(internal('http://127.0.0.1:3000'))).toBeNull()
			expect(trust.crossSiteRefusalOf(internal('https://evil.example'))).toBe('origin https://evil.example')
			// An https APP_ORIGIN means a terminating proxy: the request arrived over https.
			expect(trust.arrivedOverHttps(new Request('http://127.0.0.1:3000/login'))).toBe(true)
		})
	})

	test('a plain-http APP_ORIGIN does not make a request https', async () => {
		await withEnv({ APP_ORIGIN: 'http://localhost:3000' }, (trust) => {
			expect(trust.arrivedOverHttps(new Request('http://localhost:3000/login'))).toBe(false)
			expect(trust.arrivedOverHttps(new Request('https://localhost:3000/login'))).toBe(true)
		})
	})
})
