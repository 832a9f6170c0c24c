import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from '@remix-run/react'
import { tierLabel } from '#app/domain/accounts-tiers/tier-rules.ts'
import { ErrorPage } from '#app/components/error-page.tsx'
import { HeaderSearch } from '#app/components/header-search.tsx'
import { navItemsFor } from '#app/components/nav-items.ts'
import { getUser } from '#app/utils/auth.server.ts'
import { useNonce } from '#app/utils/nonce-provider.ts'
import styles from '#app/styles/app.css?url'

export const links: LinksFunction = () => [
	{ rel: 'stylesheet', href: styles },
	{ rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export const meta: MetaFunction = () => [{ title: 'Success Portal' }]

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await getUser(request)
	return {
		user: user && {
			id: user.id,
			name: user.name,
			role: user.role,
			account: user.account && { name: user.account.name, tier: user.account.tier },
		},
	}
}

export type RootData = Awaited<ReturnType<typeof loader>>

function Header() {
	const data = useRouteLoaderData<typeof loader>('root')
	const user = data?.user ?? null
	return (
		<header className="no-print border-b border-slate-200 bg-white">
			<div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-3">
				<Link to="/" className="font-bold text-brand-900 no-underline">
					Success Portal
				</Link>
				<nav aria-label="Main" className="flex flex-wrap gap-3 text-sm">
					{navItemsFor(user).map((item) => (
						<NavLink
							key={item.to}
							to={item.to}
							end={item.to === '/' || item.to === '/console'}
							className={({ isActive }) => (isActive ? 'font-semibold text-brand-900' : 'text-slate-600')}
						>
							{item.label}
						</NavLink>
					))}
				</nav>
				<div className="ml-auto flex items-center gap-3 text-sm">
					<HeaderSearch />
					{user ? (
						<>
							<span className="text-slate-600" data-testid="signed-in-as">
								{user.name}
								{user.account ? ` · ${user.account.name} · ${tierLabel(user.account.tier)}` : ` · ${user.role}`}
							</span>
							<Form method="post" action="/logout">
								<button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5">
									Sign out
								</button>
							</Form>
						</>
					) : (
						<>
							<Link to="/login">Sign in</Link>
							<Link to="/join">Create account</Link>
						</>
					)}
				</div>
			</div>
		</header>
	)
}

export function Layout({ children }: { children: React.ReactNode }) {
	const nonce = useNonce()
	return (
		<html lang="en">
			<head>
				<meta charSet="utf-8" />
				<meta name="viewport" content="width=device-width, initial-scale=1" />
				<Meta />
				<Links />
			</head>
			<body className="min-h-screen">
				<Header />
				<main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
				<ScrollRestoration nonce={nonce} />
				<Scripts nonce={nonce} />
			</body>
		</html>
	)
}

export default function App() {
	return <Outlet />
}

export function ErrorBoundary() {
	return <ErrorPage />
}
