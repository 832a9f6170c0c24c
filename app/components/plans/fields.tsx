import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from '@conform-to/react'
import { ErrorList } from '#app/components/ui/field.tsx'

// Conform's field metadata for any value type: these inputs only read ids, names, errors and defaults.
export type AnyField = FieldMetadata<unknown, Record<string, unknown>, string[]>

const inputClass = 'block w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-[invalid]:border-red-500'

/** A labelled input whose errors are announced (aria-invalid, aria-describedby from Conform). */
export function InputField({
	label,
	meta,
	type = 'text',
	step,
	hint,
}: {
	label: string
	meta: AnyField
	type?: 'text' | 'number' | 'date'
	step?: string
	hint?: string
}) {
	return (
		<div className="space-y-1">
			<label htmlFor={meta.id} className="block text-sm font-medium text-slate-700">
				{label}
			</label>
			<input {...getInputProps(meta, { type })} step={step} className={inputClass} />
			{hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
			<ErrorList id={meta.errorId} errors={meta.errors} />
		</div>
	)
}

export function TextAreaField({ label, meta, rows = 3, hint }: { label: string; meta: AnyField; rows?: number; hint?: string }) {
	return (
		<div className="space-y-1">
			<label htmlFor={meta.id} className="block text-sm font-medium text-slate-700">
				{label}
			</label>
			<textarea {...getTextareaProps(meta)} rows={rows} className={inputClass} />
			{hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
			<ErrorList id={meta.errorId} errors={meta.errors} />
		</div>
	)
}

export function SelectField({ label, meta, options }: { label: string; meta: AnyField; options: ReadonlyArray<{ value: string; label: string }> }) {
	return (
		<div className="space-y-1">
			<label htmlFor={meta.id} className="block text-sm font-medium text-slate-700">
				{label}
			</label>
			<select {...getSelectProps(meta)} className={inputClass}>
				{options.map((o) => (
					<option key={o.value} value={o.value}>
						{o.label}
					</option>
				))}
			</select>
			<ErrorList id={meta.errorId} errors={meta.errors} />
		</div>
	)
}
