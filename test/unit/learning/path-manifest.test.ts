import { describe, expect, test } from 'vitest'
import {
	PathManifestSchema,
	parsePathManifestYaml,
	stepFile,
	stepKey,
	validatePathFolder,
} from '#app/domain/learning/path-manifest.ts'

const MANIFEST = `title: Prism fundamentals
summary: From first login to your first shared dashboard.
audience: customers
level: beginner
estimatedMinutes: 90
skillTags: [dashboards, data-sources]
certificate: true
steps:
  - lesson: welcome-to-prism
  - lesson: connect-a-source
  - quiz: fundamentals-check
`

const DIR = 'content/paths/prism-fundamentals'

describe('PathManifestSchema', () => {
	test('parses the documented manifest into ordered steps', () => {
		const result = parsePathManifestYaml('path.yaml', MANIFEST)
		expect(result.ok).toBe(true)
		if (!result.ok) return
		expect(result.value.steps).toEqual([
			{ lesson: 'welcome-to-prism' },
			{ lesson: 'connect-a-source' },
			{ quiz: 'fundamentals-check' },
		])
		expect(result.value.steps.map(stepFile)).toEqual([
			'lessons/welcome-to-prism.mdx',
			'lessons/connect-a-source.mdx',
			'quizzes/fundamentals-check.yaml',
		])
		expect(result.value).toMatchObject({ audience: 'customers', level: 'beginner', certificate: true })
	})

	test('refuses no steps, a duplicate step, and a step that is neither or both', () => {
		const empty = parsePathManifestYaml('path.yaml', MANIFEST.replace(/steps:[\s\S]*$/, 'steps: []\n'))
		expect(empty).toEqual({ ok: false, errors: ['path.yaml: steps: a path needs at least one step'] })

		const duplicate = parsePathManifestYaml('path.yaml', `${MANIFEST}  - lesson: welcome-to-prism\n`)
		expect(duplicate).toEqual({
			ok: false,
			errors: ['path.yaml: steps[3]: lesson "welcome-to-prism" is already steps[0]'],
		})

		const shapes = parsePathManifestYaml(
			'path.yaml',
			`${MANIFEST}  - welcome-to-prism\n  - { lesson: a, quiz: b }\n  - lessson: typo\n`,
		)
		expect(shapes.ok ? [] : shapes.errors).toEqual([
			'path.yaml: steps[3]: a step is "lesson: <slug>" or "quiz: <id>"',
			'path.yaml: steps[4]: a step is "lesson: <slug>" or "quiz: <id>"',
			'path.yaml: steps[5]: Unrecognized key: "lessson"',
			'path.yaml: steps[5]: a step is "lesson: <slug>" or "quiz: <id>"',
		])
	})

	test('a lesson and a quiz may share a slug; they are different files', () => {
		const result = parsePathManifestYaml('path.yaml', `${MANIFEST}  - lesson: fundamentals-check\n`)
		expect(result.ok).toBe(true)
		expect(stepKey({ lesson: 'x' })).not.toBe(stepKey({ quiz: 'x' }))
	})

	test('checks level, audience, slugs and required fields with readable messages', () => {
		const text = MANIFEST.replace('level: beginner', 'level: expert')
			.replace('audience: customers', 'audience: vip')
			.replace('lesson: connect-a-source', 'lesson: Connect_A_Source')
			.replace('certificate: true\n', '')
		const result = parsePathManifestYaml('path.yaml', text)
		expect(result.ok ? [] : result.errors).toEqual([
			'path.yaml: audience: Invalid option: expected one of "public"|"customers"|"tier2"|"tier1"|"staff"',
			'path.yaml: level: Invalid option: expected one of "beginner"|"intermediate"|"advanced"',
			'path.yaml: certificate: is required',
			'path.yaml: steps[1].lesson: must be kebab-case (a-z, 0-9 and single hyphens)',
		])
	})

	test('skill tags may not repeat', () => {
		const result = PathManifestSchema.safeParse({
			title: 'Prism fundamentals',
			summary: 'From first login to your first shared dashboard.',
			audience: 'public',
			level: 'advanced',
			estimatedMinutes: 30,
			skillTags: ['metrics', 'metrics'],
			certificate: false,
			steps: [{ lesson: 'a' }],
		})
		expect(result.success).toBe(false)
		expect(result.error?.issues[0]?.path).toEqual(['skillTags', 1])
	})
})

describe('validatePathFolder', () => {
	test('passes when every step has its file, and warns about unused lessons', () => {
		const result = validatePathFolder({
			slug: 'prism-fundamentals',
			manifestText: MANIFEST,
			lessonFiles: ['welcome-to-prism.mdx', 'lessons/connect-a-source.mdx', 'draft-lesson.mdx'],
			quizFiles: ['fundamentals-check.yaml'],
		})
		expect(result.ok).toBe(true)
		expect(result.warnings).toEqual([`${DIR}/lessons/draft-lesson.mdx: not used by any step`])
	})

	test('names the missing file for each step that has none', () => {
		const result = validatePathFolder({
			slug: 'prism-fundamentals',
			manifestText: MANIFEST,
			lessonFiles: ['welcome-to-prism.mdx', 'connect-a-source.md'],
			quizFiles: [],
		})
		expect(result.ok).toBe(false)
		expect(result.ok ? [] : result.errors).toEqual([
			`${DIR}/path.yaml: steps[1].lesson: ${DIR}/lessons/connect-a-source.mdx does not exist`,
			`${DIR}/path.yaml: steps[2].quiz: ${DIR}/quizzes/fundamentals-check.yaml does not exist`,
		])
		expect(result.warnings).toEqual([`${DIR}/lessons/connect-a-source.md: not an .mdx lesson, ignored`])
	})

	test('accepts .yml quizzes and refuses a folder name that is not kebab-case', () => {
		const yml = validatePathFolder({
			slug: 'prism-fundamentals',
			manifestText: MANIFEST,
			lessonFiles: ['welcome-to-prism.mdx', 'connect-a-source.mdx'],
			quizFiles: ['fundamentals-check.yml'],
		})
		expect(yml.ok).toBe(true)
		const badSlug = validatePathFolder({
			slug: 'Prism Fundamentals',
			manifestText: MANIFEST,
			lessonFiles: ['welcome-to-prism.mdx', 'connect-a-source.mdx'],
			quizFiles: ['fundamentals-check.yaml'],
		})
		expect(badSlug.ok ? [] : badSlug.errors).toEqual([
			'content/paths/Prism Fundamentals: the folder name must be kebab-case (a-z, 0-9 and single hyphens)',
		])
	})

	test('returns manifest errors with the manifest file name', () => {
		const result = validatePathFolder({
			slug: 'prism-fundamentals',
			manifestText: 'title: [unclosed\n',
			lessonFiles: [],
			quizFiles: [],
		})
		expect(result.ok).toBe(false)
		expect(result.ok ? '' : result.errors[0]).toMatch(/^content\/paths\/prism-fundamentals\/path\.yaml: line \d+, column \d+: /)
	})
})
