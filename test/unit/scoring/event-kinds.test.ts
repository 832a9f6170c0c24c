import { describe, expect, test } from 'vitest'
import {
	BROWSER_EVENT_KINDS,
	BrowserEventSchema,
	EVENT_KINDS,
	isEventKind,
	parseEventData,
} from '#app/domain/engagement/event-kinds.ts'

const id = '3f2b8c1e-9d4a-4c6b-8e2f-1a2b3c4d5e6f'

describe('event kinds', () => {
	test('browser kinds are a subset of all kinds: what a page saw, never what an action records', () => {
		for (const kind of BROWSER_EVENT_KINDS) expect(EVENT_KINDS).toContain(kind)
		// Loaders only read, so views, searches and plan reviews come from the page's beacon.
		for (const kind of ['article_view', 'search', 'plan_review']) expect(BROWSER_EVENT_KINDS).toContain(kind)
		for (const kind of ['quiz_attempt', 'helpful_vote', 'lesson_complete', 'certificate_issued', 'sign_in']) expect(BROWSER_EVENT_KINDS).not.toContain(kind)
		expect(isEventKind('sign_in')).toBe(true)
		expect(isEventKind('hack')).toBe(false)
	})
})

describe('BrowserEventSchema', () => {
	test('accepts a read-through beacon', () => {
		const body = { clientEventId: id, kind: 'article_read', itemKey: 'article:build-your-first-dashboard', data: { seconds: 95 } }
		expect(BrowserEventSchema.parse(body)).toEqual(body)
	})

	test('rejects server-only kinds, bad ids, unknown fields and a read without an article', () => {
		expect(BrowserEventSchema.safeParse({ clientEventId: id, kind: 'quiz_attempt', itemKey: 'quiz:x' }).success).toBe(false)
		expect(BrowserEventSchema.safeParse({ clientEventId: 'abc', kind: 'video_play' }).success).toBe(false)
		expect(BrowserEventSchema.safeParse({ clientEventId: id, kind: 'video_play', userId: 'u1' }).success).toBe(false)
		const noItem = BrowserEventSchema.safeParse({ clientEventId: id, kind: 'article_read' })
		expect(noItem.error?.issues[0]?.message).toBe('article_read needs the itemKey of the article')
	})

	test('a view and a plan review need their item; a search needs its query', () => {
		expect(BrowserEventSchema.safeParse({ clientEventId: id, kind: 'article_view' }).error?.issues[0]?.message).toBe('article_view needs the itemKey of the article')
		expect(BrowserEventSchema.safeParse({ clientEventId: id, kind: 'plan_review' }).error?.issues[0]?.message).toBe('plan_review needs the itemKey of the plan')
		expect(BrowserEventSchema.safeParse({ clientEventId: id, kind: 'search', data: { q: '  ' } }).success).toBe(false)
		expect(BrowserEventSchema.safeParse({ clientEventId: id, kind: 'search', data: { q: 7 } }).success).toBe(false)
		expect(BrowserEventSchema.safeParse({ clientEventId: id, kind: 'search', data: { q: 'share a dashboard' } }).success).toBe(true)
	})

	test('limits the data payload', () => {
		const many = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`k${i}`, i]))
		const big = { a: 'x'.repeat(200), b: 'x'.repeat(200), c: 'x'.repeat(200), d: 'x'.repeat(200), e: 'x'.repeat(200), f: 'x'.repeat(200) }
		for (const data of [many, big, { nested: { a: 1 } }, { n: Number.NaN }, { 'bad key': 1 }]) {
			expect(BrowserEventSchema.safeParse({ clientEventId: id, kind: 'video_play', data }).success).toBe(false)
		}
	})

	test('rejects item keys with odd characters', () => {
		expect(BrowserEventSchema.safeParse({ clientEventId: id, kind: 'article_read', itemKey: '<script>' }).success).toBe(false)
	})
})

describe('parseEventData', () => {
	test('keeps scalar values and drops everything malformed', () => {
		expect(parseEventData('{"score":80,"passed":true,"x":null,"nested":{"a":1},"list":[1]}')).toEqual({ score: 80, passed: true, x: null })
		expect(parseEventData('not json')).toEqual({})
		expect(parseEventData('[1,2]')).toEqual({})
		expect(parseEventData(null)).toEqual({})
	})

	test('a stored "__proto__" or "constructor" key stays a plain key; the prototype is untouched', () => {
		const data = parseEventData('{"__proto__":null,"constructor":"x","score":1}')
		expect(Object.getPrototypeOf(data)).toBe(Object.prototype)
		expect(Object.keys(data).sort()).toEqual(['__proto__', 'constructor', 'score'])
		expect(data.score).toBe(1)
	})
})
