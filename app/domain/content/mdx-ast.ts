import remarkFrontmatter from 'remark-frontmatter'
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

/**
 * Parse an MDX body (frontmatter already removed) to mdast with MDX nodes, without compiling it.
 * Frontmatter syntax stays on so a second `---` block in a body shows up as a node we can reject.
 */
export function parseMdx(source: string): MdxNode {
	try {
		const processor = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter, ['yaml', 'toml'])
		return processor.parse(source) as unknown as MdxNode
	} catch (error) {
		const place = error as { line?: number | null; reason?: string; message?: string }
		throw new MdxSyntaxError(place.reason ?? place.message ?? String(error), place.line ?? 1)
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
