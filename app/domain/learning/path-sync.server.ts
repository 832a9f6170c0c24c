import fs from 'node:fs/promises'
import path from 'node:path'
import type { Audience } from '#app/domain/accounts-tiers/audience.ts'
import { problemsOf, type SyncReport } from '#app/domain/content/article-sync.server.ts'
import { buildAudienceVariants } from '#app/domain/content/audience-variants.ts'
import { sourceHash } from '#app/domain/content/compile.server.ts'
import type { ContentLevel } from '#app/domain/content/levels.ts'
import { ensureCompiledVariants, type StoredVariant } from '#app/domain/content/compiled-store.server.ts'
import { LessonFrontmatterSchema, parseFrontmatter } from '#app/domain/content/frontmatter.ts'
import { listCheckIds } from '#app/domain/content/safe-mdx.ts'
import { stepKind, stepRef, validatePathFolder, type PathManifest } from '#app/domain/learning/path-manifest.ts'
import { findUnknownQuestionLessons, parseQuizYaml, type Quiz } from '#app/domain/learning/quiz-schema.ts'
import { fileStem } from '#app/domain/learning/yaml-parse.ts'
import { prisma } from '#app/utils/db.server.ts'

/**
 * Brings training paths in line with content/paths/<slug>/. A folder is all or nothing: if its
 * manifest, any lesson or any quiz is bad, every problem is reported and the last good version of
 * the whole path stays published, so a path never shows a step whose lesson failed to compile.
 * Unchanged files cost one hash each; a folder that disappeared retires its path (never deleted:
 * enrolments, attempts and certificates keep pointing at it).
 */

type LessonPlan =
	| { slug: string; unchanged: true; title: string }
	| {
			slug: string
			unchanged: false
			hash: string
			title: string
			summary: string
			estimatedMinutes: number
			level: ContentLevel
			variants: Array<StoredVariant & { checkIds: string[] }>
	  }

type QuizPlan =
	| { key: string; unchanged: true; title: string }
	| { key: string; unchanged: false; hash: string; quiz: Quiz }

async function listFiles(dir: string): Promise<string[]> {
	const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => [])
	return entries.filter((entry) => entry.isFile()).map((entry) => entry.name).sort()
}

/** The check ids of each audience variant: a check inside a cut `<Audience>` block is not in the lower variant. */
function checkIdsByLevel(body: string, audience: Audience): Map<Audience, string[]> {
	const byLevel = new Map<Audience, string[]>()
	for (const variant of buildAudienceVariants(body, audience)) {
		const ids = listCheckIds(variant.body)
		for (const level of variant.levels) byLevel.set(level, ids)
	}
	return byLevel
}

export async function syncPaths(contentDir: string, report: SyncReport): Promise<SyncReport> {
	const root = path.join(contentDir, 'paths')
	const folders = (await fs.readdir(root, { withFileTypes: true }).catch(() => []))
		.filter((entry) => entry.isDirectory())
		.map((entry) => entry.name)
		.sort()
	const seen = new Set<string>()
	for (const slug of folders) {
		seen.add(slug)
		await syncPathFolder(contentDir, slug, report)
	}
	const gone = await prisma.path.findMany({
		where: { status: 'published', slug: { notIn: [...seen] } },
		select: { id: true, slug: true },
	})
	for (const retired of gone) {
		await prisma.$transaction([
			prisma.path.update({ where: { id: retired.id }, data: { status: 'retired' } }),
			prisma.quiz.updateMany({ where: { pathId: retired.id }, data: { status: 'retired' } }),
		])
		report.retired++
		report.changedItemKeys.push(`path:${retired.slug}`)
	}
	return report
}

