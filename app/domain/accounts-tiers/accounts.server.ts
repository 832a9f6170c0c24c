import { prisma } from '#app/utils/db.server.ts'
import { managedAccountsWhere } from './account-access.ts'
import { planInclusions, planName } from './customer-plans.ts'
import { tierHas } from './service-matrix.ts'

/** What a customer's home page shows about their account: its plan (never the internal tier name), what it includes, their CSM. */
export async function getAccountOverview(accountId: string) {
	const account = await prisma.account.findUnique({
		where: { id: accountId },
		select: { id: true, name: true, tier: true, csm: { select: { name: true, email: true } } },
	})
	if (!account) return null
	return {
		id: account.id,
		name: account.name,
		tier: account.tier,
		planName: planName(account.tier),
		services: planInclusions(account.tier),
		csm: tierHas(account.tier, 'namedCsm') ? account.csm : null,
	}
}

/** The console's account list for a CSM (their accounts) or an admin (all). */
export async function listAccountsFor(user: { id: string; role: string }) {
	return prisma.account.findMany({
		where: managedAccountsWhere(user),
		select: {
			id: true,
			name: true,
			emailDomain: true,
			tier: true,
			computedTier: true,
			tierOverrideReason: true,
			arr: true,
			costToServe: true,
			nps: true,
			_count: { select: { users: true } },
		},
		orderBy: [{ tier: 'asc' }, { arr: 'desc' }],
	})
}
