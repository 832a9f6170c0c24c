import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { listAccountsFor } from '#app/domain/accounts-tiers/accounts.server.ts'
import { tierLabel } from '#app/domain/accounts-tiers/tier-rules.ts'
import { requireUserWithRole } from '#app/utils/auth.server.ts'

export const meta: MetaFunction = () => [{ title: 'Accounts · Console' }]

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUserWithRole(request, 'CSM', 'ADMIN')
	return { accounts: await listAccountsFor(user) }
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
						</tr>
					))}
				</tbody>
			</table>
		</div>
	)
}
