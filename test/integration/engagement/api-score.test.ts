import { beforeAll, describe, expect, test } from 'vitest'
import { loader as accountScore } from '#app/routes/api.accounts.$accountId.score.ts'
import { loader as userScore } from '#app/routes/api.users.$userId.score.ts'
import { rescoreUsers } from '#app/domain/scoring/recompute.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { cookieFor, createUser } from '#test/support/requests.ts'
import { call, history, jsonOf, NOW, statusOf, world } from './helpers.ts'

let w: Awaited<ReturnType<typeof world>>
let other: Awaited<ReturnType<typeof world>>
const cookies: Record<string, string> = {}
let editorId: string
beforeAll(async () => {
	w = await world({ users: 2 })
	other = await world({ users: 1 })
	await history(w.users[0]!, 'skilled-active')
	await history(w.users[1]!, 'unskilled-active')
	await rescoreUsers(w.users.map((u) => u.id), { now: NOW })
	cookies.csm = w.csmCookie
	cookies.otherCsm = other.csmCookie
	editorId = (await createUser('EDITOR')).id
	cookies.editor = await cookieFor(editorId)
	cookies.admin = await cookieFor((await createUser('ADMIN')).id)
	cookies.customer = await cookieFor(w.users[0]!.id)
	cookies.colleague = await cookieFor(w.users[1]!.id)
})

const getUser = (id: string, cookie?: string) => call(userScore, `/api/users/${id}/score`, { userId: id }, { cookie })
const getAccount = (id: string, cookie?: string) => call(accountScore, `/api/accounts/${id}/score`, { accountId: id }, { cookie })

describe('GET /api/users/:id/score', () => {
	test('the owning CSM and an admin read a user: scores, segment and the breakdown of each', async () => {
		for (const cookie of [cookies.csm!, cookies.admin!]) {
			const result = await getUser(w.users[0]!.id, cookie)
			expect(statusOf(result)).toBe(200)
			const body = await jsonOf<{ skill: number; segment: string; breakdown: { skill: { components: Array<{ key: string }> } } }>(result)
			expect(body.segment).toBe('HIGH_PERFORMER')
			expect(body.breakdown.skill.components.map((c) => c.key)).toEqual(['quizzes', 'checks', 'paths', 'content', 'features', 'prior'])
		}
	})

	test('another CSM and an editor get the same 404 as an unknown id, with nothing of the user in it', async () => {
		const unknown = await getUser('no-such-user', cookies.csm)
		expect(statusOf(unknown)).toBe(404)
		const refusal = await jsonOf(unknown)
		for (const cookie of [cookies.otherCsm!, cookies.editor!]) {
			for (const user of [w.users[0]!, w.users[1]!]) {
				const result = await getUser(user.id, cookie)
				expect(statusOf(result)).toBe(404)
				expect(await jsonOf(result)).toEqual(refusal)
			}
		}
		// A staff member's id (never scored) reads the same to a CSM: no probing for staff either.
		expect(await jsonOf(await getUser(editorId, cookies.otherCsm))).toEqual(refusal)
		// The other CSM still reads their own account's users.
		expect(statusOf(await getUser(other.users[0]!.id, cookies.otherCsm))).toBe(200)
	})

	test('a customer reads their own score without the segment, and nobody else’s', async () => {
		const own = await jsonOf<Record<string, unknown>>(await getUser(w.users[0]!.id, cookies.customer))
		expect(own.skill).toEqual(expect.any(Number))
		expect(own).not.toHaveProperty('segment')
		expect(statusOf(await getUser(w.users[1]!.id, cookies.customer))).toBe(404)
		expect(statusOf(await getUser(other.users[0]!.id, cookies.customer))).toBe(404)
		expect(statusOf(await getUser(w.users[0]!.id))).toBe(401)
	})

	test('a user never scored reads as not scored yet: the GET computes nothing', async () => {
		const result = await getUser(other.users[0]!.id, cookies.otherCsm)
		expect(statusOf(result)).toBe(200)
		expect(await jsonOf(result)).toMatchObject({ subject: { id: other.users[0]!.id }, score: null, reason: expect.stringMatching(/not scored yet/i) })
		expect(await prisma.scoreSnapshot.count({ where: { userId: other.users[0]!.id } })).toBe(0)
	})
})

describe('GET /api/accounts/:id/score', () => {
	test('the owning CSM and an admin get segment, quadrant and the happiness × value reasons', async () => {
		for (const cookie of [cookies.csm!, cookies.admin!]) {
			const result = await getAccount(w.account.id, cookie)
			expect(statusOf(result)).toBe(200)
			const body = await jsonOf<{ segment: string; quadrant: string; breakdown: { value: { explanation: string }; explanations: string[] } }>(result)
			expect(['HIGH_PERFORMER', 'UNTRAINED', 'UNMOTIVATED', 'NEED_TO_EXIT']).toContain(body.segment)
			expect(['SUCCESS', 'FLIGHT_RISK', 'FIX_COST', 'RECONSIDER']).toContain(body.quadrant)
			expect(body.breakdown.value.explanation).toMatch(/ARR/)
			expect(body.breakdown.explanations[0]).toMatch(/2 of 2 users active/)
		}
	})

	test('another CSM and an editor get the same 404 as an unknown id, scored or not', async () => {
		const unknown = await getAccount('no-such-account', cookies.csm)
		expect(statusOf(unknown)).toBe(404)
		const refusal = await jsonOf(unknown)
		for (const cookie of [cookies.otherCsm!, cookies.editor!]) {
			const result = await getAccount(w.account.id, cookie)
			expect(statusOf(result)).toBe(404)
			expect(await jsonOf(result)).toEqual(refusal)
		}
		// Never scored: still not found to an editor, while its own CSM reads 'not scored yet'.
		expect(await jsonOf(await getAccount(other.account.id, cookies.editor))).toEqual(refusal)
		expect(await jsonOf(await getAccount(other.account.id, cookies.otherCsm))).toMatchObject({ score: null })
	})

	test('a customer of the account gets the scores but not our margin or their segment; other accounts are not found', async () => {
		const own = await jsonOf<Record<string, unknown> & { breakdown: Record<string, unknown> }>(await getAccount(w.account.id, cookies.colleague))
		expect(own.skill).toEqual(expect.any(Number))
		expect(own).not.toHaveProperty('segment')
		expect(own).not.toHaveProperty('quadrant')
		expect(own.breakdown).not.toHaveProperty('value')
		expect(JSON.stringify(own)).not.toMatch(/ARR|margin/)
		expect(statusOf(await getAccount(other.account.id, cookies.customer))).toBe(404)
		expect(statusOf(await getAccount('no-such-account', cookies.csm))).toBe(404)
		expect(statusOf(await getAccount(w.account.id))).toBe(401)
	})
})
