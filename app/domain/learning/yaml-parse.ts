import { parseDocument } from 'yaml'
import type { z } from 'zod'

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: string[] }

/** `['questions', 2, 'correct']` → `questions[2].correct` */
export function formatIssuePath(path: readonly PropertyKey[]): string {
	let out = ''
	for (const part of path) {
		if (typeof part === 'number') out += `[${part}]`
		else out += out ? `.${String(part)}` : String(part)
	}
	return out
}

function issueMessage(issue: z.core.$ZodIssue): string {
	if (issue.code === 'invalid_type' && issue.path.length === 0 && issue.expected === 'object') {
		return 'the file must be a YAML mapping of fields (key: value lines)'
	}
	// zod says "Invalid input: expected string, received undefined" for a missing field.
	if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) {
		return 'is required'
	}
	return issue.message
}

/** One readable line per issue: `file: questions[2].correct: message`. */
export function formatZodError(file: string, error: z.ZodError): string[] {
	return error.issues.map((issue) => {
		const where = formatIssuePath(issue.path)
		return where ? `${file}: ${where}: ${issueMessage(issue)}` : `${file}: ${issueMessage(issue)}`
	})
}

/** YAML text → plain value, or the syntax errors with their line and column. */
export function parseYamlText(file: string, text: string): ParseResult<unknown> {
	const doc = parseDocument(text)
	if (doc.errors.length > 0) {
		return {
			ok: false,
			errors: doc.errors.map((error) => {
				const at = error.linePos?.[0]
				const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')
				return at ? `${file}: line ${at.line}, column ${at.col}: ${reason}` : `${file}: ${reason}`
			}),
		}
	}
	try {
		return { ok: true, value: doc.toJS() }
	} catch (error) {
		// e.g. too many aliases (a "billion laughs" document)
		return { ok: false, errors: [`${file}: ${error instanceof Error ? error.message : String(error)}`] }
	}
}

export function parseYamlWith<S extends z.ZodType>(
	schema: S,
	file: string,
	text: string,
): ParseResult<z.output<S>> {
	const yaml = parseYamlText(file, text)
	if (!yaml.ok) return yaml
	if (yaml.value === null || yaml.value === undefined) {
		return { ok: false, errors: [`${file}: the file is empty`] }
	}
	const result = schema.safeParse(yaml.value)
	if (!result.success) return { ok: false, errors: formatZodError(file, result.error) }
	return { ok: true, value: result.data }
}

/** `content/paths/x/quizzes/fundamentals-check.yaml` → `fundamentals-check` */
export function fileStem(file: string): string {
	const base = file.split(/[\\/]/).pop() ?? file
	const dot = base.lastIndexOf('.')
	return dot > 0 ? base.slice(0, dot) : base
}
