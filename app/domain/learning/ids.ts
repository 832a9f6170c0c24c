import { z } from 'zod'

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
// Question and option ids end up in form field names (`answer.<id>`), so keep them to plain characters.
const PLAIN_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/

/** A kebab-case name that is also a file name: path folders, lessons, quizzes, assessments. */
export const SlugSchema = z
	.string()
	.max(80)
	.regex(KEBAB, { error: 'must be kebab-case (a-z, 0-9 and single hyphens)' })

/** YAML reads `id: 1` as a number; authors mean the text "1". */
function numberToText(value: unknown) {
	return typeof value === 'number' ? String(value) : value
}

export const QuestionIdSchema = z.preprocess(
	numberToText,
	z
		.string()
		.max(80)
		.regex(PLAIN_ID, { error: 'must use only letters, digits, "-" and "_"' }),
)

export const OptionIdSchema = QuestionIdSchema
