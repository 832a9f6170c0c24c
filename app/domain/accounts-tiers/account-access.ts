import type { Prisma } from '#app/generated/prisma/client.ts'

/**
 * Who may manage a customer account from the console (read its scores and tasks, change its
 * settings, import its signals, run its plans): an admin any account, a CSM the accounts they own
 * (Account.csmId). Editors and customers none. This is the one place the rule is written;
 * `requireAccountAccess` (app/utils/account-access.server.ts) applies it to a route.
 */
export type AccountManager = { id: string; role: string }

export function canManageAccount(user: AccountManager, account: { csmId: string | null }): boolean {
	if (user.role === 'ADMIN') return true
	return user.role === 'CSM' && account.csmId === user.id
}

/** The same rule as a filter, for lists and queues. */
export function managedAccountsWhere(user: AccountManager): Prisma.AccountWhereInput {
	if (user.role === 'ADMIN') return {}
	if (user.role === 'CSM') return { csmId: user.id }
	return { id: { in: [] } }
}
