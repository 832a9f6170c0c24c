import { useEffect, useRef } from 'react'
import { newUuid, postEvent } from './post-event.ts'

/** Reaching the end counts after this many seconds on the page (a fast scroll is not a read). */
const END_MIN_SECONDS = 8
/** Or this share of the article's reading time spent with the page visible, within bounds. */
const READ_SHARE = 0.6
const READ_MIN_SECONDS = 30
const READ_MAX_SECONDS = 180

/**
 * Reports an article read-through once per page view: when the reader reached the end of the
 * article (after a few seconds), or spent a real share of its reading time with the page visible.
 * Renders the marker at the article's end. A failed send is retried with the same clientEventId,
 * so the server counts it once.
 */
export function ReadThroughBeacon({ slug, readingMinutes }: { slug: string; readingMinutes: number }) {
	const marker = useRef<HTMLDivElement>(null)
	useEffect(() => {
		const clientEventId = newUuid()
		const readSeconds = Math.min(READ_MAX_SECONDS, Math.max(READ_MIN_SECONDS, readingMinutes * 60 * READ_SHARE))
		let sent = false
		let reachedEnd = false
		let visibleMs = 0
		let visibleSince = document.visibilityState === 'visible' ? performance.now() : null
		const seconds = () => (visibleMs + (visibleSince === null ? 0 : performance.now() - visibleSince)) / 1000

		const send = () => {
			if (sent) return
			sent = true
			postEvent({
				clientEventId,
				kind: 'article_read',
				itemKey: `article:${slug}`,
				data: { seconds: Math.round(seconds()), reachedEnd },
			})
		}
		const check = () => {
			if (sent) return
			if ((reachedEnd && seconds() >= END_MIN_SECONDS) || seconds() >= readSeconds) send()
		}
		const onVisibility = () => {
			if (document.visibilityState === 'visible') visibleSince ??= performance.now()
			else if (visibleSince !== null) {
				visibleMs += performance.now() - visibleSince
				visibleSince = null
			}
		}
		const observer = new IntersectionObserver((entries) => {
			if (entries.some((e) => e.isIntersecting)) {
				reachedEnd = true
				check()
			}
		})
		if (marker.current) observer.observe(marker.current)
		const timer = setInterval(check, 1000)
		document.addEventListener('visibilitychange', onVisibility)
		return () => {
			clearInterval(timer)
			observer.disconnect()
			document.removeEventListener('visibilitychange', onVisibility)
		}
	}, [slug, readingMinutes])
	return <div ref={marker} aria-hidden data-testid="read-marker" />
}
