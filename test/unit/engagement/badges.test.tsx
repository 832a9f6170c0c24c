import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { SegmentBadge } from '#app/components/engagement/badges.tsx'
import { NOT_ENOUGH_EVIDENCE, SEGMENT_STATUSES } from '#app/domain/scoring/segments.ts'

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim()

describe('SegmentBadge', () => {
	test('thin evidence reads "Not enough evidence yet" in a neutral grey badge', () => {
		const html = renderToStaticMarkup(<SegmentBadge segment={NOT_ENOUGH_EVIDENCE} />)
		expect(text(html)).toBe('Not enough evidence yet')
		expect(html).toContain('bg-slate-100')
		expect(html).not.toContain('segment-leaning')
	})

	test('thin evidence with a stored leaning adds a small "leaning" hint beside the badge', () => {
		const html = renderToStaticMarkup(<SegmentBadge segment={NOT_ENOUGH_EVIDENCE} leaning="UNMOTIVATED" />)
		expect(text(html)).toBe('Not enough evidence yet leaning Unmotivated')
		expect(html).toMatch(/data-testid="segment-leaning"[^>]*>leaning Unmotivated</)
	})

	test('a segment is the verdict: no leaning hint beside it', () => {
		const html = renderToStaticMarkup(<SegmentBadge segment="HIGH_PERFORMER" leaning="UNTRAINED" />)
		expect(text(html)).toBe('High Performers')
		expect(html).not.toContain('leaning')
	})

	test('every status has its own label and colour', () => {
		const rendered = SEGMENT_STATUSES.map((status) => renderToStaticMarkup(<SegmentBadge segment={status} />))
		expect(new Set(rendered.map(text)).size).toBe(SEGMENT_STATUSES.length)
		expect(new Set(rendered.map((html) => /class="([^"]+)"/.exec(html)![1])).size).toBe(SEGMENT_STATUSES.length)
	})
})
