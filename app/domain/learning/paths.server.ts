import { canRead, parseAudience, readableAudiences, readerLevel, type Audience, type Reader } from '#app/domain/accounts-tiers/audience.ts'
import { tierHas } from '#app/domain/accounts-tiers/service-matrix.ts'
import { parseCompiled } from '#app/domain/content/compiled-store.server.ts'
import { recordEvent } from '#app/domain/engagement/record.server.ts'
import { certificateIdFor, issueCertificateIfDue } from '#app/domain/learning/certificates.server.ts'
import { publicChecks } from '#app/domain/learning/checks.server.ts'
import type { PathStep } from '#app/domain/learning/path-manifest.ts'
import { pathProgress, type PathProgress } from '#app/domain/learning/progress.ts'
import type { PublicQuestion } from '#app/domain/learning/public-question.ts'
import { nextPathAfter } from '#app/domain/playbooks/plan.ts'
import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/utils/db.server.ts'

type Tx = Prisma.TransactionClient | typeof prisma

/** The learner as the learning domain needs them. */
export type Learner = { id: string; name: string; accountId: string | null }

export type StepKind = 'lesson' | 'quiz'
export type StepView = { position: number; kind: StepKind; ref: string; title: string; href: string; done: boolean }

/** Why a reader does not get a path: unknown, signed out on a non-public path, or above their plan. */
export type PathRefusal =
	| { kind: 'not-found' }
	| { kind: 'sign-in' }
	| { kind: 'gated'; audience: Audience; title: string | null }

export function stepHref(pathSlug: string, step: { kind: string; ref: string }): string {
	return `/paths/${pathSlug}/${step.kind === 'quiz' ? 'quizzes' : 'lessons'}/${step.ref}`
}

export const pathItemKey = (slug: string) => `path:${slug}`
export const lessonItemKey = (pathSlug: string, lessonSlug: string) => `lesson:${pathSlug}/${lessonSlug}`

const pathFields = {
	id: true,
	slug: true,
	title: true,
	summary: true,
	audience: true,
	level: true,
	estimatedMinutes: true,
	skillTags: true,
	certificate: true,
	steps: { select: { position: true, kind: true, ref: true, title: true }, orderBy: { position: 'asc' } },
} as const

type PathRow = Prisma.PathGetPayload<{ select: typeof pathFields }>

/** The audience check for a path and everything in it (lessons, quizzes), in one place. */
function refusalFor(reader: Reader, path: { audience: string; title: string }): PathRefusal | null {
	const audience = parseAudience(path.audience)
	if (canRead(reader, audience)) return null
	if (reader.kind === 'anonymous') return { kind: 'sign-in' }
	// Like the knowledge base: a customer whose tier offers teasers sees the title of what they lack, never staff items.
	const teaser = reader.kind === 'customer' && audience !== 'staff' && tierHas(reader.tier, 'contentTeasers')
	return { kind: 'gated', audience, title: teaser ? path.title : null }
}

async function findPath(slug: string) {
	return prisma.path.findFirst({ where: { slug, status: 'published' }, select: pathFields })
}

function asPathSteps(steps: ReadonlyArray<{ kind: string; ref: string }>): PathStep[] {
	return steps.map((step) => (step.kind === 'quiz' ? { quiz: step.ref } : { lesson: step.ref }))
}

/** Progress of one user on several paths: lessons completed and quizzes passed (in any attempt). */
async function progressByPath(
	db: Tx,
	userId: string,
	paths: ReadonlyArray<{ id: string; steps: ReadonlyArray<{ kind: string; ref: string }> }>,
): Promise<Map<string, PathProgress>> {
	const ids = paths.map((path) => path.id)
	const [completions, passes] = await Promise.all([
		db.lessonCompletion.findMany({
			where: { userId, lesson: { pathId: { in: ids } } },
			select: { lesson: { select: { pathId: true, slug: true } } },
		}),
		db.quizAttempt.findMany({
			where: { userId, passed: true, quiz: { kind: 'path', pathId: { in: ids } } },
			select: { quiz: { select: { pathId: true, key: true } } },
		}),
	])
	const result = new Map<string, PathProgress>()
	for (const path of paths) {
		const completedLessons = new Set(completions.filter((row) => row.lesson.pathId === path.id).map((row) => row.lesson.slug))
		const passedQuizzes = new Set(passes.filter((row) => row.quiz.pathId === path.id).map((row) => row.quiz.key))
		result.set(path.id, pathProgress({ steps: asPathSteps(path.steps), completedLessons, passedQuizzes }))
	}
	return result
}

