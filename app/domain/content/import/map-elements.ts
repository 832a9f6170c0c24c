import { isAllowedVideoSrc, VIDEO_SOURCES_DESCRIPTION } from '#app/domain/content/embeds.ts'
import { isJsxElement, stringAttribute, type MdxNode } from '#app/domain/content/mdx-ast.ts'
import { CALLOUT_TYPES, PLAIN_HTML_ELEMENTS } from '#app/domain/content/safe-mdx.ts'
import { ADMONITION_TONES } from './source-text.ts'
import type { CalloutType, SourceFlavour } from './types.ts'

/**
 * Maps the components and HTML of other documentation tools onto the portal's own (Callout,
 * Tabs, Steps, Image, Video, plain string-only HTML). What has no safe equivalent is reported with
 * its line and dropped from the tree; a page with any report is not written.
 */

export type ImportNode = Omit<MdxNode, 'children'> & {
	alt?: string | null
	title?: string | null
	lang?: string | null
	meta?: string | null
	depth?: number
	children?: ImportNode[]
}

export type MapContext = {
	flavour: SourceFlavour
	imageBase?: string
	/** A problem at a line of the prepared text. */
	report: (line: number, reason: string) => void
}

const ELEMENT_TONES: Record<string, CalloutType> = {
	Note: 'info',
	Info: 'info',
	Tip: 'tip',
	Warning: 'warning',
	Danger: 'danger',
	'docs-info': 'info',
	'docs-warning': 'warning',
	'docs-error': 'danger',
	'docs-success': 'tip',
}

