import fs from 'node:fs/promises'
import path from 'node:path'
import type { SyncReport } from '#app/domain/content/article-sync.server.ts'
import { sourceHash } from '#app/domain/content/compile.server.ts'
import { findMissingRecommendedPaths, parseAssessmentYaml } from '#app/domain/learning/quiz-schema.ts'
import { fileStem } from '#app/domain/learning/yaml-parse.ts'
import { prisma } from '#app/utils/db.server.ts'

/**
 * Brings self-assessments (Quiz rows of kind 'assessment') in line with content/assessments/*.yaml.
 * Runs after the paths, since every recommended path must exist. A bad file is reported and the last
 * good version stays; an assessment whose file is gone is retired, never deleted.
 */
export async function syncAssessments(contentDir: string, report: SyncReport): Promise<SyncReport> {
	const dir = path.join(contentDir, 'assessments')
	const names = (await fs.readdir(dir).catch(() => [] as string[])).filter((name) => /\.ya?ml$/.test(name)).sort()
	const pathSlugs = new Set(
		(await prisma.path.findMany({ where: { status: 'published' }, select: { slug: true } })).map((row) => row.slug),
	)
	const seen: string[] = []
	for (const name of names) {
		const file = `assessments/${name}`
		const text = await fs.readFile(path.join(dir, name), 'utf8')
		const hash = sourceHash(text)
		// A bad file keeps its last good version published, so it counts as seen either way.
		seen.push(fileStem(name))
		const parsed = parseAssessmentYaml(file, text)
		if (!parsed.ok) {
			report.errors.push({ file, problems: parsed.errors })
			continue
		}
		const assessment = parsed.value
		const missing = findMissingRecommendedPaths(file, assessment, pathSlugs)
		if (missing.length > 0) {
			report.errors.push({ file, problems: missing })
			continue
		}
		// Assessments have no path: pathId is null, which a unique index does not constrain, so look up by key.
		const existing = await prisma.quiz.findFirst({
			where: { kind: 'assessment', key: assessment.id },
			select: { id: true, sourceHash: true, status: true },
		})
		if (existing && existing.sourceHash === hash && existing.status === 'published') {
			report.unchanged++
			continue
		}
		const fields = {
			title: assessment.title,
			audience: assessment.audience,
			definition: JSON.stringify(assessment),
			sourceHash: hash,
			status: 'published',
		}
		if (existing) {
			await prisma.quiz.update({ where: { id: existing.id }, data: fields })
			report.updated++
		} else {
			await prisma.quiz.create({ data: { kind: 'assessment', key: assessment.id, pathId: null, ...fields } })
			report.created++
		}
		report.changedItemKeys.push(`assessment:${assessment.id}`)
	}
	const gone = await prisma.quiz.findMany({
		where: { kind: 'assessment', status: 'published', key: { notIn: seen } },
		select: { id: true, key: true },
	})
	for (const quiz of gone) {
		await prisma.quiz.update({ where: { id: quiz.id }, data: { status: 'retired' } })
		report.retired++
		report.changedItemKeys.push(`assessment:${quiz.key}`)
	}
	return report
}
