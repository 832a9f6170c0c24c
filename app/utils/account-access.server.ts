import { canManageAccount } from '#app/domain/accounts-tiers/account-access.ts'
import { requireUserWithRole } from './auth.server.ts'
import { prisma } from './db.server.ts'

/**
 * The console's guard for a route about one account: a CSM or an admin (anyone else gets a 403
 * from the role check) who may manage this account (`canManageAccount`). An unknown account and
 * another CSM's account are both a 404, as for plans, so account ids cannot be probed.
 */
export async function requireAccountAccess(request: Request, accountId: string | undefined) {
	const user = await requireUserWithRole(request, 'CSM', 'ADMIN')
	const account = accountId ? await prisma.account.findUnique({ where: { id: accountId }, select: { id: true, csmId: true } }) : null
	if (!account || !canManageAccount(user, account)) throw new Response('Not found', { status: 404 })
	return { user, account }
}
