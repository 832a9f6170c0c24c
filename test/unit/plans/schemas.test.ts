import { parseWithZod } from '@conform-to/zod/v4'
import { describe, expect, test } from 'vitest'
import type { z } from 'zod'
import {
	DeliveryRatingSchema,
	EditObjectiveSchema,
	NewInitiativeSchema,
	newObjectiveSchema,
	PlanDetailsSchema,
	ProgressUpdateSchema,
	RequestObjectiveChangesSchema,
	startOfUtcDay,
} from '#app/domain/plans/schemas.ts'

/** Parses a form as the action does: through Conform, from strings. */
function parse(schema: z.ZodType, fields: Record<string, string>) {
	const formData = new FormData()
	for (const [k, v] of Object.entries(fields)) formData.set(k, v)
	const submission = parseWithZod(formData, { schema })
	return submission.status === 'success'
		? { status: 'success' as const, value: submission.value as Record<string, unknown>, error: undefined }
		: { status: 'error' as const, value: undefined, error: submission.error }
}

const today = new Date('2026-03-10T15:00:00Z')
const objective = { intent: 'add-objective', metric: 'Weekly active users', unit: 'users', baseline: '40', target: '120', dueDate: '2026-09-30' }

describe('new objective', () => {
	const schema = newObjectiveSchema(today)

	test('a good objective parses to numbers and a date; the current value is optional', () => {
		const result = parse(schema, objective)
		expect(result.status).toBe('success')
		if (result.status !== 'success') return
		expect(result.value).toMatchObject({ metric: 'Weekly active users', baseline: 40, target: 120, dueDate: new Date('2026-09-30T00:00:00Z') })
		expect(result.value.current).toBeUndefined()
	})

	test('bad values get clear messages', () => {
		const result = parse(schema, { ...objective, metric: '  ', target: 'lots', dueDate: '2026-03-09' })
		expect(result.status).toBe('error')
		expect(result.error).toMatchObject({
			metric: ['Metric is required'],
			target: ['Target must be a number'],
		})
		const past = parse(schema, { ...objective, dueDate: '2026-03-09' })
		expect(past.error).toEqual({ dueDate: ['Due date must be today or later'] })
		const missing = parse(schema, { intent: 'add-objective', metric: 'X', unit: 'u' })
		expect(missing.error).toMatchObject({ baseline: ['Baseline is required'], target: ['Target is required'], dueDate: ['Due date is required'] })
	})

	test('today is allowed as a due date; a target equal to the baseline is not', () => {
		expect(parse(schema, { ...objective, dueDate: '2026-03-10' }).status).toBe('success')
		expect(parse(schema, { ...objective, target: '40' }).error).toEqual({ target: ['Target must differ from the baseline'] })
	})

	test('a target below the baseline is fine (reduce churn)', () => {
		expect(parse(schema, { ...objective, metric: 'Churn', unit: '%', baseline: '8', target: '5' }).status).toBe('success')
	})
})

test('an edit may keep a past due date (the service refuses moving it into the past)', () => {
	const result = parse(EditObjectiveSchema, { ...objective, intent: 'edit-objective', objectiveId: 'o1', dueDate: '2020-01-01' })
	expect(result.status).toBe('success')
})

test('progress needs a number', () => {
	expect(parse(ProgressUpdateSchema, { intent: 'update-progress', objectiveId: 'o1', current: 'abc' }).error).toEqual({ current: ['Current value must be a number'] })
	expect(parse(ProgressUpdateSchema, { intent: 'update-progress', objectiveId: 'o1', current: '-3.5' }).status).toBe('success')
})

test('plan details need a title; texts default to empty', () => {
	expect(parse(PlanDetailsSchema, { intent: 'update-details', title: '' }).error).toEqual({ title: ['Title is required'] })
	const ok = parse(PlanDetailsSchema, { intent: 'update-details', title: 'Plan' })
	expect(ok.status === 'success' && ok.value).toEqual({ intent: 'update-details', title: 'Plan', successDefinition: '', expectations: '', roadmap: '' })
})

test('a change request needs words; a rating is 1 to 5', () => {
	expect(parse(RequestObjectiveChangesSchema, { intent: 'request-objective-changes', objectiveId: 'o1', body: ' ' }).error).toEqual({
		body: ['What you would like changed is required'],
	})
	expect(parse(DeliveryRatingSchema, { intent: 'rate-delivery', rating: '6' }).error).toEqual({ rating: ['Choose a rating from 1 to 5'] })
	expect(parse(DeliveryRatingSchema, { intent: 'rate-delivery', rating: '4' }).status).toBe('success')
})

test('an initiative may not be due before it starts', () => {
	const base = { intent: 'add-initiative', title: 'Training', owner: 'Casey', status: 'PLANNED' }
	expect(parse(NewInitiativeSchema, { ...base, startDate: '2026-05-01', dueDate: '2026-04-01' }).error).toEqual({
		dueDate: ['Due date must not be before the start date'],
	})
	expect(parse(NewInitiativeSchema, { ...base, status: 'SOMEDAY' }).error).toEqual({ status: ['Choose a status'] })
	expect(parse(NewInitiativeSchema, base).status).toBe('success')
})

test('startOfUtcDay', () => {
	expect(startOfUtcDay(new Date('2026-03-10T23:59:59Z')).toISOString()).toBe('2026-03-10T00:00:00.000Z')
})
