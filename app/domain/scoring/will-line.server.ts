import { type ScoringConfig } from '#app/domain/scoring/config.ts'
import { fixedWillLine, type WillLine } from '#app/domain/scoring/will-line.ts'
import { prisma } from '#app/utils/db.server.ts'

const WILL_LINE_ID = 'will-line'

/** The line the last full recompute drew, or the fixed line before any has (or with the portfolio line off). */
export async function currentWillLine(config: ScoringConfig): Promise<WillLine> {
	if (!config.segments.portfolioWillLine.enabled) return fixedWillLine(config)
	const row = await prisma.scoringCalibration.findUnique({ where: { id: WILL_LINE_ID } })
	if (!row) return fixedWillLine(config)
	return { line: row.line, source: row.source === 'portfolio' ? 'portfolio' : 'fixed', accounts: row.accounts, naturalBreak: row.naturalBreak }
}

export async function saveWillLine(line: WillLine, computedAt: Date): Promise<void> {
	const data = { line: line.line, source: line.source, accounts: line.accounts, naturalBreak: line.naturalBreak, computedAt }
	await prisma.scoringCalibration.upsert({ where: { id: WILL_LINE_ID }, create: { id: WILL_LINE_ID, ...data }, update: data })
}
