import { isNode, LineCounter, parseDocument, type Document } from 'yaml'
import { z } from 'zod'
import { AudienceSchema } from '#app/domain/accounts-tiers/audience.ts'
import { CONTENT_LEVELS, DEFAULT_CONTENT_LEVEL } from './levels.ts'

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export const SlugSchema = z
	.string()
	.regex(KEBAB_CASE, 'must be kebab-case (lowercase letters, digits, single hyphens)')

/** A real calendar date written as YYYY-MM-DD (2026-02-30 is rejected). */
export const IsoDateSchema = z
	.string()
	// abort: a malformed string should not also be reported as an unreal date
	.regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written as YYYY-MM-DD', abort: true })
	.refine((value) => {
		const date = new Date(`${value}T00:00:00Z`)
		return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
	}, 'is not a real calendar date')

const TagsSchema = z
	.array(SlugSchema)
	.min(1, 'needs at least 1 tag')
	.max(8, 'allows at most 8 tags')
	.refine((tags) => new Set(tags).size === tags.length, 'lists a tag twice')

export const ContentLevelSchema = z.enum(CONTENT_LEVELS)

export const ArticleFrontmatterSchema = z
	.strictObject({
		title: z.string().trim().min(5).max(120),
		slug: SlugSchema,
		summary: z.string().trim().min(20).max(300),
		category: SlugSchema,
		tags: TagsSchema,
		audience: AudienceSchema,
		productArea: z.string().trim().min(2).max(60),
		updated: IsoDateSchema,
		related: z.array(SlugSchema).max(12).default([]),
		level: ContentLevelSchema.default(DEFAULT_CONTENT_LEVEL),
	})
	.refine((fm) => !fm.related.includes(fm.slug), {
		path: ['related'],
		message: 'must not list the article itself',
	})
export type ArticleFrontmatter = z.output<typeof ArticleFrontmatterSchema>

export const LessonFrontmatterSchema = z.strictObject({
	title: z.string().trim().min(5).max(120),
	slug: SlugSchema,
	summary: z.string().trim().min(20).max(300),
	estimatedMinutes: z.number().int().min(1).max(600),
	/** Omitted: the lesson takes its path's level (the sync fills it in). */
	level: ContentLevelSchema.optional(),
})
export type LessonFrontmatter = z.output<typeof LessonFrontmatterSchema>

export type FrontmatterResult<T> =
	| { ok: true; data: T; body: string; bodyStartLine: number }
	| { ok: false; errors: string[] }

/** A zod issue as "<field>: <what is wrong>", worded for content authors rather than developers. */
function describeIssue(issue: z.core.$ZodIssue): string {
	const field = issue.path.length > 0 ? issue.path.join('.') : 'frontmatter'
	switch (issue.code) {
		case 'invalid_value':
			return `${field}: expected one of ${issue.values.map(String).join('|')}`
		case 'unrecognized_keys':
			return `${issue.keys.join(', ')}: unknown field${issue.keys.length > 1 ? 's' : ''}`
		case 'invalid_type':
			return issue.message.endsWith('received undefined')
				? `${field}: is required`
				: `${field}: expected ${issue.expected}`
		case 'too_small':
		case 'too_big': {
			const bound = issue.code === 'too_small' ? `at least ${issue.minimum}` : `at most ${issue.maximum}`
			const unit =
				issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : ''
			// Custom messages (tags) are already phrased for authors.
			return issue.message.startsWith('Too ') ? `${field}: must be ${bound}${unit}` : `${field}: ${issue.message}`
		}
		default:
			return `${field}: ${issue.message}`
	}
}

/** The `---` fenced YAML block at the top of a file, and where the body starts (1-based line). */
function splitFrontmatter(
	source: string,
): { yaml: string; yamlStartLine: number; body: string; bodyStartLine: number } | null {
	const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/)
	if (lines[0]?.trimEnd() !== '---') return null
	const closing = lines.findIndex((line, index) => index > 0 && line.trimEnd() === '---')
	if (closing === -1) return null
	return {
		yaml: lines.slice(1, closing).join('\n'),
		yamlStartLine: 2,
		body: lines.slice(closing + 1).join('\n'),
		bodyStartLine: closing + 2,
	}
}

function slugFromFileName(fileName: string): string {
	const base = fileName.split(/[\\/]/).pop() ?? fileName
	return base.replace(/\.mdx?$/, '')
}

/**
 * The file line of a frontmatter field (the item itself for `tags.1`, else the nearest field above
 * it); a field that is missing altogether is reported on the opening `---`.
 */
function lineOfField(document: Document, lineCounter: LineCounter, path: readonly PropertyKey[], yamlStartLine: number): number {
	for (let depth = path.length; depth > 0; depth--) {
		const node = document.getIn(path.slice(0, depth) as Array<string | number>, true)
		if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line + yamlStartLine - 1
	}
	return yamlStartLine - 1
}

export function parseFrontmatter<S extends z.ZodType<{ slug: string }>>(
	source: string,
	schema: S,
	fileName: string,
): FrontmatterResult<z.output<S>> {
	const split = splitFrontmatter(source)
	if (!split) {
		return {
			ok: false,
			errors: [`${fileName}: line 1: missing frontmatter: the file must start with a --- line and close it with another ---`],
		}
	}

	const lineCounter = new LineCounter()
	const document = parseDocument(split.yaml, { uniqueKeys: true, prettyErrors: false, lineCounter })
	const lineOf = (path: readonly PropertyKey[]) => lineOfField(document, lineCounter, path, split.yamlStartLine)
	if (document.errors.length > 0) {
		return {
			ok: false,
			errors: document.errors.map((error) => {
				// linePos is only filled in with prettyErrors; the offset always is.
				const line = lineCounter.linePos(error.pos[0]).line + split.yamlStartLine - 1
				return `${fileName}: line ${line}: invalid YAML: ${error.message.split('\n')[0]}`
			}),
		}
	}

	const raw: unknown = document.toJS()
	const parsed = schema.safeParse(raw ?? {})
	if (!parsed.success) {
		return {
			ok: false,
			errors: parsed.error.issues.map((issue) => {
				// An unknown field is reported where it is written.
				const path = issue.code === 'unrecognized_keys' ? [issue.keys[0]!] : issue.path
				return `${fileName}: line ${lineOf(path)}: ${describeIssue(issue)}`
			}),
		}
	}

	const expectedSlug = slugFromFileName(fileName)
	if (parsed.data.slug !== expectedSlug) {
		return {
			ok: false,
			errors: [`${fileName}: line ${lineOf(['slug'])}: slug: "${parsed.data.slug}" must equal the file name "${expectedSlug}"`],
		}
	}

	return { ok: true, data: parsed.data, body: split.body, bodyStartLine: split.bodyStartLine }
}
