import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import {
	addComment,
	addInitiative,
	addObjective,
	archivePlan,
	editInitiative,
	editObjective,
	proposePlan,
	setAchieved,
	updateDetails,
	updateProgress,
} from '#app/domain/plans/commands.server.ts'
import { getPlanPage, listAccountPlans } from '#app/domain/plans/queries.server.ts'
import {
	ArchiveSchema,
	CommentSchema,
	EditInitiativeSchema,
	EditObjectiveSchema,
	intentOf,
	NewInitiativeSchema,
	newObjectiveSchema,
	PlanDetailsSchema,
	ProgressUpdateSchema,
	ProposeSchema,
	SetAchievedSchema,
	STAFF_INTENTS,
} from '#app/domain/plans/schemas.ts'
import { StaffPlanEditor } from '#app/components/plans/staff-plan-editor.tsx'
import { requireStaffPlanMember, runIntent, unknownIntent } from './plans-guard.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.page.title ?? 'Success plan'} · Console` }]

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { plan, access } = await requireStaffPlanMember(request, params.planId)
	const page = await getPlanPage(plan.id, { withContent: true })
	if (!page?.content) throw new Response('Not found', { status: 404 })
	return { page, content: page.content, access, plans: await listAccountPlans(plan.accountId) }
}

/** The success manager's edits. The domain re-checks that the plan is writable for them. */
export async function action({ request, params }: ActionFunctionArgs) {
	const { plan, actor } = await requireStaffPlanMember(request, params.planId)
	const formData = await request.formData()
	const id = plan.id
	switch (intentOf(formData)) {
		case STAFF_INTENTS.updateDetails:
			return runIntent(formData, PlanDetailsSchema, ({ intent: _, ...details }) => updateDetails(id, actor, details))
		case STAFF_INTENTS.addObjective:
			return runIntent(formData, newObjectiveSchema(), (v) => addObjective(id, actor, v))
		case STAFF_INTENTS.editObjective:
			return runIntent(formData, EditObjectiveSchema, (v) => editObjective(id, actor, v))
		case STAFF_INTENTS.updateProgress:
			return runIntent(formData, ProgressUpdateSchema, (v) => updateProgress(id, actor, v))
		case STAFF_INTENTS.setAchieved:
			return runIntent(formData, SetAchievedSchema, (v) => setAchieved(id, actor, { objectiveId: v.objectiveId, achieved: v.achieved === 'yes' }))
		case STAFF_INTENTS.addInitiative:
			return runIntent(formData, NewInitiativeSchema, (v) => addInitiative(id, actor, v))
		case STAFF_INTENTS.editInitiative:
			return runIntent(formData, EditInitiativeSchema, (v) => editInitiative(id, actor, v))
		case STAFF_INTENTS.propose:
			return runIntent(formData, ProposeSchema, () => proposePlan(id, actor))
		case STAFF_INTENTS.archive:
			return runIntent(formData, ArchiveSchema, () => archivePlan(id, actor))
		case STAFF_INTENTS.comment:
			return runIntent(formData, CommentSchema, (v) => addComment(id, actor, v))
		default:
			return unknownIntent()
	}
}

export default function ConsolePlanPage() {
	const { page, content, access, plans } = useLoaderData<typeof loader>()
	return <StaffPlanEditor page={page} content={content} access={access} plans={plans} />
}
