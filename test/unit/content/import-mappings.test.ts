import { describe, expect, test } from 'vitest'
import { ArticleFrontmatterSchema, parseFrontmatter } from '#app/domain/content/frontmatter.ts'
import { DEFAULT_IMPORT_AUDIENCE, importPages } from '#app/domain/content/import/import-pages.ts'
import type { ImportOptions, SourceFlavour } from '#app/domain/content/import/types.ts'
import { checkSafeMdx } from '#app/domain/content/safe-mdx.ts'

// Four frontmatter lines: a page body starts at line 5.
const HEAD = '---\ntitle: Connect a data source\ndescription: How to connect Prism to your warehouse with a read-only user.\n---\n'

function importOne(source: string, options: Partial<ImportOptions> & { path?: string; flavour?: SourceFlavour } = {}) {
	const { path = 'guides/page.mdx', flavour = 'docusaurus', ...rest } = options
	const [page] = importPages([{ path, source }], { flavour, today: '2026-11-30', ...rest })
	return page!
}

/** The converted body of a page that imported cleanly (and that content:sync's checks accept). */
function bodyOf(source: string, options: Parameters<typeof importOne>[1] = {}): string {
	const page = importOne(source, options)
	expect(page.problems).toEqual([])
	const parsed = parseFrontmatter(page.output!, ArticleFrontmatterSchema, `articles/${page.slug}.mdx`)
	if (!parsed.ok) throw new Error(parsed.errors.join('\n'))
	expect(checkSafeMdx(parsed.body, parsed.bodyStartLine)).toEqual({ ok: true })
	return parsed.body.trim()
}

function problemsOf(source: string, options: Parameters<typeof importOne>[1] = {}) {
	const page = importOne(source, options)
	expect(page.status).toBe('needs-review')
	expect(page.output).toBeNull()
	return page.problems
}

describe('admonitions become Callouts with the right tone', () => {
	test.each([
		['Note', 'info'],
		['Info', 'info'],
		['Tip', 'tip'],
		['Warning', 'warning'],
		['Danger', 'danger'],
		['Check', 'tip'],
	])('Mintlify <%s>', (name, tone) => {
		expect(bodyOf(`${HEAD}<${name}>\n  Keep the **token** secret.\n</${name}>\n`, { flavour: 'mintlify' })).toBe(
			`<Callout type="${tone}">\n  Keep the **token** secret.\n</Callout>`,
		)
	})

	test.each([
		['docs-info', 'info'],
		['docs-warning', 'warning'],
		['docs-error', 'danger'],
		['docs-success', 'tip'],
	])('Remix <%s>, inline or on its own lines', (name, tone) => {
		const expected = `<Callout type="${tone}">\n  Loaders run on the server.\n</Callout>`
		expect(bodyOf(`${HEAD}<${name}>Loaders run on the server.</${name}>\n`, { flavour: 'markdown' })).toBe(expected)
		expect(bodyOf(`${HEAD}<${name}>\nLoaders run on the server.\n</${name}>\n`, { flavour: 'markdown' })).toBe(expected)
	})

	test.each([
		['note', 'info'],
		['info', 'info'],
		['tip', 'tip'],
		['warning', 'warning'],
		['caution', 'warning'],
		['danger', 'danger'],
	])('Docusaurus :::%s', (name, tone) => {
		expect(bodyOf(`${HEAD}:::${name}\nRead-only access is enough.\n:::\n`)).toBe(`<Callout type="${tone}">\n  Read-only access is enough.\n</Callout>`)
	})

	test('a directive title written after a space or in brackets, quotes kept safely', () => {
		expect(bodyOf(`${HEAD}:::note Before you "start"\nText.\n:::\n`)).toBe('<Callout type="info" title="Before you &#x22;start&#x22;">\n  Text.\n</Callout>')
		expect(bodyOf(`${HEAD}:::tip[Save time]\nText.\n:::\n`)).toBe('<Callout type="tip" title="Save time">\n  Text.\n</Callout>')
	})

	test('nested directives close in order', () => {
		expect(bodyOf(`${HEAD}::::warning\nOuter.\n\n:::tip\nInner.\n:::\n\nOuter again.\n::::\n`)).toBe(
			'<Callout type="warning">\n  Outer.\n\n  <Callout type="tip">\n    Inner.\n  </Callout>\n\n  Outer again.\n</Callout>',
		)
	})

	test('a directive in a fenced code block is left alone', () => {
		expect(bodyOf(`${HEAD}\`\`\`md\n:::note\nliteral\n:::\n\`\`\`\n`)).toBe('```md\n:::note\nliteral\n:::\n```')
	})

	test('Docusaurus <Admonition type> and a Mintlify <Callout> without our tone', () => {
		expect(bodyOf(`${HEAD}<Admonition type="caution" title="Heads up">\nText.\n</Admonition>\n`)).toBe('<Callout type="warning" title="Heads up">\n  Text.\n</Callout>')
		expect(bodyOf(`${HEAD}<Callout icon="bell">\nText.\n</Callout>\n`, { flavour: 'mintlify' })).toBe('<Callout type="info">\n  Text.\n</Callout>')
	})

	test('GitHub alerts', () => {
		expect(bodyOf(`${HEAD}> [!WARNING]\n> Back up **first**.\n`, { flavour: 'markdown' })).toBe('<Callout type="warning">\n  Back up **first**.\n</Callout>')
		expect(bodyOf(`${HEAD}> An ordinary quote.\n`, { flavour: 'markdown' })).toBe('> An ordinary quote.')
	})

	test('an unknown directive and an unclosed one are reported by line', () => {
		expect(problemsOf(`${HEAD}Intro.\n\n:::mermaid\ngraph TD\n:::\n`)).toEqual([
			{ line: 7, reason: 'the ":::mermaid" directive has no equivalent here; rewrite it as Markdown or a <Callout>' },
		])
		expect(problemsOf(`${HEAD}:::tip\nNever closed.\n`).map((problem) => problem.line)).toContain(5)
	})

	test('outside Mintlify, <Check id> is still our knowledge check', () => {
		expect(bodyOf(`${HEAD}<Check id="sources-quiz" />\n`)).toBe('<Check id="sources-quiz" />')
	})
})

