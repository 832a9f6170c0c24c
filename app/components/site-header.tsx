import { Form, Link, NavLink, useLocation } from '@remix-run/react'
import { useState, type ReactNode } from 'react'
import { planName } from '#app/domain/accounts-tiers/customer-plans.ts'
import { HeaderSearch } from './header-search.tsx'
import { navItemsFor } from './nav-items.ts'

export type HeaderUser = {
	name: string
	role: string
	account: { name: string; tier: number } | null
} | null

const MENU_ID = 'site-menu'

/**
 * One row on every screen. From `xl` up the navigation and account sit in the row (staff have up to eight links); below it they
 * fold into a menu behind a button, so a phone keeps brand, search, `actions` (room for one icon
 * button such as a notification bell) and the menu button in at most 64 px.
 */
export function SiteHeader({ user, actions }: { user: HeaderUser; actions?: ReactNode }) {
	const location = useLocation()
	// The menu is open at one location: a followed link or a submitted search (a new location) closes it.
	const [openAt, setOpenAt] = useState<string | null>(null)
	const open = openAt === location.key
	const setOpen = (next: boolean) => setOpenAt(next ? location.key : null)

	return (
		<header className="no-print relative border-b border-slate-200 bg-white" onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
			<div className="mx-auto flex h-14 max-w-6xl items-center gap-3 px-4 xl:gap-4">
				<Link to="/" className="shrink-0 font-bold text-brand-900 no-underline">
					Success Portal
				</Link>
				{/* Below xl a drop-down panel under the row; from xl its children join the row (display: contents). */}
				<div
					id={MENU_ID}
					className={`${open ? 'flex' : 'hidden'} absolute inset-x-0 top-full z-30 flex-col gap-4 border-b border-slate-200 bg-white px-4 py-4 shadow-md xl:contents`}
				>
					<nav aria-label="Main" className="flex flex-col gap-3 text-sm xl:flex-row xl:gap-3">
						{navItemsFor(user).map((item) => (
							<NavLink
								key={item.to}
								to={item.to}
								end={item.to === '/' || item.to === '/console'}
								className={({ isActive }) => `whitespace-nowrap ${isActive ? 'font-semibold text-brand-900' : 'text-slate-600'}`}
							>
								{item.label}
							</NavLink>
						))}
					</nav>
					<div className="flex min-w-0 items-center gap-3 text-sm xl:ml-auto">
						{user ? (
							<>
								<Link to="/account" className="min-w-0 truncate text-slate-600 xl:max-w-64" data-testid="signed-in-as" title={`${accountLine(user)}: account settings`}>
									{accountLine(user)}
								</Link>
								<Form method="post" action="/logout" className="shrink-0">
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
				<div className="ml-auto min-w-0 flex-1 xl:ml-0 xl:flex-none">
					<HeaderSearch />
				</div>
				{actions}
				<button
					type="button"
					className="shrink-0 rounded-md border border-slate-300 px-2.5 py-1.5 text-sm xl:hidden"
					aria-expanded={open}
					aria-controls={MENU_ID}
					onClick={() => setOpen(!open)}
				>
					<span aria-hidden="true">{open ? '✕' : '☰'}</span>
					<span className="sr-only">Menu</span>
				</button>
			</div>
		</header>
	)
}

/** "Name · Account · Plan" for customers, "Name · ROLE" for staff: the plan name, never the internal tier. */
function accountLine(user: NonNullable<HeaderUser>) {
	return user.account ? `${user.name} · ${user.account.name} · ${planName(user.account.tier)}` : `${user.name} · ${user.role}`
}
