import type { StoredResult } from '#app/domain/learning/quiz-attempts.server.ts'

/** Score, pass or fail, and what was right or wrong with each answer, shown after submission only. */
export function QuizResult({ result, showPass = true }: { result: StoredResult; showPass?: boolean }) {
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
			</div>
			<ol className="space-y-3">
				{result.feedback.map((item) => (
					<li key={item.questionId} className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
						<p className="font-medium">{item.prompt}</p>
						<p className={`mt-1 ${item.correct ? 'text-emerald-800' : 'text-amber-900'}`}>
							<strong>{item.correct ? 'Correct.' : 'Incorrect.'}</strong> Your answer: {item.given}
							{item.correct ? null : <> · Right answer: {item.expected}</>}
						</p>
						<p className="mt-1 text-slate-600">{item.explanation}</p>
					</li>
				))}
			</ol>
		</section>
	)
}
