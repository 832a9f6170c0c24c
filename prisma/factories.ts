import { assignTier, type TierCriteria } from '#app/domain/accounts-tiers/tier-rules.ts'
import type { PrismaClient } from '#app/generated/prisma/client.ts'

/** Factories shared by the demo seed and the tests, so both build rows the same way. */

export type AccountInput = TierCriteria & {
	name: string
	emailDomain: string
	costToServe: number
	csat?: number | null
	csmId?: string | null
	tierOverride?: { tier: 1 | 2 | 3; reason: string } | null
}

export async function upsertAccount(db: PrismaClient, input: AccountInput) {
	const decision = assignTier(input, input.tierOverride ?? null)
	const data = {
		name: input.name,
		tier: decision.tier,
		computedTier: decision.computedTier,
		tierOverride: input.tierOverride?.tier ?? null,
		tierOverrideReason: input.tierOverride?.reason ?? null,
		arr: input.arr,
		costToServe: input.costToServe,
		nps: input.nps,
		csat: input.csat ?? null,
		expansionPotential: input.expansionPotential,
		strategic: input.strategic,
		csmId: input.csmId ?? null,
	}
	return db.account.upsert({
		where: { emailDomain: input.emailDomain },
		create: { emailDomain: input.emailDomain, ...data },
		update: data,
	})
}

export type UserInput = {
	email: string
	name: string
	role: 'CUSTOMER' | 'CSM' | 'EDITOR' | 'ADMIN'
	accountId?: string | null
	passwordHash: string
}

export async function upsertUser(db: PrismaClient, input: UserInput) {
	const data = { name: input.name, role: input.role, accountId: input.accountId ?? null }
	return db.user.upsert({
		where: { email: input.email },
		create: { email: input.email, ...data, password: { create: { hash: input.passwordHash } } },
		update: { ...data, password: { upsert: { create: { hash: input.passwordHash }, update: { hash: input.passwordHash } } } },
	})
}
