import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { paginate, parseListOrder, sortRows } from '#app/domain/scoring/portfolio-list.ts'
import { quadrantPoints, skillWillPoints } from '#app/domain/scoring/portfolio.ts'
import { getChartLines, getPortfolioView, getSegmentMovement } from '#app/domain/scoring/portfolio.server.ts'
import { SegmentMovement } from '#app/components/console/segment-movement.tsx'
import { AccountListTable, CsvExportLink, ListPagination } from '#app/components/console/account-list.tsx'
import { HappinessValueQuadrant, SkillWillMatrix } from '#app/components/console/portfolio-charts.tsx'
import { PortfolioFilterForm } from '#app/components/console/portfolio-filters.tsx'
import { requireUserWithRole } from '#app/utils/auth.server.ts'

export const meta: MetaFunction = () => [{ title: 'Accounts · Console' }]

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUserWithRole(request, 'CSM', 'ADMIN')
	const params = new URL(request.url).searchParams
	// getPortfolioView decides what the user may see; the filters only narrow it.
	const [{ accounts, total, filters, csms }, lines] = await Promise.all([getPortfolioView(user, params), getChartLines()])
	const order = parseListOrder(params)
	const page = paginate(sortRows(accounts, order), order.page)
	const movement = await getSegmentMovement(accounts.map((a) => a.id))
	return {
		movement,
		page,
		total,
		filters,
		order: { ...order, page: page.page },
		csms,
		lines,
		// The charts show every account the filters keep, not just this page.
		skillWill: skillWillPoints(accounts),
		quadrant: quadrantPoints(accounts),
	}
}

export default function AccountsPage() {
	const { page, total, filters, order, csms, lines, skillWill, quadrant, movement } = useLoaderData<typeof loader>()
	return (
		<div>
			<h1 className="text-2xl font-bold">Accounts</h1>
			<PortfolioFilterForm filters={filters} order={order} csms={csms} shown={page.total} total={total} />
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
			<div className="mt-4">
				<SegmentMovement weeks={movement} />
			</div>
			<div className="mt-8 flex flex-wrap items-baseline gap-4">
				<h2 className="mr-auto text-lg font-semibold">Account list</h2>
				<CsvExportLink />
			</div>
			<AccountListTable rows={page.rows} order={order} showCsm={csms !== null} />
			{page.total === 0 ? <p className="mt-2 text-sm text-slate-600">No account matches these filters.</p> : null}
			<ListPagination page={page.page} pages={page.pages} first={page.first} last={page.last} total={page.total} />
		</div>
	)
}
