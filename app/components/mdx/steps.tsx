import { Children, cloneElement, isValidElement, type ReactElement, type ReactNode } from 'react'

type StepProps = { title?: string; number?: number; children?: ReactNode }

/** A numbered procedure: an ordered list (screen readers announce "1 of 5"), with visible number badges. */
export function Steps({ children }: { children?: ReactNode }) {
	const steps = Children.toArray(children).filter((child): child is ReactElement<StepProps> => isValidElement(child))
	return (
		<ol className="my-6 list-none! space-y-5 pl-0!">
			{steps.map((step, index) => cloneElement(step, { number: index + 1 }))}
		</ol>
	)
}

export function Step({ title, number, children }: StepProps) {
	return (
		<li className="relative pl-11">
			{number ? (
				<span
					aria-hidden="true"
					className="absolute top-0 left-0 flex h-8 w-8 items-center justify-center rounded-full bg-brand-600 text-sm font-semibold text-white"
				>
					{number}
				</span>
			) : null}
			<p className="my-0! pt-1 font-semibold text-slate-900">{title}</p>
			<div className="[&>*:last-child]:mb-0">{children}</div>
		</li>
	)
}
