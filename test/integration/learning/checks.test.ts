import fs from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { syncAllContent } from '#app/domain/content/sync-all.server.ts'
import { publicChecksInCode } from '#app/domain/learning/checks.server.ts'
import { action as checkAction } from '#app/routes/api.checks.ts'
import { prisma } from '#app/utils/db.server.ts'
import { makeRequest, settle } from '#test/support/requests.ts'
import { args, customer, FILES, text, writeContent } from './fixture.ts'

const ARTICLE = `---
title: Article with a check
slug: fx-article
summary: A knowledge-base article that embeds a knowledge check for the tests.
category: getting-started
tags: [testing]
audience: customers
productArea: Testing
updated: 2026-01-15
---
ARTICLE-BODY.

<Check id="fx-article-check" />
`

const ARTICLE_CHECK = `
questions:
  - id: fx-article-check
    type: multiple
    prompt: Which two are right?
    options:
      - { id: a, text: A }
      - { id: b, text: B }
      - { id: c, text: C }
    correct: [a, c]
    explanation: SECRET-ARTICLE-CHECK-EXPLANATION.
`

let dir: string
beforeAll(async () => {
	dir = await writeContent({ ...FILES, 'articles/fx-article.mdx': ARTICLE, 'checks/article.yaml': ARTICLE_CHECK })
	expect((await syncAllContent(dir)).errors).toEqual([])
})
afterAll(() => fs.rm(dir, { recursive: true, force: true }))

/** The action's Response as a client reads it: its status and its JSON body. */
async function answer(init: Parameters<typeof makeRequest>[1]) {
	const response = await settle(() => checkAction(args(makeRequest('/api/checks', init))))
	return { status: response.status, body: (await response.json().catch(() => null)) as unknown }
}

async function recorded(userId: string) {
	return {
		answers: await prisma.checkAnswer.count({ where: { userId } }),
		events: await prisma.engagementEvent.count({ where: { userId, kind: 'check_answer' } }),
	}
}

describe('POST /api/checks', () => {
	test('grades a form answer on the server and records it with its event', async () => {
		const { user, cookie } = await customer(3)
		const wrong = await answer({ cookie, form: { checkId: 'fx-check', answer: 'x' } })
		expect(wrong.body).toEqual({ correct: false, explanation: 'SECRET-CHECK-EXPLANATION y it is.' })
		const right = await answer({ cookie, json: { checkId: 'fx-check', answer: 'y' } })
		expect(right.body).toMatchObject({ correct: true })
		expect(await recorded(user.id)).toEqual({ answers: 2, events: 2 })
		const event = await prisma.engagementEvent.findFirstOrThrow({ where: { userId: user.id, kind: 'check_answer' }, orderBy: { occurredAt: 'desc' }, select: { itemKey: true, data: true } })
		expect(event.itemKey).toBe('check:fx-check')
		expect(JSON.parse(event.data)).toEqual({ correct: true })
	})

	test('signed out: 401 and nothing recorded', async () => {
		const before = await prisma.checkAnswer.count()
		const result = await answer({ form: { checkId: 'fx-check', answer: 'y' } })
		expect(result.status).toBe(401)
		expect(text(result.body)).toContain('Sign in')
		expect(await prisma.checkAnswer.count()).toBe(before)
	})

	test('bad answers are refused with a reason and record nothing', async () => {
		const { user, cookie } = await customer(3)
		for (const [form, message] of [
			[{ checkId: 'fx-check', answer: 'q' }, /unknown option q/i],
			[{ checkId: 'fx-check', answer: ['x', 'y'] }, /answered twice/i],
			[{ checkId: 'fx-check' }, /missing answer/i],
			[{ answer: 'y' }, /names no knowledge check/i],
		] as const) {
			const result = await answer({ cookie, form: form as Record<string, string | string[]> })
			expect(result.status).toBe(400)
			expect(text(result.body)).toMatch(message)
		}
		expect((await answer({ cookie, json: { checkId: 'fx-check', answer: 'y', extra: 1 } })).status).toBe(400)
		expect(await recorded(user.id)).toEqual({ answers: 0, events: 0 })
	})

	test('a check embedded only in content above the reader is not graded for them', async () => {
		const tier3 = await customer(3)
		const tier1 = await customer(1)
		for (const [checkId, value] of [['fx-vip-check', '3'], ['fx-tier1-check', 'false'], ['no-such-check', 'a']] as const) {
			const refused = await answer({ cookie: tier3.cookie, form: { checkId, answer: value } })
			expect(refused.status).toBe(404)
			expect(text(refused.body)).not.toContain('SECRET')
		}
		expect(await recorded(tier3.user.id)).toEqual({ answers: 0, events: 0 })
		expect((await answer({ cookie: tier1.cookie, form: { checkId: 'fx-vip-check', answer: '3' } })).body).toEqual({ correct: true, explanation: 'SECRET-VIP-CHECK-EXPLANATION.' })
		expect((await answer({ cookie: tier1.cookie, form: { checkId: 'fx-tier1-check', answer: 'true' } })).body).toMatchObject({ correct: false })
	})

	test('a cross-site post is refused', async () => {
		const { cookie } = await customer(3)
		expect((await answer({ cookie, form: { checkId: 'fx-check', answer: 'y' }, headers: { Origin: 'https://evil.example.net' } })).status).toBe(403)
	})

	test('a check embedded in a readable article is graded, and its public projection comes from the compiled code', async () => {
		const { cookie } = await customer(3)
		expect((await answer({ cookie, form: { checkId: 'fx-article-check', answer: ['a', 'c'] } })).body).toEqual({
			correct: true,
			explanation: 'SECRET-ARTICLE-CHECK-EXPLANATION.',
		})
		const variant = await prisma.articleVariant.findFirstOrThrow({
			where: { article: { slug: 'fx-article' }, level: 'customers' },
			select: { compiled: { select: { code: true } } },
		})
		const checks = await publicChecksInCode(variant.compiled.code)
		expect(Object.keys(checks)).toEqual(['fx-article-check'])
		expect(text(checks)).not.toContain('SECRET')
		expect(text(checks)).not.toContain('correct')
	})
})
