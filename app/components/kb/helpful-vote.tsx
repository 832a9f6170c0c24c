import { Link, useFetcher } from '@remix-run/react'
import { useState } from 'react'

type VoteResponse =
	| { ok: true; helpful: boolean; nextSteps: Array<{ kind: string; title: string; href: string }> }
	| { ok: false; error: string }

/** "Was this helpful?": one vote per reader, a second click replaces it; a "no" offers next steps and a person to ask. */
export function HelpfulVote({ current, slug }: { current: { helpful: boolean; comment: string | null } | null; slug: string }) {
	const fetcher = useFetcher<VoteResponse>()
	const [choice, setChoice] = useState<'yes' | 'no' | null>(current ? (current.helpful ? 'yes' : 'no') : null)
	const result = fetcher.data
	const saved = result && result.ok ? (result.helpful ? 'yes' : 'no') : current ? (current.helpful ? 'yes' : 'no') : null
	return (
		<section aria-labelledby="helpful-heading" className="no-print mt-10 rounded-lg border border-slate-200 bg-white p-4">
			<h2 id="helpful-heading" className="font-semibold">
				Was this helpful?
			</h2>
			<fetcher.Form method="post" className="mt-3 space-y-3" onChange={(e) => setChoice((new FormData(e.currentTarget).get('helpful') as 'yes' | 'no') ?? null)}>
				<input type="hidden" name="intent" value="vote" />
				<div className="flex gap-2" role="radiogroup" aria-label="Was this helpful?">
					{(['yes', 'no'] as const).map((value) => (
						<label key={value} className={`cursor-pointer rounded-md border px-3 py-1.5 text-sm ${choice === value ? 'border-brand-600 bg-brand-50' : 'border-slate-300'}`}>
							<input type="radio" name="helpful" value={value} defaultChecked={choice === value} className="sr-only" />
							{value === 'yes' ? '👍 Yes' : '👎 No'}
						</label>
					))}
				</div>
				<label className="block text-sm">
					<span className="text-slate-600">Anything to add? (optional)</span>
					<textarea name="comment" maxLength={1000} rows={2} defaultValue={current?.comment ?? ''} className="mt-1 block w-full rounded-md border border-slate-300 p-2" />
				</label>
				<button type="submit" disabled={!choice || fetcher.state !== 'idle'} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm text-white disabled:opacity-50">
					Send feedback
				</button>
			</fetcher.Form>
			<div aria-live="polite">
				{result && !result.ok ? <p className="mt-2 text-sm text-red-700">{result.error}</p> : null}
				{saved ? (
					<p className="mt-2 text-sm text-slate-600" data-testid="vote-status">
						Your vote: {saved === 'yes' ? 'helpful' : 'not helpful'}. Thank you.
					</p>
				) : null}
				{result && result.ok && !result.helpful && result.nextSteps.length ? (
					<div className="mt-3 text-sm" data-testid="next-steps">
						<p className="font-medium">Sorry this did not help. Next steps included in your plan:</p>
						<ul className="mt-1 list-disc pl-5">
							{result.nextSteps.map((s) => (
								<li key={s.href}>
									<a href={s.href}>{s.title}</a>
								</li>
							))}
						</ul>
					</div>
				) : null}
				{saved === 'no' ? (
					<p className="mt-3 text-sm" data-testid="ask-a-person">
						Still stuck? <Link to={`/contact?${new URLSearchParams({ about: slug })}`}>Ask a person</Link>: your message goes to your success team.
					</p>
				) : null}
			</div>
		</section>
	)
}
