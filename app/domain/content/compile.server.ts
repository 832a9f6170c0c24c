import { createHash } from 'node:crypto'
import { version as esbuildVersion } from 'esbuild'
import { bundleMDX } from 'mdx-bundler'
import rehypeHighlight from 'rehype-highlight'
import rehypeSlug from 'rehype-slug'
import remarkGfm from 'remark-gfm'
import { audienceRank, AudienceSchema, type Audience } from '#app/domain/accounts-tiers/audience.ts'
import { isJsxElement, stringAttribute, walk, type MdxNode } from '#app/domain/content/mdx-ast.ts'
import { checkSafeMdx, findViolations, type Violation } from '#app/domain/content/safe-mdx.ts'

/**
 * Compiles a content body (frontmatter already removed, safe-MDX policy enforced inside the
 * compiler) to an mdx-bundler code string plus what the site needs around it: table of contents,
 * plain text for search, word count. Runs at sync/publish time only, never on a read.
 */

/**
 * Part of every cache key: bump the leading number whenever the plugins, their options or the
 * policy change. Package versions are pinned in package.json; esbuild's floats, so it is read live.
 */
export const COMPILER_VERSION = `content-compiler/2 mdx-bundler/10.1.1 esbuild/${esbuildVersion} remark-gfm/4.0.1 rehype-slug/6.0.0 rehype-highlight/7.0.2`

export const DEFAULT_COMPILE_TIMEOUT_MS = 20_000
const WORDS_PER_MINUTE = 200

export type TocEntry = { depth: 2 | 3; id: string; text: string }
export type CompiledMdx = {
	/**
	 * The render tree: the finished HTML tree with the allowed components in it, as JSON, which
	 * MdxContent renders with hast-util-to-jsx-runtime. Data, not code: evaluating mdx-bundler's
	 * JavaScript in the browser needed `new Function` and so a CSP with 'unsafe-eval'.
	 */
	code: string
	toc: TocEntry[]
	/** Plain text for search, fenced code left out. */
	text: string
	words: number
	readingMinutes: number
}
export type CompileOptions = {
	/** File line where the body starts, so reported lines point into the whole file. */
	bodyStartLine?: number
	timeoutMs?: number
	/**
	 * The reader level this body was cut for (an audience variant): the compiler then refuses any
	 * `<Audience>` block above it that survived the cut. Defence in depth against a bad cut.
	 */
	readerLevel?: Audience
}

/** A body that cannot be compiled; `problems` carry file lines and reasons. */
export class MdxCompileError extends Error {
	constructor(
		readonly problems: Violation[],
		message = `MDX does not compile: ${formatProblems(problems)}`,
	) {
		super(message)
		this.name = 'MdxCompileError'
	}
}

/** The body breaks the safe-MDX policy. */
export class UnsafeMdxError extends MdxCompileError {
	readonly violations: Violation[]
	constructor(violations: Violation[]) {
		super(violations, `MDX breaks the safe-MDX policy: ${formatProblems(violations)}`)
		this.name = 'UnsafeMdxError'
		this.violations = violations
	}
}

export class CompileTimeoutError extends Error {
	constructor(readonly timeoutMs: number) {
		super(`MDX compile took longer than ${timeoutMs} ms`)
		this.name = 'CompileTimeoutError'
	}
}

function formatProblems(problems: Violation[]): string {
	return problems.map((problem) => `line ${problem.line}: ${problem.reason}`).join('; ')
}

/**
 * The policy on the whole body before anything else: the compiler stops at the first syntax
 * error, this check reports every problem it can find, each with its file line.
 */
export function assertSafeMdx(body: string, bodyStartLine = 1): void {
	const result = checkSafeMdx(body, bodyStartLine)
	if (result.ok) return
	const syntax = result.violations.some((violation) => violation.reason.startsWith('invalid MDX:'))
	throw syntax ? new MdxCompileError(result.violations) : new UnsafeMdxError(result.violations)
}

export function sourceHash(text: string): string {
	return createHash('sha256').update(text).digest('hex')
}

/** Compiled output is keyed by the source and the compiler settings that produced it. */
export function compileCacheKey(body: string): string {
	return sourceHash(`${COMPILER_VERSION}\n${body}`)
}

// esbuild is memory hungry: one compile at a time for the whole process.
let queueTail: Promise<unknown> = Promise.resolve()

function runExclusive<T>(job: () => Promise<T>, timeoutMs: number): Promise<T> {
	const run = queueTail.then(() => withTimeout(job(), timeoutMs))
	// A stuck esbuild cannot be cancelled; after its timeout the queue moves on rather than hang forever.
	queueTail = run.catch(() => undefined)
	return run
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
	let timer: ReturnType<typeof setTimeout> | undefined
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new CompileTimeoutError(timeoutMs)), timeoutMs)
	})
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

