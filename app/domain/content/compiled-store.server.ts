import type { Audience } from '#app/domain/accounts-tiers/audience.ts'
import { prisma } from '#app/utils/db.server.ts'
import { buildAudienceVariants } from './audience-variants.ts'
import { assertSafeMdx, compileCacheKey, compileMdx } from './compile.server.ts'

export type StoredVariant = { levels: Audience[]; cacheKey: string; readingMinutes: number; text: string }

/**
 * Compiles each audience variant of a body unless compiled output with the same cache key (source
 * hash plus compiler settings) is already stored. Throws MdxCompileError/UnsafeMdxError for a bad body.
 */
export async function ensureCompiledVariants(
	body: string,
	audience: Audience,
	bodyStartLine: number,
	stats: { compiled: number; reused: number },
): Promise<StoredVariant[]> {
	// On the whole body first: every problem with its file line, also when a variant is already cached.
	assertSafeMdx(body, bodyStartLine)
	const variants = buildAudienceVariants(body, audience)
	const stored: StoredVariant[] = []
	for (const variant of variants) {
		const cacheKey = compileCacheKey(variant.body)
		const existing = await prisma.compiledMdx.findUnique({ where: { cacheKey }, select: { words: true, text: true } })
		if (existing) {
			stats.reused++
			stored.push({ levels: variant.levels, cacheKey, readingMinutes: readingMinutes(existing.words), text: existing.text })
			continue
		}
		// The lowest level of a variant is the one it was cut for: the compiler re-checks nothing above it survived.
		const compiled = await compileMdx(variant.body, { bodyStartLine, readerLevel: variant.levels[0] })
		await prisma.compiledMdx.upsert({
			where: { cacheKey },
			create: { cacheKey, code: compiled.code, toc: JSON.stringify(compiled.toc), text: compiled.text, words: compiled.words },
			update: {},
		})
		stats.compiled++
		stored.push({ levels: variant.levels, cacheKey, readingMinutes: compiled.readingMinutes, text: compiled.text })
	}
	return stored
}

const readingMinutes = (words: number) => Math.max(1, Math.ceil(words / 200))

/** The compiled variant a reader level gets, looked up through a variant table row. */
export type CompiledForReader = { code: string; toc: Array<{ depth: 2 | 3; id: string; text: string }> }

export function parseCompiled(row: { code: string; toc: string }): CompiledForReader {
	return { code: row.code, toc: JSON.parse(row.toc) }
}
