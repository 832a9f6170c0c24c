import { RateLimiterPrisma, RateLimiterRes } from 'rate-limiter-flexible'
import { prisma } from './db.server.ts'

/**
 * Attempt counters in the database (RateLimit rows, key "<prefix>:<key>"), shared by every request
 * and instance. A key's window of `durationSeconds` starts at its first attempt.
 */
export function databaseLimiter(opts: { keyPrefix: string; points: number; durationSeconds: number }) {
	return new RateLimiterPrisma({ storeClient: prisma, tableName: 'rateLimit', keyPrefix: opts.keyPrefix, points: opts.points, duration: opts.durationSeconds })
}

export type Reservation = { ok: true } | { ok: false; retryInMinutes: number }

/**
 * Takes one attempt from a key's allowance in a single atomic upsert, before the guarded work runs:
 * concurrent attempts each see the count including all the others.
 */
export async function reserveAttempt(limiter: RateLimiterPrisma, key: string): Promise<Reservation> {
	try {
		await limiter.consume(key)
		return { ok: true }
	} catch (error) {
		// Over the limit the limiter rejects with a RateLimiterRes; a store failure is an Error and propagates.
		if (error instanceof RateLimiterRes) return { ok: false, retryInMinutes: Math.max(1, Math.ceil(error.msBeforeNext / 60000)) }
		throw error
	}
}
