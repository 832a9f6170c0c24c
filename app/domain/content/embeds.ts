/**
 * Where embedded media may come from. Shared by the compile-time policy and the React components,
 * so a compiled bundle that somehow carries another URL is still not rendered.
 */

const VIDEO_HOSTS: ReadonlyArray<{ host: string; pathPrefix: string; id: RegExp }> = [
	{ host: 'www.youtube-nocookie.com', pathPrefix: '/embed/', id: /^[A-Za-z0-9_-]{6,20}$/ },
	{ host: 'player.vimeo.com', pathPrefix: '/video/', id: /^[0-9]{3,12}$/ },
	{ host: 'www.loom.com', pathPrefix: '/embed/', id: /^[A-Za-z0-9]{8,64}$/ },
]

/** The origins embedded players load from, for the Content-Security-Policy's frame-src. */
export const VIDEO_FRAME_ORIGINS = VIDEO_HOSTS.map(({ host }) => `https://${host}`)

export const VIDEO_SOURCES_DESCRIPTION =
	'https://www.youtube-nocookie.com/embed/…, https://player.vimeo.com/video/… or https://www.loom.com/embed/…'

function parseHttpsUrl(src: string): URL | null {
	try {
		const url = new URL(src)
		// Credentials or a port in an embed URL are never legitimate and hide the real target.
		if (url.protocol !== 'https:' || url.username || url.password || url.port) return null
		return url
	} catch {
		return null
	}
}

export function isAllowedVideoSrc(src: string): boolean {
	const url = parseHttpsUrl(src)
	if (!url) return false
	return VIDEO_HOSTS.some(
		({ host, pathPrefix, id }) =>
			url.hostname === host &&
			url.pathname.startsWith(pathPrefix) &&
			id.test(url.pathname.slice(pathPrefix.length)),
	)
}

/** Images come from our own /images/ folder or any https URL. */
export function isAllowedImageSrc(src: string): boolean {
	if (src.startsWith('/images/')) {
		return !src.includes('..') && !src.includes('\\') && !/[\s"'<>]/.test(src)
	}
	return parseHttpsUrl(src) !== null
}

const LINK_SCHEMES = new Set(['http', 'https', 'mailto', 'tel'])

/**
 * Markdown links: relative URLs or http(s)/mailto/tel. Browsers ignore control characters and
 * leading spaces when reading a scheme, so strip them before looking (defeats "java\tscript:").
 */
export function isAllowedLinkUrl(url: string): boolean {
	// eslint-disable-next-line no-control-regex -- control characters are exactly what this strips
	const cleaned = url.replace(/[\u0000-\u001F\u007F]/g, '').trim()
	const scheme = /^([^/?#]*?):/.exec(cleaned)?.[1]
	if (scheme === undefined) return true
	return LINK_SCHEMES.has(scheme.toLowerCase())
}
