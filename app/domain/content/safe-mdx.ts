import { AUDIENCES } from '#app/domain/accounts-tiers/audience.ts'
import {
	isAllowedImageSrc,
	isAllowedLinkUrl,
	isAllowedVideoSrc,
	VIDEO_SOURCES_DESCRIPTION,
} from '#app/domain/content/embeds.ts'
import { isJsxElement, parseMdx, parseMdxRecovering, stringAttribute, walk, type MdxNode } from '#app/domain/content/mdx-ast.ts'

/**
 * The safe-MDX policy: content may use Markdown and a fixed set of components with plain string
 * attributes, and nothing that runs code (no import/export, no {expressions}, no raw HTML).
 * It is checked on the AST, so the compiler never sees anything the policy did not approve.
 */

export type Violation = { line: number; reason: string }
export type SafeMdxResult = { ok: true } | { ok: false; violations: Violation[] }

export const CALLOUT_TYPES = ['info', 'tip', 'warning', 'danger'] as const
/** `public` is not a gate: everything a reader gets is at least public. */
export const AUDIENCE_BLOCK_LEVELS = AUDIENCES.filter((level) => level !== 'public')

type AttributeRule = {
	required?: boolean
	/** Returns a reason when the value is not acceptable. */
	check?: (value: string) => string | undefined
}

const IMAGE_RULE = 'image URLs must start with /images/ or https://'

const nonEmpty = (value: string) => (value.trim() === '' ? 'must not be empty' : undefined)
const oneOf =
	(allowed: readonly string[]) =>
	(value: string): string | undefined =>
		allowed.includes(value) ? undefined : `must be one of ${allowed.join('|')}`

type ComponentRule = {
	attributes: Record<string, AttributeRule>
	/** The component must sit directly inside this one (Step in Steps, Tab in Tabs). */
	parent?: string
	/** Only these components may be its children (apart from whitespace). */
	children?: string
	/** Self-closing components take no children. */
	empty?: boolean
}

export const COMPONENT_RULES: Record<string, ComponentRule> = {
	Callout: {
		attributes: {
			type: { required: true, check: oneOf(CALLOUT_TYPES) },
			title: { check: nonEmpty },
		},
	},
	Steps: { attributes: {}, children: 'Step' },
	Step: { attributes: { title: { required: true, check: nonEmpty } }, parent: 'Steps' },
	Tabs: { attributes: {}, children: 'Tab' },
	Tab: { attributes: { label: { required: true, check: nonEmpty } }, parent: 'Tabs' },
	Video: {
		attributes: {
			src: {
				required: true,
				check: (src) => (isAllowedVideoSrc(src) ? undefined : `must be a video embed URL: ${VIDEO_SOURCES_DESCRIPTION}`),
			},
			title: { required: true, check: nonEmpty },
		},
		empty: true,
	},
	Image: {
		attributes: {
			src: {
				required: true,
				check: (src) => (isAllowedImageSrc(src) ? undefined : 'must start with /images/ or https://'),
			},
			alt: { required: true, check: nonEmpty },
			caption: { check: nonEmpty },
		},
		empty: true,
	},
	Audience: { attributes: { min: { required: true, check: oneOf(AUDIENCE_BLOCK_LEVELS) } } },
	Check: {
		attributes: {
			id: {
				required: true,
				check: (id) => (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id) ? undefined : 'must be kebab-case'),
			},
		},
		empty: true,
	},
}

export const ALLOWED_COMPONENTS = Object.keys(COMPONENT_RULES)

/**
 * String-only HTML that imported help-center pages use and that carries no behaviour. These are
 * allowed with no attributes at all, so no handler, style, URL or id can ride along; React renders
 * them as the plain elements. `br` is a void element and takes no children.
 */
export const PLAIN_HTML_ELEMENTS = ['kbd', 'details', 'summary', 'sub', 'sup', 'br'] as const
const PLAIN_HTML = new Set<string>(PLAIN_HTML_ELEMENTS)

function lineOf(node: MdxNode): number {
	return node.position?.start.line ?? 1
}

function isBlank(node: MdxNode): boolean {
	return node.type === 'text' && typeof node.value === 'string' && node.value.trim() === ''
}

/** `children` of a flow element may be wrapped in a paragraph when written inline. */
function meaningfulChildren(node: MdxNode): MdxNode[] {
	return (node.children ?? []).flatMap((child) =>
		child.type === 'paragraph' ? meaningfulChildren(child) : isBlank(child) ? [] : [child],
	)
}

