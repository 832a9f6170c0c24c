import { z } from 'zod'
import { AudienceSchema } from '#app/domain/accounts-tiers/audience.ts'
import { OptionIdSchema, QuestionIdSchema, SlugSchema } from '#app/domain/learning/ids.ts'
import {
	fileStem,
	parseYamlWith,
	type ParseResult,
} from '#app/domain/learning/yaml-parse.ts'

export const QUESTION_TYPES = ['single', 'multiple', 'truefalse', 'numeric'] as const
export type QuestionType = (typeof QUESTION_TYPES)[number]

export const OptionSchema = z.strictObject({
	id: OptionIdSchema,
	text: z.string().trim().min(1).max(300),
})

const OptionsSchema = z.array(OptionSchema).min(2, { error: 'needs at least 2 options' }).max(12)

const questionBase = {
	id: QuestionIdSchema,
	prompt: z.string().trim().min(3).max(1000),
	explanation: z.string().trim().min(3).max(2000),
	/** Path quizzes only: the lesson of the same path that teaches this question, linked after a wrong answer. */
	lesson: SlugSchema.optional(),
}

const SingleQuestionSchema = z.strictObject({
	...questionBase,
	type: z.literal('single'),
	options: OptionsSchema,
	correct: OptionIdSchema,
})

const MultipleQuestionSchema = z.strictObject({
	...questionBase,
	type: z.literal('multiple'),
	options: OptionsSchema,
	correct: z.array(OptionIdSchema).min(1, { error: 'name at least one correct option' }),
})

const TrueFalseQuestionSchema = z.strictObject({
	...questionBase,
	type: z.literal('truefalse'),
	correct: z.boolean({ error: 'must be true or false' }),
})

const NumericQuestionSchema = z.strictObject({
	...questionBase,
	type: z.literal('numeric'),
	correct: z.number({ error: 'must be a number' }),
	tolerance: z.number().min(0).default(0),
})

export const QuestionSchema = z
	.discriminatedUnion(
		'type',
		[SingleQuestionSchema, MultipleQuestionSchema, TrueFalseQuestionSchema, NumericQuestionSchema],
		{
			error: (issue) =>
				issue.code === 'invalid_union'
					? `type must be one of ${QUESTION_TYPES.join(', ')}`
					: undefined,
		},
	)
	.superRefine((question, ctx) => {
		if (question.type !== 'single' && question.type !== 'multiple') return
		const ids = new Set<string>()
		question.options.forEach((option, index) => {
			if (ids.has(option.id)) {
				ctx.addIssue({
					code: 'custom',
					path: ['options', index, 'id'],
					message: `option id "${option.id}" is used twice`,
				})
			}
			ids.add(option.id)
		})
		const known = [...ids].join(', ')
		if (question.type === 'single') {
			if (!ids.has(question.correct)) {
				ctx.addIssue({
					code: 'custom',
					path: ['correct'],
					message: `"${question.correct}" is not an option of this question (options: ${known})`,
				})
			}
			return
		}
		const seen = new Set<string>()
		question.correct.forEach((id, index) => {
			if (!ids.has(id)) {
				ctx.addIssue({
					code: 'custom',
					path: ['correct', index],
					message: `"${id}" is not an option of this question (options: ${known})`,
				})
			}
			if (seen.has(id)) {
				ctx.addIssue({ code: 'custom', path: ['correct', index], message: `"${id}" is listed twice` })
			}
			seen.add(id)
		})
	})

export type Question = z.output<typeof QuestionSchema>
export type QuestionOption = z.output<typeof OptionSchema>

const quizShape = {
	id: SlugSchema,
	title: z.string().trim().min(3).max(120),
	description: z.string().trim().max(500).optional(),
	/** percent of the drawn questions needed to pass */
	passMark: z.number().int().min(0).max(100),
	/** omitted = unlimited */
	attemptLimit: z.number().int().min(1).optional(),
	/** wait after a failed attempt */
	cooldownMinutes: z.number().int().min(0).optional(),
	/** draw this many questions from the pool per attempt; omitted = all */
	drawCount: z.number().int().min(1).optional(),
	/** 1 easy, 2 medium, 3 hard: weights the skill score */
	difficulty: z.number().int().min(1).max(3).default(2),
	questions: z.array(QuestionSchema).min(1, { error: 'needs at least one question' }),
}

type QuizLike = { questions: Question[]; drawCount?: number | undefined }

function addDuplicateQuestionIssues(questions: Question[], ctx: z.RefinementCtx) {
	const first = new Map<string, number>()
	questions.forEach((question, index) => {
		const earlier = first.get(question.id)
		if (earlier !== undefined) {
			ctx.addIssue({
				code: 'custom',
				path: ['questions', index, 'id'],
				message: `question id "${question.id}" is already used by questions[${earlier}]`,
			})
		} else {
			first.set(question.id, index)
		}
	})
}

function checkQuiz(quiz: QuizLike, ctx: z.RefinementCtx) {
	addDuplicateQuestionIssues(quiz.questions, ctx)
	if (quiz.drawCount !== undefined && quiz.drawCount > quiz.questions.length) {
		ctx.addIssue({
			code: 'custom',
			path: ['drawCount'],
			message: `cannot draw ${quiz.drawCount} questions from a pool of ${quiz.questions.length}`,
		})
	}
}

/** Only a path quiz has lessons to point at; elsewhere a `lesson` would silently link nowhere. */
function refuseLessonLinks(questions: Question[], ctx: z.RefinementCtx) {
	questions.forEach((question, index) => {
		if (question.lesson !== undefined) {
			ctx.addIssue({ code: 'custom', path: ['questions', index, 'lesson'], message: 'only questions of a path quiz may name a lesson' })
		}
	})
}

