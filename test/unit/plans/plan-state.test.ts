import { describe, expect, test } from 'vitest'
import {
	afterStaffEdit,
	agreeObjective,
	agreePlan,
	archivePlan,
	measureChanged,
	planAccess,
	proposePlan,
	requestObjectiveChanges,
	requestPlanChanges,
} from '#app/domain/plans/plan-state.ts'

describe('plan transitions', () => {
	test('staff propose a draft, and propose again after changes were requested', () => {
		expect(proposePlan('DRAFT', 'staff', 2)).toEqual({ ok: true, to: 'PROPOSED' })
		expect(proposePlan('CHANGES_REQUESTED', 'staff', 2)).toEqual({ ok: true, to: 'PROPOSED' })
	})

	test('proposing is refused to customers, without objectives, and from other states', () => {
		expect(proposePlan('DRAFT', 'customer', 2)).toMatchObject({ ok: false, reason: expect.stringMatching(/success manager/) })
		expect(proposePlan('DRAFT', 'staff', 0)).toMatchObject({ ok: false, reason: expect.stringMatching(/at least one objective/) })
		for (const status of ['PROPOSED', 'AGREED', 'ARCHIVED'] as const) expect(proposePlan(status, 'staff', 2).ok).toBe(false)
	})

	test('the customer agrees a proposed plan only once every measure is agreed', () => {
		expect(agreePlan('PROPOSED', 'customer', 0)).toEqual({ ok: true, to: 'AGREED' })
		expect(agreePlan('PROPOSED', 'customer', 1)).toMatchObject({ ok: false, reason: expect.stringMatching(/1 still open/) })
		expect(agreePlan('PROPOSED', 'staff', 0).ok).toBe(false)
		for (const status of ['DRAFT', 'CHANGES_REQUESTED', 'AGREED', 'ARCHIVED'] as const) expect(agreePlan(status, 'customer', 0).ok).toBe(false)
	})

	test('the customer asks for changes on a proposed or agreed plan', () => {
		expect(requestPlanChanges('PROPOSED', 'customer')).toEqual({ ok: true, to: 'CHANGES_REQUESTED' })
		expect(requestPlanChanges('AGREED', 'customer')).toEqual({ ok: true, to: 'CHANGES_REQUESTED' })
		expect(requestPlanChanges('DRAFT', 'customer').ok).toBe(false)
		expect(requestPlanChanges('ARCHIVED', 'customer').ok).toBe(false)
		expect(requestPlanChanges('PROPOSED', 'staff').ok).toBe(false)
	})

	test('staff archive any plan once', () => {
		expect(archivePlan('AGREED', 'staff')).toEqual({ ok: true, to: 'ARCHIVED' })
		expect(archivePlan('ARCHIVED', 'staff').ok).toBe(false)
		expect(archivePlan('DRAFT', 'customer').ok).toBe(false)
	})

	test('a staff edit of an agreed plan sends it back to awaiting agreement; other states stay', () => {
		expect(afterStaffEdit('AGREED')).toBe('PROPOSED')
		expect(afterStaffEdit('DRAFT')).toBe('DRAFT')
		expect(afterStaffEdit('PROPOSED')).toBe('PROPOSED')
		expect(afterStaffEdit('CHANGES_REQUESTED')).toBe('CHANGES_REQUESTED')
	})
})

describe('objective sign-off', () => {
	test('the customer agrees a measure while the plan is proposed or changes are pending', () => {
		expect(agreeObjective('PROPOSED', 'AWAITING', 'customer')).toEqual({ ok: true, agreement: 'AGREED', plan: 'PROPOSED' })
		expect(agreeObjective('CHANGES_REQUESTED', 'CHANGES_REQUESTED', 'customer')).toMatchObject({ ok: true, agreement: 'AGREED' })
		expect(agreeObjective('PROPOSED', 'AGREED', 'customer').ok).toBe(false)
		expect(agreeObjective('DRAFT', 'AWAITING', 'customer').ok).toBe(false)
		expect(agreeObjective('PROPOSED', 'AWAITING', 'staff').ok).toBe(false)
	})

	test('asking for a change to a measure puts the plan into changes requested', () => {
		expect(requestObjectiveChanges('PROPOSED', 'customer')).toEqual({ ok: true, agreement: 'CHANGES_REQUESTED', plan: 'CHANGES_REQUESTED' })
		expect(requestObjectiveChanges('AGREED', 'customer')).toMatchObject({ ok: true, plan: 'CHANGES_REQUESTED' })
		expect(requestObjectiveChanges('DRAFT', 'customer').ok).toBe(false)
		expect(requestObjectiveChanges('PROPOSED', 'staff').ok).toBe(false)
	})

	test('a measure changes when metric, unit, baseline, target or due date change', () => {
		const m = { metric: 'Churn', unit: '%', baseline: 8, target: 5, dueDate: new Date('2026-09-01') }
		expect(measureChanged(m, { ...m })).toBe(false)
		expect(measureChanged(m, { ...m, target: 4 })).toBe(true)
		expect(measureChanged(m, { ...m, dueDate: new Date('2026-09-02') })).toBe(true)
		expect(measureChanged(m, { ...m, metric: 'Churn rate' })).toBe(true)
	})
})

describe('access', () => {
	test('customers do not see drafts; staff do', () => {
		expect(planAccess({ actor: 'customer', status: 'DRAFT', active: true, accountTier: 1 })).toMatchObject({ canSeeContent: false, canRespond: false, canComment: false })
		expect(planAccess({ actor: 'staff', status: 'DRAFT', active: true, accountTier: 1 })).toMatchObject({ canSeeContent: true, canEdit: true })
	})

	test('the active plan of a Tier 1 account is open to customer responses and staff edits', () => {
		expect(planAccess({ actor: 'customer', status: 'PROPOSED', active: true, accountTier: 1 })).toEqual({
			canSeeContent: true,
			canRespond: true,
			canEdit: false,
			canComment: true,
			readOnlyReason: null,
		})
		expect(planAccess({ actor: 'staff', status: 'AGREED', active: true, accountTier: 1 })).toMatchObject({ canEdit: true, canRespond: false })
	})

	test('past plans and plans of accounts that left Tier 1 are read-only for everyone', () => {
		for (const input of [
			{ status: 'ARCHIVED' as const, active: false, accountTier: 1 },
			{ status: 'AGREED' as const, active: true, accountTier: 2 },
			{ status: 'AGREED' as const, active: true, accountTier: 3 },
		]) {
			const customer = planAccess({ actor: 'customer', ...input })
			const staff = planAccess({ actor: 'staff', ...input })
			expect(customer).toMatchObject({ canSeeContent: true, canRespond: false, canComment: false })
			expect(staff).toMatchObject({ canSeeContent: true, canEdit: false, canComment: false })
			expect(customer.readOnlyReason).toBeTruthy()
		}
		expect(planAccess({ actor: 'customer', status: 'AGREED', active: true, accountTier: 2 }).readOnlyReason).toMatch(/Enterprise plan/)
	})
})
