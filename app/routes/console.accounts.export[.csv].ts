import type { LoaderFunctionArgs } from '@remix-run/node'
import { accountsCsv, parseListOrder, sortRows } from '#app/domain/scoring/portfolio-list.ts'
import { getPortfolioView } from '#app/domain/scoring/portfolio.server.ts'
import { requireUserWithRole } from '#app/utils/auth.server.ts'

/**
 * The account list as CSV: the same accounts the page shows for the same query (a CSM's own
 * accounts only, filters and sort applied), every page of them. Staff data: never cached.
 */
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUserWithRole(request, 'CSM', 'ADMIN')
	const params = new URL(request.url).searchParams
	const { accounts } = await getPortfolioView(user, params)
	const rows = sortRows(accounts, parseListOrder(params)).map((a) => ({ ...a, users: a._count.users }))
	const stamp = new Date().toISOString().slice(0, 10)
	return new Response(accountsCsv(rows), {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="accounts-${stamp}.csv"`,
			'Cache-Control': 'private, no-store',
		},
	})
}
