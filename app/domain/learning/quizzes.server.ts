import { canRead, parseAudience, readableAudiences, type Reader } from '#app/domain/accounts-tiers/audience.ts'
import { parseAssessmentDefinition, parseQuizDefinition } from '#app/domain/learning/definitions.server.ts'
import { recommendFromAssessment } from '#app/domain/learning/progress.ts'
import type { Assessment } from '#app/domain/learning/quiz-schema.ts'
import type { QuizRef } from '#app/domain/learning/quiz-attempts.server.ts'
import { prisma } from '#app/utils/db.server.ts'

/** A published quiz that is a step of this path; null for anything else (retired, not a step). */
export async function findPathQuiz(
	path: { id: string; slug: string; steps: ReadonlyArray<{ kind: string; ref: string; position: number }> },
	key: string,
): Promise<(QuizRef & { position: number }) | null> {
	const step = path.steps.find((candidate) => candidate.kind === 'quiz' && candidate.ref === key)
	if (!step) return null
	const row = await prisma.quiz.findFirst({
		where: { kind: 'path', pathId: path.id, key, status: 'published' },
		select: { id: true, definition: true },
	})
	if (!row) return null
	return { id: row.id, itemKey: `quiz:${path.slug}/${key}`, definition: parseQuizDefinition(row.definition), position: step.position }
}

export type AssessmentCard = { id: string; title: string; description: string | null; audience: string; questionCount: number; lastScore: number | null }

export async function listAssessmentsForReader(reader: Reader, userId: string | null): Promise<AssessmentCard[]> {
	const rows = await prisma.quiz.findMany({
		where: { kind: 'assessment', status: 'published', audience: { in: readableAudiences(reader) } },
		select: { id: true, key: true, audience: true, definition: true },
		orderBy: { title: 'asc' },
	})
	const latest = userId
		? await prisma.quizAttempt.findMany({
				where: { userId, quizId: { in: rows.map((row) => row.id) }, submittedAt: { not: null } },
				select: { quizId: true, score: true },
				orderBy: { submittedAt: 'asc' },
			})
		: []
	return rows.map((row) => {
		const definition = parseAssessmentDefinition(row.definition)
		return {
			id: row.key,
			title: definition.title,
			description: definition.description ?? null,
			audience: row.audience,
			questionCount: definition.drawCount ?? definition.questions.length,
			lastScore: latest.filter((attempt) => attempt.quizId === row.id).at(-1)?.score ?? null,
		}
	})
}

export type AssessmentFound =
	| { kind: 'not-found' }
	| { kind: 'sign-in' }
	| { kind: 'gated' }
	| { kind: 'assessment'; ref: QuizRef; assessment: Assessment }

/** A self-assessment the reader may take; staff and gated ones are refused like gated content. */
export async function findAssessment(key: string, reader: Reader): Promise<AssessmentFound> {
	const row = await prisma.quiz.findFirst({
		where: { kind: 'assessment', key, status: 'published' },
		select: { id: true, audience: true, definition: true },
	})
	if (!row) return { kind: 'not-found' }
	if (!canRead(reader, parseAudience(row.audience))) return reader.kind === 'anonymous' ? { kind: 'sign-in' } : { kind: 'gated' }
	const assessment = parseAssessmentDefinition(row.definition)
	return { kind: 'assessment', ref: { id: row.id, itemKey: `assessment:${key}`, definition: assessment }, assessment }
}

export type RecommendationView = { message: string; path: { slug: string; title: string } | null }

/** The band a score falls in; the path is linked only when it is published and the reader may open it. */
export async function recommendationFor(assessment: Assessment, score: number, reader: Reader): Promise<RecommendationView | null> {
	const band = recommendFromAssessment(assessment, score)
	if (!band) return null
	const path = await prisma.path.findFirst({
		where: { slug: band.path, status: 'published', audience: { in: readableAudiences(reader) } },
		select: { slug: true, title: true },
	})
	return { message: band.message, path }
}
