import { Form, Link } from '@remix-run/react'
import { TIER_NAMES } from '#app/domain/accounts-tiers/tier-rules.ts'
import { TIERS, type PortfolioFilters } from '#app/domain/scoring/portfolio.ts'
import { SEGMENT_STATUS_LABELS, SEGMENT_STATUSES } from '#app/domain/scoring/segments.ts'

const select = 'mt-1 block rounded border border-slate-300 bg-white px-2 py-1 text-sm'

/**
 * Tier, CSM (admins only: a CSM's list is their own accounts) and segment, as GET parameters so a
 * filtered view can be bookmarked and shared. Applies to the charts and the table alike.
 */
export function PortfolioFilterForm({ filters, csms, shown, total }: { filters: PortfolioFilters; csms: Array<{ id: string; name: string }> | null; shown: number; total: number }) {
	const filtered = filters.tier !== null || filters.csmId !== null || filters.segment !== null
	return (
		<Form method="get" className="mt-4 flex flex-wrap items-end gap-4 text-sm" aria-label="Filter accounts" data-testid="portfolio-filters">
			<label className="block">
				Tier
				<select name="tier" defaultValue={filters.tier ?? ''} className={select}>
					<option value="">All tiers</option>
					{TIERS.map((t) => (
						<option key={t} value={t}>
							{/* Not tierLabel(): the hidden option would be the page's first "Tier 1 · Must-Have" (test/e2e/plan-names.spec.ts looks for a visible one). */}
							Tier {t} ({TIER_NAMES[t]})
						</option>
					))}
				</select>
			</label>
			{csms ? (
				<label className="block">
					CSM
					<select name="csm" defaultValue={filters.csmId ?? ''} className={select}>
						<option value="">All CSMs</option>
						{csms.map((c) => (
							<option key={c.id} value={c.id}>
								{c.name}
							</option>
						))}
					</select>
				</label>
			) : null}
			<label className="block">
				Segment
				<select name="segment" defaultValue={filters.segment ?? ''} className={select}>
					<option value="">All segments</option>
					{SEGMENT_STATUSES.map((s) => (
						<option key={s} value={s}>
							{SEGMENT_STATUS_LABELS[s]}
						</option>
					))}
				</select>
			</label>
			<button type="submit" className="rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white">
				Apply filters
			</button>
			{filtered ? (
				<Link to="/console/accounts" className="py-1.5">
					Clear filters
				</Link>
			) : null}
			<p className="py-1.5 text-slate-600" role="status" data-testid="portfolio-count">
				{shown === total ? `${total} account${total === 1 ? '' : 's'}` : `${shown} of ${total} accounts`}
			</p>
		</Form>
	)
}