describe('images', () => {
	test('a markdown image on its own line becomes <Image>, its title the caption', () => {
		expect(bodyOf(`${HEAD}![The form](https://docs.example.com/form.png "New source form")\n`)).toBe(
			'<Image src="https://docs.example.com/form.png" alt="The form" caption="New source form" />',
		)
	})

	test('<img> becomes <Image>, size and class dropped; in Markdown files too', () => {
		const expected = '<Image src="https://docs.example.com/a.png" alt="Diagram" />'
		expect(bodyOf(`${HEAD}<img src="https://docs.example.com/a.png" alt="Diagram" width="600" class="shadow" />\n`)).toBe(expected)
		expect(bodyOf(`${HEAD}<img src="https://docs.example.com/a.png" alt="Diagram" width=600>\n`, { flavour: 'markdown' })).toBe(expected)
	})

	test('an image inside a sentence stays inline', () => {
		expect(bodyOf(`${HEAD}Click ![gear](https://docs.example.com/gear.png) to open settings.\n`)).toBe(
			'Click ![gear](https://docs.example.com/gear.png) to open settings.',
		)
	})

	test('site-absolute paths are served from --image-base when given', () => {
		expect(bodyOf(`${HEAD}![Chart](/img/chart.png)\n`, { imageBase: 'https://old-docs.example.com' })).toBe(
			'<Image src="https://old-docs.example.com/img/chart.png" alt="Chart" />',
		)
	})

	test('what the portal would refuse or cannot find is reported by line', () => {
		expect(problemsOf(`${HEAD}Intro.\n\n![Chart](http://example.com/chart.png)\n`)).toEqual([
			{ line: 7, reason: 'image "http://example.com/chart.png" is served over http://; the portal shows https:// images only (or files under /images/)' },
		])
		expect(problemsOf(`${HEAD}![Chart](./img/chart.png)\n`)[0]!.reason).toMatch(/^image "\.\/img\/chart\.png" is a file of the old site/)
		expect(problemsOf(`${HEAD}![](https://example.com/chart.png)\n`)[0]).toEqual({
			line: 5,
			reason: 'image "https://example.com/chart.png" has no alt text; describe it for readers who cannot see it',
		})
	})

	test('a Mintlify <Frame caption> around an image gives the caption', () => {
		expect(bodyOf(`${HEAD}<Frame caption="The dialog">\n  <img src="https://example.com/d.png" alt="Dialog" />\n</Frame>\n`, { flavour: 'mintlify' })).toBe(
			'<Image src="https://example.com/d.png" alt="Dialog" caption="The dialog" />',
		)
	})
})

