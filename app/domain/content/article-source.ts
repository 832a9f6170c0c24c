import { parse, stringify } from 'yaml'
import type { ArticleFormValues } from './publishing.ts'

/**
 * An article's whole MDX file, as content/ holds it and as revisions store it: the frontmatter the
 * editor's form gives, in the order docs/content-format.md writes it, then the body.
 */
export function composeArticleSource(form: Omit<ArticleFormValues, 'baseRevision'>): string {
	const scalar = (value: string) => stringify(value, { lineWidth: 0 }).trimEnd()
	const list = (items: readonly string[]) => `[${items.join(', ')}]`
	const lines = [
		'---',
		`title: ${scalar(form.title)}`,
		`slug: ${form.slug}`,
		`summary: ${scalar(form.summary)}`,
		`category: ${form.category}`,
		`tags: ${list(form.tags)}`,
		`audience: ${form.audience}`,
		`productArea: ${scalar(form.productArea)}`,
		`level: ${form.level}`,
		`updated: ${form.updated}`,
		...(form.related.length ? [`related: ${list(form.related)}`] : []),
		'---',
	]
	const body = form.body.replace(/\r\n/g, '\n')
	return `${lines.join('\n')}\n${body.endsWith('\n') || body === '' ? body : `${body}\n`}`
}

export type SplitSource = { frontmatter: Record<string, unknown>; body: string; bodyStartLine: number }

/** Frontmatter values (unvalidated: the editor shows them as they are) and the body of a stored file. */
export function splitArticleSource(source: string): SplitSource {
	const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/)
	const closing = lines[0]?.trimEnd() === '---' ? lines.findIndex((line, i) => i > 0 && line.trimEnd() === '---') : -1
	if (closing === -1) return { frontmatter: {}, body: source, bodyStartLine: 1 }
	let frontmatter: Record<string, unknown> = {}
	try {
		const parsed: unknown = parse(lines.slice(1, closing).join('\n'))
		if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) frontmatter = parsed as Record<string, unknown>
	} catch {
		// Shown as empty fields; the save validates again.
	}
	return { frontmatter, body: lines.slice(closing + 1).join('\n'), bodyStartLine: closing + 2 }
}

/** Form values for the editor from a stored file. */
export function formValuesFromSource(source: string) {
	const { frontmatter: fm, body } = splitArticleSource(source)
	const text = (v: unknown) => (typeof v === 'string' ? v : v instanceof Date ? v.toISOString().slice(0, 10) : v == null ? '' : String(v))
	const items = (v: unknown) => (Array.isArray(v) ? v.map(String).join(', ') : text(v))
	return {
		title: text(fm.title),
		slug: text(fm.slug),
		summary: text(fm.summary),
		category: text(fm.category),
		tags: items(fm.tags),
		audience: text(fm.audience),
		productArea: text(fm.productArea),
		level: text(fm.level) || 'beginner',
		updated: text(fm.updated),
		related: items(fm.related),
		body,
	}
}
