import { createRequire } from 'node:module'

type Match = { params: Record<string, string | undefined>; pathname: string; pathnameBase: string; route: unknown }
type MatchRoutes = (routes: readonly unknown[], location: string | { pathname?: string }, basename?: string) => Match[] | null
type RouterModule = { matchRoutes: MatchRoutes }

/** Distinct paths remembered per route table: article slugs and the like, not every URL a scanner tries. */
const MAX_PATHS = 2_000

/**
 * React Router's matchRoutes flattens, ranks and compiles the whole route table on every call, and
 * Remix calls it several times a request (the server match, then React Router's own while
 * rendering): about a tenth of a signed-in page's CPU in a profile (docs/decisions/009-speed.md).
 * A route table never changes while a build serves, so the answer for a path is always the same:
 * remember it per table and path. Remix's server runtime calls it through the router module's
 * exports, which is where this puts the memo; the static handler's own internal call is out of
 * reach and still matches afresh. React Router's render matches against a table built anew for each
 * request: a table is only remembered from its second match on, so those pass straight through.
 * Each caller gets its own copies of the match objects and params, so nothing a caller does to them
 * reaches another request.
 */
export function cacheRouteMatches(router: RouterModule = createRequire(import.meta.url)('@remix-run/router') as RouterModule) {
	const original = router.matchRoutes
	if ((original as { cached?: boolean }).cached) return
	// A table seen once maps to null; from its second match on, to its remembered paths.
	const byTable = new WeakMap<readonly unknown[], Map<string, Match[] | null> | null>()
	const cached: MatchRoutes = (routes, location, basename) => {
		const pathname = typeof location === 'string' ? location : location.pathname
		// A location with a search or hash, or a non-string path: not worth a key, match afresh.
		if (typeof pathname !== 'string' || (typeof location === 'string' && /[?#]/.test(location))) return original(routes, location, basename)
		let paths = byTable.get(routes)
		if (paths === undefined) {
			byTable.set(routes, null)
			return original(routes, location, basename)
		}
		if (paths === null) byTable.set(routes, (paths = new Map()))
		const key = `${basename ?? ''}\u0000${pathname}`
		let matches = paths.get(key)
		if (matches === undefined) {
			matches = original(routes, pathname, basename)
			if (paths.size >= MAX_PATHS) paths.delete(paths.keys().next().value!)
			paths.set(key, matches)
		}
		return matches && matches.map((match) => ({ ...match, params: { ...match.params } }))
	}
	;(cached as { cached?: boolean }).cached = true
	router.matchRoutes = cached
}
