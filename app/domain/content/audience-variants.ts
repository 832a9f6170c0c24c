import { AUDIENCES, audienceRank, AudienceSchema, type Audience } from '#app/domain/accounts-tiers/audience.ts'
import { isJsxElement, parseMdx, stringAttribute, walk } from '#app/domain/content/mdx-ast.ts'

/**
 * Gated sections (`<Audience min="tier1">…</Audience>`) are cut out of the SOURCE before compiling,
 * so a lower reader's compiled bundle never contains the text at all (hiding it at render time
 * would still ship it to the browser). One variant per distinct text, shared by the levels that
 * produce it.
 */

export type AudienceVariant = { levels: Audience[]; body: string }

type GatedRange = { start: number; end: number; min: Audience }

/** Every Audience block with its source range. A missing or unknown `min` counts as `staff` (fail closed). */
function gatedRanges(body: string): GatedRange[] {
	const ranges: GatedRange[] = []
	walk(parseMdx(body), (node) => {
		if (!isJsxElement(node) || node.name !== 'Audience') return
		const start = node.position?.start.offset
		const end = node.position?.end.offset
		if (start === undefined || end === undefined) {
			throw new Error('Audience block without a source position: cannot cut it safely')
		}
		const parsedMin = AudienceSchema.safeParse(stringAttribute(node, 'min'))
		ranges.push({ start, end, min: parsedMin.success ? parsedMin.data : 'staff' })
	})
	return ranges
}

/** The body as a reader of `level` receives it: blocks above the level removed, nested ones too. */
function bodyForLevel(body: string, ranges: GatedRange[], level: Audience): string {
	const cut = ranges
		.filter((range) => audienceRank(range.min) > audienceRank(level))
		.sort((a, b) => a.start - b.start)
	let result = ''
	let cursor = 0
	for (const range of cut) {
		// A block nested inside one already removed is covered by it.
		if (range.start < cursor) continue
		result = joinAroundCut(result, body.slice(cursor, range.start))
		cursor = range.end
	}
	return joinAroundCut(result, body.slice(cursor))
}

/**
 * Glue two kept pieces: the blank lines that surrounded a removed block would otherwise pile up.
 * Keeps as many newlines as the larger side had, so paragraphs stay separated exactly as before.
 */
function joinAroundCut(before: string, after: string): string {
	const trailing = /\n*$/.exec(before)?.[0].length ?? 0
	const leading = /^\n*/.exec(after)?.[0].length ?? 0
	if (trailing === 0 || leading === 0) return before + after
	return before.slice(0, before.length - trailing) + '\n'.repeat(Math.max(trailing, leading)) + after.slice(leading)
}

/** Reader levels allowed to read an item of this audience, from the item's own up to staff. */
export function levelsThatCanRead(itemAudience: Audience): Audience[] {
	return AUDIENCES.filter((level) => audienceRank(level) >= audienceRank(itemAudience))
}

export function buildAudienceVariants(body: string, itemAudience: Audience): AudienceVariant[] {
	const ranges = gatedRanges(body)
	const variants: AudienceVariant[] = []
	for (const level of levelsThatCanRead(itemAudience)) {
		const text = bodyForLevel(body, ranges, level)
		const same = variants.find((variant) => variant.body === text)
		if (same) same.levels.push(level)
		else variants.push({ levels: [level], body: text })
	}
	return variants
}

/** The variant a reader of this level gets, or null when the item is above their level. */
export function variantFor<V extends { levels: readonly Audience[] }>(
	levelOfReader: Audience,
	variants: readonly V[],
): V | null {
	return variants.find((variant) => variant.levels.includes(levelOfReader)) ?? null
}
