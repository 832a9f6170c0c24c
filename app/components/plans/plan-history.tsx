import { formatDateTime } from './format.ts'

export type HistoryEntry = { id: string; kind: string; summary: string; createdAt: Date; actorName: string; fromCustomer: boolean }

/** Every step of the plan, oldest first: who did what, and when. */
export function PlanHistory({ history }: { history: HistoryEntry[] }) {
	return (
		<section aria-labelledby="plan-history" className="rounded-lg border border-slate-200 bg-white p-6 print:break-inside-avoid">
			<h2 id="plan-history" className="text-lg font-semibold">
				History
			</h2>
			{history.length === 0 ? (
				<p className="mt-2 text-sm text-slate-600">Nothing has happened yet.</p>
			) : (
				<ol className="mt-3 space-y-2 text-sm" data-testid="plan-history">
					{history.map((e) => (
						<li key={e.id} className="flex flex-wrap gap-x-2" data-kind={e.kind}>
							<time className="text-slate-500" dateTime={new Date(e.createdAt).toISOString()}>
								{formatDateTime(e.createdAt)}
							</time>
							<span className="font-medium">{e.actorName}</span>
							<span className="text-slate-800">{e.summary}</span>
						</li>
					))}
				</ol>
			)}
		</section>
	)
}
