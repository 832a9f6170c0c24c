import { Form, Link } from '@remix-run/react'
import { useId } from 'react'
import { TIER_NAMES } from '#app/domain/accounts-tiers/tier-rules.ts'
import { TIERS, MAX_SEARCH_LENGTH, type PortfolioFilters } from '#app/domain/scoring/portfolio.ts'
import { type ListOrder } from '#app/domain/scoring/portfolio-list.ts'
import { QUADRANT_LABELS, QUADRANTS } from '#app/domain/scoring/quadrant.ts'
import { SEGMENT_STATUS_LABELS, SEGMENT_STATUSES } from '#app/domain/scoring/segments.ts'
import { plural } from '#app/utils/plural.ts'


/**
 * Search, tier, CSM (admins only: a CSM's list is their own accounts), segment and quadrant, as GET
 * parameters so a filtered view can be bookmarked, shared and gone back to. Applies to the charts
 * and the table alike; the sort is kept, the page starts again at 1.
 */
export function PortfolioFilterForm({
	filters,
	order,
	csms,
	shown,
	total,
}: {
	filters: PortfolioFilters
	order: Pick<ListOrder, 'sort' | 'dir'>
	csms: Array<{ id: string; name: string }> | null
	shown: number
	total: number
}) {
	const filtered = filters.tier !== null || filters.csmId !== null || filters.segment !== null || filters.quadrant !== null || filters.q !== null
	return (
		<Form method="get" className="mt-4 flex flex-wrap items-end gap-4 text-sm" aria-label="Filter accounts" data-testid="portfolio-filters">
			<input type="hidden" name="sort" value={order.sort} />
			<input type="hidden" name="dir" value={order.dir} />
			<label className="block">
				Search accounts
				<input
					type="search"
					name="q"
					defaultValue={filters.q ?? ''}
					maxLength={MAX_SEARCH_LENGTH}
					placeholder="Name or domain"
					className="mt-1 block w-48 rounded border border-slate-300 bg-white px-2 py-1 text-sm"
				/>
			</label>
			<FilterSelect
				label="Tier"
				name="tier"
				value={filters.tier}
				all="All tiers"
				// Not tierLabel(): the hidden option would be the page's first "Tier 1 · Must-Have" (test/e2e/plan-names.spec.ts looks for a visible one).
				options={TIERS.map((t) => ({ value: String(t), label: `Tier ${t} (${TIER_NAMES[t]})` }))}
			/>
			{csms ? <FilterSelect label="CSM" name="csm" value={filters.csmId} all="All CSMs" options={csms.map((c) => ({ value: c.id, label: c.name }))} /> : null}
			<FilterSelect
				label="Segment"
				name="segment"
				value={filters.segment}
				all="All segments"
				options={SEGMENT_STATUSES.map((s) => ({ value: s, label: SEGMENT_STATUS_LABELS[s] }))}
			/>
			<FilterSelect
				label="Quadrant"
				name="quadrant"
				value={filters.quadrant}
				all="All quadrants"
				options={QUADRANTS.map((q) => ({ value: q, label: QUADRANT_LABELS[q] }))}
			/>
			<button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white">
				Apply filters
			</button>
			{filtered ? (
				<Link to="/console/accounts" className="py-1.5">
					Clear filters
				</Link>
			) : null}
			<p className="py-1.5 text-slate-600" role="status" data-testid="portfolio-count">
				{shown === total ? plural(total, 'account') : `${shown} of ${total} accounts`}
			</p>
		</Form>
	)
}

export function FilterSelect({ label, name, value, all, options }: { label: string; name: string; value: string | number | null; all: string; options: Array<{ value: string; label: string }> }) {
	// Label and select side by side (not nested), so the select's name is the label alone, not its options too.
	const id = useId()
	return (
		<div>
			<label htmlFor={id} className="block">
				{label}
			</label>
			<select id={id} name={name} defaultValue={value ?? ''} className="mt-1 block rounded border border-slate-300 bg-white px-2 py-1 text-sm">
				<option value="">{all}</option>
				{options.map((o) => (
					<option key={o.value} value={o.value}>
						{o.label}
					</option>
				))}
			</select>
		</div>
	)
}
