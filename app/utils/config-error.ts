import type { z } from 'zod'

/** A config that failed validation. `issues` are readable lines: "skill.weights.quizzes: Too small: expected number to be >=0". */
export class ConfigError extends Error {
	readonly issues: string[]
	constructor(what: string, issues: string[]) {
		super(`Invalid ${what}:\n- ${issues.join('\n- ')}`)
		this.name = 'ConfigError'
		this.issues = issues
	}
}

export function formatIssues(error: z.ZodError): string[] {
	return error.issues.map((issue) => {
		const path = issue.path.map(String).join('.')
		return path ? `${path}: ${issue.message}` : issue.message
	})
}
