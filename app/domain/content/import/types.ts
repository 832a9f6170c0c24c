import type { Audience } from '#app/domain/accounts-tiers/audience.ts'
import type { CALLOUT_TYPES } from '#app/domain/content/safe-mdx.ts'

/** The documentation tool a folder of pages was written for: it decides how the pages are read. */
export const SOURCE_FLAVOURS = ['docusaurus', 'mintlify', 'markdown'] as const
export type SourceFlavour = (typeof SOURCE_FLAVOURS)[number]

export type CalloutType = (typeof CALLOUT_TYPES)[number]

/** Something a person has to fix, at a line of the source file (or of the converted file, when it says so). */
export type ImportProblem = { line: number; reason: string }

/** One page as read from the source folder; `path` is relative to that folder, with forward slashes. */
export type SourcePage = { path: string; source: string }

export type ImportOptions = {
	flavour: SourceFlavour
	/** Who may read the imported articles; without one the importer picks the narrowest (see DEFAULT_IMPORT_AUDIENCE). */
	audience?: Audience
	/** Category for every page; without one each page takes its folder's name. */
	category?: string
	productArea?: string
	/** The `updated` date (YYYY-MM-DD) for pages whose frontmatter gives none. */
	today: string
	/** An https origin that site-absolute image paths (`/img/x.png`) are still served from. */
	imageBase?: string
	/** Slugs already taken in the output folder: a page that would replace one is not written. */
	takenSlugs?: ReadonlySet<string>
}

export type ImportedPage = {
	/** Source path, relative to the source folder. */
	file: string
	slug: string
	/** ready: `output` is a complete article that content:sync accepts; needs-review: see `problems`. */
	status: 'ready' | 'needs-review'
	output: string | null
	problems: ImportProblem[]
}
