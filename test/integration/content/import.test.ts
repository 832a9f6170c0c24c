import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { beforeEach, describe, expect, test } from 'vitest'
import { syncArticles } from '#app/domain/content/article-sync.server.ts'
import { getArticleForReader } from '#app/domain/content/articles.server.ts'
import { importFolder } from '#app/domain/content/import/import-folder.server.ts'
import type { SourceFlavour } from '#app/domain/content/import/types.ts'
import { prisma } from '#app/utils/db.server.ts'

/**
 * content:import end to end: a folder of pages written for this test in the styles of Docusaurus
 * and Mintlify goes through the importer into a content folder, and the real content:sync then
 * validates, compiles and stores what was written.
 */

const PAGES: Record<string, string> = {
	// Docusaurus style: theme imports, tabs, ::: directives, {#id}, comments, kbd, relative links.
	'guides/01-connect-a-warehouse.mdx': `---
title: Connect a warehouse
description: Give Prism a read-only user and connect it to your warehouse.
tags: [data-sources]
---
import Tabs from '@theme/Tabs';
import TabItem from '@theme/TabItem';

# Connect a warehouse

<!-- screenshot pending -->

:::tip[Read-only]
Prism only needs \`SELECT\`.
:::

## Create the user {#create-user}

<Tabs>
<TabItem value="pg" label="Postgres">

\`\`\`sql
CREATE ROLE prism_reader LOGIN;
\`\`\`

</TabItem>
</Tabs>

Press <kbd>Ctrl</kbd> + <kbd>Enter</kbd> to test the connection.

![The new source form](https://docs.example.com/img/new-source.png)

Next, [create a token](../reference/api-tokens.mdx#token-scopes).
`,
	// Mintlify style: components, a code group, <img>, a site-absolute link back.
	'reference/api-tokens.mdx': `---
title: "API tokens"
description: "Create tokens for scripts and integrations, and choose what they may do."
---

<Note>
  Tokens are shown once.
</Note>

## Token scopes {#token-scopes}

<CodeGroup>

\`\`\`bash cURL
curl -H "Authorization: Bearer $TOKEN" https://api.example.com/v1/me
\`\`\`

\`\`\`python Python
requests.get("https://api.example.com/v1/me", headers=headers)
\`\`\`

</CodeGroup>

<Warning>Revoke a token you no longer use.</Warning>

<img src="https://docs.example.com/img/tokens.png" alt="Token list" />

Back to [connecting a warehouse](/guides/connect-a-warehouse#create-user).
`,
	// One import of a site component, one expression: reported by line, not written.
	'guides/rate-limits.mdx': `---
title: Rate limits
description: How many requests the API accepts per token, per minute.
---

import LimitTable from '@site/src/components/LimitTable';

Limits per plan:

<LimitTable />
`,
	'guides/release-notes.mdx': `---
title: Release notes
description: What changed in Prism this year, month by month.
---

Changes in Prism.

This page was built in {new Date().getFullYear()}.
`,
}

let root: string

async function writePages(dir: string, pages: Record<string, string>) {
	for (const [file, source] of Object.entries(pages)) {
		await fs.mkdir(path.dirname(path.join(dir, file)), { recursive: true })
		await fs.writeFile(path.join(dir, file), source)
	}
}

beforeEach(async () => {
	root = await fs.mkdtemp(path.join(os.tmpdir(), 'content-import-'))
	await prisma.article.deleteMany()
})