export async function getPathProgress(db: Tx, userId: string, path: { id: string; steps: ReadonlyArray<{ kind: string; ref: string }> }) {
	return (await progressByPath(db, userId, [path])).get(path.id)!
}

function stepViews(path: Pick<PathRow, 'slug' | 'steps'>, progress: PathProgress | null): StepView[] {
	return path.steps.map((step) => ({
		position: step.position,
		kind: step.kind as StepKind,
		ref: step.ref,
		title: step.title,
		href: stepHref(path.slug, step),
		done: progress?.steps[step.position]?.done ?? false,
	}))
}

export type PathCard = {
	slug: string
	title: string
	summary: string
	audience: string
	level: string
	estimatedMinutes: number
	stepCount: number
	certificate: boolean
	enrolled: boolean
	percent: number
	completed: boolean
}

/** The catalogue: published paths the reader may open, with the learner's progress on each. */
export async function listPathsForReader(reader: Reader, userId: string | null): Promise<PathCard[]> {
	const paths = await prisma.path.findMany({
		where: { status: 'published', audience: { in: readableAudiences(reader) } },
		select: pathFields,
		orderBy: { title: 'asc' },
	})
	const enrolments = userId
		? await prisma.enrollment.findMany({ where: { userId }, select: { pathId: true, completedAt: true } })
		: []
	const progress = userId ? await progressByPath(prisma, userId, paths) : new Map<string, PathProgress>()
	return paths.map((path) => {
		const enrolment = enrolments.find((row) => row.pathId === path.id)
		return {
			slug: path.slug,
			title: path.title,
			summary: path.summary,
			audience: path.audience,
			level: path.level,
			estimatedMinutes: path.estimatedMinutes,
			stepCount: path.steps.length,
			certificate: path.certificate,
			enrolled: Boolean(enrolment),
			percent: enrolment ? (progress.get(path.id)?.percent ?? 0) : 0,
			completed: Boolean(enrolment?.completedAt),
		}
	})
}

/** Where "continue" goes: the step last acted on if it is not done yet, else the first step not done; null when complete. */
function resumeStepOf(steps: StepView[], lastStep: number, progress: Pick<PathProgress, 'isComplete'>): StepView | null {
	if (progress.isComplete) return null
	const last = steps[lastStep]
	return last && !last.done ? last : (steps.find((step) => !step.done) ?? null)
}

export type ContinueLearning = {
	path: { slug: string; title: string }
	percent: number
	completed: number
	total: number
	next: StepView
}

/**
 * "Continue where you left off": of the paths the learner started, may still open and has not
 * finished, the one they last worked in (lesson completed, quiz attempt, enrolment), with its next step.
 */
