import { beforeAll, describe, expect, test } from 'vitest'
import { loader as homeLoader } from '#app/routes/_index.tsx'
import { prisma } from '#app/utils/db.server.ts'
import { articleSource, syncFixtureArticles } from '#test/support/content.ts'
import { cookieFor, createAccount, createUser, makeRequest, settle } from '#test/support/requests.ts'

// The signed-out home: categories and popular articles a visitor may read, popular by recorded views.

const VIEWS = { 'customers-hit': 9, 'staff-hit': 7, 'public-second': 3, 'public-first': 5 } as const

beforeAll(async () => {
	const { report } = await syncFixtureArticles({
		'public-first': articleSource('public-first', { audience: 'public', category: 'dashboards' }),
		'public-second': articleSource('public-second', { audience: 'public', category: 'reports' }),
		'public-unread': articleSource('public-unread', { audience: 'public', category: 'reports' }),
		'customers-hit': articleSource('customers-hit', { audience: 'customers', category: 'alerts' }),
		'staff-hit': articleSource('staff-hit', { audience: 'staff', category: 'playbooks' }),
	})
	expect(report.errors).toEqual([])
	const reader = await createUser('CUSTOMER', { accountId: (await createAccount()).id })
	for (const [slug, count] of Object.entries(VIEWS)) {
		for (let i = 0; i < count; i++) {
			await prisma.engagementEvent.create({ data: { kind: 'article_view', userId: reader.id, itemKey: `article:${slug}`, occurredAt: new Date(Date.now() - i * 60_000) } })
		}
	}
})

const home = (cookie = '') => settle(() => homeLoader({ request: makeRequest('/', { cookie }), params: {}, context: {} }))

describe('the signed-out home', () => {
	test('popular lists public articles by views, then fills with unviewed public ones; never gated ones', async () => {
		const page = (await home()) as { kind: string; popular: Array<{ slug: string }>; categories: Array<{ category: string; count: number }> }
		expect(page.kind).toBe('visitor')
		expect(page.popular.map((a) => a.slug)).toEqual(['public-first', 'public-second', 'public-unread'])
		expect(JSON.stringify(page)).not.toMatch(/customers-hit|staff-hit/)
	})

	test('categories count only what a visitor may read', async () => {
		const page = (await home()) as { categories: Array<{ category: string; count: number }> }
		expect(page.categories).toEqual([
			{ category: 'dashboards', count: 1 },
			{ category: 'reports', count: 2 },
		])
	})

	test('a signed-in customer gets their own home, with the plan name and no internal tier name', async () => {
		const account = await createAccount()
		const cookie = await cookieFor((await createUser('CUSTOMER', { accountId: account.id })).id)
		const page = (await home(cookie)) as { kind: string; account: { planName: string; services: string[] } }
		expect(page.kind).toBe('customer')
		expect(page.account.planName).toBe('Essentials plan')
		expect(JSON.stringify(page)).not.toMatch(/Must-Have|Want-to-Have|Nice-to-Have|Tier \d/)
	})
})
