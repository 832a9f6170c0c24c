import { getInputProps, type FieldMetadata } from '@conform-to/react'

/** A labelled input whose errors are announced: aria-invalid and aria-describedby come from Conform. */
export function Field({
	label,
	meta,
	type = 'text',
	autoComplete,
	hint,
}: {
	label: string
	meta: FieldMetadata<string>
	type?: 'text' | 'email' | 'password' | 'number' | 'date' | 'url'
	autoComplete?: string
	hint?: string
}) {
	const errorId = meta.errorId
	return (
		<div className="space-y-1">
			<label htmlFor={meta.id} className="block text-sm font-medium text-slate-700">
				{label}
			</label>
			<input
				{...getInputProps(meta, { type })}
				autoComplete={autoComplete}
				className="block w-full rounded-md border border-slate-300 px-3 py-2 aria-[invalid]:border-red-500"
			/>
			{hint ? <p className="text-xs text-slate-500">{hint}</p> : null}
			<ErrorList id={errorId} errors={meta.errors} />
		</div>
	)
}

export function ErrorList({ id, errors }: { id?: string; errors?: string[] | null }) {
	if (!errors?.length) return null
	return (
		<ul id={id} className="text-sm text-red-700" role="alert">
			{errors.map((e) => (
				<li key={e}>{e}</li>
			))}
		</ul>
	)
}

export function Button({
	children,
	variant = 'primary',
	...props
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' | 'danger' }) {
	const styles = {
		primary: 'bg-brand-600 text-white hover:bg-brand-700',
		secondary: 'border border-slate-300 bg-white text-slate-800 hover:bg-slate-50',
		danger: 'bg-red-600 text-white hover:bg-red-700',
	}[variant]
	return (
		<button {...props} className={`rounded-md px-4 py-2 text-sm font-medium disabled:opacity-50 ${styles} ${props.className ?? ''}`}>
			{children}
		</button>
	)
}
