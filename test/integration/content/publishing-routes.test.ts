import { beforeAll, describe, expect, test } from 'vitest'
import { action as editAction, loader as editLoader } from '#app/routes/console.content.$slug.tsx'
import { loader as listLoader } from '#app/routes/console.content._index.tsx'
import { action as newAction } from '#app/routes/console.content.new.tsx'
import { prisma } from '#app/utils/db.server.ts'
import { cookieFor, createAccount, createUser, makeRequest, settle } from '#test/support/requests.ts'

const cookies: Record<string, string> = {}
beforeAll(async () => {
	cookies.editor = await cookieFor((await createUser('EDITOR')).id)
	cookies.csm = await cookieFor((await createUser('CSM')).id)
	const account = await createAccount()
	cookies.customer = await cookieFor((await createUser('CUSTOMER', { accountId: account.id })).id)
})

const fields = (body: string, baseRevision: number) => ({
	intent: 'save',
	title: 'Route level article',
	slug: 'route-level-article',
	summary: 'A summary long enough for the frontmatter rules.',
	category: 'reports',
	tags: 'reports, sharing',
	audience: 'customers',
	productArea: 'Reports',
	level: 'beginner',
	updated: '2026-11-01',
	related: '',
	body,
	baseRevision: String(baseRevision),
})

describe('content console routes', () => {
	test('CSMs and customers get a 403 on the list and on every action', async () => {
		for (const who of ['csm', 'customer']) {
			const list = await settle(() => listLoader({ request: makeRequest('/console/content', { cookie: cookies[who] }), params: {}, context: {} }))
			expect((list as Response).status).toBe(403)
			const created = await settle(() => newAction({ request: makeRequest('/console/content/new', { cookie: cookies[who], form: fields('## A\n\nB.\n', 0) }), params: {}, context: {} }))
			expect((created as Response).status).toBe(403)
		}
		expect(await prisma.article.count({ where: { slug: 'route-level-article' } })).toBe(0)
	})

	test('an invalid frontmatter field is a form error and saves nothing', async () => {
		const result = await settle(() => newAction({ request: makeRequest('/console/content/new', { cookie: cookies.editor, form: { ...fields('## A\n\nB.\n', 0), tags: 'Not Kebab' } }), params: {}, context: {} }))
		expect(result).toMatchObject({ init: { status: 400 }, data: { lastResult: { error: { tags: [expect.stringMatching(/"Not" is not kebab-case/)] } } } })
		expect(await prisma.article.count({ where: { slug: 'route-level-article' } })).toBe(0)
	})

	test('save, then a stale save answers 409 with the text kept in the form reply', async () => {
		const created = await settle(() => newAction({ request: makeRequest('/console/content/new', { cookie: cookies.editor, form: fields('## A\n\nFirst.\n', 0) }), params: {}, context: {} }))
		expect((created as Response).headers.get('Location')).toBe('/console/content/route-level-article?saved=revision-1')
		const second = await settle(() => editAction({ request: makeRequest('/console/content/route-level-article', { cookie: cookies.editor, form: fields('## A\n\nSecond.\n', 1) }), params: { slug: 'route-level-article' }, context: {} }))
		expect((second as Response).status).toBe(302)
		const stale = await settle(() => editAction({ request: makeRequest('/console/content/route-level-article', { cookie: cookies.editor, form: fields('## A\n\nMy late words.\n', 1) }), params: { slug: 'route-level-article' }, context: {} }))
		expect(stale).toMatchObject({ init: { status: 409 }, data: { conflict: { number: 2 }, lastResult: { initialValue: { body: '## A\n\nMy late words.\n' } } } })
		const page = await settle(() => editLoader({ request: makeRequest('/console/content/route-level-article?as=tier1', { cookie: cookies.editor }), params: { slug: 'route-level-article' }, context: {} }))
		expect(page).toMatchObject({ head: { number: 2 }, preview: { level: 'tier1', kind: 'body' }, defaults: { body: '## A\n\nSecond.\n' } })
	})
})
