import os from 'node:os'
import type { Prisma } from '#app/generated/prisma/client.ts'
import { AUDIENCES, parseAudience, type Audience, type Reader } from '#app/domain/accounts-tiers/audience.ts'
import { updateSearchIndex } from '#app/domain/search/search-index.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { frontmatterColumns, headRevision, writePublishedArticle } from './article-store.server.ts'
import { composeArticleSource, splitArticleSource } from './article-source.ts'
import { variantFor } from './audience-variants.ts'
import { CompileTimeoutError, MdxCompileError, sourceHash } from './compile.server.ts'
import { ensureCompiledVariants, parseCompiled } from './compiled-store.server.ts'
import { contentChanged } from './content-cache.server.ts'
import { ArticleFrontmatterSchema, parseFrontmatter, type ArticleFrontmatter } from './frontmatter.ts'
import {
	approvalVerdict,
	SELF_PUBLISH_SETTING,
	workflowStateOf,
	type ArticleFormValues,
	type RevisionProblem,
	type WorkflowState,
} from './publishing.ts'
import { revisionDiff } from './revision-diff.ts'

/**
 * The console's publishing workflow on the database. Every save is a numbered revision; a save
 * names the revision it started from and is refused when another save came first (the caller gets
 * their text back). Saves compile with the same pipeline and policy as the sync (one compile at a
 * time, with a timeout: compile.server.ts) and keep the problems found on the revision: a revision
 * with problems is saved but cannot be submitted or published. Publishing writes through the same
 * function the sync uses and updates search at once.
 */

/** A refusal the console shows as it is: a state that does not allow the step, or a rule. */
export class WorkflowError extends Error {
	constructor(message: string) {
		super(message)
		this.name = 'WorkflowError'
	}
}

type StoredVariantRef = { levels: Audience[]; cacheKey: string }

export type SaveResult =
	| { kind: 'saved'; slug: string; revision: number; problems: RevisionProblem[] }
	| { kind: 'conflict'; source: string; head: { number: number; authorName: string | null; origin: string; createdAt: Date } }
	| { kind: 'invalid'; problems: RevisionProblem[] }

/** Frontmatter errors come as "file: line N: reason". */
function problemFromMessage(message: string): RevisionProblem {
	const match = /: line (\d+): (.*)$/s.exec(message)
	return match ? { line: Number(match[1]), reason: match[2]! } : { line: 1, reason: message }
}

/**
 * Validates and compiles a whole article file for `slug`: its frontmatter, then every audience
 * variant under the safe-MDX policy. Compiled variants go to the shared cache (CompiledMdx), so the
 * preview and a later publication reuse them. Never throws for a bad file: it returns its problems.
 */
export async function checkArticleSource(slug: string, source: string) {
	const parsed = parseFrontmatter(source, ArticleFrontmatterSchema, `${slug}.mdx`)
	if (!parsed.ok) return { frontmatter: null, problems: parsed.errors.map(problemFromMessage), variants: null }
	try {
		const variants = await ensureCompiledVariants(parsed.body, parsed.data.audience, parsed.bodyStartLine, { compiled: 0, reused: 0 })
		return { frontmatter: parsed.data, problems: [] as RevisionProblem[], variants }
	} catch (error) {
		if (error instanceof MdxCompileError) return { frontmatter: parsed.data, problems: error.problems, variants: null }
		if (error instanceof CompileTimeoutError) {
			return { frontmatter: parsed.data, problems: [{ line: parsed.bodyStartLine, reason: `${error.message}: shorten the body or split it` }], variants: null }
		}
		return { frontmatter: parsed.data, problems: [{ line: parsed.bodyStartLine, reason: error instanceof Error ? error.message : String(error) }], variants: null }
	}
}

class StaleRevision extends Error {
	constructor(readonly head: { number: number; authorId: string | null; origin: string; createdAt: Date }) {
		super('stale revision')
	}
}

/**
 * Saves the editor's form as a new revision of `existingSlug` (or a new article when null).
 * `form.baseRevision` is the revision the editor started from (0 for a new article).
 */
