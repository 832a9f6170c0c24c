import { Link } from '@remix-run/react'
import type { PlanAccess } from '#app/domain/plans/plan-state.ts'
import type { PlanContent, PlanPage } from '#app/domain/plans/queries.server.ts'
import { PlanStatusBadge } from './badges.tsx'
import { CommentForm, PlanCommentsSection } from './comments.tsx'
import { formatDay } from './format.ts'
import { ObjectiveCard } from './objective-card.tsx'
import { PastPlans, type PlanListItem } from './past-plans.tsx'
import { PlanHistory } from './plan-history.tsx'
import { DeliveryView, InitiativesTable, PlanTextSections, sectionCard } from './plan-sections.tsx'
import { AchievedForm, AddObjectiveForm, EditMeasureForm, ProgressForm } from './staff-objective-forms.tsx'
import { InitiativeForm } from './staff-initiative-forms.tsx'
import { DetailsForm, PlanStateForms } from './staff-plan-forms.tsx'

/** The success manager's editor of one plan; read-only when the plan is past or the account left Tier 1. */
export function StaffPlanEditor({ page, content, access, plans }: { page: PlanPage; content: PlanContent; access: PlanAccess; plans: PlanListItem[] }) {
	const action = `/console/plans/${page.id}`
	const changeRequests = content.objectives.filter((o) => o.agreement === 'CHANGES_REQUESTED').length
	return (
		<div className="space-y-6">
			<header className="space-y-2">
				<p className="text-sm text-slate-600">
					<Link to="/console/plans">Success plans</Link> · {page.account.name}
				</p>
				<div className="flex flex-wrap items-center gap-3">
					<h1 className="text-2xl font-bold">{page.title}</h1>
					<PlanStatusBadge status={page.status} />
				</div>
				<p className="text-sm text-slate-600">
					{content.objectives.length} objectives, {content.objectives.filter((o) => o.agreement === 'AGREED').length} agreed
					{changeRequests ? `, ${changeRequests} with changes requested` : ''}
					{content.agreedAt ? ` · plan agreed on ${formatDay(content.agreedAt)}` : ''}
				</p>
				<p className="flex flex-wrap gap-4 text-sm">
					<Link to={`/plans/${page.id}`}>Customer's view</Link>
					<Link to={`/plans/${page.id}/print`}>Printable view</Link>
				</p>
				{access.readOnlyReason ? (
					<p role="status" className="rounded-md bg-slate-100 p-3 text-sm text-slate-700">
						{access.readOnlyReason}
					</p>
				) : (
					<PlanStateForms action={action} status={page.status} objectives={content.objectives.length} />
				)}
			</header>

			{access.canEdit ? (
				<section aria-labelledby="details" className={sectionCard}>
					<h2 id="details" className="text-lg font-semibold">
						The customer's words
					</h2>
					<div className="mt-3">
						<DetailsForm
							key={String(content.updatedAt)}
							action={action}
							details={{ title: page.title, successDefinition: content.successDefinition, expectations: content.expectations, roadmap: content.roadmap }}
						/>
					</div>
				</section>
			) : (
				<PlanTextSections content={content} />
			)}

			<section aria-labelledby="objectives" className="space-y-4">
				<h2 id="objectives" className="text-lg font-semibold">
					Objectives
				</h2>
				{content.objectives.map((o) => (
					<ObjectiveCard key={o.id} objective={o}>
						{access.canEdit ? (
							<>
								<ProgressForm action={action} objective={o} />
								<div className="flex flex-wrap gap-6">
									<AchievedForm action={action} objective={o} />
								</div>
								<EditMeasureForm key={String(o.updatedAt)} action={action} objective={o} />
							</>
						) : null}
						{access.canComment ? <CommentForm action={action} objectiveId={o.id} label={`Comment on ${o.metric}`} /> : null}
					</ObjectiveCard>
				))}
				{access.canEdit ? (
					<div className={sectionCard}>
						<h3 className="text-base font-semibold">Add an objective</h3>
						<div className="mt-3">
							<AddObjectiveForm action={action} />
						</div>
					</div>
				) : null}
			</section>

			<section aria-labelledby="initiatives" className={`${sectionCard} space-y-4`}>
				<h2 id="initiatives" className="text-lg font-semibold">
					Initiatives we run
				</h2>
				{access.canEdit ? (
					<>
						{content.initiatives.map((i) => (
							<InitiativeForm key={`${i.id}-${String(i.updatedAt)}`} action={action} initiative={i} />
						))}
						<h3 className="text-base font-semibold">Add an initiative</h3>
						<InitiativeForm action={action} />
					</>
				) : (
					<InitiativesTable initiatives={content.initiatives} />
				)}
			</section>

			<section aria-labelledby="delivery" className={sectionCard}>
				<h2 id="delivery" className="text-lg font-semibold">
					How the customer thinks we are delivering
				</h2>
				<DeliveryView rating={content.deliveryRating} comment={content.deliveryComment} />
			</section>

			<PlanCommentsSection comments={content.comments} action={action} canComment={access.canComment} className={sectionCard} />

			<PlanHistory history={content.history} />
			<PastPlans plans={plans} currentId={page.id} hrefFor={(id) => `/console/plans/${id}`} heading="Other plans of this account" />
		</div>
	)
}
