import { readableAudiences, readerLevel, type Reader } from '#app/domain/accounts-tiers/audience.ts'
import { recordEvent } from '#app/domain/engagement/record.server.ts'
import { parseCheckDefinition } from '#app/domain/learning/definitions.server.ts'
import { gradeCheck, type AnswerValue } from '#app/domain/learning/grading.ts'
import { toPublicQuestion, type PublicQuestion } from '#app/domain/learning/public-question.ts'
import { cachedContent } from '#app/domain/content/content-cache.server.ts'
import { prisma } from '#app/utils/db.server.ts'

/** The public projection of these knowledge checks, keyed by id; unknown ids are left out. */
export async function publicChecks(ids: readonly string[]): Promise<Record<string, PublicQuestion>> {
	if (ids.length === 0) return {}
	const rows = await prisma.checkQuestion.findMany({ where: { id: { in: [...ids] } }, select: { id: true, definition: true } })
	return Object.fromEntries(rows.map((row) => [row.id, toPublicQuestion(parseCheckDefinition(row.definition))]))
}

/**
 * The public projection of the checks a compiled body embeds, for pages that keep no list of them
 * (articles): the compiled code names each `<Check id>` as a quoted string. Wrap the body in
 * KnowledgeCheckContext with these questions and action '/api/checks'.
 */
export async function publicChecksInCode(code: string): Promise<Record<string, PublicQuestion>> {
	// Both reads are content, cached until the next sync: an article without checks costs no query.
	const ids = await cachedContent('check-ids', async () => (await prisma.checkQuestion.findMany({ select: { id: true } })).map((row) => row.id))
	const embedded = ids.filter((id) => code.includes(JSON.stringify(id)))
	return embedded.length ? cachedContent(`public-checks:${embedded.join(',')}`, () => publicChecks(embedded)) : {}
}

/**
 * Whether the check is embedded in content this reader may read: a lesson variant of their level in
 * a published path of their audience, or a readable article whose variant for their level contains
 * the check. Otherwise its explanation would leak content the reader's plan does not include.
 */
async function isEmbeddedForReader(checkId: string, reader: Reader): Promise<boolean> {
	const level = readerLevel(reader)
	const audiences = readableAudiences(reader)
	const quoted = JSON.stringify(checkId)
	const inLesson = await prisma.lessonVariant.findFirst({
		where: {
			level,
			checkIds: { contains: quoted },
			lesson: { path: { status: 'published', audience: { in: audiences } } },
		},
		select: { lessonId: true },
	})
	if (inLesson) return true
	// Articles keep no list of their checks; the compiled code names the id as a quoted string.
	const inArticle = await prisma.articleVariant.findFirst({
		where: { level, article: { status: 'published', audience: { in: audiences } }, compiled: { code: { contains: quoted } } },
		select: { articleId: true },
	})
	return Boolean(inArticle)
}

export type CheckAnswerResult = { ok: true; correct: boolean; explanation: string } | { ok: false; status: 400 | 404; error: string }

/** Grades one knowledge-check answer and records it with its event; a refused answer records nothing. */
export async function answerCheck(
	learner: { id: string; accountId: string | null },
	reader: Reader,
	checkId: string,
	answer: AnswerValue | undefined,
): Promise<CheckAnswerResult> {
	const row = await prisma.checkQuestion.findUnique({ where: { id: checkId }, select: { definition: true } })
	if (!row || !(await isEmbeddedForReader(checkId, reader))) {
		return { ok: false, status: 404, error: 'This question is not available to you.' }
	}
	const graded = gradeCheck(parseCheckDefinition(row.definition), answer)
	if (!graded.ok) return { ok: false, status: 400, error: capitalise(graded.error) }
	await prisma.$transaction(async (tx) => {
		await tx.checkAnswer.create({
			data: { userId: learner.id, questionId: checkId, answer: JSON.stringify(answer), correct: graded.correct },
		})
		await recordEvent(tx, {
			kind: 'check_answer',
			userId: learner.id,
			accountId: learner.accountId,
			itemKey: `check:${checkId}`,
			data: { correct: graded.correct },
		})
	})
	return { ok: true, correct: graded.correct, explanation: graded.explanation }
}

export function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1) + (/[.!?]$/.test(text) ? '' : '.')
}