export async function saveArticleDraft(input: { existingSlug: string | null; form: Omit<ArticleFormValues, 'baseRevision'> & { baseRevision: number }; authorId: string }): Promise<SaveResult> {
	const slug = input.existingSlug ?? input.form.slug
	const source = composeArticleSource({ ...input.form, slug })
	const article = await prisma.article.findUnique({ where: { slug }, select: { id: true, status: true, reviewState: true } })
	if (!input.existingSlug && article) return { kind: 'invalid', problems: [{ line: 3, reason: `slug: an article "${slug}" already exists; choose another slug` }] }
	if (input.existingSlug && !article) throw new WorkflowError('This article does not exist.')
	// Stale before compiling: the answer is the same, and a compile is the expensive part.
	const before = article ? await headRevision(prisma, article.id) : null
	if ((before?.number ?? 0) !== input.form.baseRevision && before) return conflictOf(before, source)
	const check = await checkArticleSource(slug, source)
	if (!check.frontmatter) return { kind: 'invalid', problems: check.problems }
	const fm = check.frontmatter
	try {
		const number = await prisma.$transaction(async (tx) => {
			const current = article ?? (await createDraftArticle(tx, slug, fm))
			const head = await headRevision(tx, current.id)
			if ((head?.number ?? 0) !== input.form.baseRevision) throw new StaleRevision(head ?? { number: 0, authorId: null, origin: 'console', createdAt: new Date() })
			const next = (head?.number ?? 0) + 1
			await tx.articleRevision.create({
				data: {
					articleId: current.id,
					number: next,
					origin: 'console',
					title: fm.title,
					sourceHash: sourceHash(source),
					source,
					problems: check.problems.length ? JSON.stringify(check.problems) : null,
					variants: check.variants ? JSON.stringify(check.variants.map(({ levels, cacheKey }) => ({ levels, cacheKey }))) : null,
					authorId: input.authorId,
				},
			})
			// A save after a submission or a schedule is a new draft: it needs its own review.
			if (current.reviewState !== 'draft') {
				await tx.article.update({ where: { id: current.id }, data: { reviewState: 'draft', scheduledFor: null, scheduledById: null } })
			}
			return next
		})
		return { kind: 'saved', slug, revision: number, problems: check.problems }
	} catch (error) {
		if (error instanceof StaleRevision) return conflictOf(error.head, source)
		// Two first saves of the same new slug at once: the second is a conflict too.
		if (error instanceof Error && 'code' in error && error.code === 'P2002') {
			const head = await prisma.article.findUnique({ where: { slug }, select: { id: true } }).then((a) => (a ? headRevision(prisma, a.id) : null))
			if (head) return conflictOf(head, source)
		}
		throw error
	}
}

async function createDraftArticle(tx: Prisma.TransactionClient, slug: string, fm: ArticleFrontmatter) {
	const created = await tx.article.create({
		data: {
			slug,
			...frontmatterColumns(fm),
			status: 'draft',
			reviewState: 'draft',
			sourceHash: '',
		},
		select: { id: true, status: true, reviewState: true },
	})
	return created
}

async function conflictOf(head: { number: number; authorId: string | null; origin: string; createdAt: Date }, source: string): Promise<SaveResult> {
	const author = head.authorId ? await prisma.user.findUnique({ where: { id: head.authorId }, select: { name: true } }) : null
	return { kind: 'conflict', source, head: { number: head.number, authorName: author?.name ?? null, origin: head.origin, createdAt: head.createdAt } }
}

async function requireArticle(slug: string) {
	const article = await prisma.article.findUnique({
		where: { slug },
		select: { id: true, slug: true, status: true, reviewState: true, publishedRevision: true, scheduledFor: true },
	})
	if (!article) throw new WorkflowError('This article does not exist.')
	return article
}

