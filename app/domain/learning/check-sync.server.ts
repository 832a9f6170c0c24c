import fs from 'node:fs/promises'
import path from 'node:path'
import type { SyncReport } from '#app/domain/content/article-sync.server.ts'
import { findDuplicateCheckIds, parseChecksYaml, type ChecksFile } from '#app/domain/learning/quiz-schema.ts'
import { prisma } from '#app/utils/db.server.ts'

/**
 * Brings knowledge-check questions in line with content/checks/*.yaml. A bad file is reported and
 * its questions keep their last good version; an id already used by another file is reported and
 * the first file keeps it. Questions are never deleted: their answers are engagement history.
 * Counted per file: a file is unchanged when every one of its questions is stored as it is.
 */
export async function syncChecks(contentDir: string, report: SyncReport): Promise<SyncReport> {
	const dir = path.join(contentDir, 'checks')
	const names = (await fs.readdir(dir).catch(() => [] as string[])).filter((name) => /\.ya?ml$/.test(name)).sort()
	const files: Array<{ file: string; checks: ChecksFile }> = []
	for (const name of names) {
		const file = `checks/${name}`
		const parsed = parseChecksYaml(file, await fs.readFile(path.join(dir, name), 'utf8'))
		if (parsed.ok) files.push({ file, checks: parsed.value })
		else report.errors.push({ file, problems: parsed.errors })
	}

	const duplicates = findDuplicateCheckIds(files)
	const owner = new Map<string, string>()
	for (const { file, checks } of files) {
		for (const question of checks.questions) if (!owner.has(question.id)) owner.set(question.id, file)
	}
	for (const { file, checks } of files) {
		const problems = duplicates.filter((line) => line.startsWith(`${file}:`))
		if (problems.length > 0) report.errors.push({ file, problems })
		const mine = checks.questions.filter((question) => owner.get(question.id) === file)
		const stored = await prisma.checkQuestion.findMany({
			where: { id: { in: mine.map((question) => question.id) } },
			select: { id: true, definition: true },
		})
		const storedById = new Map(stored.map((row) => [row.id, row.definition]))
		const changed = mine.filter((question) => storedById.get(question.id) !== JSON.stringify(question))
		if (changed.length === 0) {
			report.unchanged++
			continue
		}
		await prisma.$transaction(
			changed.map((question) =>
				prisma.checkQuestion.upsert({
					where: { id: question.id },
					create: { id: question.id, definition: JSON.stringify(question) },
					update: { definition: JSON.stringify(question) },
				}),
			),
		)
		if (changed.some((question) => storedById.has(question.id))) report.updated++
		else report.created++
	}
	await reportUnknownCheckIds(report)
	return report
}

/** Lessons that embed a `<Check id>` no checks file defines: the check would silently not render. */
async function reportUnknownCheckIds(report: SyncReport) {
	const known = new Set((await prisma.checkQuestion.findMany({ select: { id: true } })).map((row) => row.id))
	const variants = await prisma.lessonVariant.findMany({
		where: { checkIds: { not: '[]' }, lesson: { path: { status: 'published' } } },
		select: { checkIds: true, lesson: { select: { slug: true, path: { select: { slug: true } } } } },
	})
	const missing = new Map<string, Set<string>>()
	for (const variant of variants) {
		const file = `paths/${variant.lesson.path.slug}/lessons/${variant.lesson.slug}.mdx`
		for (const id of JSON.parse(variant.checkIds) as string[]) {
			if (known.has(id)) continue
			missing.set(file, (missing.get(file) ?? new Set()).add(id))
		}
	}
	for (const [file, ids] of missing) {
		report.errors.push({
			file,
			problems: [...ids].map((id) => `${file}: <Check id="${id}" /> names no question in content/checks`),
		})
	}
}
