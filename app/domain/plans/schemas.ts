import { z } from 'zod'
import { DAY_MS } from '#app/utils/time.ts'

/** Intents of the customer's plan page (`/plans/:planId`). */
export const CUSTOMER_INTENTS = {
	agreePlan: 'agree-plan',
	requestPlanChanges: 'request-plan-changes',
	agreeObjective: 'agree-objective',
	requestObjectiveChanges: 'request-objective-changes',
	comment: 'comment',
	rateDelivery: 'rate-delivery',
} as const

/** Intents of the success manager's plan editor (`/console/plans/:planId`). */
export const STAFF_INTENTS = {
	updateDetails: 'update-details',
	addObjective: 'add-objective',
	editObjective: 'edit-objective',
	updateProgress: 'update-progress',
	setAchieved: 'set-achieved',
	addInitiative: 'add-initiative',
	editInitiative: 'edit-initiative',
	propose: 'propose',
	archive: 'archive',
	comment: 'comment',
} as const

export const CREATE_PLAN_INTENT = 'create-plan'

export const INITIATIVE_STATUSES = ['PLANNED', 'IN_PROGRESS', 'DONE'] as const
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number]
export const INITIATIVE_STATUS_LABELS: Record<InitiativeStatus, string> = {
	PLANNED: 'Planned',
	IN_PROGRESS: 'In progress',
	DONE: 'Done',
}


/** Midnight UTC of a day: date inputs arrive as UTC midnights, so due dates compare against this. */
export function startOfUtcDay(date: Date): Date {
	return new Date(Math.floor(date.getTime() / DAY_MS) * DAY_MS)
}

const requiredText = (label: string, max: number) =>
	z
		.string({ error: `${label} is required` })
		.trim()
		.min(1, `${label} is required`)
		.max(max, `${label} must be at most ${max} characters`)

const optionalText = (label: string, max: number) =>
	z
		.string()
		.trim()
		.max(max, `${label} must be at most ${max} characters`)
		.optional()
		.transform((v) => v ?? '')

const numberField = (label: string) =>
	z.number({ error: (issue) => (issue.input === undefined ? `${label} is required` : `${label} must be a number`) })

const dateField = (label: string) =>
	z.date({ error: (issue) => (issue.input === undefined ? `${label} is required` : `${label} must be a date`) })

const optionalDate = (label: string) => z.date({ error: `${label} must be a date` }).optional()

const id = (label: string) => z.string({ error: `${label} is missing` }).min(1, `${label} is missing`).max(64)

export const PlanDetailsSchema = z.object({
	intent: z.literal(STAFF_INTENTS.updateDetails),
	title: requiredText('Title', 120),
	successDefinition: optionalText('The definition of success', 4000),
	expectations: optionalText('Expectations', 4000),
	roadmap: optionalText('The roadmap', 4000),
})
export type PlanDetails = z.infer<typeof PlanDetailsSchema>

const measureShape = {
	metric: requiredText('Metric', 120),
	unit: requiredText('Unit', 30),
	baseline: numberField('Baseline'),
	target: numberField('Target'),
	dueDate: dateField('Due date'),
}

const targetDiffersFromBaseline = {
	message: 'Target must differ from the baseline',
	path: ['target'],
}

/** A new objective: its due date may not be in the past. `today` is passed so tests and browsers agree on it. */
export function newObjectiveSchema(today: Date = new Date()) {
	const firstDay = startOfUtcDay(today)
	return z
		.object({
			intent: z.literal(STAFF_INTENTS.addObjective),
			...measureShape,
			/** Defaults to the baseline. */
			current: numberField('Current value').optional(),
		})
		.refine((v) => v.target !== v.baseline, targetDiffersFromBaseline)
		.refine((v) => v.dueDate.getTime() >= firstDay.getTime(), {
			message: 'Due date must be today or later',
			path: ['dueDate'],
		})
}
export type NewObjective = z.infer<ReturnType<typeof newObjectiveSchema>>