/** The head must be the revision the person looked at: anything newer means they act on what they did not see. */
async function requireHead(articleId: string, revision: number) {
	const head = await headRevision(prisma, articleId)
	if (!head || head.number !== revision) {
		throw new WorkflowError(`Revision ${revision} is no longer the newest (revision ${head?.number ?? 0} is): reload to see it.`)
	}
	return head
}

/** Draft -> in review. Only a revision that compiled without problems can be submitted. */
export async function submitForReview(input: { slug: string; revision: number }) {
	const article = await requireArticle(input.slug)
	if (article.reviewState !== 'draft') throw new WorkflowError(`Only a draft can be submitted; this article is ${workflowStateOf(article).replace('_', ' ')}.`)
	const head = await requireHead(article.id, input.revision)
	if (head.problems) throw new WorkflowError('This revision has problems (listed under the editor): fix them and save before submitting.')
	await prisma.article.updateMany({ where: { id: article.id, reviewState: 'draft' }, data: { reviewState: 'in_review' } })
}

/** The authors of every console revision since the last publication. */
async function changeAuthorIds(articleId: string, publishedRevision: number | null) {
	const rows = await prisma.articleRevision.findMany({
		where: { articleId, number: { gt: publishedRevision ?? 0 }, origin: 'console', authorId: { not: null } },
		select: { authorId: true },
		distinct: ['authorId'],
	})
	return rows.map((r) => r.authorId!)
}

export async function isSelfPublishAllowed(): Promise<boolean> {
	const row = await prisma.portalSetting.findUnique({ where: { key: SELF_PUBLISH_SETTING }, select: { value: true } })
	return row?.value === 'true'
}

export async function setSelfPublishAllowed(allowed: boolean, adminId: string) {
	await prisma.portalSetting.upsert({
		where: { key: SELF_PUBLISH_SETTING },
		create: { key: SELF_PUBLISH_SETTING, value: String(allowed), updatedById: adminId },
		update: { value: String(allowed), updatedById: adminId },
	})
}

/**
 * In review -> published now, or scheduled when `publishAt` is in the future. The reviewer must not
 * be an author of the change unless self-publishing is allowed.
 */
export async function approveArticle(input: { slug: string; revision: number; reviewerId: string; publishAt?: Date | null; now?: Date }) {
	const now = input.now ?? new Date()
	const article = await requireArticle(input.slug)
	if (article.reviewState !== 'in_review') throw new WorkflowError('Only an article in review can be approved: submit it for review first.')
	const head = await requireHead(article.id, input.revision)
	if (head.problems) throw new WorkflowError('This revision has problems: it cannot be published.')
	const verdict = approvalVerdict({
		reviewerId: input.reviewerId,
		changeAuthorIds: await changeAuthorIds(article.id, article.publishedRevision),
		selfPublishAllowed: await isSelfPublishAllowed(),
	})
	if (!verdict.ok) throw new WorkflowError(verdict.reason)
	if (input.publishAt && input.publishAt.getTime() > now.getTime()) {
		await prisma.article.update({ where: { id: article.id }, data: { reviewState: 'scheduled', scheduledFor: input.publishAt, scheduledById: input.reviewerId } })
		return { published: false, scheduledFor: input.publishAt }
	}
	await publishRevision(article.id, head.number, now)
	return { published: true, scheduledFor: null }
}

/** Makes a revision what readers get: the sync's own write, then caches and search at once. */
async function publishRevision(articleId: string, number: number, now: Date) {
	const revision = await prisma.articleRevision.findUnique({
		where: { articleId_number: { articleId, number } },
		select: { source: true, sourceHash: true, article: { select: { slug: true } } },
	})
	if (!revision) throw new WorkflowError(`Revision ${number} does not exist.`)
	const slug = revision.article.slug
	const check = await checkArticleSource(slug, revision.source)
	if (!check.frontmatter || !check.variants) throw new WorkflowError(`Revision ${number} has problems: ${check.problems.map((p) => `line ${p.line}: ${p.reason}`).join('; ')}`)
	await prisma.$transaction(async (tx) => {
		const head = await headRevision(tx, articleId)
		if (head?.number !== number) throw new WorkflowError(`Revision ${number} is no longer the newest: it was not published.`)
		await writePublishedArticle(tx, { slug, frontmatter: check.frontmatter, variants: check.variants!, sourceHash: revision.sourceHash, revisionNumber: number, now })
	})
	await afterReaderVisibleChange(slug)
}

