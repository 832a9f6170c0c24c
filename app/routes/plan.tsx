import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { planName } from '#app/domain/accounts-tiers/customer-plans.ts'
import { tierHas } from '#app/domain/accounts-tiers/service-matrix.ts'
import { listAccountPlans } from '#app/domain/plans/queries.server.ts'
import { CustomerPlanView } from '#app/components/plans/customer-plan-view.tsx'
import { PastPlans } from '#app/components/plans/past-plans.tsx'
import { VisitBeacon } from '#app/components/engagement/visit-beacon.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { planPageData, requirePlanMember } from './plans-guard.server.ts'

export const meta: MetaFunction = () => [{ title: 'Success plan · Success Portal' }]

/** A customer's way in: their account's active plan, with the past ones listed below it. */
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request)
	if (user.role !== 'CUSTOMER') throw redirect('/console/plans')
	if (!user.accountId || !user.account) throw new Response('Your user is not linked to an account', { status: 403 })
	const plans = await listAccountPlans(user.accountId)
	const active = plans.find((p) => p.active)
	if (active) return { kind: 'plan' as const, ...(await planPageData(await requirePlanMember(request, active.id))) }
	return { kind: 'none' as const, plans, hasPlans: tierHas(user.account.tier, 'successPlan') }
}

export default function ActivePlanPage() {
	const data = useLoaderData<typeof loader>()
	if (data.kind === 'plan') {
		return (
			<>
				{data.reviewBeacon ? <VisitBeacon key={data.page.id} event={{ kind: 'plan_review', itemKey: `plan:${data.page.id}` }} /> : null}
				<CustomerPlanView page={data.page} access={data.access} plans={data.plans} />
			</>
		)
	}
	return (
		<div className="space-y-6">
			<h1 className="text-2xl font-bold">Success plan</h1>
			<p className="text-slate-700">
				{data.hasPlans
					? 'Your success manager has not started a success plan with you yet.'
					: `Shared success plans are part of the ${planName(1)}. Past plans of your account stay readable below.`}
			</p>
			<PastPlans plans={data.plans} hrefFor={(id) => `/plans/${id}`} heading="Your plans" />
		</div>
	)
}
