import path from 'node:path'

/**
 * Where a source page sits and what it is called here: slugs from file names, and the keys that
 * relative links in other pages resolve to.
 */

/** Lowercase words joined by single hyphens, accents dropped: what the portal's slugs, categories and tags are. */
export function kebabCase(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
}

/** Docusaurus orders pages with number prefixes (`01-intro.md`) that are not part of their URL. */
function withoutNumberPrefix(segment: string): string {
	return segment.replace(/^\d+[-_.\s]+(?=\S)/, '')
}

const PAGE_EXTENSION = /\.mdx?$/i
const INDEX_NAMES = new Set(['index', 'readme'])

/** The page a path names, as all the ways of linking to it agree: no extension, no index, no number prefixes, lowercase. */
export function pageKey(pagePath: string): string {
	const segments = path.posix
		.normalize(pagePath.replace(/\\/g, '/'))
		.replace(PAGE_EXTENSION, '')
		.split('/')
		.filter((segment) => segment !== '' && segment !== '.')
		.map((segment) => withoutNumberPrefix(segment).toLowerCase())
	if (segments.length > 0 && INDEX_NAMES.has(segments.at(-1)!)) segments.pop()
	return segments.join('/')
}

/** The article slug of a source page: its file name (an index page takes its folder's name). */
export function slugForPath(pagePath: string): string {
	const key = pageKey(pagePath)
	return kebabCase(key.split('/').at(-1) ?? '') || 'overview'
}

/** The category of a source page: the folder it sits in (pages at the top take `fallback`). */
export function categoryForPath(pagePath: string, fallback: string): string {
	const folders = pagePath.replace(/\\/g, '/').split('/').slice(0, -1)
	const folder = folders.at(-1)
	return (folder && kebabCase(withoutNumberPrefix(folder))) || fallback
}

export type LinkTarget = { keys: string[]; hash: string }

/**
 * A link to another page of the imported site, as the page keys it may name (most likely first);
 * null for what is not such a link (another site, mailto:, an anchor in the same page, a /kb/ link).
 */
export function pageLinkTarget(url: string, fromPath: string): LinkTarget | null {
	if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//') || url.startsWith('#') || url.startsWith('/kb/')) return null
	const hashAt = url.indexOf('#')
	const hash = hashAt === -1 ? '' : url.slice(hashAt + 1)
	const target = decodeURI((hashAt === -1 ? url : url.slice(0, hashAt)).split('?')[0]!)
	if (target === '') return null
	if (target.startsWith('/')) {
		const fromRoot = target.slice(1)
		// Docusaurus serves docs under /docs/ by default; a site-absolute link may name either.
		const keys = [pageKey(fromRoot)]
		if (/^docs\//i.test(fromRoot)) keys.push(pageKey(fromRoot.slice(5)))
		return { keys, hash }
	}
	return { keys: [pageKey(path.posix.join(path.posix.dirname(fromPath.replace(/\\/g, '/')), target))], hash }
}