describe('content:import of Docusaurus- and Mintlify-style pages', () => {
	test('maps the safe parts, reports the unsafe ones by line, and content:sync accepts everything written', async () => {
		await writePages(path.join(root, 'source'), PAGES)
		const { pages, written } = await importFolder(path.join(root, 'source'), path.join(root, 'content', 'articles'), {
			flavour: 'docusaurus',
			today: '2026-11-30',
		})

		expect(pages.map((page) => [page.file, page.slug, page.status])).toEqual([
			['guides/01-connect-a-warehouse.mdx', 'connect-a-warehouse', 'ready'],
			['guides/rate-limits.mdx', 'rate-limits', 'needs-review'],
			['guides/release-notes.mdx', 'release-notes', 'needs-review'],
			['reference/api-tokens.mdx', 'api-tokens', 'ready'],
		])
		expect(pages.find((page) => page.slug === 'rate-limits')!.problems).toEqual([
			{ line: 6, reason: `import/export cannot be imported: "import LimitTable from '@site/src/components/LimitTable';"; inline what it brings or rewrite it` },
			{ line: 10, reason: 'component <LimitTable> has no equivalent here; rewrite it as Markdown or one of our components' },
		])
		expect(pages.find((page) => page.slug === 'release-notes')!.problems).toEqual([
			{ line: 8, reason: '{new Date().getFullYear()} is an expression; write plain text (a literal brace as \\{)' },
		])
		// Only the clean pages are on disk.
		expect(written.map((file) => path.basename(file)).sort()).toEqual(['api-tokens.mdx', 'connect-a-warehouse.mdx'])

		const connect = await fs.readFile(path.join(root, 'content', 'articles', 'connect-a-warehouse.mdx'), 'utf8')
		expect(connect).toContain('audience: staff\n')
		expect(connect).toContain('<Callout type="tip" title="Read-only">')
		expect(connect).toContain('<Tabs>\n  <Tab label="Postgres">')
		expect(connect).toContain('<kbd>Ctrl</kbd>')
		expect(connect).toContain('<Image src="https://docs.example.com/img/new-source.png" alt="The new source form" />')
		expect(connect).toContain('[create a token](/kb/api-tokens#token-scopes)')
		for (const gone of [':::', '<!--', '{#', 'import ', '# Connect a warehouse']) expect(connect).not.toContain(gone)
		const tokens = await fs.readFile(path.join(root, 'content', 'articles', 'api-tokens.mdx'), 'utf8')
		expect(tokens).toContain('<Tab label="cURL">')
		expect(tokens).toContain('[connecting a warehouse](/kb/connect-a-warehouse#create-the-user)')

		// The real sync: validated, compiled (every audience variant), stored.
		const report = await syncArticles(path.join(root, 'content'))
		expect(report.errors).toEqual([])
		expect(report.created).toBe(2)

		// Staff read them; nobody else does until an editor widens the audience.
		const forStaff = await getArticleForReader('connect-a-warehouse', { kind: 'staff' })
		if (forStaff.kind !== 'article') throw new Error(`expected the article, got ${forStaff.kind}`)
		expect(forStaff.toc.map((entry) => entry.id)).toEqual(['create-the-user'])
		const target = await getArticleForReader('api-tokens', { kind: 'staff' })
		if (target.kind !== 'article') throw new Error(`expected the article, got ${target.kind}`)
		// The rewritten anchor lands on a heading our renderer gives that id.
		expect(target.toc.map((entry) => entry.id)).toContain('token-scopes')
		expect(await getArticleForReader('connect-a-warehouse', { kind: 'customer', tier: 1 })).toEqual({ kind: 'not-found' })

		const stored = await prisma.compiledMdx.findMany({ select: { text: true } })
		const text = stored.map((row) => row.text).join('\n')
		expect(text).toContain('Prism only needs SELECT.')
		expect(text).toContain('Tokens are shown once.')
		expect(text).not.toContain(':::')
	})

	test('a dry run writes nothing, and an existing article is not replaced without --overwrite', async () => {
		// Without the page it links back to, the link would need a person: leave that line out here.
		const alone = PAGES['reference/api-tokens.mdx']!.replace(/\nBack to .*\n/, '\n')
		await writePages(path.join(root, 'source'), { 'reference/api-tokens.mdx': alone })
		const out = path.join(root, 'content', 'articles')
		const dry = await importFolder(path.join(root, 'source'), out, { flavour: 'mintlify', today: '2026-11-30', dryRun: true })
		expect(dry.pages[0]!.status).toBe('ready')
		await expect(fs.readdir(out)).rejects.toThrow()

		await fs.mkdir(out, { recursive: true })
		await fs.writeFile(path.join(out, 'api-tokens.mdx'), 'hand-written')
		const again = await importFolder(path.join(root, 'source'), out, { flavour: 'mintlify', today: '2026-11-30' })
		expect(again.written).toEqual([])
		expect(await fs.readFile(path.join(out, 'api-tokens.mdx'), 'utf8')).toBe('hand-written')
		const forced = await importFolder(path.join(root, 'source'), out, { flavour: 'mintlify', today: '2026-11-30', overwrite: true })
		expect(forced.written).toHaveLength(1)
		expect(await fs.readFile(path.join(out, 'api-tokens.mdx'), 'utf8')).toMatch(/^---\ntitle: API tokens\n/)
	})
})

const FIXTURES: Array<{ site: string; flavour: SourceFlavour }> = [
	{ site: 'docusaurus', flavour: 'docusaurus' },
	{ site: 'remix', flavour: 'markdown' },
	{ site: 'mintlify', flavour: 'mintlify' },
]

describe('the 22 fixture pages (test/fixtures/import)', () => {
	test('at least 90% import with no manual edit, content:sync accepts every one written, and the unsafe page is refused', async () => {
		const results = []
		for (const { site, flavour } of FIXTURES) {
			const content = path.join(root, site)
			const { pages } = await importFolder(path.resolve('test/fixtures/import', site), path.join(content, 'articles'), { flavour, today: '2026-11-30' })
			const report = await syncArticles(content)
			expect(report.errors).toEqual([])
			// Both the Remix-style and the Mintlify-style site have a quickstart: one database, so the second updates it.
			expect(report.created + report.updated).toBe(pages.filter((page) => page.status === 'ready').length)
			results.push(...pages.map((page) => ({ site, ...page })))
		}
		const ready = results.filter((page) => page.status === 'ready')
		expect(results).toHaveLength(22)
		expect(ready.length / results.length).toBeGreaterThanOrEqual(0.9)
		expect(results.filter((page) => page.status !== 'ready').map((page) => `${page.site}/${page.file}`)).toEqual([
			'docusaurus/api/rate-limits.mdx',
			'remix/start/tutorial.md',
		])
		const rateLimits = results.find((page) => page.file === 'api/rate-limits.mdx')!
		expect(rateLimits.problems.map((problem) => problem.line)).toEqual([7, 11])
	}, 120_000)

	test('with --image-base the old site still serves its images and the tutorial imports too', async () => {
		const { pages } = await importFolder(path.resolve('test/fixtures/import/remix'), path.join(root, 'remix', 'articles'), {
			flavour: 'markdown',
			today: '2026-11-30',
			imageBase: 'https://remix-docs.example.com',
			dryRun: true,
		})
		expect(pages.every((page) => page.status === 'ready')).toBe(true)
		expect(pages.find((page) => page.slug === 'tutorial')!.output).toContain('<Image src="https://remix-docs.example.com/docs-images/tutorial-finished.png" alt="Finished dashboard" />')
	})
})