export async function getContinueLearning(userId: string, reader: Reader): Promise<ContinueLearning | null> {
	const enrolments = await prisma.enrollment.findMany({
		where: { userId, completedAt: null, path: { status: 'published', audience: { in: readableAudiences(reader) } } },
		select: { lastStep: true, updatedAt: true, path: { select: pathFields } },
	})
	if (enrolments.length === 0) return null
	const ids = enrolments.map((enrolment) => enrolment.path.id)
	const [progress, completions, attempts] = await Promise.all([
		progressByPath(prisma, userId, enrolments.map((enrolment) => enrolment.path)),
		prisma.lessonCompletion.findMany({ where: { userId, lesson: { pathId: { in: ids } } }, select: { createdAt: true, lesson: { select: { pathId: true } } } }),
		prisma.quizAttempt.findMany({ where: { userId, quiz: { kind: 'path', pathId: { in: ids } } }, select: { createdAt: true, quiz: { select: { pathId: true } } } }),
	])
	const lastActivity = new Map<string, number>()
	const touch = (pathId: string | null, at: Date) => {
		if (pathId) lastActivity.set(pathId, Math.max(lastActivity.get(pathId) ?? 0, at.getTime()))
	}
	for (const enrolment of enrolments) touch(enrolment.path.id, enrolment.updatedAt)
	for (const row of completions) touch(row.lesson.pathId, row.createdAt)
	for (const row of attempts) touch(row.quiz.pathId, row.createdAt)
	const candidates = enrolments
		.map((enrolment) => {
			const pathProgress = progress.get(enrolment.path.id)!
			const steps = stepViews(enrolment.path, pathProgress)
			return { enrolment, pathProgress, next: resumeStepOf(steps, enrolment.lastStep, pathProgress) }
		})
		.filter((candidate) => candidate.next !== null)
		.sort((a, b) => (lastActivity.get(b.enrolment.path.id) ?? 0) - (lastActivity.get(a.enrolment.path.id) ?? 0))
	const latest = candidates[0]
	if (!latest) return null
	return {
		path: { slug: latest.enrolment.path.slug, title: latest.enrolment.path.title },
		percent: latest.pathProgress.percent,
		completed: latest.pathProgress.completed,
		total: latest.pathProgress.total,
		next: latest.next!,
	}
}

/**
 * The path that follows `finishedSlug` for this reader (playbooks/plan.ts nextPathAfter): only
 * published paths the reader may open, none the learner already finished.
 */
export async function getNextPath(userId: string, reader: Reader, finishedSlug: string): Promise<{ slug: string; title: string; href: string } | null> {
	const [paths, finished] = await Promise.all([
		prisma.path.findMany({
			where: { status: 'published', audience: { in: readableAudiences(reader) } },
			select: { slug: true, title: true, level: true, skillTags: true, audience: true, certificate: true },
		}),
		prisma.enrollment.findMany({ where: { userId, completedAt: { not: null } }, select: { path: { select: { slug: true } } } }),
	])
	const available = paths.map((path) => ({ ...path, skillTags: JSON.parse(path.skillTags) as string[], audience: parseAudience(path.audience) }))
	const current = available.find((path) => path.slug === finishedSlug)
	if (!current) return null
	const next = nextPathAfter(current, { reader, availablePaths: available, completedPaths: finished.map((row) => row.path.slug) })
	return next ? { slug: next.slug, title: next.title, href: `/paths/${next.slug}` } : null
}

export type PathOverview = {
	kind: 'path'
	path: Omit<PathRow, 'steps' | 'skillTags' | 'id'> & { skillTags: string[] }
	steps: StepView[]
	enrolled: boolean
	percent: number
	completed: number
	total: number
	/** Where "continue" goes: the step last acted on if it is not done yet, else the first step not done. */
	resume: StepView | null
	certificateId: string | null
	/** Once the learner finished the path: the path to take next (none left: null). */
	nextPath: { slug: string; title: string; href: string } | null
}

export async function getPathForReader(slug: string, reader: Reader, userId: string | null): Promise<PathOverview | PathRefusal> {
	const path = await findPath(slug)
	if (!path) return { kind: 'not-found' }
	const refusal = refusalFor(reader, path)
	if (refusal) return refusal
	const enrolment = userId
		? await prisma.enrollment.findUnique({ where: { userId_pathId: { userId, pathId: path.id } }, select: { lastStep: true } })
		: null
	const progress = enrolment && userId ? await getPathProgress(prisma, userId, path) : null
	const steps = stepViews(path, progress)
	const resume = progress && enrolment ? resumeStepOf(steps, enrolment.lastStep, progress) : null
	const certificateId = userId ? await certificateIdFor(userId, path.id) : null
	const nextPath = userId && progress?.isComplete ? await getNextPath(userId, reader, path.slug) : null
	const { steps: _steps, skillTags, id: _id, ...fields } = path
	return {
		kind: 'path',
		path: { ...fields, skillTags: JSON.parse(skillTags) as string[] },
		steps,
		enrolled: Boolean(enrolment),
		percent: progress?.percent ?? 0,
		completed: progress?.completed ?? 0,
		total: steps.length,
		resume,
		certificateId,
		nextPath,
	}
}

