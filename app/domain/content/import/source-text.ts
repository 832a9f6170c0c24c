import type { CalloutType, ImportProblem, SourceFlavour } from './types.ts'

/**
 * The line-level pass that runs before a page is parsed: what the MDX parser cannot read or would
 * read wrongly (HTML comments, `{#id}` heading ids, Docusaurus `:::` directives, and in plain
 * Markdown braces, stray `<` and unclosed void tags). Fenced code is never touched. Every output
 * line remembers the source line it came from, so problems found later point into the original file.
 */

export type PreparedBody = {
	text: string
	/** The source file line (1-based) of each line of `text`, by index. */
	originLines: number[]
	/** Custom heading ids written as `{#id}`, by the source file line of their heading. */
	headingIds: Map<number, string>
	problems: ImportProblem[]
}

/** Docusaurus admonition types (`:::note` … and `<Admonition type>`) and their Callout tone. */
export const ADMONITION_TONES: Record<string, CalloutType> = {
	note: 'info',
	info: 'info',
	important: 'info',
	secondary: 'info',
	tip: 'tip',
	success: 'tip',
	warning: 'warning',
	caution: 'warning',
	danger: 'danger',
}

const FENCE = /^\s*(`{3,}|~{3,})/
const DIRECTIVE = /^(\s*)(:{3,})([A-Za-z][\w-]*)?(.*)$/
const HEADING_ID = /^(\s{0,3}#{1,6}\s.*?)\s*\{#([A-Za-z0-9_:.-]+)\}\s*$/
const OPEN_TAG = /<[A-Za-z][\w-]*(?:\s+(?:"[^"]*"|'[^']*'|[^'">])*)?>/g
const UNQUOTED_ATTRIBUTE = /(\s[A-Za-z_:][\w:.-]*)=([^\s"'=<>`]+?)(?=\s|\/?>|$)/g
const VOID_TAG = /<(br|hr|img|input|wbr)\b((?:"[^"]*"|'[^']*'|[^'">])*?)\s*\/?>/gi

/** Text safe inside a JSX string attribute written with double quotes. */
export function escapeAttribute(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')
}

/** Removes `<!-- … -->` outside fenced code, keeping every line (a comment's lines become empty). */
function stripComments(lines: string[]): string[] {
	const out: string[] = []
	let fence: string | null = null
	let inComment = false
	for (const line of lines) {
		if (!inComment) {
			const marker = FENCE.exec(line)?.[1]
			if (fence) {
				if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = null
				out.push(line)
				continue
			}
			if (marker) {
				fence = marker
				out.push(line)
				continue
			}
		}
		let rest = line
		let kept = ''
		for (;;) {
			if (inComment) {
				const end = rest.indexOf('-->')
				if (end === -1) {
					rest = ''
					break
				}
				rest = rest.slice(end + 3)
				inComment = false
			}
			const start = rest.indexOf('<!--')
			if (start === -1) break
			kept += rest.slice(0, start)
			rest = rest.slice(start + 4)
			inComment = true
		}
		kept += rest
		// A line that only held a comment becomes blank rather than a line of spaces.
		out.push(kept.trim() === '' ? '' : kept)
	}
	return out
}

/** Splits a line into inline-code spans and the text between them; `transform` sees the text only. */
function outsideInlineCode(line: string, transform: (text: string) => string): string {
	let out = ''
	let index = 0
	while (index < line.length) {
		const tick = line.indexOf('`', index)
		if (tick === -1) break
		let run = 1
		while (line[tick + run] === '`') run++
		const close = line.indexOf('`'.repeat(run), tick + run)
		if (close === -1) break
		out += transform(line.slice(index, tick)) + line.slice(tick, close + run)
		index = close + run
	}
	return out + transform(line.slice(index))
}

/** CommonMark text made readable by the MDX parser: braces and stray `<` escaped, autolinks as links, void tags closed. */
function markdownLineToMdx(line: string): string {
	return outsideInlineCode(line, (text) =>
		text
			.replace(/[{}]/g, (brace) => `\\${brace}`)
			.replace(/<((?:https?|mailto):[^\s<>]+)>|<([^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)>|<(?![A-Za-z/])/g, (match, url?: string, email?: string) => {
				if (url) return `[${url}](${url})`
				if (email) return `[${email}](mailto:${email})`
				return '\\<'
			})
			// HTML allows width=600; JSX wants quotes.
			.replace(OPEN_TAG, (tag) => tag.replace(UNQUOTED_ATTRIBUTE, '$1="$2"'))
			.replace(VOID_TAG, (_, name: string, attributes: string) => `<${name}${attributes.trimEnd()} />`),
	)
}

function parseDirectiveTitle(rest: string): string | undefined {
	const trimmed = rest.trim()
	const bracketed = /^\[(.*)\]/.exec(trimmed)?.[1]
	const title = (bracketed ?? trimmed.replace(/\{.*\}\s*$/, '')).trim()
	return title === '' ? undefined : title
}

export function prepareBody(body: string, bodyStartLine: number, flavour: SourceFlavour): PreparedBody {
	const lines = stripComments(body.split(/\r?\n/))
	const text: string[] = []
	const originLines: number[] = []
	const headingIds = new Map<number, string>()
	const problems: ImportProblem[] = []
	const emit = (value: string, origin: number) => {
		text.push(value)
		originLines.push(origin)
	}
	const open: Array<{ colons: number; line: number; known: boolean }> = []
	let fence: string | null = null

	lines.forEach((line, index) => {
		const origin = index + bodyStartLine
		const marker = FENCE.exec(line)?.[1]
		if (fence) {
			if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = null
			emit(line, origin)
			return
		}
		if (marker) {
			fence = marker
			emit(line, origin)
			return
		}

		const directive = DIRECTIVE.exec(line)
		if (directive) {
			const [, indent = '', colons = '', name, rest = ''] = directive
			if (name) {
				const tone = ADMONITION_TONES[name.toLowerCase()]
				if (!tone) {
					problems.push({ line: origin, reason: `the ":::${name}" directive has no equivalent here; rewrite it as Markdown or a <Callout>` })
				} else {
					const title = parseDirectiveTitle(rest)
					emit('', origin)
					emit(`${indent}<Callout type="${tone}"${title ? ` title="${escapeAttribute(title)}"` : ''}>`, origin)
					emit('', origin)
				}
				open.push({ colons: colons.length, line: origin, known: Boolean(tone) })
				return
			}
			if (rest.trim() === '') {
				const closing = open.pop()
				if (!closing) {
					problems.push({ line: origin, reason: 'a ":::" line closes no directive' })
				} else if (closing.known) {
					emit('', origin)
					emit(`${indent}</Callout>`, origin)
					emit('', origin)
				}
				return
			}
		}

		let prepared = line
		const heading = HEADING_ID.exec(line)
		if (heading) {
			headingIds.set(origin, heading[2]!)
			prepared = heading[1]!
		}
		if (flavour === 'markdown') prepared = markdownLineToMdx(prepared)
		emit(prepared, origin)
	})
	for (const unclosed of open) {
		problems.push({ line: unclosed.line, reason: 'this ":::" directive is never closed' })
	}
	return { text: text.join('\n'), originLines, headingIds, problems }
}
