import { accountKey, enqueueScoring } from '#app/domain/scoring/queue.server.ts'
import { prisma } from '#app/utils/db.server.ts'

export async function getAccountSettings(accountId: string) {
	return prisma.account.findUnique({
		where: { id: accountId },
		select: { id: true, name: true, timeZone: true, csmId: true },
	})
}

/**
 * Sets the account's time zone (a zone the caller has validated). Active days are counted in it, so
 * a change queues a rescore of the account in the same transaction: stored together or not at all.
 * Setting the zone it already has writes nothing.
 */
export async function setAccountTimeZone(accountId: string, timeZone: string): Promise<{ changed: boolean }> {
	return prisma.$transaction(async (tx) => {
		const account = await tx.account.findUnique({ where: { id: accountId }, select: { timeZone: true } })
		if (!account) throw new Error(`No account ${accountId}`)
		if (account.timeZone === timeZone) return { changed: false }
		await tx.account.update({ where: { id: accountId }, data: { timeZone } })
		await enqueueScoring(tx, { key: accountKey(accountId), reason: 'console' })
		return { changed: true }
	})
}