/** A path the learner may act in (enrol, complete, take quizzes): published and readable. */
export async function findReadablePath(slug: string, reader: Reader): Promise<PathRow | PathRefusal> {
	const path = await findPath(slug)
	if (!path) return { kind: 'not-found' }
	return refusalFor(reader, path) ?? path
}

export function isRefusal(value: object): value is PathRefusal {
	return 'kind' in value && (value.kind === 'not-found' || value.kind === 'sign-in' || value.kind === 'gated')
}

/** Enrols once; enrolling again changes nothing and records nothing. */
export async function enrol(learner: Learner, path: { id: string; slug: string }) {
	await prisma.$transaction(async (tx) => {
		const existing = await tx.enrollment.findUnique({ where: { userId_pathId: { userId: learner.id, pathId: path.id } }, select: { id: true } })
		if (existing) return
		await tx.enrollment.create({ data: { userId: learner.id, pathId: path.id } })
		await recordEvent(tx, { kind: 'path_enrol', userId: learner.id, accountId: learner.accountId, itemKey: pathItemKey(path.slug) })
	})
}

export async function isEnrolled(userId: string, pathId: string) {
	return Boolean(await prisma.enrollment.findUnique({ where: { userId_pathId: { userId, pathId } }, select: { id: true } }))
}

/** The steps of a path with what this learner has done (nothing done for a visitor or someone not enrolled). */
export async function stepsFor(path: PathRow, userId: string | null, enrolled: boolean): Promise<StepView[]> {
	const progress = userId && enrolled ? await getPathProgress(prisma, userId, path) : null
	return stepViews(path, progress)
}

/**
 * Remembers the step the learner last acted on (started a quiz), so the path page can resume there.
 * Called by actions only: opening a page is a read and writes nothing.
 */
export async function rememberStep(userId: string, pathId: string, position: number) {
	await prisma.enrollment.updateMany({ where: { userId, pathId, lastStep: { not: position } }, data: { lastStep: position } })
}

export type LessonPage = {
	kind: 'lesson'
	path: { slug: string; title: string; audience: string }
	lesson: { slug: string; title: string; summary: string; estimatedMinutes: number }
	position: number
	steps: StepView[]
	previous: StepView | null
	next: StepView | null
	code: string
	toc: Array<{ depth: 2 | 3; id: string; text: string }>
	/** Public projection of the knowledge checks this lesson embeds, for the reader's variant only. */
	checks: Record<string, PublicQuestion>
	enrolled: boolean
	done: boolean
	percent: number
}

/**
 * A lesson as one reader may see it: the path's audience decides, and the compiled code is the
 * variant cut for the reader's level. A refused reader gets no body, no code and no questions.
 */
