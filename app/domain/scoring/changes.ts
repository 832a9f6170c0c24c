import { type Quadrant } from '#app/domain/scoring/quadrant.ts'
import { type SegmentStatus } from '#app/domain/scoring/segments.ts'

/**
 * What scoring tells the rest of the portal after it stored an account's scores: the state before
 * and after, and the facts behind them that scoring already has in hand. Playbooks read these to
 * raise tasks; scoring never calls playbooks.
 */

export type AccountScoreState = {
	segment: SegmentStatus
	skill: number
	will: number
	quadrant: Quadrant | null
	/** The account's scores rest on little evidence. */
	lowEvidence: boolean
}

export type AccountScoreChange = {
	account: { id: string; name: string; tier: number; csmId: string | null }
	/** The current snapshot before this run; null for an account never scored. */
	previous: AccountScoreState | null
	current: AccountScoreState
	/**
	 * Skill, will, segment or quadrant differ from `previous` (a new snapshot was written). Every
	 * scored account is listed, changed or not: a play may act on a standing state, e.g. raise the
	 * exit review once an earlier proactive call is done.
	 */
	changed: boolean
	/** Customers of the account, and those active in the scoring window. */
	users: number
	activeUsers: number
	/** The roll-up's sentences, as stored in the breakdown. */
	explanations: string[]
	/** What the account's product usage says, when it is reported. */
	usage?: { seats?: number; activeUsers?: number; weeklyActiveMinutes?: number }
	computedAt: Date
}
