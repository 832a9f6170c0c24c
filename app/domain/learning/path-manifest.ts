import { z } from 'zod'
import { AudienceSchema } from '#app/domain/accounts-tiers/audience.ts'
import { CONTENT_LEVELS, type ContentLevel } from '#app/domain/content/levels.ts'
import { SlugSchema } from '#app/domain/learning/ids.ts'
import { fileStem, parseYamlWith, type ParseResult } from '#app/domain/learning/yaml-parse.ts'

/** A path's level is also the level of each lesson that does not state its own. */
export const PATH_LEVELS = CONTENT_LEVELS
export type PathLevel = ContentLevel

/** One step of a path: a lesson (`lessons/<slug>.mdx`) or a quiz (`quizzes/<id>.yaml`). */
export type PathStep = { lesson: string } | { quiz: string }

const STEP_SHAPE_MESSAGE = 'a step is "lesson: <slug>" or "quiz: <id>"'

export const PathStepSchema = z
	.strictObject(
		{ lesson: SlugSchema.optional(), quiz: SlugSchema.optional() },
		{ error: (issue) => (issue.code === 'invalid_type' ? STEP_SHAPE_MESSAGE : undefined) },
	)
	.superRefine((step, ctx) => {
		if ((step.lesson === undefined) === (step.quiz === undefined)) {
			ctx.addIssue({ code: 'custom', message: STEP_SHAPE_MESSAGE })
		}
	})
	.transform((step): PathStep =>
		step.lesson !== undefined ? { lesson: step.lesson } : { quiz: step.quiz! },
	)

export function stepKind(step: PathStep): 'lesson' | 'quiz' {
	return 'lesson' in step ? 'lesson' : 'quiz'
}

export function stepRef(step: PathStep): string {
	return 'lesson' in step ? step.lesson : step.quiz
}

/** `lesson:welcome` / `quiz:fundamentals-check`: a lesson and a quiz may share a slug. */
export function stepKey(step: PathStep): string {
	return `${stepKind(step)}:${stepRef(step)}`
}

/** The step's file, relative to the path folder. */
export function stepFile(step: PathStep): string {
	return 'lesson' in step ? `lessons/${step.lesson}.mdx` : `quizzes/${step.quiz}.yaml`
}

export const PathManifestSchema = z
	.strictObject({
		title: z.string().trim().min(5).max(120),
		summary: z.string().trim().min(20).max(300),
		audience: AudienceSchema,
		level: z.enum(PATH_LEVELS),
		estimatedMinutes: z.number().int().min(1).max(6000),
		skillTags: z.array(SlugSchema).min(1).max(12),
		/** issue a certificate when every step is done and every quiz passed */
		certificate: z.boolean(),
		steps: z.array(PathStepSchema).min(1, { error: 'a path needs at least one step' }),
	})
	.superRefine((manifest, ctx) => {
		const firstStep = new Map<string, number>()
		manifest.steps.forEach((step, index) => {
			const key = stepKey(step)
			const earlier = firstStep.get(key)
			if (earlier !== undefined) {
				ctx.addIssue({
					code: 'custom',
					path: ['steps', index],
					message: `${stepKind(step)} "${stepRef(step)}" is already steps[${earlier}]`,
				})
			} else {
				firstStep.set(key, index)
			}
		})
		const tags = new Set<string>()
		manifest.skillTags.forEach((tag, index) => {
			if (tags.has(tag)) {
				ctx.addIssue({ code: 'custom', path: ['skillTags', index], message: `"${tag}" is listed twice` })
			}
			tags.add(tag)
		})
	})
export type PathManifest = z.output<typeof PathManifestSchema>

export function parsePathManifestYaml(file: string, text: string): ParseResult<PathManifest> {
	return parseYamlWith(PathManifestSchema, file, text)
}

export type PathFolderResult =
	| { ok: true; manifest: PathManifest; warnings: string[] }
	| { ok: false; errors: string[]; warnings: string[] }

/**
 * Validates `content/paths/<slug>/`: the manifest, and that every step names a file that exists.
 * `lessonFiles` and `quizFiles` are the file names found in `lessons/` and `quizzes/`
 * (bare names or paths; only `.mdx` lessons and `.yaml`/`.yml` quizzes count).
 * Lessons that no step uses are reported as warnings, not errors (drafts are allowed).
 */
export function validatePathFolder({
	slug,
	manifestText,
	lessonFiles,
	quizFiles,
}: {
	slug: string
	manifestText: string
	lessonFiles: readonly string[]
	quizFiles: readonly string[]
}): PathFolderResult {
	const dir = `content/paths/${slug}`
	const manifestFile = `${dir}/path.yaml`
	const errors: string[] = []
	const warnings: string[] = []

	if (!SlugSchema.safeParse(slug).success) {
		errors.push(`${dir}: the folder name must be kebab-case (a-z, 0-9 and single hyphens)`)
	}

	const lessons = stemsWithExtension(lessonFiles, /\.mdx$/)
	const quizzes = stemsWithExtension(quizFiles, /\.ya?ml$/)
	for (const file of lessons.others) warnings.push(`${dir}/lessons/${file}: not an .mdx lesson, ignored`)
	for (const file of quizzes.others) warnings.push(`${dir}/quizzes/${file}: not a .yaml quiz, ignored`)

	const parsed = parsePathManifestYaml(manifestFile, manifestText)
	if (!parsed.ok) return { ok: false, errors: [...errors, ...parsed.errors], warnings }
	const manifest = parsed.value

	manifest.steps.forEach((step, index) => {
		const known = 'lesson' in step ? lessons.stems : quizzes.stems
		if (!known.has(stepRef(step))) {
			errors.push(
				`${manifestFile}: steps[${index}].${stepKind(step)}: ${dir}/${stepFile(step)} does not exist`,
			)
		}
	})

	const usedLessons = new Set(manifest.steps.flatMap((step) => ('lesson' in step ? [step.lesson] : [])))
	const usedQuizzes = new Set(manifest.steps.flatMap((step) => ('quiz' in step ? [step.quiz] : [])))
	for (const [stem, base] of lessons.stems) {
		if (!usedLessons.has(stem)) warnings.push(`${dir}/lessons/${base}: not used by any step`)
	}
	for (const [stem, base] of quizzes.stems) {
		if (!usedQuizzes.has(stem)) warnings.push(`${dir}/quizzes/${base}: not used by any step`)
	}

	return errors.length > 0 ? { ok: false, errors, warnings } : { ok: true, manifest, warnings }
}

function stemsWithExtension(files: readonly string[], extension: RegExp) {
	/** stem → file name */
	const stems = new Map<string, string>()
	const others: string[] = []
	for (const file of files) {
		const base = file.split(/[\\/]/).pop() ?? file
		if (extension.test(base)) stems.set(fileStem(base), base)
		else others.push(base)
	}
	return { stems, others }
}