/** Docusaurus theme components that the importer maps itself: importing them is not needed here. */
const MAPPED_THEME_IMPORT = /^import\s+[A-Za-z]+\s+from\s+['"]@theme\/(Tabs|TabItem|Admonition|Details)['"];?$/
const UNWRAPPED = new Set(['p', 'div', 'span', 'center', 'section', 'AccordionGroup', 'CardGroup', 'Columns'])
const PLAIN_HTML = new Set<string>(PLAIN_HTML_ELEMENTS)
/** Our own components (and TabItem, which <Tabs> maps), left for the parent or the safe-MDX check to judge. */
const PORTAL_COMPONENTS = new Set(['Video', 'Image', 'Audience', 'Step', 'Tab', 'TabItem'])
const BLOCK_RESULTS = new Set(['Callout', 'Tabs', 'Steps', 'Image', 'Video', 'Audience', 'details'])
const PHRASING = new Set(['text', 'emphasis', 'strong', 'delete', 'inlineCode', 'link', 'linkReference', 'image', 'imageReference', 'break', 'mdxJsxTextElement', 'mdxTextExpression', 'footnoteReference', 'html'])

export function lineOf(node: MdxNode): number {
	return node.position?.start.line ?? 1
}

export function textOf(node: ImportNode): string {
	if (node.type === 'text' || node.type === 'inlineCode') return String(node.value ?? '')
	if (node.type === 'image') return node.alt ?? ''
	return (node.children ?? []).map(textOf).join('')
}

function isBlank(node: MdxNode): boolean {
	return node.type === 'text' && String(node.value ?? '').trim() === ''
}

function jsx(name: string, attributes: Record<string, string | undefined>, children: ImportNode[], flow: boolean, from?: MdxNode): ImportNode {
	return {
		type: flow ? 'mdxJsxFlowElement' : 'mdxJsxTextElement',
		name,
		attributes: Object.entries(attributes)
			.filter((entry): entry is [string, string] => entry[1] !== undefined)
			.map(([attributeName, value]) => ({ type: 'mdxJsxAttribute' as const, name: attributeName, value })),
		children,
		position: from?.position,
	}
}

/** Phrasing nodes at block level are gathered into paragraphs (an unwrapped `<div>text</div>`). */
function asBlocks(nodes: ImportNode[]): ImportNode[] {
	const blocks: ImportNode[] = []
	let run: ImportNode[] = []
	const flush = () => {
		if (run.some((node) => !isBlank(node))) blocks.push({ type: 'paragraph', children: run })
		run = []
	}
	for (const node of nodes) {
		if (PHRASING.has(node.type)) run.push(node)
		else {
			flush()
			blocks.push(node)
		}
	}
	flush()
	return blocks
}

/** An attribute as a plain string; an {expression} value is reported. */
function attribute(node: MdxNode, name: string, context: MapContext): string | undefined {
	for (const candidate of node.attributes ?? []) {
		if (candidate.type === 'mdxJsxAttribute' && candidate.name === name && candidate.value != null && typeof candidate.value !== 'string') {
			context.report(lineOf(node), `<${node.name}>: the ${name} attribute is an {expression}; write it as plain text`)
			return undefined
		}
	}
	const value = stringAttribute(node, name)?.trim()
	return value === '' ? undefined : value
}

function isHttps(url: string): boolean {
	try {
		return new URL(url).protocol === 'https:'
	} catch {
		return false
	}
}

/** An image source the portal can show: https as it is, a site-absolute path under --image-base; else reported. */
function imageSource(src: string | undefined, line: number, context: MapContext): string | undefined {
	if (!src) {
		context.report(line, 'an image without a src')
		return undefined
	}
	if (isHttps(src)) return src
	if (src.startsWith('/images/')) return src
	if (/^http:/i.test(src)) {
		context.report(line, `image "${src}" is served over http://; the portal shows https:// images only (or files under /images/)`)
		return undefined
	}
	if (context.imageBase && src.startsWith('/') && !src.startsWith('//')) return new URL(src, context.imageBase).href
	context.report(
		line,
		`image "${src}" is a file of the old site; host it at an https:// URL or under /images/ and change the src (or pass --image-base for site-absolute paths)`,
	)
	return undefined
}

function imageElement(src: string | undefined, alt: string | undefined, caption: string | undefined, from: MdxNode, context: MapContext, flow = true): ImportNode[] {
	const url = imageSource(src, lineOf(from), context)
	if (!alt) {
		context.report(lineOf(from), `image "${src ?? ''}" has no alt text; describe it for readers who cannot see it`)
		return []
	}
	if (!url) return []
	return [jsx('Image', { src: url, alt, caption }, [], flow, from)]
}

/** An `<iframe>` of a known video player becomes `<Video>`; any other iframe is reported. */
function videoElement(node: MdxNode, context: MapContext): ImportNode[] {
	const src = stringAttribute(node, 'src') ?? ''
	const youtube = /^https:\/\/(?:www\.)?youtube(?:-nocookie)?\.com\/embed\/([A-Za-z0-9_-]{6,20})/.exec(src)
	const embed = youtube ? `https://www.youtube-nocookie.com/embed/${youtube[1]}` : src.split('?')[0]!
	if (!isAllowedVideoSrc(embed)) {
		context.report(lineOf(node), `<iframe> from "${src}" cannot be embedded; only videos from ${VIDEO_SOURCES_DESCRIPTION} can`)
		return []
	}
	const title = attribute(node, 'title', context) ?? 'Video'
	return [jsx('Video', { src: embed, title }, [], node.type === 'mdxJsxFlowElement', node)]
}

function callout(node: MdxNode, tone: CalloutType, children: ImportNode[], context: MapContext): ImportNode[] {
	const title = attribute(node, 'title', context)
	const flow = node.type === 'mdxJsxFlowElement'
	return [jsx('Callout', { type: tone, title }, flow ? asBlocks(children) : children, flow, node)]
}

function calloutTone(node: MdxNode, context: MapContext): CalloutType {
	const type = attribute(node, 'type', context)?.toLowerCase() ?? ''
	if ((CALLOUT_TYPES as readonly string[]).includes(type)) return type as CalloutType
	return ADMONITION_TONES[type] ?? 'info'
}

function meaningful(nodes: ImportNode[]): ImportNode[] {
	return nodes.flatMap((node) => (node.type === 'paragraph' ? meaningful(node.children ?? []) : isBlank(node) ? [] : [node]))
}

/** Docusaurus `<Tabs><TabItem label>`, Mintlify `<Tabs><Tab title>` and our own `<Tab label>`. */
function tabs(node: MdxNode, children: ImportNode[], context: MapContext): ImportNode[] {
	const tabItems: ImportNode[] = []
	for (const child of meaningful(children)) {
		if (!isJsxElement(child) || (child.name !== 'Tab' && child.name !== 'TabItem')) {
			context.report(lineOf(child), '<Tabs> holds something other than tabs; move it out of the tabs')
			continue
		}
		const label = attribute(child, 'label', context) ?? attribute(child, 'title', context) ?? attribute(child, 'value', context)
		if (!label) {
			context.report(lineOf(child), 'a tab without a label, title or value; give it a label')
			continue
		}
		tabItems.push(jsx('Tab', { label }, asBlocks(child.children ?? []), true, child))
	}
	return [jsx('Tabs', {}, tabItems, true, node)]
}

/** A code block's tab name: Mintlify's word after the language, a Docusaurus title="…", else the language. */
function codeLabel(code: ImportNode, index: number): string {
	const meta = code.meta?.trim() ?? ''
	const quoted = /title=["']([^"']+)["']/.exec(meta)?.[1]
	const bare = meta && !/[={]/.test(meta) ? meta : undefined
	return quoted ?? bare ?? code.lang ?? `Option ${index + 1}`
}

function codeGroup(node: MdxNode, children: ImportNode[], context: MapContext): ImportNode[] {
	const tabItems: ImportNode[] = []
	for (const child of meaningful(children)) {
		if (child.type !== 'code') {
			context.report(lineOf(child), '<CodeGroup> holds something other than code blocks; move it out of the group')
			continue
		}
		tabItems.push(jsx('Tab', { label: codeLabel(child, tabItems.length) }, [{ ...child, meta: null }], true, child))
	}
	return [jsx('Tabs', {}, tabItems, true, node)]
}

function steps(node: MdxNode, children: ImportNode[], context: MapContext): ImportNode[] {
	const items: ImportNode[] = []
	for (const child of meaningful(children)) {
		if (!isJsxElement(child) || child.name !== 'Step') {
			context.report(lineOf(child), '<Steps> holds something other than <Step> elements; move it out of the steps')
			continue
		}
		const title = attribute(child, 'title', context)
		if (!title) context.report(lineOf(child), 'a <Step> without a title; give it one')
		else items.push(jsx('Step', { title }, asBlocks(child.children ?? []), true, child))
	}
	return [jsx('Steps', {}, items, true, node)]
}

/** A Mintlify card as what it is for a reader: a linked title and its text. */
function card(node: MdxNode, children: ImportNode[], flow: boolean, context: MapContext): ImportNode[] {
	const title = attribute(node, 'title', context)
	const href = attribute(node, 'href', context)
	const heading: ImportNode[] = title
		? [{ type: 'strong', children: [href ? { type: 'link', url: href, children: [{ type: 'text', value: title }], position: node.position } : { type: 'text', value: title }] }]
		: []
	if (!flow) return [...heading, ...children]
	return [...(heading.length ? [{ type: 'paragraph', children: heading } as ImportNode] : []), ...asBlocks(children)]
}

function frame(node: MdxNode, children: ImportNode[], context: MapContext): ImportNode[] {
	const caption = attribute(node, 'caption', context)
	const inner = meaningful(children)
	if (caption && inner.length === 1 && inner[0]!.name === 'Image') {
		const image = inner[0]!
		const src = stringAttribute(image, 'src')
		const alt = stringAttribute(image, 'alt')
		return [jsx('Image', { src, alt, caption }, [], true, image)]
	}
	return asBlocks(children)
}

function hasAttribute(node: MdxNode, name: string): boolean {
	return (node.attributes ?? []).some((candidate) => candidate.type === 'mdxJsxAttribute' && candidate.name === name)
}

const PARAMETER_PLACES = ['path', 'query', 'body', 'header'] as const

/** Mintlify's API fields (`<ParamField query="limit" type="integer">`) as what a reader gets from them: the name, its facts, the text. */
function apiField(node: MdxNode, children: ImportNode[], context: MapContext): ImportNode[] {
	const place = PARAMETER_PLACES.find((candidate) => hasAttribute(node, candidate))
	const name = attribute(node, place ?? 'name', context)
	if (!name) {
		context.report(lineOf(node), `<${node.name}> without a name; rewrite it as Markdown`)
		return []
	}
	const type = attribute(node, 'type', context)
	const fallback = attribute(node, 'default', context)
	const facts = [type, place, fallback ? `default ${fallback}` : undefined, hasAttribute(node, 'required') ? 'required' : undefined].filter(Boolean)
	const line: ImportNode[] = [{ type: 'strong', children: [{ type: 'inlineCode', value: name }] }]
	if (facts.length > 0) line.push({ type: 'text', value: ` (${facts.join(', ')})` })
	return [{ type: 'paragraph', children: line, position: node.position }, ...asBlocks(children)]
}

/** Mintlify's request and response examples: a labelled code block, or tabs when there are several. */
function apiExample(node: MdxNode, children: ImportNode[], context: MapContext): ImportNode[] {
	const label: ImportNode = { type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: node.name === 'RequestExample' ? 'Request example' : 'Response example' }] }] }
	const blocks = meaningful(children)
	return [label, ...(blocks.length > 1 ? codeGroup(node, children, context) : asBlocks(children))]
}

