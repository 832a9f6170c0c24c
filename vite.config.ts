import { vitePlugin as remix } from '@remix-run/dev'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig } from 'vitest/config'

declare module '@remix-run/node' {
	interface Future {
		v3_singleFetch: true
	}
}

const isVitest = Boolean(process.env.VITEST)

export default defineConfig({
	server: { port: 3000 },
	optimizeDeps: {
		// Server-only packages with native or wasm parts break Vite's dependency scan.
		exclude: ['@node-rs/argon2', 'mdx-bundler', 'better-sqlite3', 'minisearch', 'meilisearch'],
		include: ['mdx-bundler/client', '@conform-to/react', '@conform-to/zod/v4', 'zod'],
	},
	plugins: isVitest
		? []
		: [
				tailwindcss(),
				remix({
					ignoredRouteFiles: ['**/*.test.*', '**/*.server.ts'],
					future: {
						v3_fetcherPersist: true,
						v3_relativeSplatPath: true,
						v3_throwAbortReason: true,
						v3_singleFetch: true,
						v3_lazyRouteDiscovery: true,
					},
				}),
			],
	test: {
		include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
		exclude: ['test/e2e/**', 'node_modules/**'],
		globalSetup: ['test/setup/global-setup.ts'],
		setupFiles: ['test/setup/setup-each-file.ts'],
		pool: 'forks',
		testTimeout: 20_000,
		hookTimeout: 60_000,
	},
})
