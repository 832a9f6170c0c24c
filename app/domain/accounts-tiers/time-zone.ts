import { z } from 'zod'

/** The zone an account has until someone sets its own. */
export const DEFAULT_TIME_ZONE = 'UTC'

export const SET_TIME_ZONE_INTENT = 'set-time-zone'

/**
 * The IANA zones this runtime knows (what `Intl` can compute local days in). `UTC` is added by
 * hand: it is the default, and Node's list names only geographic zones.
 */
export function supportedTimeZones(): string[] {
	return [DEFAULT_TIME_ZONE, ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== DEFAULT_TIME_ZONE)]
}

/**
 * The account settings form. The zones are passed in so the browser checks against the server's
 * list (the loader sends it), not against its own `Intl`, which may name zones differently.
 */
export function accountTimeZoneSchema(zones: readonly string[]) {
	const known = new Set(zones)
	return z.object({
		intent: z.literal(SET_TIME_ZONE_INTENT),
		timeZone: z
			.string({ error: 'Choose a time zone' })
			.trim()
			.min(1, 'Choose a time zone')
			.refine((zone) => known.has(zone), 'Not a time zone we know: choose an IANA name from the list, such as Europe/Paris'),
	})
}