describe('code groups and tabs become our <Tabs>', () => {
	test('a Mintlify <CodeGroup>: the word after the language names the tab', () => {
		const body = bodyOf(`${HEAD}<CodeGroup>\n\n\`\`\`bash npm\nnpm i prism\n\`\`\`\n\n\`\`\`bash\nyarn add prism\n\`\`\`\n\n</CodeGroup>\n`, { flavour: 'mintlify' })
		expect(body).toBe('<Tabs>\n  <Tab label="npm">\n    ```bash\n    npm i prism\n    ```\n  </Tab>\n\n  <Tab label="bash">\n    ```bash\n    yarn add prism\n    ```\n  </Tab>\n</Tabs>')
	})

	test('Docusaurus <Tabs>/<TabItem> with their theme imports, label or value naming the tab', () => {
		const source = `${HEAD}import Tabs from '@theme/Tabs';\nimport TabItem from '@theme/TabItem';\n\n<Tabs groupId="os">\n<TabItem value="mac" label="macOS">\n\nbrew\n\n</TabItem>\n<TabItem value="linux">\n\napt\n\n</TabItem>\n</Tabs>\n`
		expect(bodyOf(source)).toBe('<Tabs>\n  <Tab label="macOS">\n    brew\n  </Tab>\n\n  <Tab label="linux">\n    apt\n  </Tab>\n</Tabs>')
	})

	test('Mintlify <Tab title>', () => {
		expect(bodyOf(`${HEAD}<Tabs>\n<Tab title="Alert">\nText.\n</Tab>\n</Tabs>\n`, { flavour: 'mintlify' })).toBe('<Tabs>\n  <Tab label="Alert">\n    Text.\n  </Tab>\n</Tabs>')
	})

	test('loose content in tabs is reported', () => {
		expect(problemsOf(`${HEAD}<Tabs>\nLoose text.\n</Tabs>\n`)[0]).toEqual({ line: 6, reason: '<Tabs> holds something other than tabs; move it out of the tabs' })
	})
})

describe('plain HTML and comments', () => {
	test('kbd, sub, sup, br, details and summary are kept, their attributes dropped', () => {
		expect(bodyOf(`${HEAD}Press <kbd class="key">Ctrl</kbd>, H<sub>2</sub>O, 2<sup>8</sup><br/>next\n`)).toBe('Press <kbd>Ctrl</kbd>, H<sub>2</sub>O, 2<sup>8</sup><br />next')
		expect(bodyOf(`${HEAD}<details open>\n<summary>Why?</summary>\n\nBecause.\n\n</details>\n`)).toBe('<details>\n  <summary>Why?</summary>\n\n  Because.\n</details>')
	})

	test('a Mintlify <Accordion> becomes details/summary', () => {
		expect(bodyOf(`${HEAD}<AccordionGroup>\n<Accordion title="Is it safe?">\nYes.\n</Accordion>\n</AccordionGroup>\n`, { flavour: 'mintlify' })).toBe(
			'<details>\n  <summary>Is it safe?</summary>\n\n  Yes.\n</details>',
		)
	})

	test('HTML comments go, on one line or many; a comment in code stays', () => {
		expect(bodyOf(`${HEAD}Before <!-- hidden --> after.\n\n<!--\nTODO: screenshot\n-->\n\n\`\`\`html\n<!-- kept -->\n\`\`\`\n`)).toBe(
			'Before  after.\n\n```html\n<!-- kept -->\n```',
		)
	})

	test('MDX comments go', () => {
		expect(bodyOf(`${HEAD}{/* editor's note */}\n\nText {/* inline */} here.\n`)).toBe('Text  here.')
	})

	test('HTML that carries meaning is mapped to Markdown: links, bold, italics, code, rules', () => {
		expect(bodyOf(`${HEAD}<p>See <a href="https://example.com" target="_blank">the site</a>, <b>bold</b>, <em>soft</em>, <code>x = 1</code>.</p>\n\n<hr>\n`, { flavour: 'markdown' })).toBe(
			'See [the site](https://example.com), **bold**, _soft_, `x = 1`.\n\n***',
		)
	})

	test('a YouTube iframe becomes a privacy-friendly <Video>; any other iframe is reported', () => {
		expect(bodyOf(`${HEAD}<iframe src="https://www.youtube.com/embed/Hq7vT2mXk4E?rel=0" title="Tour" />\n`)).toBe(
			'<Video src="https://www.youtube-nocookie.com/embed/Hq7vT2mXk4E" title="Tour" />',
		)
		expect(problemsOf(`${HEAD}<iframe src="https://codesandbox.io/embed/x" />\n`)[0]!.reason).toMatch(/^<iframe> from "https:\/\/codesandbox\.io\/embed\/x" cannot be embedded/)
	})
})

