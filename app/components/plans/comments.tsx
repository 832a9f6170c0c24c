import { getFormProps } from '@conform-to/react'
import { CommentSchema, CUSTOMER_INTENTS } from '#app/domain/plans/schemas.ts'
import { Button, ErrorList } from '#app/components/ui/field.tsx'
import { TextAreaField } from './fields.tsx'
import { formatDateTime } from './format.ts'
import { usePlanForm } from './use-plan-form.ts'

export type PlanCommentView = { id: string; body: string; createdAt: Date; authorName: string; fromCustomer: boolean }

export function CommentList({ comments, label }: { comments: PlanCommentView[]; label: string }) {
	if (comments.length === 0) return null
	return (
		<ul className="space-y-2" aria-label={label}>
			{comments.map((c) => (
				<li key={c.id} className={`rounded-md p-3 text-sm ${c.fromCustomer ? 'bg-amber-50' : 'bg-slate-50'}`} data-testid="plan-comment">
					<p className="text-xs text-slate-500">
						<span className="font-medium text-slate-700">{c.authorName}</span> · {formatDateTime(c.createdAt)}
					</p>
					<p className="mt-1 whitespace-pre-line">{c.body}</p>
				</li>
			))}
		</ul>
	)
}

/** Posts a comment on the plan, or on one objective when `objectiveId` is given. */
export function CommentForm({ action, objectiveId, label }: { action: string; objectiveId?: string; label: string }) {
	const { fetcher, form, fields, busy } = usePlanForm(`comment-${objectiveId ?? 'plan'}`, CommentSchema)
	return (
		<fetcher.Form method="post" action={action} {...getFormProps(form)} className="no-print space-y-2">
			<input type="hidden" name="intent" value={CUSTOMER_INTENTS.comment} />
			{objectiveId ? <input type="hidden" name="objectiveId" value={objectiveId} /> : null}
			<TextAreaField label={label} meta={fields.body} rows={2} />
			<ErrorList id={form.errorId} errors={form.errors} />
			<Button type="submit" variant="secondary" disabled={busy}>
				Post comment
			</Button>
		</fetcher.Form>
	)
}

/** The plan-level comment thread with its form, the same for the customer's and the CSM's view. */
export function PlanCommentsSection({
	comments,
	action,
	canComment,
	className,
}: {
	comments: PlanCommentView[]
	action: string
	canComment: boolean
	className: string
}) {
	return (
		<section aria-labelledby="plan-comments" className={`${className} space-y-3`}>
			<h2 id="plan-comments" className="text-lg font-semibold">
				Comments on the plan
			</h2>
			<CommentList comments={comments} label="Comments on the plan" />
			{comments.length === 0 ? <p className="text-sm text-slate-500">No comments yet.</p> : null}
			{canComment ? <CommentForm action={action} label="Add a comment" /> : null}
		</section>
	)
}