/**
 * One JSX or HTML element, its children already mapped. Returns what replaces it (nothing when
 * it was reported).
 */
export function mapElement(node: ImportNode, children: ImportNode[], context: MapContext): ImportNode[] {
	const name = node.name
	const flow = node.type === 'mdxJsxFlowElement'
	if (!name) return flow ? asBlocks(children) : children
	const tone = ELEMENT_TONES[name] ?? (name === 'Check' && context.flavour === 'mintlify' ? 'tip' : undefined)
	if (tone) return callout(node, tone, children, context)
	switch (name) {
		case 'Callout':
		case 'Admonition':
			return callout(node, calloutTone(node, context), children, context)
		case 'Tabs':
			return tabs(node, children, context)
		case 'CodeGroup':
			return codeGroup(node, children, context)
		case 'Steps':
			return steps(node, children, context)
		case 'Accordion':
		case 'Expandable': {
			const title = attribute(node, 'title', context) ?? 'Details'
			return [jsx('details', {}, [{ type: 'paragraph', children: [jsx('summary', {}, [{ type: 'text', value: title }], false, node)] }, ...asBlocks(children)], true, node)]
		}
		case 'Card':
			return card(node, children, flow, context)
		case 'ParamField':
		case 'ResponseField':
			return apiField(node, children, context)
		case 'RequestExample':
		case 'ResponseExample':
			return apiExample(node, children, context)
		case 'Frame':
			return frame(node, children, context)
		case 'img':
			return imageElement(stringAttribute(node, 'src'), attribute(node, 'alt', context), attribute(node, 'title', context), node, context, flow)
		case 'iframe':
			return videoElement(node, context)
		case 'a': {
			const href = attribute(node, 'href', context)
			return href ? [{ type: 'link', url: href, children, position: node.position }] : children
		}
		case 'b':
		case 'strong':
			return [{ type: 'strong', children }]
		case 'i':
		case 'em':
			return [{ type: 'emphasis', children }]
		case 'code':
			return [{ type: 'inlineCode', value: children.map(textOf).join('') }]
		case 'hr':
			return [{ type: 'thematicBreak' }]
	}
	if (PLAIN_HTML.has(name)) return [jsx(name, {}, name === 'br' ? [] : flow ? asBlocks(children) : children, flow, node)]
	if (UNWRAPPED.has(name)) return flow ? asBlocks(children) : children
	if (PORTAL_COMPONENTS.has(name) || (name === 'Check' && context.flavour !== 'mintlify')) return [{ ...node, children }]
	context.report(
		lineOf(node),
		/^[a-z]/.test(name)
			? `HTML element <${name}> has no safe equivalent here; rewrite it as Markdown`
			: `component <${name}> has no equivalent here; rewrite it as Markdown or one of our components`,
	)
	return []
}

