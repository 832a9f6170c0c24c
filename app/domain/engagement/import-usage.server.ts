import { z } from 'zod'
import type { Prisma } from '#app/generated/prisma/client.ts'
import { chunked } from '#app/utils/chunked.ts'
import { DayCell, NumberCell } from './import-format.server.ts'
import { daysBetween, MAX_PERIOD_DAYS } from './import-refs.ts'

/**
 * Product usage rows: per account (`account`) or per user (`user`, with `account` optional), for a
 * day or a period. A period is stored on its first day with `periodDays`:
 *   { "account": "acme.com", "day": "2026-03-02", "period": "week", "metric": "active_minutes", "value": 840 }
 *   { "user": "pat@acme.com", "from": "2026-03-02", "to": "2026-03-08", "metric": "active_minutes", "value": 95 }
 * The value covers the whole period: a total for active_minutes, the days with use for active_days,
 * the state over the period for the others (features in use, seats, distinct active users). Keyed by (account or user, first day,
 * metric): a row for the same key replaces the stored one, value and period both, and the same
 * value again changes nothing.
 */

export const METRIC_PATTERN = /^[a-z][a-z0-9_]{0,39}$/
/** Metrics that describe the account as a whole, never one user. */
const ACCOUNT_ONLY_METRICS = new Set(['seats', 'active_users'])
const PERIODS = { day: 1, week: 7 } as const

export const AccountRef = z.string().trim().min(1, 'is required').max(200)
export const UserRef = z.string().trim().min(1, 'is required').max(320)

export const UsageRowSchema = z
	.strictObject({
		type: z.literal('usage').optional(),
		account: AccountRef.optional(),
		user: UserRef.optional(),
		day: DayCell.optional(),
		from: DayCell.optional(),
		to: DayCell.optional(),
		period: z
			.string()
			.trim()
			.toLowerCase()
			.pipe(z.enum(['day', 'week'], { error: 'must be "day" or "week" (or give days, or from and to)' }))
			.optional(),
		days: NumberCell.pipe(z.number().int('must be a whole number of days').min(1, 'must be at least 1').max(MAX_PERIOD_DAYS, `must be at most ${MAX_PERIOD_DAYS}`)).optional(),
		metric: z.string().trim().regex(METRIC_PATTERN, 'must be a lower_snake_case name, e.g. active_users'),
		value: NumberCell.pipe(z.number().min(0, 'must not be negative').max(1e12, 'is too large')),
	})
	.transform((row, ctx) => {
		const issue = (path: string, message: string) => {
			ctx.addIssue({ code: 'custom', path: [path], message })
			return z.NEVER
		}
		if (!row.account && !row.user) return issue('account', 'give the account, the user, or both')
		if (row.user && ACCOUNT_ONLY_METRICS.has(row.metric)) return issue('metric', `${row.metric} is counted per account: leave out user`)
		if (row.day && row.from) return issue('from', 'give day or from, not both')
		const first = row.day ?? row.from
		if (!first) return issue('day', 'is required (or from and to)')
		if (row.to && !row.from) return issue('to', 'needs from')
		const spans: Array<[string, number]> = []
		if (row.to) {
			if (row.to < first) return issue('to', 'must not be before from')
			spans.push(['to', daysBetween(first, row.to)])
		}
		if (row.period) spans.push(['period', PERIODS[row.period]])
		if (row.days !== undefined) spans.push(['days', row.days])
		const periodDays = spans[0]?.[1] ?? 1
		const clash = spans.find(([, days]) => days !== periodDays)
		if (clash) return issue(clash[0], `says ${clash[1]} days but ${spans[0]![0]} says ${periodDays}`)
		if (periodDays > MAX_PERIOD_DAYS) return issue('to', `a period may cover at most ${MAX_PERIOD_DAYS} days`)
		if (row.metric === 'active_days' && !(Number.isInteger(row.value) && row.value <= periodDays)) {
			return issue('value', `active_days must be a whole number of days, at most the ${periodDays} the row covers`)
		}
		return { account: row.account, user: row.user, day: first, periodDays, metric: row.metric, value: row.value }
	})
export type UsageRow = z.output<typeof UsageRowSchema>

type Tx = Prisma.TransactionClient
export type UsageValue = { ownerId: string; accountId: string; day: string; metric: string; value: number; periodDays: number }
export type UsageCounts = { created: number; updated: number; unchanged: number }

/**
 * Stores usage rows of one kind (per account: owner = account; per user: owner = user). The last row
 * for a key in a chunk wins, as it would in a spreadsheet. Returns the owners whose values changed.
 */
export async function storeUsage(tx: Tx, kind: 'account' | 'user', rows: readonly UsageValue[], counts: UsageCounts): Promise<Set<string>> {
	const changed = new Set<string>()
	const byKey = new Map<string, UsageValue>()
	for (const row of rows) byKey.set(`${row.ownerId}|${row.day}|${row.metric}`, row)
	counts.unchanged += rows.length - byKey.size
	const wanted = [...byKey.values()]
	if (wanted.length === 0) return changed
	// One range query per part (files are usually sorted by owner and day); matched by key below.
	const stored = new Map<string, { id: string; value: number; periodDays: number }>()
	for (const part of chunked(wanted, 300)) {
		const owners = [...new Set(part.map((u) => u.ownerId))]
		const metrics = [...new Set(part.map((u) => u.metric))]
		const days = part.map((u) => u.day).sort()
		const range = { gte: days[0]!, lte: days.at(-1)! }
		const found =
			kind === 'account'
				? (await tx.productUsage.findMany({
						where: { accountId: { in: owners }, metric: { in: metrics }, day: range },
						select: { id: true, accountId: true, day: true, metric: true, value: true, periodDays: true },
					})).map(({ accountId, ...r }) => ({ ...r, ownerId: accountId }))
				: (await tx.userProductUsage.findMany({
						where: { userId: { in: owners }, metric: { in: metrics }, day: range },
						select: { id: true, userId: true, day: true, metric: true, value: true, periodDays: true },
					})).map(({ userId, ...r }) => ({ ...r, ownerId: userId }))
		for (const row of found) stored.set(`${row.ownerId}|${row.day}|${row.metric}`, row)
	}
	const toCreate: UsageValue[] = []
	for (const [key, u] of byKey) {
		const before = stored.get(key)
		if (!before) toCreate.push(u)
		else if (before.value !== u.value || before.periodDays !== u.periodDays) {
			const data = { value: u.value, periodDays: u.periodDays }
			if (kind === 'account') await tx.productUsage.update({ where: { id: before.id }, data })
			else await tx.userProductUsage.update({ where: { id: before.id }, data })
			counts.updated++
			changed.add(u.ownerId)
		} else counts.unchanged++
	}
	if (toCreate.length) {
		if (kind === 'account') {
			await tx.productUsage.createMany({ data: toCreate.map((u) => ({ accountId: u.ownerId, day: u.day, metric: u.metric, value: u.value, periodDays: u.periodDays })) })
		} else {
			await tx.userProductUsage.createMany({
				data: toCreate.map((u) => ({ userId: u.ownerId, accountId: u.accountId, day: u.day, metric: u.metric, value: u.value, periodDays: u.periodDays })),
			})
		}
		counts.created += toCreate.length
		for (const u of toCreate) changed.add(u.ownerId)
	}
	return changed
}
