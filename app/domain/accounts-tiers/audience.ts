import { z } from 'zod'

/**
 * Who may see a content item, from the widest to the narrowest audience.
 * "tier2" means Tier 2 and up (Tier 1 and 2); "staff" means CSMs, editors and admins.
 */
export const AUDIENCES = ['public', 'customers', 'tier2', 'tier1', 'staff'] as const
export type Audience = (typeof AUDIENCES)[number]
export const AudienceSchema = z.enum(AUDIENCES)

// Names for readers: AUDIENCE_NAMES in customer-plans.ts.

/** Rank of an audience: a reader whose level is at least this rank may read it. */
export function audienceRank(audience: Audience): number {
	const rank = AUDIENCES.indexOf(audience)
	// Fails closed: a value that slipped past the types ranks above every reader, staff included.
	return rank === -1 ? AUDIENCES.length : rank
}

export function isAudience(value: unknown): value is Audience {
	return typeof value === 'string' && (AUDIENCES as readonly string[]).includes(value)
}

/**
 * An audience read from storage (a database row, an index), failing closed: anything that is not
 * one of AUDIENCES reads as 'staff', so visitors and customers never see the item and staff see it
 * under a Staff badge. Every stored audience goes through here, never through `as Audience`.
 */
export function parseAudience(value: unknown): Audience {
	return isAudience(value) ? value : 'staff'
}

export type Role = 'CUSTOMER' | 'CSM' | 'EDITOR' | 'ADMIN'
export type Tier = 1 | 2 | 3

/** What a reader is, as far as content gating cares: signed out, a customer of a tier, or staff. */
export type Reader =
	| { kind: 'anonymous' }
	| { kind: 'customer'; tier: Tier }
	| { kind: 'staff' }

export function readerFor(
	user: { role: Role | string; account?: { tier: number } | null } | null,
): Reader {
	if (!user) return { kind: 'anonymous' }
	if (user.role === 'CUSTOMER') {
		const tier = user.account?.tier
		return { kind: 'customer', tier: tier === 1 || tier === 2 ? tier : 3 }
	}
	return { kind: 'staff' }
}

/** The narrowest audience a reader may read: anonymous→public, Tier 3→customers, Tier 2→tier2, Tier 1→tier1, staff→staff. */
export function readerLevel(reader: Reader): Audience {
	switch (reader.kind) {
		case 'anonymous':
			return 'public'
		case 'staff':
			return 'staff'
		case 'customer':
			return reader.tier === 1 ? 'tier1' : reader.tier === 2 ? 'tier2' : 'customers'
	}
}

export function canRead(reader: Reader, audience: Audience): boolean {
	return audienceRank(readerLevel(reader)) >= audienceRank(audience)
}

/** Every audience a reader may read, for search filters. */
export function readableAudiences(reader: Reader): Audience[] {
	const rank = audienceRank(readerLevel(reader))
	return AUDIENCES.filter((a) => audienceRank(a) <= rank)
}
