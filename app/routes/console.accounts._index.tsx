import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { listAccountsFor } from '#app/domain/accounts-tiers/accounts.server.ts'
import { tierLabel } from '#app/domain/accounts-tiers/tier-rules.ts'
import { getAccountSegments } from '#app/domain/scoring/queries.server.ts'
import { QuadrantBadge, SegmentBadge } from '#app/components/engagement/badges.tsx'
import { requireUserWithRole } from '#app/utils/auth.server.ts'

export const meta: MetaFunction = () => [{ title: 'Accounts · Console' }]

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUserWithRole(request, 'CSM', 'ADMIN')
	const accounts = await listAccountsFor(user)
	const scores = await getAccountSegments(accounts.map((a) => a.id))
	return { accounts: accounts.map((a) => ({ ...a, score: scores.get(a.id) ?? null })) }
}

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 })

export default function AccountsPage() {
	const { accounts } = useLoaderData<typeof loader>()
	return (
		<div>
			<h1 className="text-2xl font-bold">Accounts</h1>
			<table className="mt-6 w-full border-collapse bg-white text-sm">
				<thead>
					<tr className="border-b border-slate-200 text-left">
						<th className="p-2">Account</th>
						<th className="p-2">Tier</th>
						<th className="p-2 text-right">ARR</th>
						<th className="p-2 text-right">Cost to serve</th>
						<th className="p-2 text-right">NPS</th>
						<th className="p-2 text-right">Users</th>
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
							<td className="p-2" title={a.score ? `Skill ${a.score.skill}, will ${a.score.will}` : undefined}>
								{a.score ? <SegmentBadge segment={a.score.segment} leaning={a.score.leaning} /> : '—'}
							</td>
							<td className="p-2">{a.score?.quadrant ? <QuadrantBadge quadrant={a.score.quadrant} /> : '—'}</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	)
}
