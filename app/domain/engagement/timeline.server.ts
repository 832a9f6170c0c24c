import { weeklyTimeline, weekStartOf } from '#app/domain/engagement/timeline.ts'
import { DAY_MS } from '#app/utils/time.ts'
import { prisma } from '#app/utils/db.server.ts'

/** The account's last `weeks` weeks of engagement (index EngagementEvent(accountId, occurredAt)). */
export async function getAccountTimeline(accountId: string, now = new Date(), weeks = 12) {
	const from = new Date(weekStartOf(now).getTime() - (weeks - 1) * 7 * DAY_MS)
	const events = await prisma.engagementEvent.findMany({
		where: { accountId, occurredAt: { gte: from } },
		select: { kind: true, userId: true, occurredAt: true },
	})
	return weeklyTimeline(events, now, weeks)
}
