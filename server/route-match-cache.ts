import { createRequire } from 'node:module'

type Route = { id?: unknown; path?: string; index?: boolean; caseSensitive?: boolean; children?: Route[] }
type Match = { params: Record<string, string | undefined>; pathname: string; pathnameBase: string; route: Route }
type MatchRoutes = (routes: Route[], location: string | { pathname?: string }, basename?: string) => Match[] | null
type RouterModule = { matchRoutes: MatchRoutes }

/** A remembered match: the route by id, so it can be handed back with the caller's own route objects. */
type StoredMatch = { routeId: string; params: Record<string, string | undefined>; pathname: string; pathnameBase: string }
type Table = { byId: Map<string, Route>; paths: Map<string, StoredMatch[] | null> }

/** Distinct paths remembered per route table: article slugs and the like, not every URL a scanner tries. */
const MAX_PATHS = 2_000
/** Distinct route tables (by shape): a build has a few (the server's, the render's). */
const MAX_SHAPES = 16

/**
 * React Router's matchRoutes flattens, ranks and compiles the whole route table on every call, and
 * a document request calls it several times (Remix's server match, its partial manifest for each
 * parent path, React Router's render): 10-17% of a request's CPU in profiles
 * (docs/decisions/009-speed.md). A match depends only on the table's shape (ids, paths, index and
 * case flags, nesting) and the path, and tables of one build never change shape, so answers are
 * remembered per shape and path, with the routes kept by id. Remix's render builds its table anew
 * for each request: such a table has the same shape, and gets the remembered answer with its own
 * route objects. Remix's server runtime and React Router's CommonJS build call matchRoutes through
 * the router module's exports, which is where this puts the memo; the static handler's internal
 * call is out of reach and still matches afresh. Each caller gets fresh match objects and params.
 */
export function cacheRouteMatches(router: RouterModule = createRequire(import.meta.url)('@remix-run/router') as RouterModule) {
	const original = router.matchRoutes
	if ((original as { cached?: boolean }).cached) return
	const tables = new WeakMap<Route[], Table | null>()
	const byShape = new Map<string, Map<string, StoredMatch[] | null>>()

	// The table's routes by id and its remembered paths; null when its routes lack unique ids.
	const tableOf = (routes: Route[]): Table | null => {
		let table = tables.get(routes)
		if (table !== undefined) return table
		const byId = new Map<string, Route>()
		let shape = ''
		let usable = true
		const walk = (list: Route[]) => {
			shape += '['
			for (const route of list) {
				if (typeof route.id !== 'string' || byId.has(route.id)) usable = false
				byId.set(String(route.id), route)
				shape += `${String(route.id)}\u0001${route.path ?? ''}\u0001${route.index ? 1 : 0}${route.caseSensitive ? 1 : 0}`
				if (route.children?.length) walk(route.children)
				shape += '\u0002'
			}
			shape += ']'
		}
		walk(routes)
		let paths = byShape.get(shape)
		if (!paths && usable) {
			if (byShape.size >= MAX_SHAPES) byShape.delete(byShape.keys().next().value!)
			byShape.set(shape, (paths = new Map()))
		}
		table = usable && paths ? { byId, paths } : null
		tables.set(routes, table)
		return table
	}

	const cached: MatchRoutes = (routes, location, basename) => {
		const pathname = typeof location === 'string' ? location : location.pathname
		// A location with a search or hash, or a non-string path: not worth a key, match afresh.
		if (typeof pathname !== 'string' || (typeof location === 'string' && /[?#]/.test(location))) return original(routes, location, basename)
		const table = tableOf(routes)
		if (!table) return original(routes, location, basename)
		const key = `${basename ?? ''}\u0000${pathname}`
		let stored = table.paths.get(key)
		if (stored === undefined) {
			const matches = original(routes, pathname, basename)
			stored = matches && matches.map(({ route, params, pathname, pathnameBase }) => ({ routeId: route.id as string, params, pathname, pathnameBase }))
			if (table.paths.size >= MAX_PATHS) table.paths.delete(table.paths.keys().next().value!)
			table.paths.set(key, stored)
		}
		return stored && stored.map(({ routeId, params, pathname, pathnameBase }) => ({ params: { ...params }, pathname, pathnameBase, route: table.byId.get(routeId)! }))
	}
	;(cached as { cached?: boolean }).cached = true
	router.matchRoutes = cached
}