describe('headings and links', () => {
	const pages = [
		{ path: 'getting-started/01-intro.md', source: `${HEAD}# Connect a data source\n\nSee [setup](../admin/setup.md#sso-config), [setup again](/docs/admin/setup), [here](#why) and [later](./02-next).\n\n## Why Prism? {#why}\n` },
		{ path: 'getting-started/02-next.mdx', source: `${HEAD}Next page body text.\n` },
		{ path: 'admin/setup/index.md', source: `${HEAD}## Configure SSO {#sso-config}\n\nText.\n\n## Configure SSO\n` },
	]
	const imported = importPages(pages, { flavour: 'docusaurus', today: '2026-11-30' })

	test('slugs come from file names: number prefixes dropped, an index page named after its folder', () => {
		expect(imported.map((page) => page.slug)).toEqual(['intro', 'next', 'setup'])
	})

	test('relative, extensionless and /docs/ links lead to the imported slugs; {#id} anchors to the ids our headings get', () => {
		expect(imported[0]!.output).toContain('See [setup](/kb/setup#configure-sso), [setup again](/kb/setup), [here](#why-prism) and [later](/kb/next).')
		expect(imported[0]!.output).toContain('\n## Why Prism?\n')
	})

	test('a first H1 equal to the title is dropped', () => {
		expect(imported[0]!.output).not.toContain('# Connect a data source')
	})

	test('a page without a title takes its first H1, which is then dropped', () => {
		const page = importOne('# Sessions and cookies\n\nHow the portal keeps you signed in between visits.\n')
		expect(page.output).toMatch(/^---\ntitle: Sessions and cookies\n/)
		expect(page.output).not.toContain('# Sessions')
	})

	test('an H1 that differs from the title later in the page stays', () => {
		expect(bodyOf(`${HEAD}Intro.\n\n# Appendix\n`)).toBe('Intro.\n\n# Appendix')
	})

	test('a link to a page outside the import is reported by line; other sites, mail and /kb/ links are kept', () => {
		expect(problemsOf(`${HEAD}Intro.\n\nSee [old](../other/page.md).\n`)).toEqual([
			{ line: 7, reason: 'link "../other/page.md" points at a page that is not part of this import; link a /kb/ article or a full https:// URL' },
		])
		expect(bodyOf(`${HEAD}[a](https://example.com/x.md) [b](mailto:help@example.com) [c](/kb/existing-article)\n`)).toBe(
			'[a](https://example.com/x.md) [b](mailto:help@example.com) [c](/kb/existing-article)',
		)
	})

	test('two pages of the same name: the second takes its category in front; an existing article is not replaced', () => {
		const twins = importPages(
			[
				{ path: 'alerts/overview.md', source: `${HEAD}Body.\n` },
				{ path: 'reports/overview.md', source: `${HEAD}Body.\n` },
			],
			{ flavour: 'markdown', today: '2026-11-30', takenSlugs: new Set(['overview']) },
		)
		expect(twins.map((page) => [page.slug, page.status])).toEqual([
			['overview', 'needs-review'],
			['reports-overview', 'ready'],
		])
		expect(twins[0]!.problems[0]!.reason).toBe('articles/overview.mdx already exists; rename the file, or pass --overwrite to replace the article')
	})
})