/** Readers' caches on this instance and the search index, right after what readers get changed. */
async function afterReaderVisibleChange(slug: string) {
	contentChanged()
	await updateSearchIndex([`article:${slug}`])
}

/** Published -> archived: gone from search and lists; its URL answers 410 with the replacement, if any. */
export async function archiveArticle(input: { slug: string; replacementSlug: string | null; now?: Date }) {
	const article = await requireArticle(input.slug)
	if (article.status === 'archived') throw new WorkflowError('This article is already archived.')
	if (input.replacementSlug) {
		if (input.replacementSlug === input.slug) throw new WorkflowError('An article cannot replace itself.')
		const replacement = await prisma.article.findFirst({ where: { slug: input.replacementSlug, status: 'published' }, select: { id: true } })
		if (!replacement) throw new WorkflowError(`No published article has the slug "${input.replacementSlug}".`)
	}
	await prisma.article.update({
		where: { id: article.id },
		data: { status: 'archived', archivedAt: input.now ?? new Date(), replacementSlug: input.replacementSlug, reviewState: null, scheduledFor: null, scheduledById: null },
	})
	await afterReaderVisibleChange(input.slug)
}

/** An archived article, for its 410 page: where readers should go instead (a published replacement only). */
export async function getArchivedArticle(slug: string, reader: Reader) {
	const article = await prisma.article.findFirst({ where: { slug, status: 'archived' }, select: { replacementSlug: true, audience: true } })
	// Staff-only items do not exist for anyone outside staff, archived or not.
	if (!article || (parseAudience(article.audience) === 'staff' && reader.kind !== 'staff')) return null
	const replacement = article.replacementSlug
		? await prisma.article.findFirst({ where: { slug: article.replacementSlug, status: 'published' }, select: { slug: true, title: true } })
		: null
	return { replacement }
}

/** Publishes every scheduled article whose time has come. Returns their slugs. */
export async function publishDueArticles(now = new Date()): Promise<string[]> {
	const due = await prisma.article.findMany({
		where: { reviewState: 'scheduled', scheduledFor: { lte: now } },
		select: { id: true, slug: true },
		orderBy: { scheduledFor: 'asc' },
	})
	const published: string[] = []
	for (const article of due) {
		const head = await headRevision(prisma, article.id)
		if (!head) continue
		try {
			await publishRevision(article.id, head.number, now)
			published.push(article.slug)
		} catch (error) {
			// Left scheduled: the console shows it, the next run tries again.
			console.warn(`Scheduled publication of ${article.slug} failed:`, error instanceof Error ? error.message : error)
		}
	}
	return published
}

/** The scheduled-publication job's row in JobLease: whoever holds it unexpired runs the job. */
export const SCHEDULED_PUBLICATION_JOB = 'content:scheduled-publication'

/** Takes (or renews) the job's lease; false when another instance holds it. */
export async function takeJobLease(name: string, holder: string, leaseMs: number, now = new Date()): Promise<boolean> {
	const expiresAt = new Date(now.getTime() + leaseMs)
	const taken = await prisma.jobLease.updateMany({ where: { name, OR: [{ holder }, { expiresAt: { lte: now } }] }, data: { holder, expiresAt } })
	if (taken.count === 1) return true
	try {
		await prisma.jobLease.create({ data: { name, holder, expiresAt } })
		return true
	} catch (error) {
		if (error instanceof Error && 'code' in error && error.code === 'P2002') return false
		throw error
	}
}

/** One run of the job under its lease: null when another instance holds it. */
export async function runScheduledPublication(holder: string, opts: { now?: Date; leaseMs?: number } = {}) {
	const now = opts.now ?? new Date()
	if (!(await takeJobLease(SCHEDULED_PUBLICATION_JOB, holder, opts.leaseMs ?? 60_000, now))) return null
	return publishDueArticles(now)
}

