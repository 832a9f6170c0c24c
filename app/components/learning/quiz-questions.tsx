import { Form } from '@remix-run/react'
import { useId } from 'react'
import type { PublicQuestion } from '#app/domain/learning/public-question.ts'
import { Button } from '#app/components/ui/field.tsx'

export const SUBMIT_INTENT = 'submit'
export const START_INTENT = 'start'
export const ENROL_INTENT = 'enrol'

/** The questions of one open attempt, posted as `answer.<questionId>` fields with the attempt id. */
export function QuizQuestions({ attemptId, questions, busy }: { attemptId: string; questions: PublicQuestion[]; busy: boolean }) {
	return (
		<Form method="post" className="space-y-6" data-testid="quiz-form">
			<input type="hidden" name="intent" value={SUBMIT_INTENT} />
			<input type="hidden" name="attemptId" value={attemptId} />
			<ol className="space-y-6">
				{questions.map((question, index) => (
					<li key={question.id}>
						<QuestionFields question={question} number={index + 1} />
					</li>
				))}
			</ol>
			<Button type="submit" disabled={busy}>
				{busy ? 'Submitting…' : 'Submit answers'}
			</Button>
		</Form>
	)
}

function QuestionFields({ question, number }: { question: PublicQuestion; number: number }) {
	const baseId = useId()
	const name = `answer.${question.id}`
	return (
		<fieldset className="rounded-lg border border-slate-200 bg-white p-4">
			<legend className="sr-only">{question.prompt}</legend>
			<p className="font-medium" aria-hidden="true">
				{number}. {question.prompt}
			</p>
			{question.type === 'multiple' ? <p className="mt-1 text-xs text-slate-500">Choose every answer that applies.</p> : null}
			{question.type === 'numeric' ? (
				<div className="mt-3">
					<label htmlFor={`${baseId}-n`} className="block text-sm text-slate-700">
						Your answer
					</label>
					<input id={`${baseId}-n`} name={name} type="number" step="any" required className="mt-1 w-40 rounded-md border border-slate-300 px-3 py-1.5" />
				</div>
			) : (
				<ul className="mt-3 space-y-2">
					{(question.options ?? []).map((option) => {
						const inputId = `${baseId}-${option.id}`
						return (
							<li key={option.id} className="flex items-center gap-2">
								<input
									id={inputId}
									type={question.type === 'multiple' ? 'checkbox' : 'radio'}
									name={name}
									value={option.id}
									required={question.type !== 'multiple'}
								/>
								<label htmlFor={inputId}>{option.text}</label>
							</li>
						)
					})}
				</ul>
			)}
		</fieldset>
	)
}