/** An edit of an objective's measure. A due date moved into the past is refused by the service, which knows the old one. */
export const EditObjectiveSchema = z
	.object({
		intent: z.literal(STAFF_INTENTS.editObjective),
		objectiveId: id('Objective'),
		...measureShape,
	})
	.refine((v) => v.target !== v.baseline, targetDiffersFromBaseline)
export type EditObjective = z.infer<typeof EditObjectiveSchema>

export const ProgressUpdateSchema = z.object({
	intent: z.literal(STAFF_INTENTS.updateProgress),
	objectiveId: id('Objective'),
	current: numberField('Current value'),
	note: optionalText('Note', 500),
})

export const SetAchievedSchema = z.object({
	intent: z.literal(STAFF_INTENTS.setAchieved),
	objectiveId: id('Objective'),
	achieved: z.enum(['yes', 'no'], { error: 'Say whether the objective is achieved' }),
})

const initiativeShape = {
	title: requiredText('Title', 200),
	owner: requiredText('Owner', 120),
	startDate: optionalDate('Start date'),
	dueDate: optionalDate('Due date'),
	status: z.enum(INITIATIVE_STATUSES, { error: 'Choose a status' }).default('PLANNED'),
}

const dueAfterStart = {
	message: 'Due date must not be before the start date',
	path: ['dueDate'],
}
const datesInOrder = (v: { startDate?: Date; dueDate?: Date }) => !v.startDate || !v.dueDate || v.dueDate >= v.startDate

export const NewInitiativeSchema = z
	.object({ intent: z.literal(STAFF_INTENTS.addInitiative), ...initiativeShape })
	.refine(datesInOrder, dueAfterStart)

export const EditInitiativeSchema = z
	.object({ intent: z.literal(STAFF_INTENTS.editInitiative), initiativeId: id('Initiative'), ...initiativeShape })
	.refine(datesInOrder, dueAfterStart)
export type InitiativeInput = z.infer<typeof NewInitiativeSchema>

export const CommentSchema = z.object({
	intent: z.literal(CUSTOMER_INTENTS.comment),
	/** Absent for a comment on the plan as a whole. */
	objectiveId: id('Objective').optional(),
	body: requiredText('Comment', 2000),
})

export const AgreePlanSchema = z.object({ intent: z.literal(CUSTOMER_INTENTS.agreePlan) })

export const RequestPlanChangesSchema = z.object({
	intent: z.literal(CUSTOMER_INTENTS.requestPlanChanges),
	body: requiredText('What you would like changed', 2000),
})

export const AgreeObjectiveSchema = z.object({
	intent: z.literal(CUSTOMER_INTENTS.agreeObjective),
	objectiveId: id('Objective'),
})

export const RequestObjectiveChangesSchema = z.object({
	intent: z.literal(CUSTOMER_INTENTS.requestObjectiveChanges),
	objectiveId: id('Objective'),
	body: requiredText('What you would like changed', 2000),
})

export const DeliveryRatingSchema = z.object({
	intent: z.literal(CUSTOMER_INTENTS.rateDelivery),
	rating: z
		.number({ error: 'Choose a rating from 1 to 5' })
		.int('Choose a rating from 1 to 5')
		.min(1, 'Choose a rating from 1 to 5')
		.max(5, 'Choose a rating from 1 to 5'),
	comment: optionalText('Your words', 2000),
})

export const ProposeSchema = z.object({ intent: z.literal(STAFF_INTENTS.propose) })
export const ArchiveSchema = z.object({ intent: z.literal(STAFF_INTENTS.archive) })

export const NewPlanSchema = z.object({
	intent: z.literal(CREATE_PLAN_INTENT),
	accountId: id('Account'),
	title: requiredText('Title', 120),
})

/** The `intent` of a submitted form, or null when absent. */
export function intentOf(formData: FormData): string | null {
	const value = formData.get('intent')
	return typeof value === 'string' ? value : null
}
