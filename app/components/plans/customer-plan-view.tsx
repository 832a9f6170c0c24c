import { Link } from '@remix-run/react'
import type { PlanAccess } from '#app/domain/plans/plan-state.ts'
import type { PlanPage } from '#app/domain/plans/queries.server.ts'
import { PlanStatusBadge } from './badges.tsx'
import { CommentForm, PlanCommentsSection } from './comments.tsx'
import { DeliveryRatingForm, ObjectiveResponse, PlanResponse } from './customer-actions.tsx'
import { formatDay } from './format.ts'
import { ObjectiveCard } from './objective-card.tsx'
import { PastPlans, type PlanListItem } from './past-plans.tsx'
import { PlanHistory } from './plan-history.tsx'
import { DeliveryView, InitiativesTable, PlanTextSections, sectionCard } from './plan-sections.tsx'

/** The shared plan as the account sees it, with the customer's actions where the plan is open to them. */
export function CustomerPlanView({
	page,
	access,
	plans,
	staffLink,
}: {
	page: PlanPage
	access: PlanAccess
	plans: PlanListItem[]
	/** For staff looking at the customer's view: where to edit. */
	staffLink?: string
}) {
	const action = `/plans/${page.id}`
	const content = page.content
	return (
		<div className="space-y-6">
			<header className="space-y-2">
				<p className="text-sm text-slate-600">Success plan · {page.account.name}</p>
				<div className="flex flex-wrap items-center gap-3">
					<h1 className="text-2xl font-bold">{page.title}</h1>
					<PlanStatusBadge status={page.status} />
				</div>
				{content?.agreedAt ? <p className="text-sm text-slate-600">Agreed on {formatDay(content.agreedAt)}</p> : null}
				<p className="no-print flex flex-wrap gap-4 text-sm">
					{content ? <Link to={`/plans/${page.id}/print`}>Printable view</Link> : null}
					{staffLink ? <Link to={staffLink}>Edit in the console</Link> : null}
				</p>
				{access.readOnlyReason ? (
					<p role="status" className="rounded-md bg-slate-100 p-3 text-sm text-slate-700">
						{access.readOnlyReason}
					</p>
				) : null}
			</header>

			{!content ? (
				<p className={sectionCard}>
					{page.account.csm ? `${page.account.csm.name}, your success manager,` : 'Your success manager'} is drafting this plan. You will
					see it here once it is proposed to you.
				</p>
			) : (
				<>
					<PlanTextSections content={content} />

					<section aria-labelledby="objectives" className="space-y-4">
						<h2 id="objectives" className="text-lg font-semibold">
							Objectives
						</h2>
						{content.objectives.length === 0 ? <p className="text-sm text-slate-500">No objectives yet.</p> : null}
						{content.objectives.map((o) => (
							<ObjectiveCard key={o.id} objective={o}>
								{access.canRespond ? <ObjectiveResponse action={action} objective={o} /> : null}
								{access.canComment ? <CommentForm action={action} objectiveId={o.id} label={`Comment on ${o.metric}`} /> : null}
							</ObjectiveCard>
						))}
					</section>

					{access.canRespond ? (
						<section aria-labelledby="agreement" className={sectionCard}>
							<h2 id="agreement" className="text-lg font-semibold">
								Your agreement
							</h2>
							<div className="mt-3">
								<PlanResponse
									action={action}
									status={page.status}
									openMeasures={content.objectives.filter((o) => o.agreement !== 'AGREED').length}
								/>
							</div>
						</section>
					) : null}

					<section aria-labelledby="initiatives" className={sectionCard}>
						<h2 id="initiatives" className="text-lg font-semibold">
							What we are doing
						</h2>
						<InitiativesTable initiatives={content.initiatives} />
					</section>

					<section aria-labelledby="delivery" className={sectionCard}>
						<h2 id="delivery" className="text-lg font-semibold">
							How we are delivering
						</h2>
						<DeliveryView rating={content.deliveryRating} comment={content.deliveryComment} />
						{access.canRespond ? (
							<DeliveryRatingForm key={String(content.updatedAt)} action={action} rating={content.deliveryRating} comment={content.deliveryComment} />
						) : null}
					</section>

					<PlanCommentsSection comments={content.comments} action={action} canComment={access.canComment} className={sectionCard} />

					<PlanHistory history={content.history} />
				</>
			)}

			<PastPlans plans={plans} currentId={page.id} hrefFor={(id) => `/plans/${id}`} />
		</div>
	)
}
