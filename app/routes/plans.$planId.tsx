import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import {
	addComment,
	agreeObjective,
	agreePlan,
	rateDelivery,
	requestObjectiveChanges,
	requestPlanChanges,
} from '#app/domain/plans/commands.server.ts'
import {
	AgreeObjectiveSchema,
	AgreePlanSchema,
	CommentSchema,
	CUSTOMER_INTENTS,
	DeliveryRatingSchema,
	intentOf,
	RequestObjectiveChangesSchema,
	RequestPlanChangesSchema,
} from '#app/domain/plans/schemas.ts'
import { CustomerPlanView } from '#app/components/plans/customer-plan-view.tsx'
import { VisitBeacon } from '#app/components/engagement/visit-beacon.tsx'
import { planPageData, requirePlanMember, runIntent, unknownIntent } from './plans-guard.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.page.title ?? 'Success plan'} · Success Portal` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
	return planPageData(await requirePlanMember(request, params.planId))
}

/** Customer responses and comments. Every intent re-checks the plan's state and the user's role in the domain. */
export async function action({ request, params }: ActionFunctionArgs) {
	const { plan, actor } = await requirePlanMember(request, params.planId)
	const formData = await request.formData()
	switch (intentOf(formData)) {
		case CUSTOMER_INTENTS.agreePlan:
			return runIntent(formData, AgreePlanSchema, () => agreePlan(plan.id, actor))
		case CUSTOMER_INTENTS.requestPlanChanges:
			return runIntent(formData, RequestPlanChangesSchema, (v) => requestPlanChanges(plan.id, actor, v.body))
		case CUSTOMER_INTENTS.agreeObjective:
			return runIntent(formData, AgreeObjectiveSchema, (v) => agreeObjective(plan.id, actor, v.objectiveId))
		case CUSTOMER_INTENTS.requestObjectiveChanges:
			return runIntent(formData, RequestObjectiveChangesSchema, (v) => requestObjectiveChanges(plan.id, actor, v))
		case CUSTOMER_INTENTS.rateDelivery:
			return runIntent(formData, DeliveryRatingSchema, (v) => rateDelivery(plan.id, actor, v))
		case CUSTOMER_INTENTS.comment:
			return runIntent(formData, CommentSchema, (v) => addComment(plan.id, actor, v))
		default:
			return unknownIntent()
	}
}

export default function PlanPage() {
	const { page, access, plans, staffLink, reviewBeacon } = useLoaderData<typeof loader>()
	return (
		<>
			{reviewBeacon ? <VisitBeacon key={page.id} event={{ kind: 'plan_review', itemKey: `plan:${page.id}` }} /> : null}
			<CustomerPlanView page={page} access={access} plans={plans} staffLink={staffLink ?? undefined} />
		</>
	)
}
