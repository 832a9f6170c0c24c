import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { listAccountsFor } from '#app/domain/accounts-tiers/accounts.server.ts'
import { tierLabel } from '#app/domain/accounts-tiers/tier-rules.ts'
import { filterPortfolio, parsePortfolioFilters, quadrantPoints, skillWillPoints } from '#app/domain/scoring/portfolio.ts'
import { getChartLines, getPortfolioScores, listCsms } from '#app/domain/scoring/portfolio.server.ts'
import { HappinessValueQuadrant, SkillWillMatrix } from '#app/components/console/portfolio-charts.tsx'
import { PortfolioFilterForm } from '#app/components/console/portfolio-filters.tsx'
import { QuadrantBadge, SegmentBadge } from '#app/components/engagement/badges.tsx'
import { requireUserWithRole } from '#app/utils/auth.server.ts'

export const meta: MetaFunction = () => [{ title: 'Accounts · Console' }]

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUserWithRole(request, 'CSM', 'ADMIN')
	// listAccountsFor decides what the user may see; the filters only narrow it.
	const all = await listAccountsFor(user)
	const csms = user.role === 'ADMIN' ? await listCsms() : null
	const [details, lines] = await Promise.all([getPortfolioScores(all.map((a) => a.id)), getChartLines()])
	const filters = parsePortfolioFilters(new URL(request.url).searchParams, csms?.map((c) => c.id) ?? null)
	const rows = all.map((a) => {
		const d = details.get(a.id)
		return { ...a, csmId: d?.csmId ?? null, csmName: d?.csmName ?? null, score: d?.score ?? null }
	})
	const accounts = filterPortfolio(rows, filters)
	return {
		accounts,
		total: all.length,
		filters,
		csms,
		lines,
		skillWill: skillWillPoints(accounts),
		quadrant: quadrantPoints(accounts),
	}
}

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 })

export default function AccountsPage() {
	const { accounts, total, filters, csms, lines, skillWill, quadrant } = useLoaderData<typeof loader>()
	return (
		<div>
			<h1 className="text-2xl font-bold">Accounts</h1>
			<PortfolioFilterForm filters={filters} csms={csms} shown={accounts.length} total={total} />
			<div className="mt-4 grid gap-4 xl:grid-cols-2">
				<SkillWillMatrix
					points={skillWill.points}
					apart={skillWill.apart}
					skillLine={lines.skill}
					will={{ line: lines.will, source: lines.willSource, accounts: lines.willAccounts }}
				/>
				<HappinessValueQuadrant
					points={quadrant.points}
					apart={quadrant.apart}
					happinessLine={lines.happiness}
					valueLine={lines.value}
					marginThreshold={lines.marginThreshold}
				/>
			</div>
			<h2 className="mt-8 text-lg font-semibold">Account list</h2>
			<table className="mt-2 w-full border-collapse bg-white text-sm">
				<caption className="sr-only">Accounts with tier, revenue, NPS, users, segment and quadrant</caption>
				<thead>
					<tr className="border-b border-slate-200 text-left">
						<th className="p-2">Account</th>
						<th className="p-2">Tier</th>
						<th className="p-2 text-right">ARR</th>
						<th className="p-2 text-right">Cost to serve</th>
						<th className="p-2 text-right">NPS</th>
						<th className="p-2 text-right">Users</th>
						{csms ? <th className="p-2">CSM</th> : null}
						<th className="p-2">Segment</th>
						<th className="p-2">Happiness × value</th>
					</tr>
				</thead>
				<tbody>
					{accounts.map((a) => (
						<tr key={a.id} className="border-b border-slate-100">
							<td className="p-2">
								<Link to={`/console/accounts/${a.id}`}>{a.name}</Link>
							</td>
							<td className="p-2">
								{tierLabel(a.tier)}
								{a.tierOverrideReason ? (
									<span className="ml-1 text-xs text-slate-500" title={a.tierOverrideReason}>
										(override; computed Tier {a.computedTier})
									</span>
								) : null}
							</td>
							<td className="p-2 text-right">{money.format(a.arr)}</td>
							<td className="p-2 text-right">{money.format(a.costToServe)}</td>
							<td className="p-2 text-right">{a.nps ?? '—'}</td>
							<td className="p-2 text-right">{a._count.users}</td>
							{csms ? <td className="p-2">{a.csmName ?? '—'}</td> : null}
							<td className="p-2" title={a.score ? `Skill ${a.score.skill}, will ${a.score.will}` : undefined}>
								{a.score ? <SegmentBadge segment={a.score.segment} leaning={a.score.leaning} /> : '—'}
							</td>
							<td className="p-2">{a.score?.quadrant ? <QuadrantBadge quadrant={a.score.quadrant} /> : '—'}</td>
						</tr>
					))}
				</tbody>
			</table>
			{accounts.length === 0 ? <p className="mt-2 text-sm text-slate-600">No account matches these filters.</p> : null}
		</div>
	)
}
