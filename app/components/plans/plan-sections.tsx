import type { PlanContent } from '#app/domain/plans/queries.server.ts'
import { INITIATIVE_STATUS_LABELS, type InitiativeStatus } from '#app/domain/plans/schemas.ts'
import { formatDay } from './format.ts'

const card = 'rounded-lg border border-slate-200 bg-white p-6 print:break-inside-avoid'

function Prose({ text, empty }: { text: string; empty: string }) {
	return text.trim() ? <p className="mt-2 whitespace-pre-line">{text}</p> : <p className="mt-2 text-sm text-slate-500">{empty}</p>
}

/** The customer's words: what success means, what they expect of us, what they will need next. */
export function PlanTextSections({ content }: { content: Pick<PlanContent, 'successDefinition' | 'expectations' | 'roadmap'> }) {
	return (
		<div className="grid gap-4 md:grid-cols-3 print:grid-cols-1">
			<section aria-labelledby="success-definition" className={card}>
				<h2 id="success-definition" className="text-lg font-semibold">
					What success means
				</h2>
				<Prose text={content.successDefinition} empty="Not written yet." />
			</section>
			<section aria-labelledby="expectations" className={card}>
				<h2 id="expectations" className="text-lg font-semibold">
					What you expect of us
				</h2>
				<Prose text={content.expectations} empty="Not written yet." />
			</section>
			<section aria-labelledby="roadmap" className={card}>
				<h2 id="roadmap" className="text-lg font-semibold">
					What comes next
				</h2>
				<Prose text={content.roadmap} empty="No roadmap yet." />
			</section>
		</div>
	)
}

export function InitiativesTable({ initiatives }: { initiatives: PlanContent['initiatives'] }) {
	if (initiatives.length === 0) return <p className="mt-2 text-sm text-slate-500">No initiatives yet.</p>
	return (
		<table className="mt-3 w-full text-left text-sm" data-testid="initiatives">
			<thead>
				<tr className="text-slate-500">
					<th className="py-1 font-medium">Initiative</th>
					<th className="py-1 font-medium">Owner</th>
					<th className="py-1 font-medium">Start</th>
					<th className="py-1 font-medium">Due</th>
					<th className="py-1 font-medium">Status</th>
				</tr>
			</thead>
			<tbody>
				{initiatives.map((i) => (
					<tr key={i.id} className="border-t border-slate-100">
						<td className="py-1">{i.title}</td>
						<td className="py-1">{i.owner}</td>
						<td className="py-1">{formatDay(i.startDate)}</td>
						<td className="py-1">{formatDay(i.dueDate)}</td>
						<td className="py-1">{INITIATIVE_STATUS_LABELS[i.status as InitiativeStatus] ?? i.status}</td>
					</tr>
				))}
			</tbody>
		</table>
	)
}

/** How the customer thinks we are delivering, in their rating and words. */
export function DeliveryView({ rating, comment }: { rating: number | null; comment: string | null }) {
	if (rating === null) return <p className="mt-2 text-sm text-slate-500">No rating yet.</p>
	return (
		<div className="mt-2" data-testid="delivery-rating">
			<p>
				<span aria-hidden="true" className="text-amber-500">
					{'★'.repeat(rating)}
					{'☆'.repeat(5 - rating)}
				</span>{' '}
				<span className="font-medium">{rating} out of 5</span>
			</p>
			{comment ? <p className="mt-1 whitespace-pre-line text-slate-700">“{comment}”</p> : null}
		</div>
	)
}

export const sectionCard = card
