import { createRequire } from 'node:module'
import { describe, expect, test } from 'vitest'
import { cacheRouteMatches } from '../../../server/route-match-cache.ts'

type Route = { id: string; path?: string; index?: boolean; children?: Route[] }
type Router = { matchRoutes: (routes: Route[], location: string | { pathname?: string }, basename?: string) => Array<{ params: Record<string, string | undefined>; pathname: string; route: Route }> | null }

// The real matcher behind a counter, in a module object of our own (the shared one stays untouched).
function countedRouter() {
	const real = (createRequire(import.meta.url)('@remix-run/router') as Router).matchRoutes
	const counter = { calls: 0 }
	const router: Router = {
		matchRoutes: (...args) => {
			counter.calls++
			return real(...args)
		},
	}
	cacheRouteMatches(router as never)
	return { router, counter }
}

const table = (): Route[] => [{ id: 'root', path: '', children: [{ id: 'home', index: true }, { id: 'article', path: 'kb/:slug' }, { id: 'search', path: 'api/search' }] }]

describe('route match cache', () => {
	test('a table matched again answers from memory, per path, with the same matches as the matcher', () => {
		const { router, counter } = countedRouter()
		const routes = table()
		const first = router.matchRoutes(routes, '/kb/alpha')
		const second = router.matchRoutes(routes, '/kb/alpha')
		const third = router.matchRoutes(routes, '/kb/alpha')
		expect(second).toEqual(first)
		expect(third).toEqual(first)
		expect(third!.map((m) => m.route.id)).toEqual(['root', 'article'])
		expect(third![1]!.params).toEqual({ slug: 'alpha' })
		// Matched once; the other two answered from memory.
		expect(counter.calls).toBe(1)
		// Another path is matched on its own, never given the first path's answer.
		expect(router.matchRoutes(routes, { pathname: '/kb/beta' })![1]!.params).toEqual({ slug: 'beta' })
		expect(router.matchRoutes(routes, '/nowhere')).toBeNull()
		expect(router.matchRoutes(routes, '/nowhere')).toBeNull()
	})

	test('what one caller does to its matches does not reach the next caller', () => {
		const { router } = countedRouter()
		const routes = table()
		router.matchRoutes(routes, '/kb/alpha')
		const mine = router.matchRoutes(routes, '/kb/alpha')!
		mine[1]!.params.slug = 'changed'
		mine.pop()
		const next = router.matchRoutes(routes, '/kb/alpha')!
		expect(next).toHaveLength(2)
		expect(next[1]!.params.slug).toBe('alpha')
	})

	test('a table of the same shape built anew gets the remembered answer with its own route objects', () => {
		const { router, counter } = countedRouter()
		const a = table()
		router.matchRoutes(a, '/api/search')
		const b = table()
		const fromB = router.matchRoutes(b, '/api/search')!
		expect(counter.calls).toBe(1)
		expect(fromB[0]!.route).toBe(b[0])
		expect(fromB[1]!.route).toBe(b[0]!.children![2])
	})

	test('a table of another shape is matched on its own, and a query string is matched afresh', () => {
		const { router, counter } = countedRouter()
		const a = table()
		router.matchRoutes(a, '/kb/alpha')
		const other: Route[] = [{ id: 'root', path: '', children: [{ id: 'doc', path: 'kb/:name' }] }]
		const fromOther = router.matchRoutes(other, '/kb/alpha')!
		expect(fromOther.map((m) => m.route.id)).toEqual(['root', 'doc'])
		expect(fromOther[1]!.params).toEqual({ name: 'alpha' })
		expect(counter.calls).toBe(2)
		router.matchRoutes(a, '/api/search?q=x')
		router.matchRoutes(a, '/api/search?q=x')
		expect(counter.calls).toBe(4)
	})

	test('routes without unique ids are always matched afresh', () => {
		const { router, counter } = countedRouter()
		const noIds = [{ path: '/a' }, { path: '/b' }] as Route[]
		router.matchRoutes(noIds, '/a')
		expect(router.matchRoutes(noIds, '/a')![0]!.route).toBe(noIds[0])
		expect(counter.calls).toBe(2)
	})
})
