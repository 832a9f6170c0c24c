import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { syncArticles } from '#app/domain/content/article-sync.server.ts'

/** The source of a valid article file, for tests that need content in the database. */
export function articleSource(
	slug: string,
	opts: { audience?: string; title?: string; category?: string; body?: string } = {},
) {
	return `---
title: ${opts.title ?? `Article ${slug}`}
slug: ${slug}
summary: Summary of ${slug} that is long enough for validation.
category: ${opts.category ?? 'reports'}
tags: [${opts.category ?? 'reports'}]
audience: ${opts.audience ?? 'customers'}
productArea: Reports
updated: 2026-09-01
---
${opts.body ?? `## Start\n\nWords of ${slug}.\n`}`
}

/** Writes articles (slug → source) into a fresh content folder and syncs them; returns the folder and report. */
export async function syncFixtureArticles(articles: Record<string, string>) {
	const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'content-'))
	await fs.mkdir(path.join(dir, 'articles'))
	for (const [slug, source] of Object.entries(articles)) await fs.writeFile(path.join(dir, 'articles', `${slug}.mdx`), source)
	return { dir, report: await syncArticles(dir) }
}