export async function getLessonForReader(
	pathSlug: string,
	lessonSlug: string,
	reader: Reader,
	userId: string | null,
): Promise<LessonPage | PathRefusal> {
	const path = await findReadablePath(pathSlug, reader)
	if (isRefusal(path)) return path
	const step = path.steps.find((candidate) => candidate.kind === 'lesson' && candidate.ref === lessonSlug)
	if (!step) return { kind: 'not-found' }
	const lesson = await prisma.lesson.findUnique({
		where: { pathId_slug: { pathId: path.id, slug: lessonSlug } },
		select: { id: true, slug: true, title: true, summary: true, estimatedMinutes: true },
	})
	if (!lesson) return { kind: 'not-found' }
	const variant = await prisma.lessonVariant.findUnique({
		where: { lessonId_level: { lessonId: lesson.id, level: readerLevel(reader) } },
		select: { checkIds: true, compiled: { select: { code: true, toc: true } } },
	})
	if (!variant) return { kind: 'not-found' }
	const enrolled = userId ? await isEnrolled(userId, path.id) : false
	const progress = enrolled && userId ? await getPathProgress(prisma, userId, path) : null
	const steps = stepViews(path, progress)
	const { id: _id, ...lessonFields } = lesson
	return {
		kind: 'lesson',
		path: { slug: path.slug, title: path.title, audience: path.audience },
		lesson: lessonFields,
		position: step.position,
		steps,
		previous: steps[step.position - 1] ?? null,
		next: steps[step.position + 1] ?? null,
		...parseCompiled(variant.compiled),
		checks: await publicChecks(JSON.parse(variant.checkIds) as string[]),
		enrolled,
		done: steps[step.position]?.done ?? false,
		percent: progress?.percent ?? 0,
	}
}

export type Completion = { ok: true; next: StepView | null; certificateId: string | null } | { ok: false; error: string }

/**
 * Marks a lesson complete (once; a repeat records nothing) and, when that finishes the path,
 * completes the enrolment and issues the certificate, all in one transaction with their events.
 */
export async function completeLesson(learner: Learner, path: PathRow, lessonSlug: string): Promise<Completion> {
	const step = path.steps.find((candidate) => candidate.kind === 'lesson' && candidate.ref === lessonSlug)
	const lesson = step
		? await prisma.lesson.findUnique({ where: { pathId_slug: { pathId: path.id, slug: lessonSlug } }, select: { id: true } })
		: null
	if (!step || !lesson) return { ok: false, error: 'This lesson is not part of the path.' }
	if (!(await isEnrolled(learner.id, path.id))) return { ok: false, error: 'Enrol in this path before marking lessons complete.' }
	const certificateId = await prisma.$transaction(async (tx) => {
		const done = await tx.lessonCompletion.findUnique({ where: { userId_lessonId: { userId: learner.id, lessonId: lesson.id } }, select: { id: true } })
		if (done) return null
		await tx.lessonCompletion.create({ data: { userId: learner.id, lessonId: lesson.id } })
		await recordEvent(tx, {
			kind: 'lesson_complete',
			userId: learner.id,
			accountId: learner.accountId,
			itemKey: lessonItemKey(path.slug, lessonSlug),
		})
		return settlePathCompletion(tx, learner, path)
	})
	const steps = stepViews(path, await getPathProgress(prisma, learner.id, path))
	const next = steps.slice(step.position + 1).find((candidate) => !candidate.done) ?? steps.find((candidate) => !candidate.done) ?? null
	return { ok: true, next, certificateId }
}

/**
 * Call inside the transaction that just completed a step: when every step is now done, marks the
 * enrolment complete (path_complete) and issues the certificate if the path offers one.
 * Returns the id of a certificate issued now, else null.
 */
export async function settlePathCompletion(
	tx: Prisma.TransactionClient,
	learner: Learner,
	path: { id: string; slug: string; title: string; level: string; certificate: boolean; steps: ReadonlyArray<{ kind: string; ref: string }> },
): Promise<string | null> {
	const progress = await getPathProgress(tx, learner.id, path)
	if (!progress.isComplete) return null
	const completed = await tx.enrollment.updateMany({
		where: { userId: learner.id, pathId: path.id, completedAt: null },
		data: { completedAt: new Date() },
	})
	if (completed.count > 0) {
		await recordEvent(tx, {
			kind: 'path_complete',
			userId: learner.id,
			accountId: learner.accountId,
			itemKey: pathItemKey(path.slug),
			data: { level: path.level },
		})
	}
	return issueCertificateIfDue(tx, learner, path, progress)
}
