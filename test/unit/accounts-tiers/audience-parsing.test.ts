import { describe, expect, test } from 'vitest'
import {
	AUDIENCES,
	audienceRank,
	canRead,
	isAudience,
	parseAudience,
	readableAudiences,
	readerFor,
	readerLevel,
	type Audience,
} from '#app/domain/accounts-tiers/audience.ts'

describe('audiences read from storage fail closed', () => {
	test('only the known names are audiences', () => {
		for (const audience of AUDIENCES) expect(isAudience(audience)).toBe(true)
		for (const value of ['', 'Tier1', 'admin', 'staff ', 1, null, undefined, ['public'], { toString: () => 'public' }]) {
			expect(isAudience(value)).toBe(false)
		}
	})

	test('parseAudience keeps a known audience and reads anything else as staff', () => {
		for (const audience of AUDIENCES) expect(parseAudience(audience)).toBe(audience)
		for (const value of ['', 'everyone', 'tier0', 3, null]) expect(parseAudience(value)).toBe('staff')
	})

	test('an unknown audience ranks above staff, so no reader may read it', () => {
		expect(audienceRank('bogus' as Audience)).toBe(AUDIENCES.length)
		expect(canRead({ kind: 'staff' }, 'bogus' as Audience)).toBe(false)
		expect(audienceRank('public')).toBe(0)
		expect(audienceRank('staff')).toBe(AUDIENCES.length - 1)
	})
})

describe('readers', () => {
	test('signed out is anonymous; a customer has their account tier; 3 for any other tier or none', () => {
		expect(readerFor(null)).toEqual({ kind: 'anonymous' })
		expect(readerFor({ role: 'CUSTOMER', account: { tier: 1 } })).toEqual({ kind: 'customer', tier: 1 })
		expect(readerFor({ role: 'CUSTOMER', account: { tier: 2 } })).toEqual({ kind: 'customer', tier: 2 })
		expect(readerFor({ role: 'CUSTOMER', account: { tier: 3 } })).toEqual({ kind: 'customer', tier: 3 })
		expect(readerFor({ role: 'CUSTOMER', account: { tier: 0 } })).toEqual({ kind: 'customer', tier: 3 })
		expect(readerFor({ role: 'CUSTOMER', account: null })).toEqual({ kind: 'customer', tier: 3 })
		expect(readerFor({ role: 'CUSTOMER' })).toEqual({ kind: 'customer', tier: 3 })
	})

	test('every other role is staff', () => {
		for (const role of ['CSM', 'EDITOR', 'ADMIN']) expect(readerFor({ role, account: { tier: 3 } })).toEqual({ kind: 'staff' })
	})

	test('each reader level, and what it may read', () => {
		expect(readerLevel({ kind: 'anonymous' })).toBe('public')
		expect(readerLevel({ kind: 'customer', tier: 3 })).toBe('customers')
		expect(readerLevel({ kind: 'customer', tier: 2 })).toBe('tier2')
		expect(readerLevel({ kind: 'customer', tier: 1 })).toBe('tier1')
		expect(readerLevel({ kind: 'staff' })).toBe('staff')
		expect(readableAudiences({ kind: 'customer', tier: 2 })).toEqual(['public', 'customers', 'tier2'])
		expect(readableAudiences({ kind: 'staff' })).toEqual([...AUDIENCES])
	})
})
