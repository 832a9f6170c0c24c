import { describe, expect, test } from 'vitest'
import { importEvents } from '#app/domain/engagement/events-import.server.ts'
import { importSignals } from '#app/domain/engagement/signals-import.server.ts'
import { action as signalsAction } from '#app/routes/console.signals.tsx'
import { prisma } from '#app/utils/db.server.ts'
import { cookieFor, createAccount, createUser, settle } from '#test/support/requests.ts'
import { statusOf } from './helpers.ts'

async function snapshotOf(accountId: string) {
	const [usage, surveys] = await Promise.all([
		prisma.productUsage.findMany({ where: { accountId }, orderBy: [{ day: 'asc' }, { metric: 'asc' }] }),
		prisma.surveyResponse.findMany({ where: { accountId }, orderBy: { externalId: 'asc' } }),
	])
	return JSON.stringify({ usage, surveys })
}

describe('signals import', () => {
	test('NDJSON: bad rows are reported by line, good rows load, and a re-import changes nothing', async () => {
		const account = await createAccount()
		const d = account.emailDomain
		const file = [
			JSON.stringify({ type: 'usage', account: d, day: '2026-05-01', metric: 'active_users', value: 12 }),
			JSON.stringify({ account: d, day: '2026-05-01', metric: 'active_minutes', value: 340 }),
			'{ not json',
			JSON.stringify({ type: 'usage', account: 'nobody.example.org', day: '2026-05-01', metric: 'active_users', value: 1 }),
			'',
			JSON.stringify({ type: 'usage', account: d, day: '2026-02-30', metric: 'active_users', value: 1 }),
			JSON.stringify({ type: 'usage', account: d, day: '2026-05-02', metric: 'Active Users', value: 1 }),
			JSON.stringify({ type: 'usage', account: d, day: '2026-05-02', metric: 'active_users', value: -3 }),
			JSON.stringify({ type: 'survey', id: 'nps-1', account: d, kind: 'nps', score: 9, respondedAt: '2026-05-03T10:00:00Z', comment: 'Great' }),
			JSON.stringify({ type: 'survey', id: 'nps-2', account: d, kind: 'NPS', score: 11, respondedAt: '2026-05-03T10:00:00Z' }),
			JSON.stringify({ type: 'survey', id: 'csat-1', account: account.id, kind: 'CSAT', score: 4, respondedAt: '2026-05-04' }),
			JSON.stringify({ account: d, value: 3 }),
			JSON.stringify({ type: 'usage', account: d, day: '2026-05-01', metric: 'active_users', value: 12, extra: true }),
		].join('\n')
		const first = await importSignals(file, { fileName: 'signals.ndjson' })
		expect(first.format).toBe('ndjson')
		expect(first.created).toBe(4)
		expect(first.errors.map((e) => e.line)).toEqual([3, 4, 6, 7, 8, 10, 12, 13])
		expect(first.errors.find((e) => e.line === 4)!.message).toMatch(/no account/)
		expect(first.errors.find((e) => e.line === 6)!.message).toMatch(/day: is not a real day/)
		expect(first.errors.find((e) => e.line === 10)!.message).toMatch(/NPS score must be between 0 and 10/)
		expect(first.errors.find((e) => e.line === 12)!.message).toMatch(/type/)
		expect(first.changedAccountIds).toEqual([account.id])
		expect(await prisma.productUsage.count({ where: { accountId: account.id } })).toBe(2)
		expect(await prisma.surveyResponse.count({ where: { accountId: account.id } })).toBe(2)

		const before = await snapshotOf(account.id)
		const again = await importSignals(file, { fileName: 'signals.ndjson' })
		expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 4, changedAccountIds: [] })
		expect(await snapshotOf(account.id)).toBe(before)

		// A corrected value updates the one row.
		const fixed = await importSignals(JSON.stringify({ account: d, day: '2026-05-01', metric: 'active_users', value: 13 }))
		expect(fixed).toMatchObject({ created: 0, updated: 1 })
	})

	test('CSV with quoted fields: a comment with a comma, quotes and a line break keeps the line numbers right', async () => {
		const account = await createAccount()
		const d = account.emailDomain
		const csv = [
			'type,id,account,kind,score,respondedAt,comment,day,metric,value',
			`survey,s-1,${d},NPS,8,2026-05-03T10:00:00Z,"Good, but ""slow""`,
			`exports",,,`,
			`usage,,${d},,,,,2026-05-01,seats,25`,
			`usage,,${d},,,,,2026-05-01,seats,lots`,
			`survey,s-2,${d},CSAT,9,2026-05-03,,,,`,
		].join('\r\n')
		const report = await importSignals(csv, { fileName: 'x.csv' })
		expect(report.format).toBe('csv')
		expect(report.created).toBe(2)
		expect(report.errors).toEqual([
			{ line: 5, message: 'value: must be a number' },
			{ line: 6, message: 'score: CSAT score must be between 1 and 5' },
		])
		const answer = await prisma.surveyResponse.findUniqueOrThrow({ where: { externalId: 's-1' } })
		expect(answer.comment).toBe('Good, but "slow"\nexports')
		expect((await importSignals(csv, { fileName: 'x.csv' })).created).toBe(0)
	})
})

