import { defaultScoringConfig, type ScoringConfig } from '#app/domain/scoring/config.ts'
import { clamp } from '#app/domain/scoring/math.ts'

/**
 * The line between low and high will for a portfolio: the score at and above which an account or
 * user counts as motivated. See `segments.portfolioWillLine` in config.ts for why it is drawn from
 * the portfolio rather than fixed.
 */
export type WillLine = {
	/** Scores at or above this are high will. */
	line: number
	/** `portfolio`: drawn from the accounts' scores; `fixed`: the configured `willThreshold`. */
	source: 'portfolio' | 'fixed'
	/** Judged accounts the line was drawn from (0 for a fixed line chosen without looking). */
	accounts: number
	/** Where the accounts' scores broke in two before the line was kept within its bounds. */
	naturalBreak: number | null
}

export function fixedWillLine(config: ScoringConfig = defaultScoringConfig, accounts = 0): WillLine {
	return { line: config.segments.willThreshold, source: 'fixed', accounts, naturalBreak: null }
}

/**
 * The will line for these account will scores (accounts with too little evidence left out by the
 * caller): their natural break within the configured bounds, or the fixed line when the portfolio
 * line is off or there are too few accounts to draw it from.
 */
export function portfolioWillLine(accountWills: readonly number[], config: ScoringConfig = defaultScoringConfig): WillLine {
	const settings = config.segments.portfolioWillLine
	const scores = accountWills.filter((w) => Number.isFinite(w))
	if (!settings.enabled || scores.length < settings.minAccounts) return fixedWillLine(config, scores.length)
	const natural = naturalBreak(scores)
	if (natural === null) return fixedWillLine(config, scores.length)
	return { line: clamp(natural, settings.lowest, settings.highest), source: 'portfolio', accounts: scores.length, naturalBreak: natural }
}

/** The config with this line as its will threshold: what segmentFor and the roll-up read. */
export function withWillLine(config: ScoringConfig, line: WillLine | null | undefined): ScoringConfig {
	if (!line || line.line === config.segments.willThreshold) return config
	return { ...config, segments: { ...config.segments, willThreshold: line.line } }
}

/**
 * Otsu's method over whole-point scores 0..100: the cut that makes the two groups' means furthest
 * apart, weighted by their sizes (the largest between-group variance). Returns the lowest score of
 * the upper group (the middle of the empty stretch between the groups, if any), or null when every
 * score is the same.
 */
export function naturalBreak(scores: readonly number[]): number | null {
	const histogram = new Array<number>(101).fill(0)
	for (const s of scores) histogram[Math.round(clamp(s, 0, 100))]!++
	const n = scores.length
	let total = 0
	for (let v = 0; v <= 100; v++) total += v * histogram[v]!
	let below = 0
	let belowSum = 0
	let best = 0
	// Every cut inside an empty stretch between the groups scores the same: take its middle.
	let first: number | null = null
	let last = 0
	for (let v = 0; v < 100; v++) {
		below += histogram[v]!
		belowSum += v * histogram[v]!
		if (below === 0 || below === n) continue
		const gap = belowSum / below - (total - belowSum) / (n - below)
		const between = below * (n - below) * gap * gap
		if (between > best) {
			best = between
			first = last = v + 1
		} else if (between === best && last === v) last = v + 1
	}
	return first === null ? null : Math.round((first + last) / 2)
}

/** Where a will score sits against the line, and where the line came from: for "why this segment". */
export function willLineSentence(will: number, line: WillLine): string {
	const side = will >= line.line ? 'at or above' : 'below'
	const origin =
		line.source === 'portfolio'
			? line.naturalBreak !== null && line.naturalBreak !== line.line
				? `drawn from ${line.accounts} accounts' will scores, whose natural break at ${line.naturalBreak} is kept within bounds`
				: `the natural break between ${line.accounts} accounts' will scores`
			: 'the fixed line, until enough accounts have been judged to draw one from the portfolio'
	return `Will ${Math.round(will)} is ${side} the will line of ${line.line} (${origin})`
}
