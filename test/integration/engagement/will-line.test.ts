import { describe, expect, test } from 'vitest'
import { recomputeAllAndApply } from '#app/domain/loop/runner.server.ts'
import { parseScoringConfig } from '#app/domain/scoring/config.ts'
import { getCurrentAccountScore, getCurrentUserScore } from '#app/domain/scoring/queries.server.ts'
import { rescoreUsers } from '#app/domain/scoring/recompute.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { history, NOW, world } from './helpers.ts'

const HOUR = 3_600_000
// A small portfolio is enough to draw a line from when the minimum says so.
const config = parseScoringConfig({ segments: { portfolioWillLine: { minAccounts: 4 } } })
const fixedOnly = parseScoringConfig({ segments: { portfolioWillLine: { enabled: false } } })

/** Three accounts whose people come once a week, three whose people stopped coming: all skilled. */
async function portfolio() {
	const weekly = []
	const quiet = []
	for (let i = 0; i < 3; i++) {
		const a = await world({ users: 2, name: `Weekly ${i}` })
		for (const user of a.users) await history(user, 'skilled-occasional')
		weekly.push(a)
		const b = await world({ users: 2, name: `Quiet ${i}` })
		for (const user of b.users) await history(user, 'skilled-quiet')
		quiet.push(b)
	}
	return { weekly, quiet }
}

async function willLineRow() {
	return prisma.scoringCalibration.findUnique({ where: { id: 'will-line' } })
}

describe('the portfolio will line', () => {
	test('is drawn between the accounts that come weekly and those that stopped, and classifies accounts and users', async () => {
		const { weekly, quiet } = await portfolio()
		await recomputeAllAndApply({ now: NOW, config: fixedOnly })
		// Under the fixed line of 50 a weekly visit is not enough: everyone reads as Unmotivated.
		const weeklyWill = (await getCurrentAccountScore(weekly[0]!.account.id))!
		expect(weeklyWill.will).toBeLessThan(50)
		expect(weeklyWill.segment).toBe('UNMOTIVATED')
		const quietWill = (await getCurrentAccountScore(quiet[0]!.account.id))!.will
		expect(quietWill).toBeLessThan(weeklyWill.will)
		expect(await willLineRow()).toMatchObject({ line: 50, source: 'fixed', accounts: 6 })
		const userBefore = await prisma.scoreSnapshot.findFirstOrThrow({ where: { userId: weekly[0]!.users[0]!.id, isCurrent: true } })

		const report = await recomputeAllAndApply({ now: new Date(NOW.getTime() + HOUR), config })
		const line = report.willLine!
		expect(line.source).toBe('portfolio')
		expect(line.accounts).toBe(6)
		expect(line.line).toBeGreaterThan(quietWill)
		expect(line.line).toBeLessThanOrEqual(weeklyWill.will)
		expect(await willLineRow()).toMatchObject({ line: line.line, source: 'portfolio', accounts: 6 })
		const lineOrigin =
			line.naturalBreak === line.line
				? "the natural break between 6 accounts' will scores"
				: `drawn from 6 accounts' will scores, whose natural break at ${line.naturalBreak} is kept within bounds`
		for (const { account, users } of weekly) {
			const score = (await getCurrentAccountScore(account.id))!
			expect(score.segment).toBe('HIGH_PERFORMER')
			expect(score.breakdown!.explanations).toContain(`Will ${score.will} is at or above the will line of ${line.line} (${lineOrigin})`)
			for (const user of users) expect((await getCurrentUserScore(user.id))!.segment).toBe('HIGH_PERFORMER')
		}
		for (const { account } of quiet) expect((await getCurrentAccountScore(account.id))!.segment).toBe('UNMOTIVATED')

		// The user's earlier snapshot is kept as history: what was said then stays said.
		const before = await prisma.scoreSnapshot.findUniqueOrThrow({ where: { id: userBefore.id } })
		expect(before).toMatchObject({ segment: 'UNMOTIVATED', isCurrent: false })

		// A rescore between full recomputes classifies with the stored line.
		const user = weekly[1]!.users[0]!
		await rescoreUsers([user.id], { now: new Date(NOW.getTime() + 2 * HOUR), config })
		expect((await getCurrentUserScore(user.id))!.segment).toBe('HIGH_PERFORMER')
		expect((await getCurrentAccountScore(weekly[1]!.account.id))!.segment).toBe('HIGH_PERFORMER')
	})

	test('a rerun on the same data draws the same line and writes nothing', async () => {
		await portfolio()
		await recomputeAllAndApply({ now: NOW, config })
		const stored = await prisma.scoreSnapshot.findMany({ orderBy: { id: 'asc' } })
		const rerun = await recomputeAllAndApply({ now: NOW, config })
		expect(rerun).toMatchObject({ snapshotsCreated: 0, snapshotsUpdated: 0, tasksCreated: 0 })
		expect(await prisma.scoreSnapshot.findMany({ orderBy: { id: 'asc' } })).toEqual(stored)
	})

	test('the same run corrects its own user snapshots in place rather than adding history', async () => {
		const { weekly } = await portfolio()
		await recomputeAllAndApply({ now: NOW, config })
		const rows = await prisma.scoreSnapshot.findMany({ where: { userId: weekly[0]!.users[0]!.id } })
		expect(rows).toHaveLength(1)
		expect(rows[0]).toMatchObject({ segment: 'HIGH_PERFORMER', isCurrent: true })
	})
})
