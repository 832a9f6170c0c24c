import { Form, useNavigation } from '@remix-run/react'
import type { ReactNode } from 'react'
import type { QuizView } from '#app/domain/learning/quiz-attempts.server.ts'
import { QuizQuestions, START_INTENT } from '#app/components/learning/quiz-questions.tsx'
import { QuizResult } from '#app/components/learning/quiz-result.tsx'
import { Button } from '#app/components/ui/field.tsx'
import { plural } from '#app/utils/plural.ts'


/**
 * A quiz or self-assessment for a signed-in learner: rules, the open attempt's questions, or the
 * latest result with a button to start (another) attempt. `afterResult` adds what the result means
 * (a certificate, a recommended path).
 */
export function QuizPanel({
	view,
	error,
	afterResult,
	showPass = true,
}: {
	view: QuizView
	error?: string | null
	afterResult?: ReactNode
	showPass?: boolean
}) {
	const navigation = useNavigation()
	const busy = navigation.state !== 'idle'
	const { quiz } = view
	const settled = showPass && view.passed
	return (
		<div className="space-y-6">
			<ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-600" data-testid="quiz-rules">
				<li>{plural(quiz.questionCount, 'question')}</li>
				{showPass ? <li>Pass mark {quiz.passMark}%</li> : null}
				<li>
					{quiz.attemptLimit === null
						? `${plural(view.attemptsUsed, 'attempt')} used`
						: `${view.attemptsUsed} of ${plural(quiz.attemptLimit, 'attempt')} used`}
				</li>
				{quiz.cooldownMinutes ? <li>Wait {plural(quiz.cooldownMinutes, 'minute')} after a failed attempt</li> : null}
				{view.bestScore !== null ? <li>Best score {view.bestScore}%</li> : null}
			</ul>
			{error ? (
				<p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
					{error}
				</p>
			) : null}
			{view.open ? (
				<QuizQuestions attemptId={view.open.id} questions={view.open.questions} busy={busy} />
			) : (
				<>
					{view.lastResult ? <QuizResult result={view.lastResult} showPass={showPass} /> : null}
					{view.lastResult ? afterResult : null}
					{view.canStart.ok ? (
						<Form method="post">
							<input type="hidden" name="intent" value={START_INTENT} />
							<p className="mb-2 text-sm font-medium" data-testid="attempt-allowance">
								{view.allowance}
							</p>
							{/* After a pass, retaking is optional: what comes next (afterResult) is the main action. */}
							<Button type="submit" disabled={busy} variant={settled ? 'secondary' : 'primary'}>
								{settled ? 'Retake to improve your score' : view.lastResult ? 'Try again' : 'Start'}
							</Button>
							<p className="mt-2 text-xs text-slate-500">
								Every attempt you start counts
								{quiz.attemptLimit === null ? '.' : ` toward the limit of ${quiz.attemptLimit}.`}
							</p>
						</Form>
					) : (
						<p className="text-sm text-slate-600" data-testid="quiz-closed">
							No new attempt now: {view.canStart.reason}.
						</p>
					)}
				</>
			)}
		</div>
	)
}
