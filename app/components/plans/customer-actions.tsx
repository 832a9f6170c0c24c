import { getFormProps } from '@conform-to/react'
import type { PlanObjective } from '#app/domain/plans/queries.server.ts'
import type { PlanStatus } from '#app/domain/plans/plan-state.ts'
import {
	AgreeObjectiveSchema,
	AgreePlanSchema,
	CUSTOMER_INTENTS,
	DeliveryRatingSchema,
	RequestObjectiveChangesSchema,
	RequestPlanChangesSchema,
} from '#app/domain/plans/schemas.ts'
import { Button, ErrorList } from '#app/components/ui/field.tsx'
import { TextAreaField } from './fields.tsx'
import { usePlanForm } from './use-plan-form.ts'

/** Thumbs-up to an objective's measure, or a request to change it with a comment. */
export function ObjectiveResponse({ action, objective }: { action: string; objective: PlanObjective }) {
	const agree = usePlanForm(`agree-${objective.id}`, AgreeObjectiveSchema)
	const change = usePlanForm(`change-${objective.id}`, RequestObjectiveChangesSchema)
	return (
		<div className="no-print space-y-3">
			{objective.agreement !== 'AGREED' ? (
				<agree.fetcher.Form method="post" action={action} {...getFormProps(agree.form)}>
					<input type="hidden" name="intent" value={CUSTOMER_INTENTS.agreeObjective} />
					<input type="hidden" name="objectiveId" value={objective.id} />
					<Button type="submit" disabled={agree.busy}>
						👍 Agree to this measure
					</Button>
					<ErrorList id={agree.form.errorId} errors={agree.form.errors} />
				</agree.fetcher.Form>
			) : null}
			<details>
				<summary className="cursor-pointer text-sm text-brand-700">Ask for a change to this measure</summary>
				<change.fetcher.Form method="post" action={action} {...getFormProps(change.form)} className="mt-2 space-y-2">
					<input type="hidden" name="intent" value={CUSTOMER_INTENTS.requestObjectiveChanges} />
					<input type="hidden" name="objectiveId" value={objective.id} />
					<TextAreaField label="What would you like changed?" meta={change.fields.body} rows={2} />
					<ErrorList id={change.form.errorId} errors={change.form.errors} />
					<Button type="submit" variant="secondary" disabled={change.busy}>
						Ask for a change
					</Button>
				</change.fetcher.Form>
			</details>
		</div>
	)
}

/** Agree to the whole plan (once every measure is agreed), or ask for changes to it. */
export function PlanResponse({ action, status, openMeasures }: { action: string; status: PlanStatus; openMeasures: number }) {
	const agree = usePlanForm('agree-plan', AgreePlanSchema)
	const change = usePlanForm('change-plan', RequestPlanChangesSchema)
	const canAgree = status === 'PROPOSED' && openMeasures === 0
	return (
		<div className="no-print grid gap-6 md:grid-cols-2">
			<agree.fetcher.Form method="post" action={action} {...getFormProps(agree.form)} className="space-y-2">
				<input type="hidden" name="intent" value={CUSTOMER_INTENTS.agreePlan} />
				<p className="text-sm text-slate-600">
					{status === 'AGREED'
						? 'You agreed to this plan.'
						: canAgree
							? 'Every measure is agreed: give the plan your thumbs-up.'
							: status === 'PROPOSED'
								? `Agree to each objective's measure first (${openMeasures} still open).`
								: 'Your success manager is working on the changes you asked for.'}
				</p>
				<Button type="submit" disabled={!canAgree || agree.busy}>
					👍 Agree to the plan
				</Button>
				<ErrorList id={agree.form.errorId} errors={agree.form.errors} />
			</agree.fetcher.Form>
			<change.fetcher.Form method="post" action={action} {...getFormProps(change.form)} className="space-y-2">
				<input type="hidden" name="intent" value={CUSTOMER_INTENTS.requestPlanChanges} />
				<TextAreaField label="Ask for changes to the plan" meta={change.fields.body} rows={2} />
				<ErrorList id={change.form.errorId} errors={change.form.errors} />
				<Button type="submit" variant="secondary" disabled={change.busy}>
					Ask for changes
				</Button>
			</change.fetcher.Form>
		</div>
	)
}

export function DeliveryRatingForm({ action, rating, comment }: { action: string; rating: number | null; comment: string | null }) {
	const { fetcher, form, fields, busy } = usePlanForm('delivery-rating', DeliveryRatingSchema, {
		rating: rating === null ? undefined : String(rating),
		comment: comment ?? '',
	})
	return (
		<fetcher.Form method="post" action={action} {...getFormProps(form)} className="no-print mt-4 space-y-3">
			<input type="hidden" name="intent" value={CUSTOMER_INTENTS.rateDelivery} />
			<fieldset aria-describedby={fields.rating.errors?.length ? fields.rating.errorId : undefined}>
				<legend className="text-sm font-medium text-slate-700">How are we delivering? (1 poor, 5 excellent)</legend>
				<div className="mt-1 flex gap-4">
					{[1, 2, 3, 4, 5].map((n) => (
						<label key={n} className="flex items-center gap-1 text-sm">
							<input type="radio" name={fields.rating.name} value={n} defaultChecked={rating === n} />
							{n}
						</label>
					))}
				</div>
				<ErrorList id={fields.rating.errorId} errors={fields.rating.errors} />
			</fieldset>
			<TextAreaField label="In your words" meta={fields.comment} rows={2} />
			<ErrorList id={form.errorId} errors={form.errors} />
			<Button type="submit" variant="secondary" disabled={busy}>
				Save rating
			</Button>
		</fetcher.Form>
	)
}
