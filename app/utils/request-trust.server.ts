import { isIP } from 'node:net'
import type { AppLoadContext } from '@remix-run/node'
import { getEnv } from './env.server.ts'

/**
 * What a request may be trusted to say about itself: its client address, whether it came from this
 * site, whether it arrived over https. The Express server (server/app.ts) and the app both ask here,
 * so each rule is written once.
 */

declare module '@remix-run/node' {
	interface AppLoadContext {
		/** The TCP peer of the request, from our own server; absent under `remix vite:dev` and in tests that pass {}. */
		socketAddress?: string
		/** The Content-Security-Policy nonce of this response, for Remix's inline scripts. */
		cspNonce?: string
	}
}

function normaliseAddress(address: string): string {
	const trimmed = address.trim()
	// Node reports IPv4 peers on a dual-stack socket as ::ffff:a.b.c.d: one client, one key.
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed)
	return mapped ? mapped[1]! : trimmed
}

/**
 * The client address behind `trustedHops` proxies. The socket's peer is the nearest hop; each proxy
 * appends the address it saw to X-Forwarded-For, so with N trusted proxies the client is the Nth
 * entry from the right. Anything further left was written by the client and is ignored.
 */
export function addressBehindProxies(socketAddress: string | null | undefined, forwardedFor: string | null, trustedHops: number): string | null {
	const chain = (forwardedFor ?? '')
		.split(',')
		.map((entry) => entry.trim())
		.filter(Boolean)
	if (socketAddress) chain.push(socketAddress)
	if (chain.length === 0) return null
	// Fewer entries than configured hops: the furthest one we have (as Express does).
	const address = normaliseAddress(chain[Math.max(0, chain.length - 1 - trustedHops)]!)
	if (isIP(address)) return address
	// A trusted proxy wrote garbage: count its own address rather than no address at all.
	return socketAddress ? normaliseAddress(socketAddress) : null
}

/** The address the per-address sign-in limit counts: the socket's peer, or a trusted proxy's report of the client. */
export function clientAddress(request: Request, context: AppLoadContext | undefined): string | null {
	const hops = getEnv().TRUST_PROXY
	return addressBehindProxies(context?.socketAddress, hops > 0 ? request.headers.get('X-Forwarded-For') : null, hops)
}

/**
 * Whether the request arrived over https. Our server builds request.url from the socket, or from
 * X-Forwarded-Proto only when TRUST_PROXY trusts the proxy that sent it; a configured https
 * APP_ORIGIN means a terminating proxy in front in any case.
 */
export function arrivedOverHttps(request: Request): boolean {
	return new URL(request.url).protocol === 'https:' || Boolean(getEnv().APP_ORIGIN?.startsWith('https://'))
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export type RequestFacts = { method: string; origin: string; header: (name: string) => string | null | undefined }

/**
 * Cross-site request forgery rule: a state-changing request must come from this origin. Browsers
 * send Origin (and Sec-Fetch-Site) on every cross-origin post; same-site is not same-origin (a
 * sibling subdomain may be hostile). Requests with neither header come from non-browser clients,
 * which cannot ride on a victim's cookies. Returns why the request is refused, or null.
 */
export function crossSiteRefusal({ method, origin, header }: RequestFacts): string | null {
	if (SAFE_METHODS.has(method.toUpperCase())) return null
	const sentOrigin = header('Origin')
	if (sentOrigin) {
		const allowed = new Set([origin])
		const configured = getEnv().APP_ORIGIN
		if (configured) allowed.add(new URL(configured).origin)
		if (!allowed.has(sentOrigin)) return `origin ${sentOrigin}`
	}
	const site = header('Sec-Fetch-Site')
	if (site && site !== 'same-origin' && site !== 'none') return `sec-fetch-site ${site}`
	return null
}

export function crossSiteRefusalOf(request: Request): string | null {
	return crossSiteRefusal({ method: request.method, origin: new URL(request.url).origin, header: (name) => request.headers.get(name) })
}
