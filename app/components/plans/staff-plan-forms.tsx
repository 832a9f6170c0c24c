import { getFormProps } from '@conform-to/react'
import type { PlanStatus } from '#app/domain/plans/plan-state.ts'
import { ArchiveSchema, PlanDetailsSchema, ProposeSchema, STAFF_INTENTS } from '#app/domain/plans/schemas.ts'
import { Button, ErrorList } from '#app/components/ui/field.tsx'
import { InputField, TextAreaField } from './fields.tsx'
import { usePlanForm } from './use-plan-form.ts'

export function DetailsForm({
	action,
	details,
}: {
	action: string
	details: { title: string; successDefinition: string; expectations: string; roadmap: string }
}) {
	const { fetcher, form, fields, busy } = usePlanForm('plan-details', PlanDetailsSchema, details)
	return (
		<fetcher.Form method="post" action={action} {...getFormProps(form)} className="space-y-3">
			<input type="hidden" name="intent" value={STAFF_INTENTS.updateDetails} />
			<InputField label="Title" meta={fields.title} />
			<TextAreaField label="What success means, in the customer's words" meta={fields.successDefinition} rows={3} />
			<TextAreaField label="What the customer expects of us" meta={fields.expectations} rows={3} />
			<TextAreaField label="What the customer expects to need next (their roadmap)" meta={fields.roadmap} rows={3} />
			<ErrorList id={form.errorId} errors={form.errors} />
			<Button type="submit" variant="secondary" disabled={busy}>
				Save details
			</Button>
		</fetcher.Form>
	)
}

/** Propose (or propose again after changes) and archive. */
export function PlanStateForms({ action, status, objectives }: { action: string; status: PlanStatus; objectives: number }) {
	const propose = usePlanForm('propose-plan', ProposeSchema)
	const archive = usePlanForm('archive-plan', ArchiveSchema)
	const canPropose = (status === 'DRAFT' || status === 'CHANGES_REQUESTED') && objectives > 0
	return (
		<div className="flex flex-wrap items-start gap-4">
			{status === 'DRAFT' || status === 'CHANGES_REQUESTED' ? (
				<propose.fetcher.Form method="post" action={action} {...getFormProps(propose.form)}>
					<input type="hidden" name="intent" value={STAFF_INTENTS.propose} />
					<Button type="submit" disabled={!canPropose || propose.busy}>
						{status === 'DRAFT' ? 'Propose to the customer' : 'Propose again'}
					</Button>
					{objectives === 0 ? <p className="mt-1 text-xs text-slate-500">Add an objective first.</p> : null}
					<ErrorList id={propose.form.errorId} errors={propose.form.errors} />
				</propose.fetcher.Form>
			) : null}
			<archive.fetcher.Form
				method="post"
				action={action}
				{...getFormProps(archive.form)}
				onSubmit={(event) => {
					if (!window.confirm('Archive this plan? It becomes read-only for good.')) event.preventDefault()
				}}
			>
				<input type="hidden" name="intent" value={STAFF_INTENTS.archive} />
				<Button type="submit" variant="secondary" disabled={archive.busy}>
					Archive plan
				</Button>
				<ErrorList id={archive.form.errorId} errors={archive.form.errors} />
			</archive.fetcher.Form>
		</div>
	)
}
