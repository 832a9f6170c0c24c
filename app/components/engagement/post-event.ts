/**
 * Browser side of POST /api/events. Events wait here up to BATCH_DELAY_MS and go out together as
 * { events: [...] } (one event goes as itself), so a page that reports a view, a read and a play
 * makes one request. When the page is hidden or left, whatever waits goes at once with
 * navigator.sendBeacon, which the browser delivers after the page is gone. A failed send is
 * retried once with the same body (same clientEventIds: the server counts each event once).
 */

/** Long enough to gather what a page reports at once, short enough that nothing waits noticeably. */
const BATCH_DELAY_MS = 1_000
/** The server takes at most this many events a request (BEACON_MAX_EVENTS). */
const MAX_BATCH = 20

let pending: Array<Record<string, unknown>> = []
let timer: ReturnType<typeof setTimeout> | null = null
let listening = false

/** Queues one event for the next batch. */
export function postEvent(body: Record<string, unknown>) {
	listenForPageHide()
	pending.push(body)
	if (pending.length >= MAX_BATCH) flush('fetch')
	else timer ??= setTimeout(() => flush('fetch'), BATCH_DELAY_MS)
}

function flush(how: 'fetch' | 'beacon') {
	if (timer) clearTimeout(timer)
	timer = null
	while (pending.length) {
		const batch = pending.slice(0, MAX_BATCH)
		pending = pending.slice(MAX_BATCH)
		const text = JSON.stringify(batch.length === 1 ? batch[0] : { events: batch })
		if (how === 'beacon' && beacon(text)) continue
		void post(text).catch(() => setTimeout(() => void post(text).catch(() => {}), 2000))
	}
}

function listenForPageHide() {
	if (listening || typeof window === 'undefined') return
	listening = true
	// pagehide fires on leaving (also into the back-forward cache); a hidden tab may never come back.
	window.addEventListener('pagehide', () => flush('beacon'))
	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState === 'hidden') flush('beacon')
	})
}

function beacon(text: string): boolean {
	return typeof navigator.sendBeacon === 'function' && navigator.sendBeacon('/api/events', new Blob([text], { type: 'text/plain' }))
}

/** fetch with keepalive survives the page being left; sendBeacon is the fallback. */
async function post(body: string) {
	if (typeof fetch === 'function') {
		const response = await fetch('/api/events', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body,
			keepalive: true,
			credentials: 'same-origin',
		})
		// A 4xx will not get better by retrying; only network failures and 5xx are retried.
		if (response.status >= 500) throw new Error(`events: ${response.status}`)
		return
	}
	if (!beacon(body)) throw new Error('beacon refused')
}

/** crypto.randomUUID exists only on https and localhost; getRandomValues everywhere. */
export function newUuid(): string {
	if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
	const b = crypto.getRandomValues(new Uint8Array(16))
	b[6] = (b[6]! & 0x0f) | 0x40
	b[8] = (b[8]! & 0x3f) | 0x80
	const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}
