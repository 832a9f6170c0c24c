import { randomUUID } from 'node:crypto'
import { type EventData, type EventKind } from '#app/domain/engagement/event-kinds.ts'
import { recordEvents } from '#app/domain/engagement/record.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { cookieFor, createAccount, createUser, makeRequest, settle } from '#test/support/requests.ts'

export const NOW = new Date('2026-06-01T12:00:00Z')
const DAY = 86_400_000

export const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} })

type RouteFn = (a: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<unknown>

export function call(fn: RouteFn, path: string, params: Record<string, string> = {}, init: Parameters<typeof makeRequest>[1] = {}) {
	return settle(() => fn(args(makeRequest(path, init), params)))
}

export function statusOf(result: unknown): number {
	if (result instanceof Response) return result.status
	return (result as { init?: { status?: number } | null }).init?.status ?? 200
}

export async function jsonOf<T = Record<string, unknown>>(result: unknown): Promise<T> {
	return (result instanceof Response ? await result.json() : result) as T
}

export function beacon(kind: string, itemKey?: string, extra: Record<string, unknown> = {}) {
	return { clientEventId: randomUUID(), kind, ...(itemKey ? { itemKey } : {}), ...extra }
}

/** A customer account (Tier 3 unless told) with `users` customers and an owning CSM. */
export async function world(opts: { users?: number; tier1?: boolean; name?: string } = {}) {
	const csm = await createUser('CSM')
	const account = await createAccount({
		csmId: csm.id,
		...(opts.name ? { name: opts.name } : {}),
		...(opts.tier1 ? { tierOverride: { tier: 1, reason: 'test' } } : {}),
	})
	const users = []
	for (let i = 0; i < (opts.users ?? 1); i++) users.push(await createUser('CUSTOMER', { accountId: account.id }))
	return { csm, account, users, csmCookie: await cookieFor(csm.id) }
}

type Behaviour = 'skilled-active' | 'skilled-occasional' | 'skilled-quiet' | 'unskilled-active' | 'idle'

/**
 * 90 days of events ending at `now` for a latent behaviour, written through the batch recorder.
 * skilled: high quiz scores and completed paths; active: on most days recently; occasional: one day
 * a week; quiet: nothing in the last five weeks.
 */
export async function history(user: { id: string; accountId: string | null }, behaviour: Behaviour, now = NOW) {
	const events: Array<{ kind: EventKind; days: number; itemKey?: string; data?: EventData }> = []
	const active = (d: number) =>
		behaviour === 'skilled-active' || behaviour === 'unskilled-active' ? d % 3 !== 2 : behaviour === 'skilled-occasional' ? d % 7 === 1 : behaviour === 'skilled-quiet' ? d >= 40 && d % 3 === 0 : d === 70
	for (let d = 89; d >= 0; d--) {
		if (!active(d)) continue
		events.push({ kind: 'sign_in', days: d })
		events.push({ kind: 'article_read', days: d, itemKey: `article:guide-${d % 12}` })
	}
	if (behaviour.startsWith('skilled')) {
		const at = behaviour === 'skilled-active' ? 10 : 50
		for (const [i, quiz] of ['a', 'b', 'c', 'd'].entries()) {
			events.push({ kind: 'quiz_attempt', days: at + i, itemKey: `quiz:p${i}/${quiz}`, data: { score: 90, difficulty: 2, passed: true } })
			events.push({ kind: 'path_complete', days: at + i, itemKey: `path:p${i}`, data: { level: 'intermediate' } })
		}
	}
	if (behaviour === 'unskilled-active') events.push({ kind: 'quiz_attempt', days: 5, itemKey: 'quiz:p0/a', data: { score: 30, difficulty: 1, passed: false } })
	await recordEvents(
		prisma,
		events.map((e) => ({
			kind: e.kind,
			userId: user.id,
			accountId: user.accountId,
			itemKey: e.itemKey ?? null,
			data: e.data,
			occurredAt: new Date(now.getTime() - e.days * DAY - 3600_000),
		})),
	)
}
