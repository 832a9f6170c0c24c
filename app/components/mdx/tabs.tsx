import {
	Children,
	isValidElement,
	useId,
	useRef,
	useState,
	type KeyboardEvent,
	type ReactElement,
	type ReactNode,
} from 'react'

type TabProps = { label?: string; children?: ReactNode }

/**
 * WAI-ARIA tabs with automatic activation: arrows move and select, Home/End jump, only the
 * selected tab is in the tab order. Every panel is in the HTML (hidden ones with `hidden`), so the
 * content is there before hydration and for find-in-page after it.
 */
export function Tabs({ children }: { children?: ReactNode }) {
	const tabs = Children.toArray(children).filter((child): child is ReactElement<TabProps> => isValidElement(child))
	const [selected, setSelected] = useState(0)
	const buttons = useRef<Array<HTMLButtonElement | null>>([])
	const baseId = useId()

	function select(index: number) {
		const next = (index + tabs.length) % tabs.length
		setSelected(next)
		buttons.current[next]?.focus()
	}

	function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
		const moves: Record<string, () => void> = {
			ArrowRight: () => select(selected + 1),
			ArrowLeft: () => select(selected - 1),
			Home: () => select(0),
			End: () => select(tabs.length - 1),
		}
		const move = moves[event.key]
		if (move) {
			event.preventDefault()
			move()
		}
	}

	if (tabs.length === 0) return null
	return (
		<div className="my-6 rounded-lg border border-slate-200">
			<div role="tablist" onKeyDown={onKeyDown} className="flex flex-wrap gap-1 border-b border-slate-200 px-2 pt-2">
				{tabs.map((tab, index) => (
					<button
						key={index}
						ref={(element) => {
							buttons.current[index] = element
						}}
						type="button"
						role="tab"
						id={`${baseId}-tab-${index}`}
						aria-selected={index === selected}
						aria-controls={`${baseId}-panel-${index}`}
						tabIndex={index === selected ? 0 : -1}
						onClick={() => setSelected(index)}
						className="-mb-px rounded-t-md border border-transparent px-3 py-1.5 text-sm text-slate-600 aria-selected:border-slate-200 aria-selected:border-b-white aria-selected:bg-white aria-selected:font-semibold aria-selected:text-slate-900"
					>
						{tab.props.label}
					</button>
				))}
			</div>
			{tabs.map((tab, index) => (
				<div
					key={index}
					role="tabpanel"
					id={`${baseId}-panel-${index}`}
					aria-labelledby={`${baseId}-tab-${index}`}
					hidden={index !== selected}
					tabIndex={0}
					className="px-4 py-2"
				>
					{tab.props.children}
				</div>
			))}
		</div>
	)
}

/** Only a carrier for label and content; Tabs renders it. */
export function Tab({ children }: TabProps) {
	return <>{children}</>
}
