import { describe, expect, test } from 'vitest'
import { importEvents } from '#app/domain/engagement/events-import.server.ts'
import { importSignals } from '#app/domain/engagement/signals-import.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { createAccount, createUser } from '#test/support/requests.ts'

const NOW = new Date('2026-06-01T00:00:00Z')
const ndjson = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join('\n')
const unique = () => Math.random().toString(36).slice(2, 8)

async function counts() {
	const [accounts, users, events, usage, userUsage] = await Promise.all([
		prisma.account.count(),
		prisma.user.count(),
		prisma.engagementEvent.count(),
		prisma.productUsage.count(),
		prisma.userProductUsage.count(),
	])
	return { accounts, users, events, usage, userUsage }
}

describe('create-missing', () => {
	test('unknown users and accounts refuse their rows without the flag, and are created with it', async () => {
		const known = await createAccount()
		const member = await createUser('CUSTOMER', { accountId: known.id })
		const newco = `newco-${unique()}.example.com`
		const crmId = `CRM-${unique()}`
		const file = ndjson([
			{ id: 'cm-1', kind: 'sign_in', user: member.email, occurredAt: '2026-05-10T09:00:00Z' },
			{ id: 'cm-2', kind: 'sign_in', user: `pat@${newco}`, occurredAt: '2026-05-12T09:00:00Z' },
			{ id: 'cm-3', kind: 'article_read', user: `pat@${newco}`, occurredAt: '2026-05-03T09:00:00Z', itemKey: 'article:nowhere' },
			{ id: 'cm-4', kind: 'sign_in', user: `sam@${newco}`, account: crmId, occurredAt: '2026-05-04T09:00:00Z' },
			{ id: 'cm-5', kind: 'sign_in', user: 'someone@gmail.com', occurredAt: '2026-05-04T09:00:00Z' },
			{ id: 'cm-6', kind: 'sign_in', user: 'ck0000000000000000000000', occurredAt: '2026-05-04T09:00:00Z' },
			{ id: 'cm-7', kind: 'sign_in', user: member.email, account: crmId, occurredAt: '2026-05-04T09:00:00Z' },
		])
		const before = await counts()
		const refused = await importEvents(file, { now: NOW })
		expect(refused.created).toBe(1)
		expect(refused.errors.map((e) => e.line)).toEqual([2, 3, 4, 5, 6, 7])
		expect(refused.errors[0]!.message).toMatch(/^user: no user with the email or id "pat@newco-.*create-missing/)
		expect(refused.errors.at(-1)!.message).toMatch(/^account: .* is not a member of the account/)
		expect(refused).toMatchObject({ accountsCreated: 0, usersCreated: 0 })
		expect(await counts()).toEqual({ ...before, events: before.events + 1 })

		const report = await importEvents(file, { now: NOW, createMissing: true })
		expect(report).toMatchObject({ created: 3, unchanged: 1, accountsCreated: 2, usersCreated: 2 })
		expect(report.errors.map((e) => [e.line, e.message.split(':')[0]])).toEqual([
			[5, 'user'], // a public mail domain names no customer account
			[6, 'user'], // an id cannot create a user
			[7, 'account'],
		])
		expect(report.errors[0]!.message).toMatch(/public email domain/)

		const domainAccount = await prisma.account.findUniqueOrThrow({ where: { emailDomain: newco } })
		expect(domainAccount).toMatchObject({ tier: 3, computedTier: 3, arr: 0, costToServe: 0, externalId: null })
		expect(domainAccount.name).toMatch(/^Newco /)
		const pat = await prisma.user.findUniqueOrThrow({ where: { email: `pat@${newco}` }, include: { password: true } })
		expect(pat).toMatchObject({ role: 'CUSTOMER', accountId: domainAccount.id, name: 'Pat', password: null })
		// Joined no later than the earliest imported event (line 3, before line 2).
		expect(pat.createdAt.toISOString()).toBe('2026-05-03T09:00:00.000Z')

		// The external-id account is named by the CRM id; sam joins it, not the domain's account.
		const crmAccount = await prisma.account.findUniqueOrThrow({ where: { externalId: crmId } })
		const sam = await prisma.user.findUniqueOrThrow({ where: { email: `sam@${newco}` } })
		expect(sam.accountId).toBe(crmAccount.id)
		expect(crmAccount.emailDomain).toMatch(/\.import\.invalid$/) // the domain was taken by the account pat joined

		const events = await prisma.engagementEvent.findMany({ where: { userId: { in: [pat.id, sam.id] } }, select: { accountId: true, userId: true } })
		expect(events).toHaveLength(3)
		for (const e of events) expect(e.accountId).toBe(e.userId === pat.id ? domainAccount.id : crmAccount.id)
		expect(report.changedUserIds.sort()).toEqual([pat.id, sam.id].sort())

		// A later row naming the account places a user whose earlier rows did not.
		const later = `later-${unique()}`
		const placed = await importEvents(
			ndjson([
				{ kind: 'sign_in', user: `ivy@${newco}`, occurredAt: '2026-05-05T09:00:00Z' },
				{ kind: 'sign_in', user: `ivy@${newco}`, account: later, occurredAt: '2026-05-06T09:00:00Z' },
			]),
			{ now: NOW, createMissing: true },
		)
		expect(placed).toMatchObject({ created: 2, errors: [], accountsCreated: 1, usersCreated: 1 })
		const ivy = await prisma.user.findUniqueOrThrow({ where: { email: `ivy@${newco}` }, select: { account: { select: { externalId: true } } } })
		expect(ivy.account?.externalId).toBe(later)

		// A re-import with the flag changes nothing.
		const settled = await counts()
		const again = await importEvents(file, { now: NOW, createMissing: true })
		expect(again).toMatchObject({ created: 0, unchanged: 4, accountsCreated: 0, usersCreated: 0, changedUserIds: [] })
		expect(await counts()).toEqual(settled)
	})

	test('signals: an unknown account or user refuses the row, create-missing creates them; the account is named by external id too', async () => {
		const extId = `hub-${unique()}`
		const domain = `signals-${unique()}.example.com`
		const file = ndjson([
			{ account: extId, day: '2026-05-01', metric: 'seats', value: 40 },
			{ user: `lee@${domain}`, day: '2026-05-02', metric: 'active_minutes', value: 30 },
			{ type: 'survey', id: `s-${extId}`, account: domain, kind: 'NPS', score: 7, respondedAt: '2026-05-05T10:00:00Z' },
		])
		const before = await counts()
		const refused = await importSignals(file)
		expect(refused.errors.map((e) => e.line)).toEqual([1, 2, 3])
		expect(refused.errors[0]!.message).toMatch(/^account: no account .*create-missing/)
		expect(await counts()).toEqual(before)

		const report = await importSignals(file, { createMissing: true })
		expect(report.errors).toEqual([])
		expect(report).toMatchObject({ created: 3, accountsCreated: 2, usersCreated: 1 })
		const ext = await prisma.account.findUniqueOrThrow({ where: { externalId: extId } })
		expect(ext.name).toBe(extId)
		const byDomain = await prisma.account.findUniqueOrThrow({ where: { emailDomain: domain } })
		const lee = await prisma.user.findUniqueOrThrow({ where: { email: `lee@${domain}` } })
		expect(lee.accountId).toBe(byDomain.id)
		expect(lee.createdAt.toISOString()).toBe('2026-05-02T00:00:00.000Z')
		expect(report.changedAccountIds.sort()).toEqual([ext.id, byDomain.id].sort())
		expect(report.changedUserIds).toEqual([lee.id])

		// The external id now names the account without the flag.
		const later = await importSignals(ndjson([{ account: extId, day: '2026-05-02', metric: 'seats', value: 41 }]))
		expect(later).toMatchObject({ created: 1, errors: [] })
	})
})

describe('product usage per user and per period', () => {
	test('user rows land in UserProductUsage, account rows in ProductUsage; a re-import changes nothing; a corrected value updates', async () => {
		const account = await createAccount()
		const [ana, ben] = [await createUser('CUSTOMER', { accountId: account.id }), await createUser('CUSTOMER', { accountId: account.id })]
		const other = await createAccount()
		const csv = [
			'user,account,day,metric,value',
			`${ana.email},,2026-05-01,active_minutes,42`,
			`${ana.id},${account.emailDomain},2026-05-01,features_adopted,"3"`,
			`${ben.email},,2026-05-01,active_minutes,7.5`,
			`,${account.emailDomain},2026-05-01,seats,25`,
			`${ben.email},,2026-05-02,seats,1`,
			`${ben.email},${other.emailDomain},2026-05-02,active_minutes,1`,
			`,,2026-05-02,active_minutes,1`,
		].join('\n')
		const report = await importSignals(csv, { fileName: 'usage.csv' })
		expect(report.errors).toEqual([
			{ line: 6, message: 'metric: seats is counted per account: leave out user' },
			{ line: 7, message: `account: ${ben.email} is not a member of the account "${other.emailDomain}"` },
			{ line: 8, message: 'account: give the account, the user, or both' },
		])
		expect(report.created).toBe(4)
		expect(report.changedUserIds.sort()).toEqual([ana.id, ben.id].sort())
		expect(report.changedAccountIds).toEqual([account.id])
		const perUser = await prisma.userProductUsage.findMany({ where: { accountId: account.id }, orderBy: [{ userId: 'asc' }, { metric: 'asc' }] })
		expect(perUser.map((u) => [u.userId, u.day, u.metric, u.value, u.periodDays]).sort()).toEqual(
			[
				[ana.id, '2026-05-01', 'active_minutes', 42, 1],
				[ana.id, '2026-05-01', 'features_adopted', 3, 1],
				[ben.id, '2026-05-01', 'active_minutes', 7.5, 1],
			].sort(),
		)
		expect(await prisma.productUsage.count({ where: { accountId: account.id } })).toBe(1)

		const snapshot = JSON.stringify(await prisma.userProductUsage.findMany({ where: { accountId: account.id }, orderBy: { id: 'asc' } }))
		const again = await importSignals(csv, { fileName: 'usage.csv' })
		expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 4, changedUserIds: [], changedAccountIds: [] })
		expect(JSON.stringify(await prisma.userProductUsage.findMany({ where: { accountId: account.id }, orderBy: { id: 'asc' } }))).toBe(snapshot)

		const fixed = await importSignals(ndjson([{ user: ana.email, day: '2026-05-01', metric: 'active_minutes', value: 45 }]))
		expect(fixed).toMatchObject({ created: 0, updated: 1, changedUserIds: [ana.id] })
	})

	test('weekly and period aggregates are stored on the first day with periodDays; clashing or broken periods are refused', async () => {
		const account = await createAccount()
		const user = await createUser('CUSTOMER', { accountId: account.id })
		const d = account.emailDomain
		const file = ndjson([
			{ account: d, day: '2026-05-04', period: 'week', metric: 'active_minutes', value: 900 },
			{ user: user.email, day: '2026-05-04', days: '7', metric: 'active_minutes', value: 120 },
			{ user: user.email, from: '2026-04-01', to: '2026-04-30', metric: 'features_adopted', value: 4 },
			{ account: d, from: '2026-05-11', metric: 'active_users', value: 3 },
			{ account: d, day: '2026-05-04', period: 'Week', days: 7, metric: 'seats', value: 30 },
			{ account: d, day: '2026-05-04', period: 'week', days: 5, metric: 'active_users', value: 1 },
			{ account: d, day: '2026-05-04', period: 'month', metric: 'active_users', value: 1 },
			{ account: d, from: '2026-05-10', to: '2026-05-01', metric: 'active_users', value: 1 },
			{ account: d, day: '2026-05-01', from: '2026-05-01', metric: 'active_users', value: 1 },
			{ account: d, to: '2026-05-01', metric: 'active_users', value: 1 },
			{ account: d, day: '2026-05-04', days: 0, metric: 'active_users', value: 1 },
		])
		const report = await importSignals(file)
		expect(report.errors.map((e) => [e.line, e.message])).toEqual([
			[6, 'days: says 5 days but period says 7'],
			[7, 'period: must be "day" or "week" (or give days, or from and to)'],
			[8, 'to: must not be before from'],
			[9, 'from: give day or from, not both'],
			[10, 'day: is required (or from and to)'],
			[11, 'days: must be at least 1'],
		])
		expect(report.created).toBe(5)
		const accountRows = await prisma.productUsage.findMany({ where: { accountId: account.id }, orderBy: { metric: 'asc' } })
		expect(accountRows.map((r) => [r.day, r.metric, r.value, r.periodDays])).toEqual([
			['2026-05-04', 'active_minutes', 900, 7],
			['2026-05-11', 'active_users', 3, 1],
			['2026-05-04', 'seats', 30, 7],
		])
		const userRows = await prisma.userProductUsage.findMany({ where: { userId: user.id }, orderBy: { metric: 'asc' } })
		expect(userRows.map((r) => [r.day, r.metric, r.value, r.periodDays])).toEqual([
			['2026-05-04', 'active_minutes', 120, 7],
			['2026-04-01', 'features_adopted', 4, 30],
		])
		// The same key with a daily value replaces the weekly one (one row per first day and metric).
		const daily = await importSignals(ndjson([{ account: d, day: '2026-05-04', metric: 'active_minutes', value: 900 }]))
		expect(daily).toMatchObject({ updated: 1 })
		expect((await prisma.productUsage.findFirstOrThrow({ where: { accountId: account.id, metric: 'active_minutes' } })).periodDays).toBe(1)
	})
})
