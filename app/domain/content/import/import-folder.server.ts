import fs from 'node:fs/promises'
import path from 'node:path'
import { importPages } from './import-pages.ts'
import type { ImportedPage, ImportOptions, SourcePage } from './types.ts'

/** The pages of a documentation folder: .md and .mdx files, minus partials (`_name`), hidden files and node_modules. */
export async function readSourceFolder(dir: string): Promise<SourcePage[]> {
	const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true })
	const pages: SourcePage[] = []
	for (const entry of entries) {
		if (!entry.isFile() || !/\.mdx?$/i.test(entry.name)) continue
		const relative = path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')
		if (relative.split('/').some((segment) => segment.startsWith('_') || segment.startsWith('.') || segment === 'node_modules')) continue
		pages.push({ path: relative, source: await fs.readFile(path.join(dir, relative), 'utf8') })
	}
	return pages.sort((a, b) => a.path.localeCompare(b.path))
}

export type FolderImport = { pages: ImportedPage[]; written: string[] }

/**
 * Imports a folder into `outDir` (content/articles). Only pages with no problem are written; with
 * `dryRun` nothing is. Existing articles are never replaced unless `overwrite` is set.
 */
export async function importFolder(
	sourceDir: string,
	outDir: string,
	options: Omit<ImportOptions, 'takenSlugs'> & { dryRun?: boolean; overwrite?: boolean },
): Promise<FolderImport> {
	const existing = options.overwrite ? [] : await fs.readdir(outDir).catch(() => [] as string[])
	const takenSlugs = new Set(existing.filter((name) => name.endsWith('.mdx')).map((name) => name.slice(0, -4)))
	const pages = importPages(await readSourceFolder(sourceDir), { ...options, takenSlugs })
	const written: string[] = []
	if (options.dryRun) return { pages, written }
	await fs.mkdir(outDir, { recursive: true })
	for (const page of pages) {
		if (page.status !== 'ready' || !page.output) continue
		const file = path.join(outDir, `${page.slug}.mdx`)
		await fs.writeFile(file, page.output)
		written.push(file)
	}
	return { pages, written }
}
