import { describe, expect, test } from 'vitest'
import { compileMdx } from '#app/domain/content/compile.server.ts'
import { checkSafeMdx, PLAIN_HTML_ELEMENTS } from '#app/domain/content/safe-mdx.ts'

/** The safe-MDX policy change that imported help-center pages need: plain string-only HTML, nothing more. */

function reasonsOf(body: string): string[] {
	const result = checkSafeMdx(body)
	return result.ok ? [] : result.violations.map((violation) => violation.reason)
}

describe('plain HTML elements without attributes are accepted', () => {
	test.each([
		['kbd', 'Press <kbd>Ctrl</kbd> + <kbd>K</kbd> to search.\n'],
		['sub and sup', 'Water is H<sub>2</sub>O and 2<sup>10</sup> is 1024.\n'],
		['br', 'First line<br />second line\n'],
		['details and summary', '<details>\n<summary>Why is my chart empty?</summary>\n\nThe filter hides **every** row.\n</details>\n'],
	])('%s', (_, body) => {
		expect(checkSafeMdx(body)).toEqual({ ok: true })
	})

	test('the list is exactly the string-only elements', () => {
		expect([...PLAIN_HTML_ELEMENTS].sort()).toEqual(['br', 'details', 'kbd', 'sub', 'summary', 'sup'])
	})

	test('a body with them compiles', async () => {
		const compiled = await compileMdx('## Keys\n\nPress <kbd>Ctrl</kbd> and H<sub>2</sub>O.<br />\n\n<details>\n<summary>More</summary>\n\nHidden text.\n</details>\n')
		expect(compiled.text).toContain('Ctrl')
		expect(compiled.text).toContain('Hidden text.')
	})
})

describe('anything that could carry behaviour on them is still refused', () => {
	test.each([
		['an event handler', '<kbd onClick="alert(1)">K</kbd>\n', '<kbd>: takes no attributes (found "onClick")'],
		['a lowercase handler', '<details ontoggle="alert(1)">\n<summary>x</summary>\n</details>\n', '<details>: takes no attributes (found "ontoggle")'],
		['a style', '<sup style="position:fixed">1</sup>\n', '<sup>: takes no attributes (found "style")'],
		['an id that could clobber', '<summary id="x">s</summary>\n', '<summary>: takes no attributes (found "id")'],
		['the open flag', '<details open>\n<summary>s</summary>\n</details>\n', '<details>: takes no attributes (found "open")'],
		['a spread', '<kbd {...props}>K</kbd>\n', '<kbd>: spread attributes {…} are not allowed'],
		['children in a br', '<br>text</br>\n', '<br> takes no children; write it as <br />'],
	])('%s', (_, body, reason) => {
		expect(reasonsOf(body)).toContain(reason)
	})

	test.each([
		['script', '<script>alert(1)</script>\n'],
		['iframe', '<iframe src="https://example.com" />\n'],
		['img', '<img src="https://example.com/a.png" alt="a" />\n'],
		['a', '<a href="javascript:alert(1)">x</a>\n'],
		['style', '<style>{"body{display:none}"}</style>\n'],
		['span', '<span>x</span>\n'],
		['a capitalised Kbd is not the plain element', '<Kbd>K</Kbd>\n'],
	])('<%s> stays refused', (_, body) => {
		expect(reasonsOf(body).some((reason) => /raw HTML element|unknown component/.test(reason))).toBe(true)
	})

	test('an expression inside a kept element is still refused', () => {
		expect(reasonsOf('Press <kbd>{process.env.SECRET}</kbd>\n')).toContain('{expressions} are not allowed; write plain text (escape a literal brace as \\{)')
	})
})
