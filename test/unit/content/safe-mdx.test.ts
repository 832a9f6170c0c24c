import { describe, expect, test } from 'vitest'
import { parseMdx } from '#app/domain/content/mdx-ast.ts'
import { checkSafeMdx, findViolations, listCheckIds, type Violation } from '#app/domain/content/safe-mdx.ts'
import { FULL_ARTICLE_BODY } from './fixtures.ts'

function violationsOf(body: string, bodyStartLine = 1): Violation[] {
	const result = checkSafeMdx(body, bodyStartLine)
	if (result.ok) throw new Error(`expected a violation in: ${body}`)
	return result.violations
}

describe('checkSafeMdx accepts', () => {
	test('a realistic article using every allowed component', () => {
		expect(checkSafeMdx(FULL_ARTICLE_BODY)).toEqual({ ok: true })
	})

	test('an escaped brace and markdown that only looks like code', () => {
		expect(checkSafeMdx('Use \\{placeholders\\} in templates, and `{curly}` in inline code.\n\n```js\nconst x = {a: 1}\n```\n')).toEqual({
			ok: true,
		})
	})
})

describe('checkSafeMdx rejects', () => {
	test.each([
		['an import', "import fs from 'fs'\n", /import\/export/],
		['an export', 'export const x = 1\n', /import\/export/],
		['a flow expression', '{process.env.SECRET}\n', /\{expressions\} are not allowed/],
		['a text expression', 'Your secret is {process.env.SECRET} today.\n', /\{expressions\} are not allowed/],
		['an expression attribute', '<Callout type={x}>Hi</Callout>\n', /attribute "type" must be a plain string/],
		['a spread attribute', '<Callout type="tip" {...spread}>Hi</Callout>\n', /spread attributes/],
		['a script element', '<script>alert(1)</script>\n', /raw HTML element <script>/],
		['a div', '<div>hello</div>\n', /raw HTML element <div>/],
		['an unknown component', '<Foo />\n', /unknown component <Foo>/],
		['a member-expression component', '<Foo.Bar />\n', /unknown component <Foo\.Bar>/],
		['a fragment', '<>hi</>\n', /fragments/],
		['a video from an unknown host', '<Video src="https://evil.example.com/embed/abc123" title="x" />\n', /Video>: src must be a video embed URL/],
		['a youtube.com (tracking) video', '<Video src="https://www.youtube.com/embed/Hq7vT2mXk4E" title="x" />\n', /src must be a video embed URL/],
		['an http video', '<Video src="http://player.vimeo.com/video/123456" title="x" />\n', /src must be a video embed URL/],
		['a bad callout type', '<Callout type="note">Hi</Callout>\n', /type must be one of info\|tip\|warning\|danger/],
		['a callout without type', '<Callout>Hi</Callout>\n', /attribute "type" is required/],
		['an unknown attribute', '<Callout type="tip" onClick="alert(1)">Hi</Callout>\n', /unknown attribute "onClick"/],
		['a boolean attribute', '<Callout type="tip" title>Hi</Callout>\n', /needs a string value/],
		['an image without alt', '<Image src="/images/a.png" />\n', /attribute "alt" is required/],
		['an image from http', '<Image src="http://example.com/a.png" alt="a" />\n', /must start with \/images\/ or https:\/\//],
		['an image path escaping /images', '<Image src="/images/../secrets.png" alt="a" />\n', /must start with \/images\//],
		['an audience block for public', '<Audience min="public">x</Audience>\n', /min must be one of customers\|tier2\|tier1\|staff/],
		['a check id that is not kebab-case', '<Check id="Check_1" />\n', /id must be kebab-case/],
		['a step outside steps', '<Step title="x">y</Step>\n', /must be placed directly inside <Steps>/],
		['a paragraph inside tabs', '<Tabs>\nLoose text\n</Tabs>\n', /<Tabs> may only contain <Tab>/],
		['a javascript: link', '[click](javascript:alert(1))\n', /link URL "javascript:alert\(1\)" is not allowed/],
		['a javascript: link hidden by a tab', '[click](java&#9;script:alert(1))\n', /is not allowed/],
		['a data: link definition', '[x][1]\n\n[1]: data:text/html,hi\n', /is not allowed/],
		['a markdown image over http', '![x](http://tracker.example.com/p.gif)\n', /image URL/],
		['a second frontmatter block', '---\ntitle: x\n---\nBody\n', /frontmatter block/],
	])('%s', (_, body, reason) => {
		const violations = violationsOf(body)
		expect(violations.map((violation) => violation.reason)).toEqual(
			expect.arrayContaining([expect.stringMatching(reason)]),
		)
	})

	test('an unclosed tag is invalid MDX, reported with its line', () => {
		expect(violationsOf('Intro\n\n<Callout type="tip">\nNever closed\n')).toEqual([
			{ line: expect.any(Number), reason: expect.stringMatching(/^invalid MDX: /) },
		])
	})

	test('lines point into the whole file when given where the body starts', () => {
		const body = 'Fine text.\n\n<div>raw</div>\n\nMore.\n\n{process.env.HOME}\n'
		expect(violationsOf(body)).toEqual([
			{ line: 3, reason: expect.stringMatching(/<div>/) },
			{ line: 7, reason: expect.stringMatching(/expressions/) },
		])
		expect(violationsOf(body, 12).map((violation) => violation.line)).toEqual([14, 18])
	})

	test('lists every problem in one run, including inside rejected elements', () => {
		const body = '<Foo>\n\n{danger}\n\n</Foo>\n\n<Callout type="x">y</Callout>\n'
		expect(violationsOf(body).map((violation) => violation.line)).toEqual([1, 3, 7])
	})
})

describe('image URLs are checked whatever the syntax', () => {
	const TRACKER = 'http://tracker.example/pixel.png'
	const imageReasons = (body: string) =>
		violationsOf(body).filter((violation) => /image URL/.test(violation.reason))

	test.each([
		['inline', '![a](/assets/x.png)\n', '/assets/x.png'],
		['inline over http', `![a](${TRACKER})\n`, TRACKER],
		['full reference', `![a][r]\n\n[r]: ${TRACKER}\n`, TRACKER],
		['collapsed reference', `![r][]\n\n[r]: ${TRACKER}\n`, TRACKER],
		['shortcut reference', `![r]\n\n[r]: ${TRACKER}\n`, TRACKER],
		['reference with a differently cased label', `![a][Pixel]\n\n[pixel]: ${TRACKER}\n`, TRACKER],
		['reference defined before use', `[r]: ${TRACKER}\n\n![a][r]\n`, TRACKER],
		['reference defined twice, the bad one second', `![a][r]\n\n[r]: /images/ok.png\n[r]: ${TRACKER}\n`, TRACKER],
		['reference inside a component', `<Callout type="tip">\n![a][r]\n</Callout>\n\n[r]: /assets/x.png\n`, '/assets/x.png'],
		['image inside a link', `[![a](${TRACKER})](/articles/x)\n`, TRACKER],
		['<Image> component', '<Image src="/assets/x.png" alt="a" />\n', undefined],
	])('%s is refused', (_, body, url) => {
		const violations = violationsOf(body)
		if (url === undefined) {
			expect(violations.map((violation) => violation.reason)).toEqual([expect.stringMatching(/<Image>: src must start with \/images\//)])
		} else {
			expect(imageReasons(body)).toEqual([
				{ line: expect.any(Number), reason: expect.stringContaining(`image URL "${url}"`) },
			])
		}
	})

	test('a reference image is reported on the image line, naming the definition', () => {
		expect(violationsOf(`Intro\n\n![a][r]\n\n[r]: ${TRACKER}\n`, 5)).toEqual([
			{ line: 7, reason: `image URL "${TRACKER}" (from the definition [r]) is not allowed; image URLs must start with /images/ or https://` },
		])
	})

	test.each([
		['raw <img>', `<img src="${TRACKER}" alt="a" />\n`],
		['raw <img> inline', `Text <img src="${TRACKER}" /> more\n`],
		['raw <picture>', `<picture><source srcSet="${TRACKER}" /></picture>\n`],
	])('%s is refused as raw HTML', (_, body) => {
		expect(violationsOf(body).map((violation) => violation.reason)).toEqual(
			expect.arrayContaining([expect.stringMatching(/raw HTML element <(img|picture)>/)]),
		)
	})

	test('allowed image URLs pass in every syntax, and a definition used only by a link keeps the link rule', () => {
		const body = [
			'![a](/images/a.png) ![b][b] ![c][] ![d]',
			'',
			'<Image src="https://cdn.example.com/e.png" alt="e" />',
			'',
			'A [plain link][site] to an http site.',
			'',
			'[b]: /images/b.png',
			'[c]: https://cdn.example.com/c.png',
			'[d]: /images/d.png',
			'[site]: http://example.com/page',
			'',
		].join('\n')
		expect(checkSafeMdx(body)).toEqual({ ok: true })
	})
})

describe('problems are reported with their file line, all of them', () => {
	// A body that starts on file line 12 (after 11 lines of frontmatter).
	const START = 12

	test.each([
		['a {#id} heading id', 'Intro\n\n## Setup {#setup}\n\nText\n', 3, /^invalid MDX: Could not parse expression/],
		['an HTML comment', 'Intro\n\n<!-- a note -->\n\nText\n', 3, /^invalid MDX: .*to create a comment in MDX, use `\{\/\* text \*\/\}`/],
		['a < in a table cell', 'Intro\n\n| a | b |\n| - | - |\n| <5 users | z |\n\nText\n', 5, /^invalid MDX: Unexpected character `5`/],
		['an unclosed component', 'Intro\n\n<Callout type="tip">\nNever closed\n', 3, /^invalid MDX: Expected a closing tag for `<Callout>`/],
	])('%s', (_, body, bodyLine, reason) => {
		expect(violationsOf(body, START)).toEqual([{ line: bodyLine + START - 1, reason: expect.stringMatching(reason) }])
	})

	test('checking goes on after a syntax error: later syntax errors and policy violations are reported too', () => {
		const body = [
			'Intro', // 1
			'',
			'## Setup {#setup}', // 3: syntax error
			'',
			'<!--', // 5: syntax error
			'a note over lines',
			'-->',
			'',
			'| a | b |',
			'| - | - |',
			'| x <= y | z |', // 11: syntax error
			'',
			'<Foo />', // 13: policy
			'',
			'![p](http://tracker.example/p.png)', // 15: policy
			'',
		].join('\n')
		expect(violationsOf(body, START).map(({ line, reason }) => [line - START + 1, reason.slice(0, 20)])).toEqual([
			[3, 'invalid MDX: Could n'],
			[5, 'invalid MDX: Unexpec'],
			[11, 'invalid MDX: Unexpec'],
			[13, 'unknown component <F'],
			[15, 'image URL "http://tr'],
		])
	})

	test('two policy violations are both reported with their lines', () => {
		expect(violationsOf('Intro\n\n<div>x</div>\n\nText\n\n![a][r]\n\n[r]: /assets/x.png\n', START)).toEqual([
			{ line: START + 2, reason: expect.stringMatching(/raw HTML element <div>/) },
			{ line: START + 6, reason: expect.stringMatching(/image URL "\/assets\/x\.png"/) },
		])
	})
})

describe('listCheckIds', () => {
	test('lists each embedded knowledge check once, in order', () => {
		const body = `${FULL_ARTICLE_BODY}\n<Check id="check-second" />\n\n<Check id="check-alert-states" />\n`
		expect(listCheckIds(body)).toEqual(['check-alert-states', 'check-second'])
	})
})

describe('component nesting, exactly (mutation testing)', () => {
	test('steps and tabs written inline on one line are accepted (the paragraph around them is not their parent)', () => {
		expect(checkSafeMdx('<Steps><Step title="One">Do it.</Step></Steps>\n')).toEqual({ ok: true })
		expect(checkSafeMdx('<Tabs><Tab label="SQL">Query.</Tab> <Tab label="UI">Click.</Tab></Tabs>\n')).toEqual({ ok: true })
		expect(checkSafeMdx('<Video src="https://www.youtube-nocookie.com/embed/Hq7vT2mXk4E" title="Demo">   </Video>\n')).toEqual({ ok: true })
	})

	test('a step or tab anywhere but directly inside its parent is refused, once, on its line', () => {
		expect(violationsOf('Intro\n\n<Step title="x">y</Step>\n')).toEqual([{ line: 3, reason: '<Step> must be placed directly inside <Steps>' }])
		expect(violationsOf('<Tabs>\n<Step title="x">y</Step>\n</Tabs>\n').map((v) => v.reason)).toEqual([
			'<Tabs> may only contain <Tab> elements',
			'<Step> must be placed directly inside <Steps>',
		])
		expect(violationsOf('<Callout type="info">\n<Tab label="x">y</Tab>\n</Callout>\n')).toEqual([{ line: 2, reason: '<Tab> must be placed directly inside <Tabs>' }])
	})

	test('text inside Steps, or inside a component that takes no children, is refused', () => {
		expect(violationsOf('<Steps>\nJust text.\n</Steps>\n')).toEqual([{ line: 2, reason: '<Steps> may only contain <Step> elements' }])
		expect(violationsOf('<Video src="https://www.youtube-nocookie.com/embed/Hq7vT2mXk4E" title="Demo">words</Video>\n').map((v) => v.reason)).toEqual([
			'<Video> takes no children; write it as <Video … />',
		])
	})

	test('only Check elements give check ids', () => {
		expect(listCheckIds('<Callout type="info" id="not-a-check">Hi</Callout>\n\n<Check id="real-one" />\n')).toEqual(['real-one'])
	})

	test('a check id is read from the id attribute only, and only as a plain string', () => {
		expect(listCheckIds('<Check data="not-it" id="the-id" />\n')).toEqual(['the-id'])
		expect(listCheckIds('<Check id={dynamic} />\n\n<Check {...spread} />\n\n<Check id />\n')).toEqual([])
		expect(listCheckIds('Inline <Check id="inline-one" /> too, and <Check id="inline-one" /> again.\n')).toEqual(['inline-one'])
	})
})

describe('each refusal words its rule exactly, as an author reads it in content:sync (mutation testing)', () => {
	const COMPONENTS = 'Callout, Steps, Step, Tabs, Tab, Video, Image, Audience, Check'
	test.each([
		['a fragment', '<>hi</>\n', 'JSX fragments (<>…</>) are not allowed'],
		['a raw element', '<div>hello</div>\n', `raw HTML element <div> is not allowed; use Markdown or an allowed component (${COMPONENTS})`],
		['a namespaced element, even capitalised', '<Foo:Bar />\n', `raw HTML element <Foo:Bar> is not allowed; use Markdown or an allowed component (${COMPONENTS})`],
		['an unknown component', '<Foo />\n', `unknown component <Foo>; allowed: ${COMPONENTS}`],
		['a spread attribute', '<Callout type="tip" {...spread}>Hi</Callout>\n', '<Callout>: spread attributes {…} are not allowed'],
		['an unknown attribute', '<Callout type="tip" onClick="x">Hi</Callout>\n', '<Callout>: unknown attribute "onClick" (allowed: type, title)'],
		['an attribute on a component that takes none', '<Steps foo="x"><Step title="a">b</Step></Steps>\n', '<Steps>: unknown attribute "foo"'],
		['an attribute given twice', '<Callout type="tip" type="info">Hi</Callout>\n', '<Callout>: attribute "type" is given twice'],
		['an attribute without a value', '<Callout type="tip" title>Hi</Callout>\n', '<Callout>: attribute "title" needs a string value, e.g. title="…"'],
		['an expression attribute', '<Callout type={x}>Hi</Callout>\n', '<Callout>: attribute "type" must be a plain string, not an {expression}'],
		['a value outside the list', '<Callout type="note">Hi</Callout>\n', '<Callout>: type must be one of info|tip|warning|danger'],
		['a missing required attribute', '<Callout>Hi</Callout>\n', '<Callout>: attribute "type" is required'],
		['a blank title', '<Callout type="tip" title="   ">Hi</Callout>\n', '<Callout>: title must not be empty'],
		['an empty step title', '<Steps><Step title="">b</Step></Steps>\n', '<Step>: title must not be empty'],
		['an empty tab label', '<Tabs><Tab label=" ">b</Tab></Tabs>\n', '<Tab>: label must not be empty'],
		['an image without alt text', '<Image src="/images/a.png" alt="" />\n', '<Image>: alt must not be empty'],
		['an empty caption', '<Image src="/images/a.png" alt="a" caption="" />\n', '<Image>: caption must not be empty'],
		[
			'a video from elsewhere',
			'<Video src="https://evil.example.com/embed/abc123" title="x" />\n',
			'<Video>: src must be a video embed URL: https://www.youtube-nocookie.com/embed/…, https://player.vimeo.com/video/… or https://www.loom.com/embed/…',
		],
		['a video without a title', '<Video src="https://www.youtube-nocookie.com/embed/Hq7vT2mXk4E" title="" />\n', '<Video>: title must not be empty'],
		['an image from elsewhere', '<Image src="http://example.com/a.png" alt="a" />\n', '<Image>: src must start with /images/ or https://'],
		['a public audience block', '<Audience min="public">x</Audience>\n', '<Audience>: min must be one of customers|tier2|tier1|staff'],
		['a check id not in kebab-case', '<Check id="Check_1" />\n', '<Check>: id must be kebab-case'],
		['a check with children', '<Check id="a">x</Check>\n', '<Check> takes no children; write it as <Check … />'],
		['an import', "import fs from 'fs'\n", 'import/export statements are not allowed'],
		['an expression', '{x}\n', '{expressions} are not allowed; write plain text (escape a literal brace as \\{)'],
		['a TOML frontmatter block in the body', '+++\na = 1\n+++\n', 'a frontmatter block is only allowed at the very top of the file'],
		['a script link', '[a](javascript:x)\n', 'link URL "javascript:x" is not allowed; use a relative, http(s), mailto or tel URL'],
		['a script link definition', '[a]\n\n[a]: javascript:x\n', 'link URL "javascript:x" is not allowed; use a relative, http(s), mailto or tel URL'],
		['an image over http', '![x](http://t.example/p.gif)\n', 'image URL "http://t.example/p.gif" is not allowed; image URLs must start with /images/ or https://'],
		['an unclosed component', '<Callout type="tip">\n', 'invalid MDX: Expected a closing tag for `<Callout>`'],
	])('%s', (_, body, reason) => {
		expect(violationsOf(body).map((violation) => violation.reason)).toEqual([reason])
	})

	test('a kebab-case check id, a reference image without a definition and a step list are accepted', () => {
		expect(checkSafeMdx('<Check id="step-2-of-3" />\n')).toEqual({ ok: true })
		expect(checkSafeMdx('![a][missing]\n')).toEqual({ ok: true })
		expect(checkSafeMdx('<Steps>\n<Step title="x">y</Step>\n\n<Step title="z">w</Step>\n</Steps>\n')).toEqual({ ok: true })
		expect(checkSafeMdx('Text <Image src="/images/a.png" alt="a" caption="c" /> text\n')).toEqual({ ok: true })
	})
})

describe('the last survivors of the policy (mutation testing)', () => {
	test('a check id must be kebab-case to its end', () => {
		expect(violationsOf('<Check id="ok_1" />\n').map((v) => v.reason)).toEqual(['<Check>: id must be kebab-case'])
		expect(violationsOf('<Check id="trailing-" />\n').map((v) => v.reason)).toEqual(['<Check>: id must be kebab-case'])
	})

	test('only blank text counts as no children: inline code of a space is a child', () => {
		expect(violationsOf('<Check id="a">` `</Check>\n').map((v) => v.reason)).toEqual(['<Check> takes no children; write it as <Check … />'])
		expect(violationsOf('<Video src="https://www.youtube-nocookie.com/embed/Hq7vT2mXk4E" title="Demo">words</Video>\n').map((v) => v.reason)).toEqual([
			'<Video> takes no children; write it as <Video … />',
		])
	})

	test('a refused reference image names the definition by its label as written', () => {
		expect(violationsOf('![a][Pixel]\n\n[Pixel]: http://t.example/p.png\n').map((v) => v.reason)).toEqual([
			'image URL "http://t.example/p.png" (from the definition [Pixel]) is not allowed; image URLs must start with /images/ or https://',
		])
	})

	test('findViolations gives its violations in line order, though a container reports its children before their own problems', () => {
		const body = '<Tabs>\n<Callout type="x">\n{expr}\n</Callout>\n<Foo />\n</Tabs>\n'
		expect(findViolations(parseMdx(body)).map((v) => v.line)).toEqual([2, 2, 3, 5, 5])
	})

	test('a body past recovery reports its first 20 syntax errors and nothing else', () => {
		const body = Array.from({ length: 25 }, (_, i) => `## Heading ${i} {#h${i}}`).join('\n')
		const violations = violationsOf(body)
		expect(violations.map((v) => v.line)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1))
		for (const violation of violations) expect(violation.reason).toMatch(/^invalid MDX: /)
	})
})