function checkElement(node: MdxNode, parent: MdxNode | undefined, report: (reason: string) => void): boolean {
	const name = node.name
	if (!name) {
		report('JSX fragments (<>…</>) are not allowed')
		return false
	}
	if (PLAIN_HTML.has(name)) {
		for (const attribute of node.attributes ?? []) {
			report(
				attribute.type === 'mdxJsxAttribute'
					? `<${name}>: takes no attributes (found "${attribute.name}")`
					: `<${name}>: spread attributes {…} are not allowed`,
			)
		}
		if (name === 'br' && meaningfulChildren(node).length > 0) report('<br> takes no children; write it as <br />')
		return true
	}
	if (/^[a-z]/.test(name) || name.includes(':')) {
		report(`raw HTML element <${name}> is not allowed; use Markdown or an allowed component (${ALLOWED_COMPONENTS.join(', ')})`)
		return false
	}
	const rule = COMPONENT_RULES[name]
	if (!rule) {
		report(`unknown component <${name}>; allowed: ${ALLOWED_COMPONENTS.join(', ')}`)
		return false
	}

	const seen = new Set<string>()
	for (const attribute of node.attributes ?? []) {
		if (attribute.type !== 'mdxJsxAttribute') {
			report(`<${name}>: spread attributes {…} are not allowed`)
			continue
		}
		const attributeRule = rule.attributes[attribute.name]
		if (!attributeRule) {
			const known = Object.keys(rule.attributes)
			report(`<${name}>: unknown attribute "${attribute.name}"${known.length ? ` (allowed: ${known.join(', ')})` : ''}`)
			continue
		}
		if (seen.has(attribute.name)) report(`<${name}>: attribute "${attribute.name}" is given twice`)
		seen.add(attribute.name)
		if (typeof attribute.value !== 'string') {
			report(
				attribute.value == null
					? `<${name}>: attribute "${attribute.name}" needs a string value, e.g. ${attribute.name}="…"`
					: `<${name}>: attribute "${attribute.name}" must be a plain string, not an {expression}`,
			)
			continue
		}
		const problem = attributeRule.check?.(attribute.value)
		if (problem) report(`<${name}>: ${attribute.name} ${problem}`)
	}
	for (const [attributeName, attributeRule] of Object.entries(rule.attributes)) {
		if (attributeRule.required && !seen.has(attributeName)) {
			report(`<${name}>: attribute "${attributeName}" is required`)
		}
	}

	if (rule.parent && (!parent || !isJsxElement(parent) || parent.name !== rule.parent)) {
		report(`<${name}> must be placed directly inside <${rule.parent}>`)
	}
	if (rule.empty && meaningfulChildren(node).length > 0) {
		report(`<${name}> takes no children; write it as <${name} … />`)
	}
	return true
}

/**
 * Every policy violation in an MDX tree, with lines as in the tree (the body's own lines).
 * Used both on the standalone parse and inside the compiler on its own tree.
 */
export function findViolations(tree: MdxNode): Violation[] {
	const violations: Violation[] = []
	// A reference image (`![a][r]`, `![r][]`, `![r]`) takes its URL from a definition anywhere in the file.
	const definitions = new Map<string, MdxNode[]>()
	walk(tree, (node) => {
		if (node.type !== 'definition' || node.identifier === undefined) return
		definitions.set(node.identifier, [...(definitions.get(node.identifier) ?? []), node])
	})
	walk(tree, (node, ancestors) => {
		const report = (reason: string) => violations.push({ line: lineOf(node), reason })
		const parent = ancestors.at(-1)
		// A flow element written inline is wrapped in a paragraph; its real parent is one level up.
		const logicalParent = parent?.type === 'paragraph' ? ancestors.at(-2) : parent
		switch (node.type) {
			case 'mdxjsEsm':
				report('import/export statements are not allowed')
				return false
			case 'mdxFlowExpression':
			case 'mdxTextExpression':
				report('{expressions} are not allowed; write plain text (escape a literal brace as \\{)')
				return false
			case 'html':
				report('raw HTML is not allowed')
				return false
			case 'yaml':
			case 'toml':
				report('a frontmatter block is only allowed at the very top of the file')
				return false
			case 'mdxJsxFlowElement':
			case 'mdxJsxTextElement': {
				const known = checkElement(node, logicalParent, report)
				const rule = known && node.name ? COMPONENT_RULES[node.name] : undefined
				if (rule?.children) {
					for (const child of meaningfulChildren(node)) {
						if (!isJsxElement(child) || child.name !== rule.children) {
							violations.push({
								line: lineOf(child),
								reason: `<${node.name}> may only contain <${rule.children}> elements`,
							})
						}
					}
				}
				// Children of a rejected element are still checked, so one run lists every problem.
				return
			}
			case 'link':
			case 'definition':
				if (node.url !== undefined && !isAllowedLinkUrl(node.url)) {
					report(`link URL "${node.url}" is not allowed; use a relative, http(s), mailto or tel URL`)
				}
				return
			case 'image':
				if (node.url !== undefined && !isAllowedImageSrc(node.url)) {
					report(`image URL "${node.url}" is not allowed; ${IMAGE_RULE}`)
				}
				return
			case 'imageReference':
				// Every definition of the label, not just the one a renderer would pick: fail closed.
				for (const definition of definitions.get(node.identifier ?? '') ?? []) {
					if (definition.url !== undefined && !isAllowedImageSrc(definition.url)) {
						report(`image URL "${definition.url}" (from the definition [${definition.label ?? node.identifier}]) is not allowed; ${IMAGE_RULE}`)
					}
				}
				return
		}
	})
	return violations.sort((a, b) => a.line - b.line)
}

/**
 * Check an MDX body against the policy. `bodyStartLine` is the file line where the body starts
 * (from parseFrontmatter), so reported lines point into the whole file.
 */
export function checkSafeMdx(body: string, bodyStartLine = 1): SafeMdxResult {
	// Syntax errors do not stop the check: the rest of the body is still parsed and checked.
	const { tree, errors } = parseMdxRecovering(body)
	const violations = [
		...errors.map((error) => ({ line: error.line, reason: `invalid MDX: ${error.message}` })),
		...(tree ? findViolations(tree) : []),
	].sort((a, b) => a.line - b.line)
	if (violations.length === 0) return { ok: true }
	return { ok: false, violations: violations.map((violation) => ({ ...violation, line: violation.line + bodyStartLine - 1 })) }
}

/** The knowledge-check ids a body embeds with `<Check id="…" />`, so the sync can verify they exist. */
export function listCheckIds(body: string): string[] {
	const ids = new Set<string>()
	walk(parseMdx(body), (node) => {
		if (isJsxElement(node) && node.name === 'Check') {
			const id = stringAttribute(node, 'id')
			if (id) ids.add(id)
		}
	})
	return [...ids]
}
