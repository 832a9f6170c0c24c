import { toJsxRuntime, type Components, type Evaluater } from 'hast-util-to-jsx-runtime'
import { useMemo, type ComponentProps, type ReactElement } from 'react'
import { Fragment, jsx, jsxs } from 'react/jsx-runtime'
import { AudienceSection } from '#app/components/mdx/audience-section.tsx'
import { Callout } from '#app/components/mdx/callout.tsx'
import { Check } from '#app/components/mdx/knowledge-check.tsx'
import { Image, Video } from '#app/components/mdx/media.tsx'
import { Step, Steps } from '#app/components/mdx/steps.tsx'
import { Tab, Tabs } from '#app/components/mdx/tabs.tsx'

/** Wide tables scroll on their own instead of widening the page. */
function ScrollingTable(props: ComponentProps<'table'>) {
	return (
		<div className="overflow-x-auto">
			<table {...props} />
		</div>
	)
}

/** Code blocks scroll sideways on a phone; focusable so a keyboard can scroll them too (WCAG 2.1.1). */
function ScrollingPre(props: ComponentProps<'pre'>) {
	return <pre tabIndex={0} {...props} />
}

/**
 * The one component map every compiled body renders with. Its keys match the safe-MDX allowlist
 * (app/domain/content/safe-mdx.ts); a name the policy allows but this map lacks would crash the page.
 */
export const MDX_COMPONENTS = {
	Callout,
	Steps,
	Step,
	Tabs,
	Tab,
	Video,
	Image,
	Audience: AudienceSection,
	Check,
	table: ScrollingTable,
	pre: ScrollingPre,
}

/**
 * What a component name in the tree (`<Callout>`) stands for: the renderer asks this for every
 * capitalised name. It looks the name up in MDX_COMPONENTS and nothing else; any other expression
 * (an attribute or block of code, which the compiler never lets through) throws.
 */
const componentsOnly = (): Evaluater => ({
	evaluateExpression(expression) {
		if (expression.type === 'Identifier' && Object.hasOwn(MDX_COMPONENTS, expression.name)) {
			return MDX_COMPONENTS[expression.name as keyof typeof MDX_COMPONENTS]
		}
		throw new Error(`not a component the content may use: ${expression.type === 'Identifier' ? expression.name : expression.type}`)
	},
	evaluateProgram() {
		throw new Error('compiled content holds no code')
	},
})

/**
 * The plain HTML elements the safe-MDX policy allows without attributes (PLAIN_HTML_ELEMENTS in
 * safe-mdx.ts, which this bundle does not import: it pulls in the MDX parser). A test keeps the two equal.
 */
export const PLAIN_HTML_NAMES = new Set(['kbd', 'details', 'summary', 'sub', 'sup', 'br'])

type TreeNode = { type: string; name?: string | null; tagName?: string; children?: TreeNode[] }

/**
 * The compiler only stores trees that passed the safe-MDX policy; this holds the renderer to the
 * same names if a stored tree were ever wrong: a JSX name outside MDX_COMPONENTS and the plain
 * elements (other lower case ones would render as HTML tags) or a script element is refused.
 */
function assertAllowedNames(node: TreeNode): void {
	const isJsx = node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement'
	if (isJsx && !(node.name && (Object.hasOwn(MDX_COMPONENTS, node.name) || PLAIN_HTML_NAMES.has(node.name)))) {
		throw new Error(`not a component the content may use: ${node.name}`)
	}
	if (node.type === 'element' && node.tagName?.toLowerCase() === 'script') throw new Error('a script element in compiled content')
	node.children?.forEach(assertAllowedNames)
}

// The render tree is parsed and turned into React elements once per code string (elements are
// immutable, so every render may reuse them): on the server every request would otherwise redo it.
const MAX_CACHED_TREES = 300
const rendered = new Map<string, ReactElement>()

/**
 * The compiled body (compile.server.ts: a JSON render tree) as React elements, without evaluating
 * any code: the page's CSP allows no eval. Component names resolve through MDX_COMPONENTS only.
 */
function renderOnce(code: string): ReactElement {
	let element = rendered.get(code)
	if (!element) {
		const tree = JSON.parse(code) as Parameters<typeof toJsxRuntime>[0]
		assertAllowedNames(tree as TreeNode)
		element = toJsxRuntime(tree, {
			Fragment,
			jsx,
			jsxs,
			components: MDX_COMPONENTS as Partial<Components>,
			createEvaluater: componentsOnly,
			passKeys: true,
		})
		rendered.set(code, element)
		if (rendered.size > MAX_CACHED_TREES) rendered.delete(rendered.keys().next().value!)
	}
	return element
}

/** Renders a body compiled by compile.server.ts. Wrap it in KnowledgeCheckContext to enable `<Check>`. */
export function MdxContent({ code, className = 'prose-portal' }: { code: string; className?: string }) {
	const content = useMemo(() => renderOnce(code), [code])
	return <div className={className}>{content}</div>
}