export const QuizSchema = z.strictObject(quizShape).superRefine(checkQuiz)
export type Quiz = z.output<typeof QuizSchema>

export const RecommendationSchema = z
	.strictObject({
		minScore: z.number().int().min(0).max(100),
		maxScore: z.number().int().min(0).max(100),
		path: SlugSchema,
		message: z.string().trim().min(3).max(500),
	})
	.refine((band) => band.minScore <= band.maxScore, {
		error: 'minScore must not be above maxScore',
		path: ['maxScore'],
	})
export type Recommendation = z.output<typeof RecommendationSchema>

/** Integer scores 0-100 must each fall in exactly one band. */
function checkBands(bands: Recommendation[], ctx: z.RefinementCtx) {
	const sorted = bands
		.map((band, index) => ({ band, index }))
		.sort((a, b) => a.band.minScore - b.band.minScore)
	const first = sorted[0]
	if (!first) return
	if (first.band.minScore !== 0) {
		ctx.addIssue({
			code: 'custom',
			path: ['recommendations'],
			message: `scores 0-${first.band.minScore - 1} are not covered by any band`,
		})
	}
	// The band reaching furthest so far: a short band inside a long one must not hide an overlap.
	let reach = first
	for (const next of sorted.slice(1)) {
		if (next.band.minScore <= reach.band.maxScore) {
			ctx.addIssue({
				code: 'custom',
				path: ['recommendations', next.index],
				message: `overlaps recommendations[${reach.index}] (scores ${next.band.minScore}-${Math.min(reach.band.maxScore, next.band.maxScore)})`,
			})
		} else if (next.band.minScore > reach.band.maxScore + 1) {
			ctx.addIssue({
				code: 'custom',
				path: ['recommendations', next.index],
				message: `scores ${reach.band.maxScore + 1}-${next.band.minScore - 1} are not covered by any band`,
			})
		}
		if (next.band.maxScore > reach.band.maxScore) reach = next
	}
	const highest = reach.band.maxScore
	if (highest !== 100) {
		ctx.addIssue({
			code: 'custom',
			path: ['recommendations'],
			message: `scores ${highest + 1}-100 are not covered by any band`,
		})
	}
}

/** A self-assessment: a quiz outside any path that recommends a path from the score. */
export const AssessmentSchema = z
	.strictObject({
		...quizShape,
		audience: AudienceSchema,
		recommendations: z.array(RecommendationSchema).min(1),
	})
	.superRefine((assessment, ctx) => {
		checkQuiz(assessment, ctx)
		checkBands(assessment.recommendations, ctx)
		refuseLessonLinks(assessment.questions, ctx)
	})
export type Assessment = z.output<typeof AssessmentSchema>

/** `content/checks/<any>.yaml`: knowledge-check questions embedded in MDX with `<Check id>`. */
export const ChecksFileSchema = z
	.strictObject({
		questions: z.array(QuestionSchema).min(1, { error: 'needs at least one question' }),
	})
	.superRefine((file, ctx) => {
		addDuplicateQuestionIssues(file.questions, ctx)
		refuseLessonLinks(file.questions, ctx)
	})
export type ChecksFile = z.output<typeof ChecksFileSchema>

function requireIdMatchesFile<T extends { id: string }>(
	file: string,
	result: ParseResult<T>,
): ParseResult<T> {
	if (!result.ok) return result
	const stem = fileStem(file)
	if (result.value.id !== stem) {
		return {
			ok: false,
			errors: [`${file}: id: "${result.value.id}" must equal the file name "${stem}"`],
		}
	}
	return result
}

export function parseQuizYaml(file: string, text: string): ParseResult<Quiz> {
	return requireIdMatchesFile(file, parseYamlWith(QuizSchema, file, text))
}

export function parseAssessmentYaml(file: string, text: string): ParseResult<Assessment> {
	return requireIdMatchesFile(file, parseYamlWith(AssessmentSchema, file, text))
}

export function parseChecksYaml(file: string, text: string): ParseResult<ChecksFile> {
	return parseYamlWith(ChecksFileSchema, file, text)
}

/** Check ids must be unique across every checks file, since `<Check id>` names only the id. */
export function findDuplicateCheckIds(
	files: ReadonlyArray<{ file: string; checks: ChecksFile }>,
): string[] {
	const owner = new Map<string, string>()
	const errors: string[] = []
	for (const { file, checks } of files) {
		checks.questions.forEach((question, index) => {
			const earlier = owner.get(question.id)
			if (earlier !== undefined && earlier !== file) {
				errors.push(`${file}: questions[${index}].id: "${question.id}" is already used in ${earlier}`)
			} else {
				owner.set(question.id, file)
			}
		})
	}
	return errors
}

/** Recommended paths that do not exist, as readable errors. */
export function findMissingRecommendedPaths(
	file: string,
	assessment: Pick<Assessment, 'recommendations'>,
	pathSlugs: ReadonlySet<string>,
): string[] {
	return assessment.recommendations.flatMap((band, index) =>
		pathSlugs.has(band.path)
			? []
			: [`${file}: recommendations[${index}].path: no path "${band.path}" in content/paths`],
	)
}

/** Questions naming a lesson that is not a lesson step of the quiz's path, as readable errors. */
export function findUnknownQuestionLessons(file: string, quiz: Pick<Quiz, 'questions'>, lessonSlugs: ReadonlySet<string>): string[] {
	return quiz.questions.flatMap((question, index) =>
		question.lesson === undefined || lessonSlugs.has(question.lesson)
			? []
			: [`${file}: questions[${index}].lesson: "${question.lesson}" is not a lesson of this path (lessons: ${[...lessonSlugs].join(', ')})`],
	)
}