type CompileState = {
	violations: Violation[] | null
	toc: TocEntry[]
	text: string
	renderTree: string | null
}

function shiftLines(problems: Violation[], bodyStartLine: number): Violation[] {
	return problems.map((problem) => ({ ...problem, line: problem.line + bodyStartLine - 1 }))
}

/** Remark plugin: the safe-MDX policy on the compiler's own tree, before anything else touches it. */
function remarkSafeMdxPolicy(options: { state: CompileState; readerLevel?: Audience }) {
	return (tree: MdxNode) => {
		const violations = findViolations(tree)
		if (options.readerLevel) {
			const readerRank = audienceRank(options.readerLevel)
			walk(tree, (node) => {
				if (!isJsxElement(node) || node.name !== 'Audience') return
				const min = AudienceSchema.safeParse(stringAttribute(node, 'min'))
				if (!min.success || audienceRank(min.data) > readerRank) {
					violations.push({
						line: node.position?.start.line ?? 1,
						reason: `an <Audience> block above ${options.readerLevel} is still in this variant`,
					})
				}
			})
		}
		if (violations.length > 0) {
			options.state.violations = violations
			throw new Error('safe-MDX policy violated')
		}
	}
}

const TEXT_BLOCKS = new Set([
	'paragraph',
	'heading',
	'listItem',
	'blockquote',
	'tableCell',
	'mdxJsxFlowElement',
	'thematicBreak',
])
const TEXT_ATTRIBUTES = ['title', 'label', 'caption', 'alt']

/** Plain text of the document for search: words of prose, headings, component titles; no code blocks. */
function plainText(tree: MdxNode): string {
	const out: string[] = []
	walk(tree, (node) => {
		if (node.type === 'code') return false
		if (node.type === 'text' || node.type === 'inlineCode') out.push(String(node.value))
		if (node.type === 'break') out.push(' ')
		if (isJsxElement(node)) {
			for (const name of TEXT_ATTRIBUTES) {
				const value = stringAttribute(node, name)
				if (value) out.push(`\n${value}\n`)
			}
		}
		if (TEXT_BLOCKS.has(node.type)) out.push('\n')
	})
	// Block separators go before a block's children; that is enough to keep words apart.
	return out
		.join('')
		.replace(/[ \t]+/g, ' ')
		.replace(/ *\n */g, '\n')
		.replace(/\n{2,}/g, '\n')
		.trim()
}

function remarkCollectText(options: { state: CompileState }) {
	return (tree: MdxNode) => {
		options.state.text = plainText(tree)
	}
}

type HastNode = {
	type: string
	tagName?: string
	value?: string
	properties?: Record<string, unknown>
	children?: HastNode[]
}

function hastText(node: HastNode): string {
	if (node.type === 'text') return node.value ?? ''
	return (node.children ?? []).map(hastText).join('')
}

/** Rehype plugin, after rehype-slug: h2/h3 with the ids rehype-slug gave them. */
function rehypeCollectToc(options: { state: CompileState }) {
	return (tree: HastNode) => {
		const visit = (node: HastNode) => {
			if (node.type === 'element' && (node.tagName === 'h2' || node.tagName === 'h3')) {
				const id = node.properties?.id
				if (typeof id === 'string') {
					options.state.toc.push({
						depth: node.tagName === 'h2' ? 2 : 3,
						id,
						text: hastText(node).trim(),
					})
				}
			}
			node.children?.forEach(visit)
		}
		visit(tree)
	}
}

const RENDER_TREE_NODES = new Set(['root', 'element', 'text', 'mdxJsxFlowElement', 'mdxJsxTextElement'])

type RenderTreeNode = HastNode & { name?: string; attributes?: Array<{ type: string; name?: string; value?: unknown }> }

/** Anything in the tree that is not markup or an allowed component with plain attributes: the renderer could not show it without running code. */
function assertRenderable(node: RenderTreeNode): void {
	if (!RENDER_TREE_NODES.has(node.type)) throw new Error(`a ${node.type} node in the render tree`)
	for (const attribute of node.attributes ?? []) {
		if (attribute.type !== 'mdxJsxAttribute' || (attribute.value !== null && attribute.value !== undefined && typeof attribute.value !== 'string')) {
			throw new Error(`an expression attribute on <${node.name}> in the render tree`)
		}
	}
	node.children?.forEach(assertRenderable)
}

/**
 * Rehype plugin, last: the finished tree as JSON, the compiled output that is stored and rendered.
 * Source positions and plugin data are left out (nothing renders them), and so is the ESM that
 * mdx-bundler adds itself (its frontmatter export; a body's own import/export never gets this far).
 * The safe-MDX policy has already refused expressions, ESM and raw HTML; this checks once more that
 * the tree holds markup, text and components with string attributes only.
 */
