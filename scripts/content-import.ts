import path from 'node:path'
import { parseArgs } from 'node:util'
import { AudienceSchema } from '#app/domain/accounts-tiers/audience.ts'
import { IsoDateSchema, SlugSchema } from '#app/domain/content/frontmatter.ts'
import { importFolder } from '#app/domain/content/import/import-folder.server.ts'
import { SOURCE_FLAVOURS, type SourceFlavour } from '#app/domain/content/import/types.ts'

// npm run content:import -- --from docusaurus|mintlify|markdown DIR [--out content/articles] [--dry-run]
//   [--audience public|customers|tier2|tier1|staff] [--category slug] [--product-area "Name"]
//   [--image-base https://old-docs.example.com] [--updated YYYY-MM-DD] [--overwrite]
// See docs/importing-content.md. Exit code 1 when any page needs a person's edit.
const usage = `usage: npm run content:import -- --from ${SOURCE_FLAVOURS.join('|')} DIR [--out content/articles] [--dry-run] [--audience A] [--category C] [--product-area P] [--image-base https://…] [--updated YYYY-MM-DD] [--overwrite]`

function fail(message: string): never {
	console.warn(`${message}\n${usage}`)
	process.exit(2)
}

const { values, positionals } = (() => {
	try {
		return parseArgs({
			allowPositionals: true,
			options: {
				from: { type: 'string' },
				out: { type: 'string', default: 'content/articles' },
				'dry-run': { type: 'boolean', default: false },
				audience: { type: 'string' },
				category: { type: 'string' },
				'product-area': { type: 'string' },
				'image-base': { type: 'string' },
				updated: { type: 'string' },
				overwrite: { type: 'boolean', default: false },
			},
		})
	} catch (error) {
		return fail(error instanceof Error ? error.message : String(error))
	}
})()

const flavour = values.from as SourceFlavour | undefined
if (!flavour || !SOURCE_FLAVOURS.includes(flavour)) fail(`--from must be one of ${SOURCE_FLAVOURS.join(', ')}`)
if (positionals.length !== 1) fail('give exactly one source folder')
const audience = values.audience === undefined ? undefined : AudienceSchema.safeParse(values.audience)
if (audience && !audience.success) fail(`--audience must be one of ${AudienceSchema.options.join(', ')}`)
if (values.category !== undefined && !SlugSchema.safeParse(values.category).success) fail('--category must be kebab-case')
if (values.updated !== undefined && !IsoDateSchema.safeParse(values.updated).success) fail('--updated must be a date written as YYYY-MM-DD')
if (values['image-base'] !== undefined && !/^https:\/\/[^/]+/.test(values['image-base'])) fail('--image-base must be an https:// origin')

const sourceDir = path.resolve(positionals[0]!)
const outDir = path.resolve(values.out)
const { pages, written } = await importFolder(sourceDir, outDir, {
	flavour,
	audience: audience?.data,
	category: values.category,
	productArea: values['product-area'],
	imageBase: values['image-base'],
	today: values.updated ?? new Date().toISOString().slice(0, 10),
	dryRun: values['dry-run'],
	overwrite: values.overwrite,
})

for (const page of pages) {
	if (page.status === 'ready') {
		console.log(`  ✓ ${page.file} -> ${path.relative(process.cwd(), path.join(outDir, `${page.slug}.mdx`))}`)
		continue
	}
	console.warn(`  ✗ ${page.file} (not written)`)
	for (const problem of page.problems) console.warn(`      ${page.file}: line ${problem.line}: ${problem.reason}`)
}
const ready = pages.filter((page) => page.status === 'ready').length
const share = pages.length ? Math.round((ready / pages.length) * 1000) / 10 : 0
console.log(
	`${ready} of ${pages.length} page(s) (${share}%) import with no manual edit; ${pages.length - ready} need review. ` +
		(values['dry-run'] ? 'Dry run: nothing written.' : `${written.length} file(s) written to ${path.relative(process.cwd(), outDir) || '.'}.`),
)
if (!values['dry-run'] && written.length > 0) console.log('Next: read them, widen `audience` where the pages are meant for customers, then npm run content:sync.')
process.exitCode = ready === pages.length ? 0 : 1
