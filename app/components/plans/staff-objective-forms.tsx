import { getFormProps } from '@conform-to/react'
import { useMemo } from 'react'
import type { PlanObjective } from '#app/domain/plans/queries.server.ts'
import { EditObjectiveSchema, newObjectiveSchema, ProgressUpdateSchema, SetAchievedSchema, STAFF_INTENTS } from '#app/domain/plans/schemas.ts'
import { Button, ErrorList } from '#app/components/ui/field.tsx'
import { InputField, type AnyField } from './fields.tsx'
import { dateInputValue } from './format.ts'
import { usePlanForm } from './use-plan-form.ts'

type MeasureFieldSet = Record<'metric' | 'unit' | 'baseline' | 'target' | 'dueDate', AnyField>

function MeasureFields({ fields }: { fields: MeasureFieldSet }) {
	return (
		<div className="grid gap-3 sm:grid-cols-2">
			<InputField label="Metric" meta={fields.metric} hint="What is measured, e.g. Monthly active users" />
			<InputField label="Unit" meta={fields.unit} hint="e.g. users, %, hours" />
			<InputField label="Baseline" meta={fields.baseline} type="number" step="any" />
			<InputField label="Target" meta={fields.target} type="number" step="any" hint="May be below the baseline, e.g. reduce churn." />
			<InputField label="Due date" meta={fields.dueDate} type="date" />
		</div>
	)
}

export function AddObjectiveForm({ action }: { action: string }) {
	const schema = useMemo(() => newObjectiveSchema(), [])
	const { fetcher, form, fields, busy } = usePlanForm('add-objective', schema)
	return (
		<fetcher.Form method="post" action={action} {...getFormProps(form)} className="space-y-3">
			<input type="hidden" name="intent" value={STAFF_INTENTS.addObjective} />
			<MeasureFields fields={fields} />
			<InputField label="Current value" meta={fields.current} type="number" step="any" hint="Leave empty to start at the baseline." />
			<ErrorList id={form.errorId} errors={form.errors} />
			<Button type="submit" disabled={busy}>
				Add objective
			</Button>
		</fetcher.Form>
	)
}

/** Editing the measure of an agreed objective sends it back to the customer for agreement. */
export function EditMeasureForm({ action, objective: o }: { action: string; objective: PlanObjective }) {
	const { fetcher, form, fields, busy } = usePlanForm(`edit-objective-${o.id}`, EditObjectiveSchema, {
		metric: o.metric,
		unit: o.unit,
		baseline: String(o.baseline),
		target: String(o.target),
		dueDate: dateInputValue(o.dueDate),
	})
	return (
		<details>
			<summary className="cursor-pointer text-sm text-brand-700">Edit the measure</summary>
			<fetcher.Form method="post" action={action} {...getFormProps(form)} className="mt-2 space-y-3">
				<input type="hidden" name="intent" value={STAFF_INTENTS.editObjective} />
				<input type="hidden" name="objectiveId" value={o.id} />
				<MeasureFields fields={fields} />
				{o.agreement === 'AGREED' ? <p className="text-xs text-amber-800">The customer agreed to this measure: a change needs their agreement again.</p> : null}
				<ErrorList id={form.errorId} errors={form.errors} />
				<Button type="submit" variant="secondary" disabled={busy}>
					Save measure
				</Button>
			</fetcher.Form>
		</details>
	)
}

export function ProgressForm({ action, objective: o }: { action: string; objective: PlanObjective }) {
	const { fetcher, form, fields, busy } = usePlanForm(`progress-${o.id}`, ProgressUpdateSchema)
	return (
		<fetcher.Form method="post" action={action} {...getFormProps(form)} className="grid items-start gap-3 sm:grid-cols-[10rem_1fr_auto]">
			<input type="hidden" name="intent" value={STAFF_INTENTS.updateProgress} />
			<input type="hidden" name="objectiveId" value={o.id} />
			<InputField label={`New value (${o.unit})`} meta={fields.current} type="number" step="any" />
			<InputField label="Note" meta={fields.note} />
			<div className="sm:pt-6">
				<Button type="submit" variant="secondary" disabled={busy}>
					Update progress
				</Button>
			</div>
			<ErrorList id={form.errorId} errors={form.errors} />
		</fetcher.Form>
	)
}

export function AchievedForm({ action, objective: o }: { action: string; objective: PlanObjective }) {
	const { fetcher, form, busy } = usePlanForm(`achieved-${o.id}`, SetAchievedSchema)
	return (
		<fetcher.Form method="post" action={action} {...getFormProps(form)}>
			<input type="hidden" name="intent" value={STAFF_INTENTS.setAchieved} />
			<input type="hidden" name="objectiveId" value={o.id} />
			<input type="hidden" name="achieved" value={o.achievedAt ? 'no' : 'yes'} />
			<button type="submit" disabled={busy} className="text-sm text-brand-700 underline-offset-2 hover:underline">
				{o.achievedAt ? 'Clear the achieved mark' : 'Mark as achieved'}
			</button>
			<ErrorList id={form.errorId} errors={form.errors} />
		</fetcher.Form>
	)
}
