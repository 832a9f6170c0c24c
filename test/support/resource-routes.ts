import { createRequestHandler, type ServerBuild } from '@remix-run/node'

// Resource routes have no default export, which ServerRouteModule asks for.
type RouteModule = Omit<ServerBuild['routes'][string]['module'], 'default'>

/**
 * Remix's own request handler over a build of just these resource routes (path → module), so a test
 * sees the Response a client gets: the status Remix sends, not the value a loader returned (a
 * `data()` from a resource route, for one, reaches the client as a 200 whatever its status).
 */
export function resourceRouteHandler(routes: Record<string, RouteModule>) {
	const build = {
		mode: 'production',
		entry: { module: { default: () => new Response('documents are not served here', { status: 500 }) } },
		routes: {
			root: { id: 'root', path: '', module: { default: () => null } },
			...Object.fromEntries(
				Object.entries(routes).map(([path, module]) => [`routes/${path}`, { id: `routes/${path}`, parentId: 'root', path, module }]),
			),
		},
		assets: { entry: { imports: [], module: '' }, routes: {}, url: '', version: 'test' },
		assetsBuildDirectory: 'build/client',
		publicPath: '/',
		future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_singleFetch: true, v3_lazyRouteDiscovery: true },
		isSpaMode: false,
		basename: undefined,
	} as unknown as ServerBuild
	return createRequestHandler(build, 'production')
}