describe('events import', () => {
	test('bad rows reported, good ones loaded for the right user and account, a re-import changes nothing', async () => {
		const account = await createAccount()
		const user = await createUser('CUSTOMER', { accountId: account.id })
		const now = new Date('2026-06-01T00:00:00Z')
		const file = [
			JSON.stringify({ id: 'e1', kind: 'article_read', user: user.email, occurredAt: '2026-05-01T10:00:00Z', itemKey: 'article:share-a-dashboard' }),
			JSON.stringify({ kind: 'quiz_attempt', user: user.id, occurredAt: '2026-05-02T10:00:00Z', itemKey: 'quiz:p/q', data: { score: 80, difficulty: 2 } }),
			JSON.stringify({ kind: 'quiz_attempt', user: user.id, occurredAt: '2026-05-02T10:00:00Z', itemKey: 'quiz:p/q', data: { score: 80, difficulty: 2 } }),
			JSON.stringify({ id: 'e4', kind: 'teleport', user: user.email, occurredAt: '2026-05-01T10:00:00Z' }),
			JSON.stringify({ id: 'e5', kind: 'sign_in', user: 'ghost@example.com', occurredAt: '2026-05-01T10:00:00Z' }),
			JSON.stringify({ id: 'e6', kind: 'sign_in', user: user.email, occurredAt: 'yesterday' }),
			JSON.stringify({ id: 'e7', kind: 'sign_in', user: user.email, occurredAt: '2027-01-01T00:00:00Z' }),
			JSON.stringify({ id: 'e8', kind: 'search', user: user.email, occurredAt: '2026-05-01', data: { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9 } }),
		].join('\n')
		const first = await importEvents(file, { now })
		expect(first.created).toBe(2)
		expect(first.unchanged).toBe(1) // the same row twice in one file
		expect(first.errors.map((e) => [e.line, e.message.split(':')[0]])).toEqual([
			[4, 'kind'],
			[5, 'user'],
			[6, 'occurredAt'],
			[7, 'occurredAt'],
			[8, 'data'],
		])
		const stored = await prisma.engagementEvent.findMany({ where: { userId: user.id }, orderBy: { occurredAt: 'asc' } })
		expect(stored.map((e) => [e.kind, e.accountId, e.clientEventId?.startsWith('import:')])).toEqual([
			['article_read', account.id, true],
			['quiz_attempt', account.id, true],
		])
		const again = await importEvents(file, { now })
		expect(again).toMatchObject({ created: 0, unchanged: 3 })
		expect(await prisma.engagementEvent.count({ where: { userId: user.id } })).toBe(2)
	})

	test('CSV with a JSON data cell', async () => {
		const account = await createAccount()
		const user = await createUser('CUSTOMER', { accountId: account.id })
		const csv = `id,kind,user,occurredAt,itemKey,data\nx1,quiz_attempt,${user.email},2026-05-02T10:00:00Z,quiz:p/q,"{""score"":70,""difficulty"":1}"\nx2,quiz_attempt,${user.email},2026-05-02T10:00:00Z,quiz:p/q,{broken\n`
		const report = await importEvents(csv, { fileName: 'events.csv', now: new Date('2026-06-01T00:00:00Z') })
		expect(report.created).toBe(1)
		expect(report.errors).toEqual([{ line: 3, message: 'data: must be a JSON object' }])
		const event = await prisma.engagementEvent.findFirstOrThrow({ where: { userId: user.id } })
		expect(JSON.parse(event.data)).toEqual({ score: 70, difficulty: 1 })
	})
})

