import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkMdx from 'remark-mdx'
import remarkParse from 'remark-parse'
import { unified } from 'unified'

/**
 * The few mdast/MDX node fields the content rules read. Typed loosely on purpose: the same
 * rules run on the tree of this standalone parser and on the tree mdx-bundler's own (newer)
 * MDX parser builds during compilation, and the node shapes we use are the same in both.
 */
export type MdxNode = {
	type: string
	name?: string | null
	value?: unknown
	url?: string
	/** Normalised label of a definition or reference (`[Ref]` and `[ref]` share one). */
	identifier?: string
	label?: string | null
	attributes?: MdxAttribute[]
	children?: MdxNode[]
	position?: {
		start: { line: number; column: number; offset?: number }
		end: { line: number; column: number; offset?: number }
	}
}

export type MdxAttribute =
	| { type: 'mdxJsxAttribute'; name: string; value?: string | null | { type: string; value?: string } }
	| { type: 'mdxJsxExpressionAttribute'; value?: string }

export const JSX_ELEMENT_TYPES = new Set(['mdxJsxFlowElement', 'mdxJsxTextElement'])

export function isJsxElement(node: MdxNode): boolean {
	return JSX_ELEMENT_TYPES.has(node.type)
}

/** A string attribute value, or undefined when the attribute is missing or not a plain string. */
export function stringAttribute(node: MdxNode, name: string): string | undefined {
	for (const attribute of node.attributes ?? []) {
		if (attribute.type === 'mdxJsxAttribute' && attribute.name === name) {
			return typeof attribute.value === 'string' ? attribute.value : undefined
		}
	}
	return undefined
}

export class MdxSyntaxError extends Error {
	constructor(
		message: string,
		readonly line: number,
	) {
		super(message)
		this.name = 'MdxSyntaxError'
	}
}

/** A parser message names its place in several ways; the position inside the reason (the tag the author opened) wins. */
function lineOfParseError(error: { line?: number | null; reason?: string; place?: unknown }): { line: number; reason: string } {
	const reason = error.reason ?? ''
	const inReason = /\((\d+):\d+(?:-\d+:\d+)?\)/.exec(reason)
	const place = error.place as { line?: number; start?: { line?: number } } | undefined
	const line = Number(inReason?.[1]) || error.line || place?.line || place?.start?.line || 1
	return { line, reason: reason.replace(/\s*\(\d+:\d+(?:-\d+:\d+)?\)/g, '') }
}

/**
 * Parse an MDX body (frontmatter already removed) to mdast with MDX nodes, without compiling it.
 * GFM is on as in the compiler, so tables, autolinks and their errors look the same here.
 * Frontmatter syntax stays on so a second `---` block in a body shows up as a node we can reject.
 */
export function parseMdx(source: string): MdxNode {
	try {
		const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml'])
		return processor.parse(source) as unknown as MdxNode
	} catch (error) {
		const place = error as { line?: number | null; reason?: string; message?: string; place?: unknown }
		const { line, reason } = lineOfParseError({ ...place, reason: place.reason ?? place.message ?? String(error) })
		throw new MdxSyntaxError(reason, line)
	}
}

const MAX_PARSE_ERRORS = 20

/**
 * Like parseMdx, but a syntax error does not end the check: the line it points at is blanked (so
 * every other line keeps its number) and the body parsed again, until it parses or no progress is
 * made. `tree` is the parse of what was left, or null when it could not be recovered.
 */
export function parseMdxRecovering(source: string): { tree: MdxNode | null; errors: MdxSyntaxError[] } {
	const lines = source.split('\n')
	const errors: MdxSyntaxError[] = []
	const blanked = new Set<number>()
	for (;;) {
		try {
			return { tree: parseMdx(lines.join('\n')), errors }
		} catch (error) {
			if (!(error instanceof MdxSyntaxError)) throw error
			const index = error.line - 1
			// The same line again means blanking did not help: report it once and stop.
			if (blanked.has(index)) return { tree: null, errors }
			errors.push(error)
			const line = lines[index]
			if (line === undefined || line.trim() === '' || errors.length >= MAX_PARSE_ERRORS) return { tree: null, errors }
			lines[index] = ''
			blanked.add(index)
		}
	}
}

/** Depth-first walk; `visit` returns false to skip a node's children. */
export function walk(
	node: MdxNode,
	visit: (node: MdxNode, ancestors: MdxNode[]) => boolean | void,
	ancestors: MdxNode[] = [],
): void {
	if (visit(node, ancestors) === false) return
	const path = [...ancestors, node]
	for (const child of node.children ?? []) walk(child, visit, path)
}
