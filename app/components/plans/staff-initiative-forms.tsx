import { getFormProps } from '@conform-to/react'
import type { PlanContent } from '#app/domain/plans/queries.server.ts'
import { EditInitiativeSchema, INITIATIVE_STATUSES, INITIATIVE_STATUS_LABELS, NewInitiativeSchema, STAFF_INTENTS } from '#app/domain/plans/schemas.ts'
import { Button, ErrorList } from '#app/components/ui/field.tsx'
import { InputField, SelectField } from './fields.tsx'
import { dateInputValue } from './format.ts'
import { usePlanForm } from './use-plan-form.ts'

const STATUS_OPTIONS = INITIATIVE_STATUSES.map((s) => ({ value: s, label: INITIATIVE_STATUS_LABELS[s] }))

type Initiative = PlanContent['initiatives'][number]

/** Adds an initiative, or edits one when `initiative` is given. */
export function InitiativeForm({ action, initiative }: { action: string; initiative?: Initiative }) {
	const editing = Boolean(initiative)
	const { fetcher, form, fields, busy } = usePlanForm(
		initiative ? `initiative-${initiative.id}` : 'add-initiative',
		editing ? EditInitiativeSchema : NewInitiativeSchema,
		initiative
			? {
					title: initiative.title,
					owner: initiative.owner,
					startDate: dateInputValue(initiative.startDate),
					dueDate: dateInputValue(initiative.dueDate),
					status: initiative.status,
				}
			: { status: 'PLANNED' },
	)
	return (
		<fetcher.Form method="post" action={action} {...getFormProps(form)} className="space-y-3">
			<input type="hidden" name="intent" value={editing ? STAFF_INTENTS.editInitiative : STAFF_INTENTS.addInitiative} />
			{initiative ? <input type="hidden" name="initiativeId" value={initiative.id} /> : null}
			<div className="grid gap-3 sm:grid-cols-5">
				<div className="sm:col-span-2">
					<InputField label="Initiative" meta={fields.title} />
				</div>
				<InputField label="Owner" meta={fields.owner} />
				<InputField label="Start date" meta={fields.startDate} type="date" />
				<InputField label="Due date" meta={fields.dueDate} type="date" />
				<SelectField label="Status" meta={fields.status} options={STATUS_OPTIONS} />
			</div>
			<ErrorList id={form.errorId} errors={form.errors} />
			<Button type="submit" variant="secondary" disabled={busy}>
				{editing ? 'Save initiative' : 'Add initiative'}
			</Button>
		</fetcher.Form>
	)
}