type SchedulerState = { timer: NodeJS.Timeout | null; running: boolean }
// On globalThis so a dev-server reload does not start a second timer.
const scheduler = ((globalThis as { __publishingScheduler?: SchedulerState }).__publishingScheduler ??= { timer: null, running: false })

/** Checks for due scheduled articles every `pollMs` in this process (one instance runs at a time: the lease). */
export function startScheduledPublishing(opts: { pollMs?: number } = {}) {
	if (scheduler.timer) return
	const holder = `${os.hostname()}:${process.pid}:publishing`
	const pollMs = opts.pollMs ?? 15_000
	scheduler.timer = setInterval(() => {
		if (scheduler.running) return
		scheduler.running = true
		runScheduledPublication(holder, { leaseMs: pollMs * 4 })
			.catch((error: unknown) => console.error('Scheduled publication:', error instanceof Error ? error.message : error))
			.finally(() => (scheduler.running = false))
	}, pollMs)
	scheduler.timer.unref()
}

export function stopScheduledPublishing() {
	if (scheduler.timer) clearInterval(scheduler.timer)
	scheduler.timer = null
}

/** Restores an old revision as a new one (history is never rewritten); `baseRevision` is checked as for a save. */
export async function restoreRevision(input: { slug: string; number: number; baseRevision: number; authorId: string }): Promise<SaveResult> {
	const article = await requireArticle(input.slug)
	const old = await prisma.articleRevision.findUnique({ where: { articleId_number: { articleId: article.id, number: input.number } }, select: { source: true } })
	if (!old) throw new WorkflowError(`Revision ${input.number} does not exist.`)
	const head = await headRevision(prisma, article.id)
	if (head?.number !== input.baseRevision) return conflictOf(head!, old.source)
	const check = await checkArticleSource(input.slug, old.source)
	const created = await prisma.$transaction(async (tx) => {
		const current = await headRevision(tx, article.id)
		if (current?.number !== input.baseRevision) return null
		const number = input.baseRevision + 1
		await tx.articleRevision.create({
			data: {
				articleId: article.id,
				number,
				origin: 'console',
				title: check.frontmatter?.title ?? splitArticleSource(old.source).frontmatter.title?.toString() ?? '',
				sourceHash: sourceHash(old.source),
				source: old.source,
				problems: check.problems.length ? JSON.stringify(check.problems) : null,
				variants: check.variants ? JSON.stringify(check.variants.map(({ levels, cacheKey }) => ({ levels, cacheKey }))) : null,
				authorId: input.authorId,
			},
		})
		if (article.reviewState !== 'draft') await tx.article.update({ where: { id: article.id }, data: { reviewState: 'draft', scheduledFor: null, scheduledById: null } })
		return number
	})
	if (created === null) return conflictOf((await headRevision(prisma, article.id))!, old.source)
	return { kind: 'saved', slug: input.slug, revision: created, problems: check.problems }
}

/** Console list: every article with its workflow state and newest revision. */
export async function listArticlesForConsole(filter: WorkflowState | null) {
	const rows = await prisma.article.findMany({
		select: {
			slug: true,
			title: true,
			status: true,
			reviewState: true,
			audience: true,
			scheduledFor: true,
			publishedRevision: true,
			revisions: { orderBy: { number: 'desc' }, take: 1, select: { number: true, title: true, origin: true, createdAt: true, problems: true, author: { select: { name: true } } } },
		},
		orderBy: { updatedAt: 'desc' },
	})
	return rows
		.map((row) => {
			const head = row.revisions[0]
			return {
				slug: row.slug,
				title: head?.title || row.title,
				state: workflowStateOf(row),
				audience: row.audience,
				scheduledFor: row.scheduledFor,
				publishedRevision: row.publishedRevision,
				head: head ? { number: head.number, origin: head.origin, at: head.createdAt, author: head.author?.name ?? null, hasProblems: head.problems !== null } : null,
			}
		})
		.filter((row) => !filter || row.state === filter)
}

