import { OBJECTIVE_STATUS_LABELS, type ObjectiveStatus } from '#app/domain/plans/objective-status.ts'
import { AGREEMENT_LABELS, PLAN_STATUS_LABELS, type Agreement, type PlanStatus } from '#app/domain/plans/plan-state.ts'

const base = 'inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium print:border print:border-slate-400'

const PLAN_COLORS: Record<PlanStatus, string> = {
	DRAFT: 'bg-slate-100 text-slate-700',
	PROPOSED: 'bg-amber-100 text-amber-900',
	CHANGES_REQUESTED: 'bg-red-100 text-red-800',
	AGREED: 'bg-green-100 text-green-800',
	ARCHIVED: 'bg-slate-200 text-slate-600',
}

export function PlanStatusBadge({ status, testId = 'plan-status' }: { status: PlanStatus; testId?: string }) {
	return (
		<span className={`${base} ${PLAN_COLORS[status]}`} data-testid={testId}>
			{PLAN_STATUS_LABELS[status]}
		</span>
	)
}

const OBJECTIVE_COLORS: Record<ObjectiveStatus, string> = {
	ON_TRACK: 'bg-green-100 text-green-800',
	AT_RISK: 'bg-amber-100 text-amber-900',
	OFF_TRACK: 'bg-red-100 text-red-800',
	ACHIEVED: 'bg-brand-100 text-brand-900',
}

export function ObjectiveStatusBadge({ status }: { status: ObjectiveStatus }) {
	return (
		<span className={`${base} ${OBJECTIVE_COLORS[status]}`} data-testid="objective-status">
			{OBJECTIVE_STATUS_LABELS[status]}
		</span>
	)
}

const AGREEMENT_COLORS: Record<Agreement, string> = {
	AWAITING: 'bg-slate-100 text-slate-700',
	AGREED: 'bg-green-100 text-green-800',
	CHANGES_REQUESTED: 'bg-red-100 text-red-800',
}

export function AgreementBadge({ agreement }: { agreement: Agreement }) {
	return (
		<span className={`${base} ${AGREEMENT_COLORS[agreement]}`} data-testid="objective-agreement">
			{agreement === 'AGREED' ? '👍 ' : ''}
			{AGREEMENT_LABELS[agreement]}
		</span>
	)
}
