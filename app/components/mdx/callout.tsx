import type { ReactNode } from 'react'

const CALLOUT_STYLES = {
	info: { label: 'Note', className: 'border-sky-400 bg-sky-50 text-sky-950' },
	tip: { label: 'Tip', className: 'border-emerald-400 bg-emerald-50 text-emerald-950' },
	warning: { label: 'Warning', className: 'border-amber-400 bg-amber-50 text-amber-950' },
	danger: { label: 'Danger', className: 'border-red-500 bg-red-50 text-red-950' },
} as const

type CalloutType = keyof typeof CALLOUT_STYLES

function isCalloutType(value: unknown): value is CalloutType {
	return typeof value === 'string' && value in CALLOUT_STYLES
}

export function Callout({ type, title, children }: { type?: string; title?: string; children?: ReactNode }) {
	const style = CALLOUT_STYLES[isCalloutType(type) ? type : 'info']
	const heading = title ?? style.label
	return (
		<aside role="note" aria-label={heading} className={`my-5 rounded-md border-l-4 px-4 py-3 ${style.className}`}>
			<p className="my-0! font-semibold">
				{title ? <span className="sr-only">{style.label}: </span> : null}
				{heading}
			</p>
			<div className="[&>*:last-child]:mb-0 [&>*:first-child]:mt-1">{children}</div>
		</aside>
	)
}
