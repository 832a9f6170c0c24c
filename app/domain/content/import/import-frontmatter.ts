import { Document, parse as parseYaml } from 'yaml'
import type { Audience } from '#app/domain/accounts-tiers/audience.ts'
import { IsoDateSchema } from '#app/domain/content/frontmatter.ts'
import { kebabCase } from './page-paths.ts'
import type { ImportProblem } from './types.ts'

/** What the importer reads from another tool's frontmatter (Docusaurus, Mintlify, Remix docs). */
export type SourceFrontmatter = {
	title?: string
	description?: string
	tags: string[]
	/** Docusaurus `slug`/`id`: other ways pages of the old site link to this one. */
	aliases: string[]
	updated?: string
}

export type SourceParts = { frontmatter: SourceFrontmatter; body: string; bodyStartLine: number; problems: ImportProblem[] }

const MAX_SUMMARY = 300
const MIN_SUMMARY = 20
const MAX_TAGS = 8

function text(value: unknown): string | undefined {
	if (typeof value !== 'string' && typeof value !== 'number') return undefined
	const trimmed = String(value).replace(/\s+/g, ' ').trim()
	return trimmed === '' ? undefined : trimmed
}

/** Docusaurus tags are strings or `{ label }` objects; Mintlify has none; keywords are not tags. */
function tagsOf(value: unknown): string[] {
	if (!Array.isArray(value)) return typeof value === 'string' ? tagsOf(value.split(',')) : []
	return value.flatMap((tag: unknown) => {
		const label = text(typeof tag === 'object' && tag !== null ? (tag as { label?: unknown }).label : tag)
		return label ? [label] : []
	})
}

function updatedOf(value: unknown): string | undefined {
	const raw = value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'object' && value !== null ? (value as { date?: unknown }).date : value
	const date = raw instanceof Date ? raw.toISOString().slice(0, 10) : text(raw)?.slice(0, 10)
	return date && IsoDateSchema.safeParse(date).success ? date : undefined
}

/** Splits a source page into its frontmatter (read leniently: it is another tool's) and its body. */
export function readSourcePage(source: string): SourceParts {
	const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/)
	const closing = lines[0]?.trimEnd() === '---' ? lines.findIndex((line, index) => index > 0 && line.trimEnd() === '---') : -1
	if (closing === -1) return { frontmatter: { tags: [], aliases: [] }, body: lines.join('\n'), bodyStartLine: 1, problems: [] }
	const body = lines.slice(closing + 1).join('\n')
	let raw: unknown
	try {
		raw = parseYaml(lines.slice(1, closing).join('\n'))
	} catch (error) {
		const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
		return { frontmatter: { tags: [], aliases: [] }, body, bodyStartLine: closing + 2, problems: [{ line: 1, reason: `the frontmatter is not valid YAML: ${reason}` }] }
	}
	const data = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>
	const frontmatter: SourceFrontmatter = {
		title: text(data.title) ?? text(data.sidebar_label) ?? text(data.sidebarTitle),
		description: text(data.description),
		tags: tagsOf(data.tags),
		aliases: [text(data.slug), text(data.id)].filter((alias): alias is string => alias !== undefined),
		updated: updatedOf(data.last_update) ?? updatedOf(data.updated) ?? updatedOf(data.date),
	}
	return { frontmatter, body, bodyStartLine: closing + 2, problems: [] }
}

/** At most `max` characters, cut after a sentence when one ends late enough, else after a word with an ellipsis. */
function shorten(value: string, max: number): string {
	if (value.length <= max) return value
	const head = value.slice(0, max)
	const sentenceEnd = Math.max(head.lastIndexOf('. '), head.lastIndexOf('? '), head.lastIndexOf('! '))
	if (sentenceEnd >= max / 2) return head.slice(0, sentenceEnd + 1)
	const wordEnd = head.slice(0, max - 1).lastIndexOf(' ')
	return `${head.slice(0, wordEnd > 0 ? wordEnd : max - 1).replace(/[\s,;:.]+$/, '')}…`
}

/** A summary for lists and search: the page's description, else its first paragraphs, 20-300 characters. */
export function summaryFor(description: string | undefined, paragraphs: string[]): string | undefined {
	const candidates = description ? [description] : []
	let joined = ''
	for (const paragraph of paragraphs) {
		joined = joined ? `${joined} ${paragraph}` : paragraph
		if (joined.length >= MIN_SUMMARY) break
	}
	if (joined) candidates.push(joined)
	for (const candidate of candidates) {
		const summary = shorten(candidate.replace(/\s+/g, ' ').trim(), MAX_SUMMARY)
		if (summary.length >= MIN_SUMMARY) return summary
	}
	return undefined
}

/** Tags as the portal writes them: kebab-case, each once, at most eight; the category when the page had none. */
export function tagsFor(sourceTags: string[], category: string): { tags: string[]; dropped: number } {
	const tags = [...new Set(sourceTags.map(kebabCase).filter(Boolean))]
	if (tags.length === 0) return { tags: [category], dropped: 0 }
	return { tags: tags.slice(0, MAX_TAGS), dropped: Math.max(0, tags.length - MAX_TAGS) }
}

/** "data-sources" -> "Data sources": a product area for a category when none was given. */
export function productAreaFor(category: string): string {
	const words = category.replace(/-/g, ' ')
	return (words.charAt(0).toUpperCase() + words.slice(1)).slice(0, 60)
}

export type ArticleFields = {
	title: string
	slug: string
	summary: string
	category: string
	tags: string[]
	audience: Audience
	productArea: string
	updated: string
}

/** The frontmatter block of an imported article, in the order content/articles files use. */
export function articleFrontmatterBlock(fields: ArticleFields): string {
	const document = new Document(fields)
	const tags = document.get('tags', true) as { flow?: boolean } | undefined
	if (tags) tags.flow = true
	return `---\n${document.toString({ lineWidth: 0, flowCollectionPadding: false })}---\n`
}