/** The editor's page: the article's state, its newest revision (form values, problems) and who wrote the pending change. */
export async function getArticleForEditing(slug: string) {
	const article = await prisma.article.findUnique({
		where: { slug },
		select: { id: true, slug: true, status: true, reviewState: true, audience: true, publishedRevision: true, scheduledFor: true, replacementSlug: true, archivedAt: true, sourcePath: true },
	})
	if (!article) return null
	const head = await prisma.articleRevision.findFirst({
		where: { articleId: article.id },
		orderBy: { number: 'desc' },
		select: { number: true, source: true, problems: true, variants: true, origin: true, createdAt: true, author: { select: { name: true } } },
	})
	if (!head) return null
	const authorIds = await changeAuthorIds(article.id, article.publishedRevision)
	const { bodyStartLine } = splitArticleSource(head.source)
	return {
		article: { slug: article.slug, status: article.status, state: workflowStateOf(article), publishedRevision: article.publishedRevision, scheduledFor: article.scheduledFor, replacementSlug: article.replacementSlug, sourcePath: article.sourcePath },
		head: {
			number: head.number,
			source: head.source,
			bodyStartLine,
			origin: head.origin,
			createdAt: head.createdAt,
			author: head.author?.name ?? null,
			problems: head.problems ? (JSON.parse(head.problems) as RevisionProblem[]) : [],
			variants: head.variants ? (JSON.parse(head.variants) as StoredVariantRef[]) : null,
		},
		changeAuthorIds: authorIds,
		selfPublishAllowed: await isSelfPublishAllowed(),
	}
}

export const PREVIEW_READERS = ['public', 'customers', 'tier2', 'tier1', 'staff'] as const satisfies readonly Audience[]

/**
 * The compiled body a reader of `level` would get from this revision: the variant chosen exactly as
 * for readers (audience-variants.ts). Null code when that reader may not open the article at all.
 * Reads stored compiled output only: nothing is compiled here.
 */
export async function previewFor(variants: readonly StoredVariantRef[] | null, level: Audience) {
	if (!variants) return { kind: 'problems' as const }
	if (!AUDIENCES.includes(level)) return { kind: 'hidden' as const }
	const variant = variantFor(level, variants)
	if (!variant) return { kind: 'hidden' as const }
	const compiled = await prisma.compiledMdx.findUnique({ where: { cacheKey: variant.cacheKey }, select: { code: true, toc: true } })
	if (!compiled) return { kind: 'problems' as const }
	return { kind: 'body' as const, ...parseCompiled(compiled) }
}

/** Revisions of an article, newest first, with their origin (console or content/ sync) and author. */
export async function listRevisions(slug: string) {
	const article = await prisma.article.findUnique({ where: { slug }, select: { id: true, slug: true, publishedRevision: true, status: true, reviewState: true } })
	if (!article) return null
	const revisions = await prisma.articleRevision.findMany({
		where: { articleId: article.id },
		orderBy: { number: 'desc' },
		select: { number: true, origin: true, title: true, createdAt: true, problems: true, author: { select: { name: true } } },
	})
	return {
		article: { slug: article.slug, publishedRevision: article.publishedRevision, state: workflowStateOf(article) },
		revisions: revisions.map((r) => ({ number: r.number, origin: r.origin, title: r.title, createdAt: r.createdAt, author: r.author?.name ?? null, hasProblems: r.problems !== null })),
	}
}

/** A readable diff between two revisions of an article (either order). */
export async function diffArticleRevisions(slug: string, from: number, to: number) {
	const article = await prisma.article.findUnique({ where: { slug }, select: { id: true } })
	if (!article) return null
	const rows = await prisma.articleRevision.findMany({ where: { articleId: article.id, number: { in: [from, to] } }, select: { number: true, source: true } })
	const a = rows.find((r) => r.number === from)
	const b = rows.find((r) => r.number === to)
	if (!a || !b) return null
	return { from, to, ...revisionDiff(a.source, b.source) }
}