/** ESM: imports of Docusaurus theme components the importer maps are dropped; anything else is reported. */
export function mapEsm(node: ImportNode, context: MapContext): ImportNode[] {
	const statements = String(node.value ?? '')
		.split('\n')
		.map((line) => line.trim())
		.filter(Boolean)
	if (statements.length > 0 && statements.every((statement) => MAPPED_THEME_IMPORT.test(statement))) return []
	context.report(lineOf(node), `import/export cannot be imported: "${statements[0] ?? ''}"; inline what it brings or rewrite it`)
	return []
}

/** `{/* comments *\/}` go; any other {expression} is reported. */
export function mapExpression(node: ImportNode, context: MapContext): ImportNode[] {
	const value = String(node.value ?? '').trim()
	if (/^\/\*[\s\S]*\*\/$/.test(value) && !value.slice(2, -2).includes('*/')) return []
	context.report(lineOf(node), `{${value.length > 40 ? `${value.slice(0, 40)}…` : value}} is an expression; write plain text (a literal brace as \\{)`)
	return []
}

/** A paragraph that only holds one block (a lone image, an inline admonition) becomes that block. */
export function liftParagraph(paragraph: ImportNode, context: MapContext): ImportNode[] {
	const inner = (paragraph.children ?? []).filter((child) => !isBlank(child))
	if (inner.length !== 1) return [paragraph]
	const only = inner[0]!
	if (only.type === 'image') {
		return imageElement(only.url, only.alt?.trim() || undefined, only.title ?? undefined, only, context)
	}
	if (only.type === 'mdxJsxTextElement' && only.name && BLOCK_RESULTS.has(only.name)) {
		const blockChildren = only.name === 'Image' || only.name === 'Video' ? [] : asBlocks(only.children ?? [])
		return [{ ...only, type: 'mdxJsxFlowElement', children: blockChildren }]
	}
	return [paragraph]
}

/** An inline markdown image keeps its place in the sentence; its source still has to be one we show. */
export function mapInlineImage(image: ImportNode, context: MapContext): ImportNode[] {
	const url = imageSource(image.url, lineOf(image), context)
	return url ? [{ ...image, url }] : []
}
