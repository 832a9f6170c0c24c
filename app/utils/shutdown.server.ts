/**
 * What an instance must finish before it exits. The production server (server/index.ts) stops
 * accepting, lets its requests in flight finish, then runs every drain (buffers to flush: the event
 * group commit), then every close (the database). Kept on globalThis: the server bundle and Remix's
 * build each carry a copy of this module, and both must see the same registry.
 */
type Hooks = { drains: Set<() => Promise<void>>; closes: Set<() => Promise<void>> }
const globalForHooks = globalThis as unknown as { __portalShutdown?: Hooks }
const hooks = (globalForHooks.__portalShutdown ??= { drains: new Set(), closes: new Set() })

/** Work to finish at shutdown while the database is still open; returns the function that unregisters it. */
export function onShutdownDrain(drain: () => Promise<void>): () => void {
	hooks.drains.add(drain)
	return () => hooks.drains.delete(drain)
}

/** A resource to close at shutdown, after every drain. */
export function onShutdownClose(close: () => Promise<void>): () => void {
	hooks.closes.add(close)
	return () => hooks.closes.delete(close)
}

/** Runs the drains, then the closes; one that fails does not stop the others. Returns the failures. */
export async function runShutdownHooks(): Promise<unknown[]> {
	const drained = await Promise.allSettled([...hooks.drains].map((drain) => drain()))
	const closed = await Promise.allSettled([...hooks.closes].map((close) => close()))
	return [...drained, ...closed].flatMap((result) => (result.status === 'rejected' ? [result.reason] : []))
}
