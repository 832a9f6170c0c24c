import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from '@remix-run/react'
import { countUnread } from '#app/domain/notifications/inbox.server.ts'
import { ErrorPage } from '#app/components/error-page.tsx'
import { NotificationBell } from '#app/components/notification-bell.tsx'
import { SiteFooter } from '#app/components/site-footer.tsx'
import { SiteHeader } from '#app/components/site-header.tsx'
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
		// A read only: the bell's count.
		unreadNotifications: user ? await countUnread(user.id) : 0,
	}
}

export type RootData = Awaited<ReturnType<typeof loader>>

function Header() {
	const data = useRouteLoaderData<typeof loader>('root')
	return <SiteHeader user={data?.user ?? null} actions={data?.user ? <NotificationBell unread={data.unreadNotifications} /> : null} />
}

function Footer() {
	const data = useRouteLoaderData<typeof loader>('root')
	return <SiteFooter signedIn={Boolean(data?.user)} />
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
			<body className="flex min-h-screen flex-col">
				<Header />
				{/* min-w-0 and w-full: wide content (code, tables) scrolls inside itself instead of widening the page. */}
				<main className="mx-auto w-full max-w-6xl min-w-0 flex-1 px-4 py-8">{children}</main>
				<Footer />
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