async function syncPathFolder(contentDir: string, slug: string, report: SyncReport) {
	const dir = path.join(contentDir, 'paths', slug)
	const relDir = `paths/${slug}`
	const manifestFile = `${relDir}/path.yaml`
	const manifestText = await fs.readFile(path.join(dir, 'path.yaml'), 'utf8').catch(() => null)
	if (manifestText === null) {
		report.errors.push({ file: manifestFile, problems: [`${manifestFile}: missing: every path folder needs a path.yaml manifest`] })
		return
	}
	const lessonFiles = await listFiles(path.join(dir, 'lessons'))
	const quizFiles = await listFiles(path.join(dir, 'quizzes'))
	const checked = validatePathFolder({ slug, manifestText, lessonFiles, quizFiles })
	if (!checked.ok) {
		report.errors.push({ file: manifestFile, problems: checked.errors })
		return
	}
	const manifest = checked.manifest
	const existing = await prisma.path.findUnique({
		where: { slug },
		select: {
			id: true,
			sourceHash: true,
			status: true,
			lessons: { select: { slug: true, sourceHash: true, title: true } },
			quizzes: { where: { kind: 'path' }, select: { key: true, sourceHash: true, status: true, title: true } },
		},
	})

	const errors: SyncReport['errors'] = []
	const lessonSlugs = new Set(manifest.steps.flatMap((step) => (stepKind(step) === 'lesson' ? [stepRef(step)] : [])))
	const lessons: LessonPlan[] = []
	const quizzes: QuizPlan[] = []
	for (const step of manifest.steps) {
		const ref = stepRef(step)
		if (stepKind(step) === 'lesson') {
			const file = `${relDir}/lessons/${ref}.mdx`
			const source = await fs.readFile(path.join(contentDir, file), 'utf8')
			// The audience is part of the hash (it decides which variants exist), and so is the path's
			// level (the level of a lesson that states none).
			const hash = sourceHash(`${manifest.audience}\n${manifest.level}\n${source}`)
			const previous = existing?.lessons.find((lesson) => lesson.slug === ref)
			if (previous && previous.sourceHash === hash) {
				lessons.push({ slug: ref, unchanged: true, title: previous.title })
				continue
			}
			const plan = await planLesson(file, source, hash, manifest, report)
			if (plan.ok) lessons.push(plan.lesson)
			else errors.push({ file, problems: plan.problems })
		} else {
			const name = quizFiles.find((candidate) => fileStem(candidate) === ref)!
			const file = `${relDir}/quizzes/${name}`
			const text = await fs.readFile(path.join(contentDir, file), 'utf8')
			const hash = sourceHash(text)
			// Parsed even when unchanged: a manifest edit may have removed a lesson a question points at.
			const parsed = parseQuizYaml(file, text)
			const problems = parsed.ok ? findUnknownQuestionLessons(file, parsed.value, lessonSlugs) : parsed.errors
			if (!parsed.ok || problems.length > 0) {
				errors.push({ file, problems })
				continue
			}
			const previous = existing?.quizzes.find((quiz) => quiz.key === ref)
			if (previous && previous.sourceHash === hash && previous.status === 'published') {
				quizzes.push({ key: ref, unchanged: true, title: previous.title })
				continue
			}
			quizzes.push({ key: ref, unchanged: false, hash, quiz: parsed.value })
		}
	}
	if (errors.length > 0) {
		report.errors.push(...errors)
		return
	}

	const manifestHash = sourceHash(manifestText)
	const manifestUnchanged = existing?.sourceHash === manifestHash && existing.status === 'published'
	const changedLessons = lessons.filter((lesson) => !lesson.unchanged)
	const changedQuizzes = quizzes.filter((quiz) => !quiz.unchanged)
	const unchangedFiles = lessons.length + quizzes.length - changedLessons.length - changedQuizzes.length
	report.unchanged += unchangedFiles + (manifestUnchanged ? 1 : 0)
	if (manifestUnchanged && changedLessons.length === 0 && changedQuizzes.length === 0) return

	await writePath(slug, manifest, manifestHash, lessons, quizzes)
	const changedFiles = changedLessons.length + changedQuizzes.length + (manifestUnchanged ? 0 : 1)
	if (existing) report.updated += changedFiles
	else report.created += changedFiles
	report.changedItemKeys.push(`path:${slug}`, ...changedLessons.map((lesson) => `lesson:${slug}/${lesson.slug}`))
}

