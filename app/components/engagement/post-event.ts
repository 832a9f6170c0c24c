/** Browser side of POST /api/events: one JSON body, retried once on a network failure or a 5xx. */

/** Sends the body; a failed send is retried once with the same body (same clientEventId: counted once). */
export function postEvent(body: Record<string, unknown>) {
	const text = JSON.stringify(body)
	void post(text).catch(() => setTimeout(() => void post(text).catch(() => {}), 2000))
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
	if (!navigator.sendBeacon('/api/events', new Blob([body], { type: 'text/plain' }))) throw new Error('beacon refused')
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
