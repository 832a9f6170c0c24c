import { z } from 'zod'
import { canRead, type Audience, type Reader } from '#app/domain/accounts-tiers/audience.ts'
import { BrowserEventSchema, type BrowserEvent } from '#app/domain/engagement/event-kinds.ts'
import { recordEvent } from '#app/domain/engagement/record.server.ts'
import { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/utils/db.server.ts'

/**
 * Events a browser reports (read-through, video play). Always recorded for the signed-in user:
 * the body has no user field at all, and the strict schema refuses one. A retried beacon carries
 * the same clientEventId and is counted once.
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

export type BeaconUser = { id: string; accountId: string | null }
export type BeaconOutcome = { recorded: number; duplicates: number }
export type BeaconRefusal = { status: 422; error: string }

/**
 * Records the events for `user`. An article read must name an article this reader may read, so
 * nobody can inflate their content depth with made-up items. Nothing is recorded if any event is
 * refused.
 */
export async function recordBrowserEvents(
	user: BeaconUser,
	reader: Reader,
	events: readonly BrowserEvent[],
	now = new Date(),
): Promise<BeaconOutcome | BeaconRefusal> {
	for (const event of events) {
		if (event.kind !== 'article_read') continue
		const refusal = await checkReadableArticle(event.itemKey!, reader)
		if (refusal) return { status: 422, error: refusal }
	}
	let recorded = 0
	let duplicates = 0
	for (const event of events) {
		try {
			await recordEvent(prisma, {
				kind: event.kind,
				userId: user.id,
				accountId: user.accountId,
				itemKey: event.itemKey ?? null,
				data: event.data,
				// The server's clock, not the browser's: a beacon cannot backdate activity.
				occurredAt: now,
				clientEventId: event.clientEventId,
			})
			recorded++
		} catch (error) {
			if (isUniqueViolation(error)) duplicates++
			else throw error
		}
	}
	return { recorded, duplicates }
}

async function checkReadableArticle(itemKey: string, reader: Reader): Promise<string | undefined> {
	const slug = /^article:([a-z0-9-]{1,120})$/.exec(itemKey)?.[1]
	if (!slug) return 'itemKey of article_read must be "article:<slug>"'
	const article = await prisma.article.findFirst({ where: { slug, status: 'published' }, select: { audience: true } })
	if (!article || !canRead(reader, article.audience as Audience)) return `No article "${slug}" you can read`
	return undefined
}

export function isUniqueViolation(error: unknown): boolean {
	return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002'
}
