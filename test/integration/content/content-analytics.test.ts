import { describe, expect, test } from 'vitest'
import { loader } from '#app/routes/console.content._index.tsx'
import { prisma } from '#app/utils/db.server.ts'
import { cookieFor, createAccount, createUser, makeRequest, settle } from '#test/support/requests.ts'

const args = (cookie: string) => ({ request: makeRequest('/console/content', { cookie }), params: {}, context: {} })

describe('content console', () => {
	test('editors see views, read-through and helpful rates per article and the zero-result searches', async () => {
		const article = await prisma.article.create({
			data: { slug: 'measured', title: 'Measured article', summary: 's', category: 'reports', audience: 'customers', productArea: 'Reports', contentUpdatedAt: new Date(), sourceHash: 'h' },
		})
		const reader = await createUser('CUSTOMER', { accountId: (await createAccount()).id })
		await prisma.engagementEvent.createMany({
			data: [
				...Array.from({ length: 4 }, () => ({ kind: 'article_view', userId: reader.id, itemKey: 'article:measured' })),
				{ kind: 'article_read', userId: reader.id, itemKey: 'article:measured' },
			],
		})
		await prisma.helpfulVote.create({ data: { articleId: article.id, userId: reader.id, helpful: true } })
		await prisma.searchLog.createMany({ data: [{ query: 'sso for tableau', hits: 0 }, { query: 'sso for tableau', hits: 0 }, { query: 'dashboards', hits: 12 }] })

		const data = await loader(args(await cookieFor((await createUser('EDITOR')).id)))
		expect(data.articles[0]).toMatchObject({ slug: 'measured', views: 4, reads: 1, readThroughRate: 0.25, helpfulRate: 1 })
		expect(data.zeroResultSearches).toEqual([{ query: 'sso for tableau', count: 2 }])
	})

	test('customers and CSMs are refused', async () => {
		for (const role of ['CUSTOMER', 'CSM'] as const) {
			const cookie = await cookieFor((await createUser(role)).id)
			expect(((await settle(() => loader(args(cookie)))) as Response).status).toBe(403)
		}
	})
})
