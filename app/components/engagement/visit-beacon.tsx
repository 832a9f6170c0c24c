import { useEffect, useRef } from 'react'
import { newUuid, postEvent } from './post-event.ts'

export type VisitEvent =
	| { kind: 'article_view'; itemKey: `article:${string}` }
	| { kind: 'plan_review'; itemKey: `plan:${string}` }
	| { kind: 'search'; q: string }

/**
 * Reports what the page showed, once per visit: one event with a fresh clientEventId when the page
 * mounts. Remix's revalidation after a form or fetcher submission re-runs the loaders but does not
 * remount, so it reports nothing again; another article or query (a new `event`) is a new visit. Loaders only read: this is the only place a
 * view, a search or a plan review comes from.
 */
export function VisitBeacon({ event }: { event: VisitEvent }) {
	const sent = useRef<string | null>(null)
	const body = event.kind === 'search' ? { kind: event.kind, data: { q: event.q } } : { kind: event.kind, itemKey: event.itemKey }
	const signature = JSON.stringify(body)
	useEffect(() => {
		// A ref rather than the effect alone: StrictMode runs an effect twice on the same mount.
		if (sent.current === signature) return
		sent.current = signature
		postEvent({ clientEventId: newUuid(), ...(JSON.parse(signature) as object) })
	}, [signature])
	return null
}
