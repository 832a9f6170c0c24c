import { Link } from '@remix-run/react'

/** The header's way to the notification list: a bell with the number of unread notifications. */
export function NotificationBell({ unread }: { unread: number }) {
	const label = unread === 0 ? 'Notifications, none unread' : `Notifications, ${unread} unread`
	return (
		<Link
			to="/notifications"
			aria-label={label}
			title={label}
			className="relative flex shrink-0 items-center rounded-md px-1.5 py-1 leading-none text-slate-700 no-underline hover:bg-slate-100"
			data-testid="notification-bell"
		>
			{/* An inline icon, not an emoji: machines without an emoji font show a missing glyph. */}
			<svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
				<path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
				<path d="M13.7 21a2 2 0 0 1-3.4 0" />
			</svg>
			{unread > 0 ? (
				<span
					aria-hidden="true"
					className="absolute -right-1 -top-1 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs font-semibold leading-5 text-white"
					data-testid="notification-count"
				>
					{unread > 99 ? '99+' : unread}
				</span>
			) : null}
		</Link>
	)
}
