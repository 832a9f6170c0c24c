import { Link } from '@remix-run/react'
import type { ResultView } from '#app/domain/learning/quiz-result-view.ts'

/**
 * Score, pass or fail, and each answer marked right or wrong. Right answers and explanations are
 * there only when the server sent them (after a pass or the last attempt); until then a wrong
 * answer links to the lesson that teaches it.
 */
export function QuizResult({ result, showPass = true }: { result: ResultView; showPass?: boolean }) {
	const wrong = result.items.filter((item) => !item.answeredCorrectly).length
	return (
		<section aria-labelledby="result-heading" className="space-y-4" data-testid="quiz-result">
			<div className={`rounded-lg border p-4 ${result.passed || !showPass ? 'border-emerald-300 bg-emerald-50' : 'border-amber-300 bg-amber-50'}`}>
				<h2 id="result-heading" className="text-lg font-semibold">
					{showPass ? (result.passed ? 'Passed' : 'Not passed yet') : 'Your result'}
				</h2>
				<p className="mt-1" data-testid="quiz-score">
					You scored {result.score}% ({result.correctCount} of {result.total} correct)
					{showPass ? `; the pass mark is ${result.passMark}%.` : '.'}
				</p>
				{!result.answersShown && wrong > 0 ? (
					<p className="mt-1 text-sm text-slate-700" data-testid="answers-withheld">
						{wrong === 1 ? 'One answer was' : `${wrong} answers were`} wrong. Review the linked lessons, then try again: the right
						answers are shown once you pass or have used all your attempts.
					</p>
				) : null}
			</div>
			<ol className="space-y-3">
				{result.items.map((item) => (
					<li key={item.questionId} className="rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="result-item" data-correct={item.answeredCorrectly}>
						<p className="font-medium">{item.prompt}</p>
						<p className={`mt-1 ${item.answeredCorrectly ? 'text-emerald-800' : 'text-amber-900'}`}>
							<strong>{item.answeredCorrectly ? 'Correct.' : 'Incorrect.'}</strong> Your answer: {item.given}
							{!item.answeredCorrectly && item.expected !== undefined ? <> · Right answer: {item.expected}</> : null}
						</p>
						{item.explanation !== undefined ? <p className="mt-1 text-slate-600">{item.explanation}</p> : null}
						{item.lesson ? (
							<p className="mt-1" data-testid="review-lesson">
								Review the lesson: <Link to={item.lesson.href}>{item.lesson.title}</Link>
							</p>
						) : null}
					</li>
				))}
			</ol>
		</section>
	)
}