async function planLesson(
	file: string,
	source: string,
	hash: string,
	manifest: Pick<PathManifest, 'audience' | 'level'>,
	stats: { compiled: number; reused: number },
): Promise<{ ok: true; lesson: LessonPlan } | { ok: false; problems: string[] }> {
	const parsed = parseFrontmatter(source, LessonFrontmatterSchema, file)
	if (!parsed.ok) return { ok: false, problems: parsed.errors }
	const { audience } = manifest
	try {
		const variants = await ensureCompiledVariants(parsed.body, audience, parsed.bodyStartLine, stats)
		const checks = checkIdsByLevel(parsed.body, audience)
		return {
			ok: true,
			lesson: {
				slug: parsed.data.slug,
				unchanged: false,
				hash,
				title: parsed.data.title,
				summary: parsed.data.summary,
				estimatedMinutes: parsed.data.estimatedMinutes,
				level: parsed.data.level ?? manifest.level,
				variants: variants.map((variant) => ({ ...variant, checkIds: checks.get(variant.levels[0]!) ?? [] })),
			},
		}
	} catch (error) {
		return { ok: false, problems: problemsOf(error, file) }
	}
}

function titleOf(plan: LessonPlan | QuizPlan): string {
	if ('quiz' in plan) return plan.quiz.title
	return plan.title
}

async function writePath(
	slug: string,
	manifest: PathManifest,
	manifestHash: string,
	lessons: LessonPlan[],
	quizzes: QuizPlan[],
) {
	const fields = {
		title: manifest.title,
		summary: manifest.summary,
		audience: manifest.audience,
		level: manifest.level,
		estimatedMinutes: manifest.estimatedMinutes,
		skillTags: JSON.stringify(manifest.skillTags),
		certificate: manifest.certificate,
		status: 'published',
		sourceHash: manifestHash,
	}
	await prisma.$transaction(async (tx) => {
		const saved = await tx.path.upsert({ where: { slug }, create: { slug, ...fields }, update: fields, select: { id: true } })
		const pathId = saved.id
		for (const lesson of lessons) {
			if (lesson.unchanged) continue
			const lessonFields = {
				title: lesson.title,
				summary: lesson.summary,
				estimatedMinutes: lesson.estimatedMinutes,
				level: lesson.level,
				sourceHash: lesson.hash,
			}
			const row = await tx.lesson.upsert({
				where: { pathId_slug: { pathId, slug: lesson.slug } },
				create: { pathId, slug: lesson.slug, ...lessonFields },
				update: lessonFields,
				select: { id: true },
			})
			await tx.lessonVariant.deleteMany({ where: { lessonId: row.id } })
			await tx.lessonVariant.createMany({
				data: lesson.variants.flatMap((variant) =>
					variant.levels.map((level) => ({
						lessonId: row.id,
						level,
						cacheKey: variant.cacheKey,
						checkIds: JSON.stringify(variant.checkIds),
					})),
				),
			})
		}
		for (const plan of quizzes) {
			if (plan.unchanged) continue
			const quizFields = {
				title: plan.quiz.title,
				audience: manifest.audience,
				definition: JSON.stringify(plan.quiz),
				sourceHash: plan.hash,
				status: 'published',
			}
			const current = await tx.quiz.findFirst({ where: { kind: 'path', pathId, key: plan.key }, select: { id: true } })
			if (current) await tx.quiz.update({ where: { id: current.id }, data: quizFields })
			else await tx.quiz.create({ data: { kind: 'path', pathId, key: plan.key, ...quizFields } })
		}
		// The audience of unchanged quizzes follows the manifest too.
		await tx.quiz.updateMany({ where: { pathId, kind: 'path' }, data: { audience: manifest.audience } })
		// Quizzes no longer named by a step stay (their attempts are history) but cannot be taken.
		await tx.quiz.updateMany({
			where: { pathId, kind: 'path', key: { notIn: quizzes.map((quiz) => quiz.key) } },
			data: { status: 'retired' },
		})
		await tx.pathStep.deleteMany({ where: { pathId } })
		const byRef = new Map<string, LessonPlan | QuizPlan>([
			...lessons.map((lesson) => [`lesson:${lesson.slug}`, lesson] as const),
			...quizzes.map((quiz) => [`quiz:${quiz.key}`, quiz] as const),
		])
		await tx.pathStep.createMany({
			data: manifest.steps.map((step, position) => ({
				pathId,
				position,
				kind: stepKind(step),
				ref: stepRef(step),
				title: titleOf(byRef.get(`${stepKind(step)}:${stepRef(step)}`)!),
			})),
		})
	})
}