function rehypeKeepRenderTree(options: { state: CompileState }) {
	return (tree: HastNode) => {
		const root: RenderTreeNode = { ...tree, children: (tree.children ?? []).filter((child) => child.type !== 'mdxjsEsm') }
		assertRenderable(root)
		options.state.renderTree = JSON.stringify(root, (key, value: unknown) => (key === 'position' || key === 'data' ? undefined : value))
	}
}

/** gray-matter (inside mdx-bundler) can eval `---js` frontmatter; bodies never carry frontmatter. */
function refuseFrontmatter(): never {
	throw new Error('frontmatter inside an MDX body')
}
const REFUSING_ENGINES = {
	yaml: refuseFrontmatter,
	json: refuseFrontmatter,
	javascript: refuseFrontmatter,
}

type BuildMessage = {
	text?: string
	location?: { line?: number } | null
	/** @mdx-js/esbuild puts its VFileMessage here; the parser's own error is its `cause`. */
	detail?: { cause?: { reason?: string; line?: number; place?: { line?: number; start?: { line?: number } } } }
}

/** esbuild wraps MDX syntax errors; dig out the parser's own line and reason. */
function problemsFromBuildError(error: unknown): Violation[] {
	const messages = (error as { errors?: BuildMessage[] }).errors
	if (!Array.isArray(messages) || messages.length === 0) {
		return [{ line: 1, reason: error instanceof Error ? error.message : String(error) }]
	}
	return messages.map((message) => {
		const cause = message.detail?.cause
		const reason = cause?.reason ?? message.text ?? 'syntax error'
		// The parser often only names the place inside its reason, e.g. "… (5:1-5:21)".
		const placeInReason = /\((\d+):\d+(?:-\d+:\d+)?\)/.exec(reason)
		const line =
			message.location?.line ||
			cause?.line ||
			cause?.place?.line ||
			cause?.place?.start?.line ||
			Number(placeInReason?.[1]) ||
			1
		return { line, reason: `invalid MDX: ${reason.replace(/\s*\(\d+:\d+(?:-\d+:\d+)?\)/g, '')}` }
	})
}

async function compileNow(body: string, options: CompileOptions): Promise<CompiledMdx> {
	const bodyStartLine = options.bodyStartLine ?? 1
	if (body.replace(/^\uFEFF/, '').startsWith('---')) {
		throw new UnsafeMdxError([
			{
				line: bodyStartLine,
				reason: 'the body must not start with "---" (a second frontmatter block); use *** for a horizontal rule',
			},
		])
	}

	assertSafeMdx(body, bodyStartLine)

	const state: CompileState = { violations: null, toc: [], text: '', renderTree: null }
	try {
		await bundleMDX({
			source: body,
			grayMatterOptions: (grayMatter) => ({ ...grayMatter, engines: REFUSING_ENGINES }),
			mdxOptions(mdx) {
				mdx.remarkPlugins = [
					// First, so it sees the tree exactly as parsed.
					[remarkSafeMdxPolicy, { state, readerLevel: options.readerLevel }],
					...(mdx.remarkPlugins ?? []),
					remarkGfm,
					[remarkCollectText, { state }],
				]
				mdx.rehypePlugins = [
					...(mdx.rehypePlugins ?? []),
					rehypeSlug,
					[rehypeHighlight, { detect: false }],
					[rehypeCollectToc, { state }],
					[rehypeKeepRenderTree, { state }],
				]
				return mdx
			},
			esbuildOptions(esbuild) {
				esbuild.logLevel = 'silent'
				esbuild.target = 'es2020'
				return esbuild
			},
		})
	} catch (error) {
		if (state.violations) throw new UnsafeMdxError(shiftLines(state.violations, bodyStartLine))
		throw new MdxCompileError(shiftLines(problemsFromBuildError(error), bodyStartLine))
	}

	if (state.renderTree === null) throw new MdxCompileError([{ line: bodyStartLine, reason: 'the compiler gave no output' }])
	const words = state.text === '' ? 0 : state.text.split(/\s+/).length
	return {
		code: state.renderTree,
		toc: state.toc,
		text: state.text,
		words,
		readingMinutes: Math.max(1, Math.ceil(words / WORDS_PER_MINUTE)),
	}
}

/** Compile one MDX body. Compiles are queued process-wide and each is bounded by a timeout. */
export function compileMdx(body: string, options: CompileOptions = {}): Promise<CompiledMdx> {
	return runExclusive(() => compileNow(body, options), options.timeoutMs ?? DEFAULT_COMPILE_TIMEOUT_MS)
}
