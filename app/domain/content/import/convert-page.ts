import GithubSlugger from 'github-slugger'
import { parseMdxRecovering } from '#app/domain/content/mdx-ast.ts'
import { readSourcePage, type SourceFrontmatter } from './import-frontmatter.ts'
import { liftParagraph, lineOf, mapElement, mapEsm, mapExpression, mapInlineImage, textOf, type ImportNode, type MapContext } from './map-elements.ts'
import { categoryForPath, slugForPath } from './page-paths.ts'
import { prepareBody } from './source-text.ts'
import type { CalloutType, ImportOptions, ImportProblem, SourcePage } from './types.ts'

/**
 * The first pass over one page: its body read and mapped to the portal's components, its title
 * and summary found, its custom heading ids translated to the ids our renderer gives. Links to
 * other pages are left for the second pass (import-pages.ts), once every page's slug is known.
 */

export type PageDraft = {
	file: string
	slug: string
	category: string
	source: SourceFrontmatter
	/** The mapped body, or null when it could not be parsed at all. */
	tree: ImportNode | null
	title?: string
	/** Text of the first top-level paragraphs, for a summary when the page has no description. */
	paragraphs: string[]
	/** `{#custom-id}` of a heading -> the id rehype-slug gives that heading on our pages. */
	anchors: Map<string, string>
	problems: ImportProblem[]
	/** Line of the prepared text -> line of the source file. */
	sourceLine: (line: number) => number
}

const normalised = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase()
/** "Quick Start" repeats "Quick Start (5m)": one holding the other is the same title for a reader. */
function repeatsTitle(title: string, heading: string, opensBody: boolean): boolean {
	const [a, b] = [normalised(title), normalised(heading)]
	if (a === b) return true
	return opensBody && b !== '' && (a.includes(b) || b.includes(a))
}

/** GitHub's alerts (`> [!NOTE]`) and their Callout tone. */
const ALERT_TONES: Record<string, CalloutType> = { NOTE: 'info', IMPORTANT: 'info', TIP: 'tip', WARNING: 'warning', CAUTION: 'danger' }

/** `> [!WARNING]` then the text: a Callout of that tone; any other blockquote stays one. */
function alertCallout(quote: ImportNode): ImportNode | null {
	const first = quote.children?.[0]
	const text = first?.type === 'paragraph' ? first.children?.[0] : undefined
	const marker = text?.type === 'text' ? /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*\n?/.exec(String(text.value)) : null
	if (!marker || !first || !text) return null
	const rest = String(text.value).slice(marker[0].length)
	const firstChildren = [...(rest ? [{ ...text, value: rest }] : []), ...(first.children ?? []).slice(1)]
	const children = [...(firstChildren.length ? [{ ...first, children: firstChildren }] : []), ...(quote.children ?? []).slice(1)]
	return {
		type: 'mdxJsxFlowElement',
		name: 'Callout',
		attributes: [{ type: 'mdxJsxAttribute', name: 'type', value: ALERT_TONES[marker[1]!] }],
		children,
		position: quote.position,
	}
}

function isLoneImage(paragraph: ImportNode): boolean {
	const inner = (paragraph.children ?? []).filter((child) => !(child.type === 'text' && String(child.value).trim() === ''))
	return inner.length === 1 && inner[0]!.type === 'image'
}

function mapNode(node: ImportNode, context: MapContext): ImportNode[] {
	switch (node.type) {
		case 'mdxjsEsm':
			return mapEsm(node, context)
		case 'mdxFlowExpression':
		case 'mdxTextExpression':
			return mapExpression(node, context)
		case 'html':
			context.report(lineOf(node), 'raw HTML that could not be read as markup; rewrite it as Markdown')
			return []
		case 'yaml':
		case 'toml':
			context.report(lineOf(node), 'a second frontmatter block inside the page')
			return []
		case 'mdxJsxFlowElement':
		case 'mdxJsxTextElement':
			return mapElement(node, mapChildren(node, context), context)
		case 'image':
			return mapInlineImage(node, context)
		case 'blockquote': {
			const alert = alertCallout(node)
			return [{ ...(alert ?? node), children: mapChildren(alert ?? node, context) }]
		}
		case 'paragraph':
			if (isLoneImage(node)) return liftParagraph(node, context)
			return liftParagraph({ ...node, children: mapChildren(node, context) }, context)
		default:
			return node.children ? [{ ...node, children: mapChildren(node, context) }] : [node]
	}
}

function mapChildren(node: ImportNode, context: MapContext): ImportNode[] {
	return (node.children ?? []).flatMap((child) => mapNode(child, context))
}

function walkNodes(node: ImportNode, visit: (node: ImportNode) => void): void {
	visit(node)
	for (const child of node.children ?? []) walkNodes(child, visit)
}

export function draftPage(page: SourcePage, options: ImportOptions): PageDraft {
	const { frontmatter, body, bodyStartLine, problems: frontmatterProblems } = readSourcePage(page.source)
	const prepared = prepareBody(body, bodyStartLine, options.flavour)
	const sourceLine = (line: number) => prepared.originLines[line - 1] ?? prepared.originLines.at(-1) ?? bodyStartLine
	const problems: ImportProblem[] = [...frontmatterProblems, ...prepared.problems]
	const context: MapContext = {
		flavour: options.flavour,
		imageBase: options.imageBase,
		report: (line, reason) => problems.push({ line: sourceLine(line), reason }),
	}
	const draft: PageDraft = {
		file: page.path,
		slug: slugForPath(page.path),
		category: options.category ?? categoryForPath(page.path, 'general'),
		source: frontmatter,
		tree: null,
		title: frontmatter.title,
		paragraphs: [],
		anchors: new Map(),
		problems,
		sourceLine,
	}

	const { tree, errors } = parseMdxRecovering(prepared.text)
	for (const error of errors) context.report(error.line, `cannot be read as MDX: ${error.message}`)
	if (!tree) return draft
	const root: ImportNode = { ...tree, children: mapChildren(tree as ImportNode, context) }

	// The page title shows above the body: a first # heading that repeats it (or stands in for it) goes.
	const children = root.children ?? []
	const h1 = children.findIndex((node) => node.type === 'heading' && node.depth === 1)
	if (h1 !== -1 && (!draft.title || repeatsTitle(draft.title, textOf(children[h1]!), h1 === 0))) {
		draft.title ??= textOf(children[h1]!).replace(/\s+/g, ' ').trim()
		children.splice(h1, 1)
	}
	if (!draft.title) problems.push({ line: bodyStartLine, reason: 'no title: the page has neither a frontmatter title nor a # heading' })

	// Our pages give every heading rehype-slug's id (github-slugger, in document order); {#id} links follow it.
	const slugger = new GithubSlugger()
	walkNodes(root, (node) => {
		if (node.type !== 'heading') return
		const id = slugger.slug(textOf(node))
		const custom = prepared.headingIds.get(sourceLine(lineOf(node)))
		if (custom) draft.anchors.set(custom, id)
	})
	draft.paragraphs = children
		.filter((node) => node.type === 'paragraph')
		.slice(0, 3)
		.map((node) => textOf(node).replace(/\s+/g, ' ').trim())
		.filter(Boolean)
	draft.tree = root
	return draft
}
