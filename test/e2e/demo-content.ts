import fs from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'

// The demo content as a browser test reaches it: every article and lesson URL with its audience,
// read from content/ (the e2e server syncs exactly this folder).
const CONTENT = path.resolve('content')

export type ContentPage = { url: string; audience: string; title?: string; summary?: string }

function frontmatter(file: string): Record<string, unknown> {
	const match = /^---\n([\s\S]*?)\n---/.exec(fs.readFileSync(file, 'utf8'))
	if (!match) throw new Error(`${file}: no frontmatter`)
	return parse(match[1]!) as Record<string, unknown>
}

export function demoArticles(): ContentPage[] {
	const dir = path.join(CONTENT, 'articles')
	return fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.mdx'))
		.map((f) => {
			const meta = frontmatter(path.join(dir, f))
			return { url: `/kb/${String(meta.slug)}`, audience: String(meta.audience), title: String(meta.title), summary: String(meta.summary) }
		})
}

export function demoLessons(): ContentPage[] {
	const dir = path.join(CONTENT, 'paths')
	return fs.readdirSync(dir).flatMap((pathSlug) => {
		const manifest = parse(fs.readFileSync(path.join(dir, pathSlug, 'path.yaml'), 'utf8')) as { audience: string }
		const lessons = path.join(dir, pathSlug, 'lessons')
		return fs
			.readdirSync(lessons)
			.filter((f) => f.endsWith('.mdx'))
			.map((f) => ({ url: `/paths/${pathSlug}/lessons/${String(frontmatter(path.join(lessons, f)).slug)}`, audience: manifest.audience }))
	})
}
