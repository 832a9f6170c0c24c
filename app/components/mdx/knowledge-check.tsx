import { createContext, useContext, useId, useState, type FormEvent } from 'react'

/** A knowledge-check question as the browser may see it: no correct answer, no explanation. */
export type PublicCheckQuestion = {
	id: string
	type: 'single' | 'multiple' | 'truefalse' | 'numeric'
	prompt: string
	options?: Array<{ id: string; text: string }>
}

export type KnowledgeCheckContextValue = {
	questions: Record<string, PublicCheckQuestion>
	/** URL of the action that grades `{ checkId, answer }` and answers `{ correct, explanation }` or `{ error }`. */
	action: string
}

export const KnowledgeCheckContext = createContext<KnowledgeCheckContextValue | null>(null)

type CheckResponse = { kind: 'graded'; correct: boolean; explanation: string } | { kind: 'error'; error: string }

function readResponse(data: unknown): CheckResponse | null {
	if (!data || typeof data !== 'object') return null
	const value = data as Record<string, unknown>
	if (typeof value.error === 'string') return { kind: 'error', error: value.error }
	if (typeof value.correct === 'boolean') {
		return { kind: 'graded', correct: value.correct, explanation: typeof value.explanation === 'string' ? value.explanation : '' }
	}
	return null
}

/** `<Check id="…" />` in MDX: renders nothing unless the page supplied that question. */
export function Check({ id }: { id?: string }) {
	const context = useContext(KnowledgeCheckContext)
	const question = id ? context?.questions[id] : undefined
	if (!context || !question) return null
	return <KnowledgeCheck question={question} action={context.action} />
}

function choicesFor(question: PublicCheckQuestion): Array<{ id: string; text: string }> {
	if (question.type === 'truefalse') {
		return [
			{ id: 'true', text: 'True' },
			{ id: 'false', text: 'False' },
		]
	}
	return question.options ?? []
}

/**
 * Posts the answer with fetch, not a fetcher: the route answers refusals with their HTTP status
 * (400, 401, 404), which a fetcher would throw to the page's error boundary. Without JavaScript
 * the form still posts to the same URL.
 */
async function postAnswer(action: string, form: HTMLFormElement): Promise<CheckResponse> {
	try {
		const body = new URLSearchParams()
		for (const [key, value] of new FormData(form)) if (typeof value === 'string') body.append(key, value)
		const response = await fetch(action, { method: 'POST', body, headers: { Accept: 'application/json' } })
		return readResponse(await response.json().catch(() => null)) ?? { kind: 'error', error: 'The answer could not be checked. Try again.' }
	} catch {
		return { kind: 'error', error: 'The answer could not be sent. Check your connection and try again.' }
	}
}

export function KnowledgeCheck({ question, action }: { question: PublicCheckQuestion; action: string }) {
	const baseId = useId()
	const [response, setResponse] = useState<CheckResponse | null>(null)
	const [busy, setBusy] = useState(false)
	const resultId = `${baseId}-result`

	async function onSubmit(event: FormEvent<HTMLFormElement>) {
		event.preventDefault()
		setBusy(true)
		setResponse(await postAnswer(action, event.currentTarget))
		setBusy(false)
	}

	return (
		<form
			method="post"
			action={action}
			onSubmit={onSubmit}
			aria-describedby={resultId}
			className="my-6 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
		>
			<input type="hidden" name="checkId" value={question.id} />
			<fieldset disabled={busy}>
				<legend className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">Check your understanding</legend>
				<p className="my-2! font-medium text-slate-900">{question.prompt}</p>
				{question.type === 'numeric' ? (
					<div className="space-y-1">
						<label htmlFor={`${baseId}-answer`} className="block text-sm text-slate-700">
							Your answer
						</label>
						<input
							id={`${baseId}-answer`}
							name="answer"
							type="number"
							step="any"
							required
							className="w-40 rounded-md border border-slate-300 px-3 py-1.5"
						/>
					</div>
				) : (
					<ul className="list-none! space-y-1 pl-0!">
						{choicesFor(question).map((choice) => {
							const inputId = `${baseId}-${choice.id}`
							return (
								<li key={choice.id} className="flex items-center gap-2">
									<input
										id={inputId}
										type={question.type === 'multiple' ? 'checkbox' : 'radio'}
										name="answer"
										value={choice.id}
										required={question.type !== 'multiple'}
									/>
									<label htmlFor={inputId}>{choice.text}</label>
								</li>
							)
						})}
					</ul>
				)}
				<button
					type="submit"
					className="mt-3 rounded-md bg-brand-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"
				>
					{busy ? 'Checking…' : 'Check answer'}
				</button>
			</fieldset>
			<div id={resultId} aria-live="polite" className="mt-3 text-sm">
				{response?.kind === 'graded' ? (
					<p className={response.correct ? 'my-0! text-emerald-800' : 'my-0! text-amber-900'}>
						<strong>{response.correct ? 'Correct.' : 'Not quite.'}</strong> {response.explanation}
					</p>
				) : null}
				{response?.kind === 'error' ? (
					<p role="alert" className="my-0! text-red-700">
						{response.error}
					</p>
				) : null}
			</div>
		</form>
	)
}
