import { z } from 'zod'
import { canRead, parseAudience, type Reader } from '#app/domain/accounts-tiers/audience.ts'
import { BrowserEventSchema, type BrowserEvent } from '#app/domain/engagement/event-kinds.ts'
import { eventGroupCommit, type GroupEvent } from '#app/domain/engagement/group-commit.server.ts'
import { publishedArticle, VIEW_DEDUPE_MS } from '#app/domain/content/articles.server.ts'
import { recordPlanReview, reviewablePlan } from '#app/domain/plans/commands.server.ts'
import { logShownSearch } from '#app/domain/search/search-service.server.ts'
import { Prisma } from '#app/generated/prisma/client.ts'

/**
 * Events a browser reports once per visit (a view, a read-through, a search it showed, a plan
 * looked at, a video play): loaders only read, so these are the only source of them. Always
 * recorded for the signed-in user: the body has no user field at all, and the strict schema
 * refuses one. A retried beacon carries the same clientEventId and is counted once; a view or a
 * plan review is also deduplicated by visit on the server. Only a search may come signed out.
 */

/** Largest body accepted: a beacon is a few hundred bytes; a batch of 20 fits easily. */
export const BEACON_MAX_BYTES = 16 * 1024
export const BEACON_MAX_EVENTS = 20

const BeaconBodySchema = z.union([
	BrowserEventSchema,
	z.strictObject({ events: z.array(BrowserEventSchema).min(1).max(BEACON_MAX_EVENTS, `at most ${BEACON_MAX_EVENTS} events at once`) }),
])

export type BeaconParse = { ok: true; events: BrowserEvent[] } | { ok: false; status: 400 | 413; error: string; issues?: string[] }

export function parseBeaconBody(text: string): BeaconParse {
	if (new TextEncoder().encode(text).length > BEACON_MAX_BYTES) {
		return { ok: false, status: 413, error: `The body is larger than ${BEACON_MAX_BYTES} bytes.` }
	}
	let json: unknown
	try {
		json = JSON.parse(text)
	} catch {
		return { ok: false, status: 400, error: 'The body must be JSON.' }
	}
	const result = BeaconBodySchema.safeParse(json)
	if (!result.success) {
		// The union hides the useful message: re-check against the single-event schema for it.
		const single = BrowserEventSchema.safeParse(json)
		const issues = (single.success ? result.error : single.error).issues.map(
			(issue) => `${issue.path.map(String).join('.') || 'body'}: ${issue.message}`,
		)
		return { ok: false, status: 400, error: 'The event is not valid.', issues }
	}
	return { ok: true, events: 'events' in result.data ? result.data.events : [result.data] }
}

export type BeaconUser = { id: string; accountId: string | null; role: string }
export type BeaconOutcome = { recorded: number; duplicates: number }
export type BeaconRefusal = { status: 401 | 422; error: string }

/** The only kind a signed-out page may report (a search on the public knowledge base). */
export function allowedSignedOut(events: readonly BrowserEvent[]): boolean {
	return events.every((event) => event.kind === 'search')
}

/**
 * Records the events for `user` (null: signed out, searches only). An article view or read must
 * name an article this reader may read and a plan review a plan this customer may see, so nobody
 * can inflate their engagement with made-up items. Nothing is recorded if any event is refused.
 */
export async function recordBrowserEvents(
	user: BeaconUser | null,
	reader: Reader,
	events: readonly BrowserEvent[],
	now = new Date(),
): Promise<BeaconOutcome | BeaconRefusal> {
	if (!user && !allowedSignedOut(events)) return { status: 401, error: 'Sign in to record events.' }
	for (const event of events) {
		const refusal = await refusalOf(event, user, reader)
		if (refusal) return { status: 422, error: refusal }
	}
	// Views, reads and plays go through the group commit: one transaction for many requests.
	const grouped: GroupEvent[] = []
	let recorded = 0
	let duplicates = 0
	for (const event of events) {
		const one = user && groupEventOf(event, user, now)
		if (one) {
			grouped.push(one)
			continue
		}
		try {
			const outcome = await recordOne(event, user, reader, now)
			if (outcome === 'recorded') recorded++
			else if (outcome === 'duplicate') duplicates++
			else return { status: 422, error: outcome.refused }
		} catch (error) {
			if (isUniqueViolation(error)) duplicates++
			else throw error
		}
	}
	const outcome = await eventGroupCommit().submit(grouped)
	return { recorded: recorded + outcome.recorded, duplicates: duplicates + outcome.duplicates }
}

async function refusalOf(event: BrowserEvent, user: BeaconUser | null, reader: Reader): Promise<string | undefined> {
	switch (event.kind) {
		case 'article_read':
		case 'article_view':
			return checkReadableArticle(event.kind, event.itemKey!, reader)
		case 'plan_review': {
			const planId = planIdOf(event.itemKey!)
			if (!planId) return 'itemKey of plan_review must be "plan:<id>"'
			return user && (await reviewablePlan(user, planId)) ? undefined : `No plan "${planId}" you can review`
		}
		default:
			return undefined
	}
}

/** The event as the group commit writes it, or null for the kinds recorded on their own (search, plan review). */
function groupEventOf(event: BrowserEvent, user: BeaconUser, now: Date): GroupEvent | null {
	if (event.kind === 'search' || event.kind === 'plan_review') return null
	return {
		kind: event.kind,
		userId: user.id,
		accountId: user.accountId,
		itemKey: event.itemKey ?? null,
		data: event.data,
		// The server's clock, not the browser's: a beacon cannot backdate activity.
		occurredAt: now,
		clientEventId: event.clientEventId,
		// A view counts once per visit (VIEW_DEDUPE_MS).
		onceSince: event.kind === 'article_view' ? new Date(now.getTime() - VIEW_DEDUPE_MS) : undefined,
	}
}

type RecordOutcome = 'recorded' | 'duplicate' | { refused: string }

/** A search (its hit count counted again for this reader) or a plan review, each in its own transaction. */
async function recordOne(event: BrowserEvent, user: BeaconUser | null, reader: Reader, now: Date): Promise<RecordOutcome> {
	const { clientEventId } = event
	if (event.kind === 'search') {
		await logShownSearch(reader, user, { query: String(event.data!.q), clientEventId })
		return 'recorded'
	}
	if (!user) return { refused: 'Sign in to record events.' }
	const outcome = await recordPlanReview({ user, planId: planIdOf(event.itemKey!)!, clientEventId }, now)
	return outcome === 'refused' ? { refused: 'No plan you can review' } : outcome
}

const slugOf = (itemKey: string) => /^article:([a-z0-9-]{1,120})$/.exec(itemKey)?.[1]
const planIdOf = (itemKey: string) => /^plan:([A-Za-z0-9_-]{1,64})$/.exec(itemKey)?.[1]

async function checkReadableArticle(kind: string, itemKey: string, reader: Reader): Promise<string | undefined> {
	const slug = slugOf(itemKey)
	if (!slug) return `itemKey of ${kind} must be "article:<slug>"`
	const article = await publishedArticle(slug)
	if (!article || !canRead(reader, parseAudience(article.audience))) return `No article "${slug}" you can read`
	return undefined
}

export function isUniqueViolation(error: unknown): boolean {
	return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002'
}
