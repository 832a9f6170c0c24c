import { useSyncExternalStore } from 'react'

const noSubscription = () => () => {}

/**
 * False during the server render and the hydration pass, true from then on: for widgets that
 * can only render in the browser. Read from React's external-store hook, so the switch happens
 * without a setState in an effect (and without a second render pass after every mount).
 */
export function useHydrated(): boolean {
	return useSyncExternalStore(
		noSubscription,
		() => true,
		() => false,
	)
}
