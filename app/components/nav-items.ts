export type NavUser = { role: string; account?: { tier: number } | null } | null

export type NavItem = { to: string; label: string }

/** The navigation a user sees; every target still checks access on the server. */
export function navItemsFor(user: NavUser): NavItem[] {
	const learn: NavItem[] = [
		{ to: '/kb', label: 'Knowledge base' },
		{ to: '/paths', label: 'Training' },
		{ to: '/assessments', label: 'Self-assessments' },
	]
	if (!user) return learn
	if (user.role === 'CUSTOMER') {
		const items: NavItem[] = [{ to: '/', label: 'Home' }, ...learn]
		if (user.account?.tier === 1) items.push({ to: '/plan', label: 'Success plan' })
		return items
	}
	const console: NavItem[] = [{ to: '/console', label: 'Console' }]
	if (user.role === 'CSM' || user.role === 'ADMIN') {
		console.push(
			{ to: '/console/accounts', label: 'Accounts' },
			{ to: '/console/tasks', label: 'Tasks' },
			{ to: '/console/signals', label: 'Signals' },
		)
	}
	if (user.role === 'EDITOR' || user.role === 'ADMIN') console.push({ to: '/console/content', label: 'Content' })
	return [...console, ...learn]
}
