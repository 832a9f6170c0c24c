import { Link } from '@remix-run/react'
import type { QuizFollowUp } from '#app/domain/learning/quiz-result-view.ts'

/** After a passed path quiz: why, and the one thing to do next as the main button (the certificate when there is one). */
export function QuizFollowUpPanel({ followUp }: { followUp: QuizFollowUp }) {
	return (
		<div className="space-y-3 rounded-md border border-emerald-300 bg-emerald-50 p-4" data-testid="quiz-follow-up">
			<p className="text-sm">{followUp.message}</p>
			<div className="flex flex-wrap items-center gap-4">
				{followUp.primary ? (
					<Link
						to={followUp.primary.href}
						className="inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white no-underline"
						data-testid="follow-up-primary"
					>
						{followUp.primary.label}
					</Link>
				) : null}
				{followUp.secondary ? (
					<Link to={followUp.secondary.href} className="text-sm">
						{followUp.secondary.label}
					</Link>
				) : null}
			</div>
		</div>
	)
}