describe('what cannot be mapped safely is reported by source line and never written', () => {
	test.each([
		['an import of a site component', "import Table from '@site/src/Table';\n", 5, /^import\/export cannot be imported: "import Table from '@site\/src\/Table';"/],
		['an export', 'export const meta = {a: 1}\n', 5, /^import\/export cannot be imported/],
		['an expression', 'Text.\n\nYou have {props.count} seats.\n', 7, /^\{props\.count\} is an expression/],
		['an unknown component', 'Text.\n\n<RateLimitTable plan="pro" />\n', 7, /^component <RateLimitTable> has no equivalent here/],
		['a script', '<script>alert(1)</script>\n', 5, /^HTML element <script> has no safe equivalent here/],
		['a style element', '<style>{`a{}`}</style>\n', 5, /^HTML element <style> has no safe equivalent here/],
		['a javascript: link, as HTML', 'Text.\n\n<a href="javascript:alert(1)">click</a>\n', 7, /^link URL "javascript:alert\(1\)" is not allowed/],
		['a data: link in Markdown', '[x](data:text/html,hi)\n', 5, /^link URL "data:text\/html,hi" is not allowed/],
		['an expression attribute on a mapped component', '<Note title={x}>Hi</Note>\n', 5, /^<Note>: the title attribute is an \{expression\}/],
	])('%s', (_, body, line, reason) => {
		expect(problemsOf(`${HEAD}${body}`, { flavour: 'mintlify' })).toEqual(expect.arrayContaining([{ line, reason: expect.stringMatching(reason) }]))
	})

	test('lines stay right after directives and comments that changed the line count', () => {
		const source = `${HEAD}:::tip\nOne.\n:::\n\n<!--\na\nb\n-->\n\nSee {secret}.\n`
		expect(problemsOf(source)).toEqual([{ line: 14, reason: '{secret} is an expression; write plain text (a literal brace as \\{)' }])
	})

	test('MDX that does not parse is reported with its line', () => {
		expect(problemsOf(`${HEAD}Fine.\n\n<Note>\nnever closed\n`, { flavour: 'mintlify' })[0]!.reason).toMatch(/^cannot be read as MDX/)
	})
})

describe('Markdown (Remix docs) is read as CommonMark', () => {
	test('braces, a stray < and autolinks are text, not MDX', () => {
		expect(bodyOf(`${HEAD}Return {json} when a < b, see <https://remix.run> or <help@example.com>; \`{code}\` stays.\n`, { flavour: 'markdown' })).toBe(
			'Return \\{json} when a \\< b, see [https://remix.run](https://remix.run) or [help@example.com](mailto:help@example.com); `{code}` stays.',
		)
	})

	test('a {#id} heading id is still an id there', () => {
		expect(bodyOf(`${HEAD}## Loaders {#loaders}\n\n[up](#loaders)\n`, { flavour: 'markdown' })).toBe('## Loaders\n\n[up](#loaders)')
	})
})

describe('frontmatter', () => {
	test('title, summary, slug, category from the folder, tags, and the narrowest audience by default', () => {
		const page = importOne(
			'---\ntitle: Rate limits\ndescription: How many requests the API accepts per minute for each token.\ntags: [API, Rate Limits]\nlast_update:\n  date: 2026-10-02\n---\nText.\n',
			{ path: 'api/03-rate-limits.md' },
		)
		expect(page.output!.split('---\n')[1]).toBe(
			'title: Rate limits\nslug: rate-limits\nsummary: How many requests the API accepts per minute for each token.\ncategory: api\ntags: [api, rate-limits]\naudience: staff\nproductArea: Api\nupdated: 2026-10-02\n',
		)
		expect(DEFAULT_IMPORT_AUDIENCE).toBe('staff')
	})

	test('--audience, --category and --product-area win; a page at the top takes "general"', () => {
		const page = importOne(`${HEAD}Text.\n`, { path: 'faq.md', audience: 'customers', productArea: 'Help' })
		expect(page.output).toMatch(/category: general\ntags: \[general\]\naudience: customers\nproductArea: Help\n/)
		expect(importOne(`${HEAD}Text.\n`, { category: 'reports' }).output).toMatch(/category: reports\n/)
	})

	test('without a description the summary is the first paragraph, shortened to 300 characters', () => {
		const long = `${'Prism reads data where it lives and never copies whole tables. '.repeat(8)}`
		const page = importOne(`---\ntitle: Long first paragraph\n---\n${long}\n`)
		const summary = /summary: (.*)\n/.exec(page.output!)![1]!
		expect(summary.length).toBeLessThanOrEqual(300)
		expect(summary).toMatch(/^Prism reads data where it lives.*tables\.$/)
	})

	test('a page with no text for a summary, or a title too short, is reported', () => {
		expect(problemsOf('---\ntitle: Empty page here\n---\n## Only a heading\n')[0]!.reason).toBe('no summary: add a description of 20 to 300 characters to the frontmatter')
		expect(problemsOf('---\ntitle: FAQ\ndescription: Questions people ask about the product.\n---\nText.\n')[0]!.reason).toBe('the title "FAQ" must be 5 to 120 characters long here')
	})
})
