import { Form } from '@remix-run/react'

/** Header search box; a plain GET form so it works without JavaScript. */
export function HeaderSearch() {
	return (
		<Form method="get" action="/search" role="search" className="relative">
			<label htmlFor="header-search" className="sr-only">
				Search
			</label>
			<input
				id="header-search"
				name="q"
				type="search"
				placeholder="Search articles and training"
				className="w-56 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm"
			/>
		</Form>
	)
}
