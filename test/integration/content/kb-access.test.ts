import { beforeAll, describe, expect, test } from 'vitest'
import { action as articleAction, loader as articleLoader } from '#app/routes/kb.$slug.tsx'
import { loader as kbLoader } from '#app/routes/kb._index.tsx'
import { prisma } from '#app/utils/db.server.ts'
import { articleSource, syncFixtureArticles } from '#test/support/content.ts'
import { cookieFor, createAccount, createUser, makeRequest, settle } from '#test/support/requests.ts'

const TIER1_BLOCK = 'zebracorn executive review'
const TIER1_ONLY = 'moonfrost strategic secret'

const cookies: Record<string, string> = {}
beforeAll(async () => {
	const { report } = await syncFixtureArticles({
		'open-guide': articleSource('open-guide', { audience: 'public', body: '## Start\n\nPublic words.\n' }),
		'mixed-guide': articleSource('mixed-guide', {
			body: `## Start\n\nFor everyone.\n\n<Audience min="tier1">\n${TIER1_BLOCK} details.\n</Audience>\n`,
		}),
		'tier1-guide': articleSource('tier1-guide', { audience: 'tier1', body: `## Start\n\n${TIER1_ONLY}.\n` }),
		'staff-guide': articleSource('staff-guide', { audience: 'staff', title: 'Staff handbook', body: '## Start\n\ncrimsonledger notes.\n' }),
	})
	expect(report.errors).toEqual([])
	const tier1 = await createAccount({ arr: 900_000, strategic: true, expansionPotential: 80, nps: 50 })
	const tier3 = await createAccount()
	expect([tier1.tier, tier3.tier]).toEqual([1, 3])
	cookies.tier1 = await cookieFor((await createUser('CUSTOMER', { accountId: tier1.id })).id)
	cookies.tier3 = await cookieFor((await createUser('CUSTOMER', { accountId: tier3.id })).id)
	cookies.staff = await cookieFor((await createUser('CSM')).id)
})

const load = (slug: string, cookie = '') => settle(() => articleLoader({ request: makeRequest(`/kb/${slug}`, { cookie }), params: { slug }, context: {} }))

describe('article access by audience', () => {
	test('the Tier 1 block is in the Tier 1 variant only: neither its text nor its code reaches Tier 3', async () => {
		const forTier1 = JSON.stringify(await load('mixed-guide', cookies.tier1))
		const forTier3 = JSON.stringify(await load('mixed-guide', cookies.tier3))
		expect(forTier1).toContain(TIER1_BLOCK)
		expect(forTier3).toContain('For everyone')
		expect(forTier3).not.toContain(TIER1_BLOCK)
		expect(forTier3).not.toContain('zebracorn')
	})

	test('a Tier 3 reader is refused a Tier 1 article with 403 and no body; Tier 1 reads it', async () => {
		const refused = (await load('tier1-guide', cookies.tier3)) as { data: unknown; init: { status: number } }
		expect(refused.init.status).toBe(403)
		expect(JSON.stringify(refused.data)).not.toContain('moonfrost')
		// The teaser title is shown because the service matrix allows teasers for Tier 3.
		expect(refused.data).toMatchObject({ kind: 'gated', title: 'Article tier1-guide' })
		expect(JSON.stringify(await load('tier1-guide', cookies.tier1))).toContain(TIER1_ONLY)
	})

	test('a signed-out visitor reads public articles; for the rest, the title and why to sign in, nothing more', async () => {
		expect(JSON.stringify(await load('open-guide'))).toContain('Public words')
		const customersOnly = (await load('mixed-guide')) as { data: Record<string, unknown>; init: { status: number } }
		expect(customersOnly.init.status).toBe(401)
		expect(customersOnly.data).toEqual({ kind: 'sign-in', title: 'Article mixed-guide', readers: 'Prism customers', slug: 'mixed-guide' })
		const tier1Only = (await load('tier1-guide')) as { data: Record<string, unknown>; init: { status: number } }
		expect(tier1Only.init.status).toBe(401)
		expect(tier1Only.data).toEqual({ kind: 'sign-in', title: 'Article tier1-guide', readers: 'customers on the Enterprise plan', slug: 'tier1-guide' })
		expect(JSON.stringify(tier1Only)).not.toMatch(/moonfrost|Summary of/)
	})

	test('a staff-only article is a plain 404 for visitors and customers: not even its title', async () => {
		for (const cookie of ['', cookies.tier3!, cookies.tier1!]) {
			const refused = (await load('staff-guide', cookie)) as Response
			expect(refused).toBeInstanceOf(Response)
			expect(refused.status).toBe(404)
			expect(await refused.text()).not.toContain('Staff handbook')
		}
		expect(JSON.stringify(await load('staff-guide', cookies.staff))).toContain('crimsonledger')
	})

	test('the KB home lists only what the reader may read', async () => {
		const anonymous = await kbLoader({ request: makeRequest('/kb'), params: {}, context: {} })
		expect(anonymous.recent.map((a) => a.slug)).toEqual(['open-guide'])
		const tier3 = await kbLoader({ request: makeRequest('/kb', { cookie: cookies.tier3 }), params: {}, context: {} })
		expect(tier3.recent.map((a) => a.slug).sort()).toEqual(['mixed-guide', 'open-guide'])
	})
})

describe('helpful votes', () => {
	const vote = (slug: string, cookie: string, helpful: string, comment = '') =>
		settle(() => articleAction({ request: makeRequest(`/kb/${slug}`, { form: { intent: 'vote', helpful, comment }, cookie }), params: { slug }, context: {} }))

	test('one vote per reader: a second vote replaces the first, each is an engagement event', async () => {
		await vote('mixed-guide', cookies.tier1, 'yes')
		const second = (await vote('mixed-guide', cookies.tier1, 'no', 'Missing the API part')) as { ok: boolean; nextSteps: Array<{ kind: string }> }
		expect(second.ok).toBe(true)
		const votes = await prisma.helpfulVote.findMany({ where: { article: { slug: 'mixed-guide' } } })
		expect(votes).toHaveLength(1)
		expect(votes[0]).toMatchObject({ helpful: false, comment: 'Missing the API part' })
		expect(await prisma.engagementEvent.count({ where: { kind: 'helpful_vote', itemKey: 'article:mixed-guide' } })).toBe(2)
	})

	test('a bad vote changes nothing; a vote on an article above the reader is refused', async () => {
		const before = await prisma.helpfulVote.count()
		const bad = (await vote('mixed-guide', cookies.tier3, 'maybe')) as { data: { ok: boolean; error: string }; init: { status: number } }
		expect(bad.init.status).toBe(400)
		expect(bad.data.error).toBe('Choose yes or no')
		expect(((await vote('tier1-guide', cookies.tier3, 'yes')) as Response).status).toBe(404)
		expect(await prisma.helpfulVote.count()).toBe(before)
	})
})
