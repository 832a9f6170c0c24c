import { describe, expect, test } from 'vitest'
import {
	compileCacheKey,
	compileMdx,
	COMPILER_VERSION,
	CompileTimeoutError,
	MdxCompileError,
	sourceHash,
	UnsafeMdxError,
} from '#app/domain/content/compile.server.ts'
import { FULL_ARTICLE_BODY } from './fixtures.ts'

const SMALL_DOC = `Intro paragraph with **bold** words.

## Getting started

Some text before the code.

\`\`\`sql
select secret_column from hidden_table
\`\`\`

### Check \`config\` values

<Callout type="tip" title="Remember">
Save first.
</Callout>

## Next steps

Done.
`

async function compileError(body: string, bodyStartLine?: number): Promise<unknown> {
	try {
		await compileMdx(body, { bodyStartLine })
	} catch (error) {
		return error
	}
	throw new Error(`expected compile to fail for: ${body}`)
}

describe('compileMdx', () => {
	test('a small document compiles to a render tree (data, no code), a table of contents and search text', async () => {
		const result = await compileMdx(SMALL_DOC)

		const tree = JSON.parse(result.code) as { type: string; children: Array<{ type: string; name?: string; attributes?: unknown }> }
		expect(tree.type).toBe('root')
		expect(tree.children.find((node) => node.type === 'mdxJsxFlowElement')).toEqual(
			expect.objectContaining({
				name: 'Callout',
				attributes: [
					{ type: 'mdxJsxAttribute', name: 'type', value: 'tip' },
					{ type: 'mdxJsxAttribute', name: 'title', value: 'Remember' },
				],
			}),
		)
		// Neither mdx-bundler's own ESM nor source positions are kept.
		expect(tree.children.map((node) => node.type)).not.toContain('mdxjsEsm')
		expect(result.code).not.toContain('"position"')
		expect(result.toc).toEqual([
			{ depth: 2, id: 'getting-started', text: 'Getting started' },
			{ depth: 3, id: 'check-config-values', text: 'Check config values' },
			{ depth: 2, id: 'next-steps', text: 'Next steps' },
		])
		expect(result.text).toContain('Intro paragraph with bold words.')
		expect(result.text).toContain('Remember')
		expect(result.text).not.toContain('secret_column')
		expect(result.words).toBe(result.text.split(/\s+/).length)
		expect(result.readingMinutes).toBe(1)
	})

	test('fenced code is highlighted and headings get their slug ids', async () => {
		const { code } = await compileMdx(SMALL_DOC)
		expect(code).toContain('hljs-keyword')
		expect(code).toContain('"getting-started"')
	})

	test('the full article with every component compiles', async () => {
		const result = await compileMdx(FULL_ARTICLE_BODY)
		expect(result.toc.map((entry) => entry.id)).toEqual([
			'before-you-start',
			'create-the-alert',
			'query-the-value-yourself',
			'anomaly-detection',
		])
		expect(result.text).toContain('Open the metric')
		expect(result.text).not.toContain('dateadd')
	})

	test('an unsafe document throws UnsafeMdxError with file line numbers', async () => {
		const error = await compileError('Fine.\n\n<Foo />\n\n<div>x</div>\n', 12)
		expect(error).toBeInstanceOf(UnsafeMdxError)
		expect((error as UnsafeMdxError).violations).toEqual([
			{ line: 14, reason: expect.stringMatching(/unknown component <Foo>/) },
			{ line: 16, reason: expect.stringMatching(/raw HTML element <div>/) },
		])
		expect((error as Error).message).toMatch(/line 14: unknown component/)
	})

	test.each([
		["{require('fs').readFileSync('/etc/passwd')}"],
		['Your home is {process.env.HOME}.'],
		["import fs from 'fs'\n\nRead {fs.readFileSync('/etc/passwd', 'utf8')}"],
		['<Callout type="tip" title={process.env.HOME}>x</Callout>'],
	])('code in content never compiles: %s', async (body) => {
		const error = await compileError(body)
		expect(error).toBeInstanceOf(UnsafeMdxError)
	})

	test('a second frontmatter block (gray-matter would eval ---js) is refused', async () => {
		const error = await compileError("---js\n{ a: require('fs').readFileSync('/etc/passwd', 'utf8') }\n---\nHi", 7)
		expect(error).toBeInstanceOf(UnsafeMdxError)
		expect((error as UnsafeMdxError).violations[0].line).toBe(7)
	})

	test('invalid MDX is a compile error with its line', async () => {
		const error = await compileError('One\n\nTwo\n\n<Callout type="tip">\nnever closed\n', 10)
		expect(error).toBeInstanceOf(MdxCompileError)
		expect(error).not.toBeInstanceOf(UnsafeMdxError)
		// The unclosed tag is on body line 5, file line 14.
		expect((error as MdxCompileError).problems).toEqual([
			{ line: 14, reason: expect.stringMatching(/^invalid MDX: Expected a closing tag for `<Callout>`/) },
		])
	})

	test('a variant compiled for a reader level refuses a gated block above that level', async () => {
		const body = 'A\n\n<Audience min="tier1">\nB\n</Audience>\n'
		await expect(compileMdx(body, { readerLevel: 'tier2' })).rejects.toBeInstanceOf(UnsafeMdxError)
		await expect(compileMdx(body, { readerLevel: 'tier1' })).resolves.toHaveProperty('code')
	})

	test('compiles run one at a time and all finish', async () => {
		const bodies = ['## One\n\nA', '## Two\n\nB', '## Three\n\nC']
		const results = await Promise.all(bodies.map((body) => compileMdx(body)))
		expect(results.map((result) => result.toc[0].id)).toEqual(['one', 'two', 'three'])
	})

	test('a compile that exceeds its timeout rejects, and the next one still runs', async () => {
		await expect(compileMdx('## Slow\n\nText', { timeoutMs: 0 })).rejects.toBeInstanceOf(CompileTimeoutError)
		await expect(compileMdx('## After\n\nText')).resolves.toHaveProperty('toc', [
			{ depth: 2, id: 'after', text: 'After' },
		])
	})
})

describe('cache keys', () => {
	test('the same body gives the same key, a changed body a different one', () => {
		expect(compileCacheKey('# Hi\n')).toBe(compileCacheKey('# Hi\n'))
		expect(compileCacheKey('# Hi\n')).not.toBe(compileCacheKey('# Hi!\n'))
		expect(compileCacheKey('# Hi\n')).toMatch(/^[0-9a-f]{64}$/)
	})

	test('the key covers the compiler settings, not only the source', () => {
		expect(COMPILER_VERSION).toMatch(/mdx-bundler/)
		expect(compileCacheKey('# Hi\n')).not.toBe(sourceHash('# Hi\n'))
		expect(compileCacheKey('# Hi\n')).toBe(sourceHash(`${COMPILER_VERSION}\n# Hi\n`))
	})
})
