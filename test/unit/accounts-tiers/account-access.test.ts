import { describe, expect, test } from 'vitest'
import { canManageAccount, managedAccountsWhere } from '#app/domain/accounts-tiers/account-access.ts'

const owned = { csmId: 'csm-1' }
const unowned = { csmId: null }

describe('who may manage an account', () => {
	test('an admin manages every account, owned or not', () => {
		expect(canManageAccount({ id: 'admin-1', role: 'ADMIN' }, owned)).toBe(true)
		expect(canManageAccount({ id: 'admin-1', role: 'ADMIN' }, unowned)).toBe(true)
	})

	test('a CSM manages only the accounts they own', () => {
		expect(canManageAccount({ id: 'csm-1', role: 'CSM' }, owned)).toBe(true)
		expect(canManageAccount({ id: 'csm-2', role: 'CSM' }, owned)).toBe(false)
		expect(canManageAccount({ id: 'csm-1', role: 'CSM' }, unowned)).toBe(false)
	})

	test('editors, customers and unknown roles manage none, even with a matching id', () => {
		for (const role of ['EDITOR', 'CUSTOMER', 'csm', '']) {
			expect(canManageAccount({ id: 'csm-1', role }, owned)).toBe(false)
		}
	})

	test('the same rule as a filter: everything, own accounts, or nothing', () => {
		expect(managedAccountsWhere({ id: 'admin-1', role: 'ADMIN' })).toEqual({})
		expect(managedAccountsWhere({ id: 'csm-1', role: 'CSM' })).toEqual({ csmId: 'csm-1' })
		for (const role of ['EDITOR', 'CUSTOMER', '']) {
			expect(managedAccountsWhere({ id: 'x', role })).toEqual({ id: { in: [] } })
		}
	})
})
