import { Link } from '@remix-run/react'

/** The header's way to the notification list: a bell with the number of unread notifications. */
export function NotificationBell({ unread }: { unread: number }) {
	const label = unread === 0 ? 'Notifications, none unread' : `Notifications, ${unread} unread`
	return (
		<Link
			to="/notifications"
			aria-label={label}
			title={label}
			className="relative shrink-0 rounded-md px-1.5 py-1 text-lg leading-none text-slate-700 no-underline hover:bg-slate-100"
			data-testid="notification-bell"
		>
			<span aria-hidden="true">🔔</span>
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