describe('console upload', () => {
	function upload(cookie: string, kind: string, name: string, content: string, extra: Record<string, string> = {}) {
		const form = new FormData()
		form.set('kind', kind)
		for (const [key, value] of Object.entries(extra)) form.set(key, value)
		form.set('file', new File([content], name, { type: 'text/plain' }))
		const request = new Request('http://localhost:3000/console/signals', { method: 'POST', headers: { Cookie: cookie }, body: form })
		return settle(() => signalsAction({ request, params: {}, context: {} }))
	}

	test('a CSM uploads a file and sees the report with refused rows; a customer may not upload', async () => {
		const csm = await createUser('CSM')
		const account = await createAccount({ csmId: csm.id })
		const file = [
			JSON.stringify({ account: account.emailDomain, day: '2026-05-01', metric: 'active_users', value: 4 }),
			JSON.stringify({ account: account.emailDomain, day: 'May 1st', metric: 'active_users', value: 4 }),
		].join('\n')
		const result = (await upload(await cookieFor(csm.id), 'signals', 'usage.ndjson', file)) as {
			ok: boolean
			report: { created: number; errors: Array<{ line: number; message: string }> }
		}
		expect(result.ok).toBe(true)
		expect(result.report.created).toBe(1)
		expect(result.report.errors).toEqual([{ line: 2, message: 'day: must be a day as YYYY-MM-DD' }])
		const wrongType = await upload(await cookieFor(csm.id), 'signals', 'usage.txt', file)
		expect(statusOf(wrongType)).toBe(400)

		const customer = await createUser('CUSTOMER', { accountId: account.id })
		expect(statusOf(await upload(await cookieFor(customer.id), 'signals', 'usage.ndjson', file))).toBe(403)
	})
	test('the create-missing checkbox: unknown users are refused by line without it and created with it', async () => {
		const csm = await createUser('CSM')
		const cookie = await cookieFor(csm.id)
		const domain = `upload-${Math.random().toString(36).slice(2, 8)}.example.com`
		const file = JSON.stringify({ id: `up-${domain}`, kind: 'sign_in', user: `kim@${domain}`, occurredAt: '2026-05-01T10:00:00Z' })
		type Result = { ok: boolean; report: { created: number; accountsCreated: number; usersCreated: number; errors: Array<{ line: number; message: string }> } }
		const refused = (await upload(cookie, 'events', 'events.ndjson', file)) as Result
		expect(refused.report.created).toBe(0)
		expect(refused.report.errors).toEqual([{ line: 1, message: expect.stringMatching(/^user: no user .*create-missing/) }])
		expect(await prisma.account.count({ where: { emailDomain: domain } })).toBe(0)

		const created = (await upload(cookie, 'events', 'events.ndjson', file, { createMissing: 'on' })) as Result
		expect(created.report).toMatchObject({ created: 1, accountsCreated: 1, usersCreated: 1, errors: [] })
		expect(await prisma.user.findUnique({ where: { email: `kim@${domain}` }, select: { account: { select: { emailDomain: true } } } })).toEqual({
			account: { emailDomain: domain },
		})
		expect(statusOf(await upload(cookie, 'events', 'events.ndjson', file, { createMissing: 'yes please' }))).toBe(400)
	})
})
