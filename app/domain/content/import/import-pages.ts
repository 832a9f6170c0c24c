import path from 'node:path'
import remarkGfm from 'remark-gfm'
import remarkMdx from 'remark-mdx'
import remarkStringify from 'remark-stringify'
import { unified } from 'unified'
import type { Audience } from '#app/domain/accounts-tiers/audience.ts'
import { isAllowedLinkUrl } from '#app/domain/content/embeds.ts'
import { ArticleFrontmatterSchema, parseFrontmatter } from '#app/domain/content/frontmatter.ts'
import { checkSafeMdx } from '#app/domain/content/safe-mdx.ts'
import { draftPage, type PageDraft } from './convert-page.ts'
import { articleFrontmatterBlock, productAreaFor, summaryFor, tagsFor } from './import-frontmatter.ts'
import { lineOf, type ImportNode } from './map-elements.ts'
import { kebabCase, pageKey, pageLinkTarget } from './page-paths.ts'
import type { ImportedPage, ImportOptions, SourcePage } from './types.ts'

/**
 * Converts a whole site's pages at once (a link can only be rewritten once every page's slug is
 * known). Pure: takes page texts, returns article texts and problems; reading and writing files is
 * import-folder.server.ts's job. A page with any problem gets no output: nothing unsafe or
 * half-mapped is ever written.
 */

/**
 * Imported pages are readable by staff only until an editor widens them: a help center being
 * moved in says nothing about which tier each page is for, and a sync publishes at once.
 */
export const DEFAULT_IMPORT_AUDIENCE: Audience = 'staff'

const stringifier = unified().use(remarkMdx).use(remarkGfm).use(remarkStringify, {
	bullet: '-',
	emphasis: '_',
	fences: true,
	listItemIndent: 'one',
	// `***`, never `---`: a body that starts with --- reads as a second frontmatter block.
	rule: '*',
})

function walkNodes(node: ImportNode, visit: (node: ImportNode) => void): void {
	visit(node)
	for (const child of node.children ?? []) walkNodes(child, visit)
}

/** A slug per page, each once: a second page of the same name takes its category in front. */
function assignSlugs(drafts: PageDraft[], taken: ReadonlySet<string>): void {
	const used = new Set<string>()
	for (const draft of drafts) {
		if (used.has(draft.slug)) draft.slug = kebabCase(`${draft.category}-${draft.slug}`)
		if (used.has(draft.slug)) {
			draft.problems.push({ line: 1, reason: `another page of this import already takes the slug "${draft.slug}"; rename one of the files` })
		}
		used.add(draft.slug)
		if (taken.has(draft.slug)) {
			draft.problems.push({ line: 1, reason: `articles/${draft.slug}.mdx already exists; rename the file, or pass --overwrite to replace the article` })
		}
	}
}

/** Every way the old site could link to each page: its path, and a Docusaurus `slug` or `id`. */
function pageIndex(drafts: PageDraft[]): Map<string, PageDraft> {
	const index = new Map<string, PageDraft>()
	for (const draft of drafts) {
		const keys = [pageKey(draft.file)]
		for (const alias of draft.source.aliases) {
			if (alias.startsWith('/')) keys.push(pageKey(alias.slice(1)), pageKey(alias.replace(/^\/docs\//i, '')))
			else keys.push(pageKey(path.posix.join(path.posix.dirname(draft.file), alias)))
		}
		for (const key of keys) if (!index.has(key)) index.set(key, draft)
	}
	return index
}

function rewriteLinks(draft: PageDraft, index: Map<string, PageDraft>): void {
	if (!draft.tree) return
	walkNodes(draft.tree, (node) => {
		if ((node.type !== 'link' && node.type !== 'definition') || node.url === undefined) return
		if (!isAllowedLinkUrl(node.url)) {
			draft.problems.push({ line: draft.sourceLine(lineOf(node)), reason: `link URL "${node.url}" is not allowed; use a relative, http(s), mailto or tel URL` })
			return
		}
		if (node.url.startsWith('#')) {
			const anchor = node.url.slice(1)
			node.url = `#${draft.anchors.get(anchor) ?? anchor}`
			return
		}
		const target = pageLinkTarget(node.url, draft.file)
		if (!target) return
		const page = target.keys.map((key) => index.get(key)).find((found) => found !== undefined)
		if (!page) {
			draft.problems.push({
				line: draft.sourceLine(lineOf(node)),
				reason: `link "${node.url}" points at a page that is not part of this import; link a /kb/ article or a full https:// URL`,
			})
			return
		}
		const hash = target.hash ? `#${page.anchors.get(target.hash) ?? target.hash}` : ''
		node.url = `/kb/${page.slug}${hash}`
	})
}

/** The article text of a draft with no problems; adds a problem when something is missing. */
function articleOf(draft: PageDraft, options: ImportOptions): string | null {
	if (!draft.tree || !draft.title) return null
	const summary = summaryFor(draft.source.description, draft.paragraphs)
	if (!summary) {
		draft.problems.push({ line: 1, reason: 'no summary: add a description of 20 to 300 characters to the frontmatter' })
	}
	if (draft.title.length < 5 || draft.title.length > 120) {
		draft.problems.push({ line: 1, reason: `the title "${draft.title}" must be 5 to 120 characters long here` })
	}
	if (draft.problems.length > 0 || !summary) return null
	const tags = tagsFor(draft.source.tags, draft.category)
	if (tags.dropped > 0) draft.problems.push({ line: 1, reason: `the page has ${tags.tags.length + tags.dropped} tags; the portal takes 8: keep the 8 that matter` })
	const frontmatter = articleFrontmatterBlock({
		title: draft.title,
		slug: draft.slug,
		summary,
		category: draft.category,
		tags: tags.tags,
		audience: options.audience ?? DEFAULT_IMPORT_AUDIENCE,
		productArea: options.productArea ?? productAreaFor(draft.category),
		updated: draft.source.updated ?? options.today,
	})
	const body = stringifier.stringify(draft.tree as Parameters<typeof stringifier.stringify>[0])
	return `${frontmatter}\n${body.trim()}\n`
}

/** The exact checks content:sync makes before compiling; a failure here is a converter gap, reported rather than written. */
function syncRefusals(article: string, slug: string): string[] {
	const parsed = parseFrontmatter(article, ArticleFrontmatterSchema, `articles/${slug}.mdx`)
	if (!parsed.ok) return parsed.errors
	const policy = checkSafeMdx(parsed.body, parsed.bodyStartLine)
	return policy.ok ? [] : policy.violations.map((violation) => `converted line ${violation.line}: ${violation.reason}`)
}

export function importPages(pages: SourcePage[], options: ImportOptions): ImportedPage[] {
	const drafts = pages.map((page) => draftPage(page, options))
	assignSlugs(drafts, options.takenSlugs ?? new Set())
	const index = pageIndex(drafts)
	for (const draft of drafts) rewriteLinks(draft, index)
	return drafts.map((draft) => {
		let output = articleOf(draft, options)
		if (output) {
			for (const refusal of syncRefusals(output, draft.slug)) {
				draft.problems.push({ line: 1, reason: `content:sync would refuse the converted article: ${refusal}` })
			}
		}
		if (draft.problems.length > 0) output = null
		return {
			file: draft.file,
			slug: draft.slug,
			status: output ? 'ready' : 'needs-review',
			output,
			problems: [...draft.problems].sort((a, b) => a.line - b.line),
		}
	})
}
