import { Form, useFetcher, useNavigate } from '@remix-run/react'
import { useEffect, useId, useRef, useState } from 'react'
import type { Suggestion } from '#app/routes/search.suggest.ts'

const DEBOUNCE_MS = 200

/**
 * Header search: a plain GET form to /search (works without JavaScript), enhanced into a combobox
 * with results as you type. Arrow keys move through the results, Enter opens one, Escape closes.
 */
export function HeaderSearch() {
	const fetcher = useFetcher<{ q: string; suggestions: Suggestion[] }>()
	const navigate = useNavigate()
	const listId = useId()
	const [query, setQuery] = useState('')
	const [open, setOpen] = useState(false)
	const [active, setActive] = useState(-1)
	const timer = useRef<ReturnType<typeof setTimeout>>(undefined)
	const suggestions = query.trim().length >= 2 && fetcher.data?.q === query.trim() ? fetcher.data.suggestions : []

	useEffect(() => () => clearTimeout(timer.current), [])

	function onChange(value: string) {
		setQuery(value)
		setActive(-1)
		setOpen(true)
		clearTimeout(timer.current)
		if (value.trim().length >= 2) {
			timer.current = setTimeout(() => fetcher.load(`/search/suggest?${new URLSearchParams({ q: value.trim() })}`), DEBOUNCE_MS)
		}
	}

	function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
		if (event.key === 'ArrowDown' && suggestions.length) {
			event.preventDefault()
			setOpen(true)
			setActive((i) => (i + 1) % suggestions.length)
		} else if (event.key === 'ArrowUp' && suggestions.length) {
			event.preventDefault()
			setActive((i) => (i <= 0 ? suggestions.length - 1 : i - 1))
		} else if (event.key === 'Enter' && open && active >= 0 && suggestions[active]) {
			event.preventDefault()
			setOpen(false)
			navigate(suggestions[active].url)
		} else if (event.key === 'Escape') {
			setOpen(false)
			setActive(-1)
		}
	}

	const expanded = open && suggestions.length > 0
	return (
		<Form method="get" action="/search" role="search" aria-label="Site search" className="relative w-full" onSubmit={() => setOpen(false)}>
			<label htmlFor="header-search" className="sr-only">
				Search
			</label>
			<input
				id="header-search"
				name="q"
				type="search"
				autoComplete="off"
				placeholder="Search help and training"
				value={query}
				onChange={(e) => onChange(e.target.value)}
				onKeyDown={onKeyDown}
				onBlur={() => setTimeout(() => setOpen(false), 150)}
				role="combobox"
				aria-expanded={expanded}
				aria-controls={listId}
				aria-autocomplete="list"
				aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
				className="w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm xl:w-56"
			/>
			<ul
				id={listId}
				role="listbox"
				aria-label="Search suggestions"
				hidden={!expanded}
				className="absolute right-0 z-20 mt-1 w-80 max-w-[calc(100vw-2rem)] overflow-hidden rounded-md border border-slate-200 bg-white shadow-lg"
			>
				{suggestions.map((s, i) => (
					<li
						key={s.url}
						id={`${listId}-${i}`}
						role="option"
						aria-selected={i === active}
						onMouseDown={(e) => {
							e.preventDefault()
							setOpen(false)
							navigate(s.url)
						}}
						className={`cursor-pointer px-3 py-2 text-sm ${i === active ? 'bg-brand-50' : ''}`}
					>
						<span className="block font-medium text-slate-900">{s.title}</span>
						<span className="text-xs text-slate-500">{s.type}</span>
					</li>
				))}
			</ul>
		</Form>
	)
}
