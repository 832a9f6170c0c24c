import { canRead, type Audience, type Reader } from '#app/domain/accounts-tiers/audience.ts'
import {
	defaultPlaybookConfig,
	PATH_LEVELS,
	type PathLevel,
	type PlaybookConfig,
	type RecommendationStep,
} from '#app/domain/playbooks/config.ts'
import { SEGMENT_LABELS, type Segment } from '#app/domain/scoring/segments.ts'

export { buildExitEvidence, type ExitEvidenceInput, type ObjectiveEvidence } from '#app/domain/playbooks/exit-evidence.ts'

export type AvailablePath = {
	slug: string
	title: string
	level: PathLevel | string
	skillTags: readonly string[]
	audience: Audience
	/** issues a certificate on completion */
	certificate?: boolean
}

export type RecommendationKind = 'path' | 'article' | 'advocacy' | 'short-win' | 'contact-csm'
export type Recommendation = { kind: RecommendationKind; title: string; href: string; reason: string }

export type RecommendationInput = {
	segment: Segment
	/** Who is asking: every path and article is checked against it (fail closed). */
	reader: Reader
	/** Skill tags with too little evidence, weakest first (scoring/skill-gaps.ts). */
	skillGaps: readonly string[]
	availablePaths: readonly AvailablePath[]
	completedPaths: readonly string[]
	/** Paths enrolled in but not finished. */
	enrolledPaths?: readonly string[]
	/** The path finished most recently: its follow-on path comes first, whatever the segment. */
	lastCompletedPath?: string | null
}

/** The customer's next steps for their segment, in the playbook's order, without repeats. */
export function recommendationsFor(
	input: RecommendationInput,
	config: PlaybookConfig = defaultPlaybookConfig,
): Recommendation[] {
	const completed = new Set(input.completedPaths)
	const open = input.availablePaths.filter((p) => !completed.has(p.slug) && canRead(input.reader, p.audience))
	const out: Recommendation[] = []
	const seen = new Set<string>()
	const add = (r: Recommendation) => {
		if (out.length >= config.maxRecommendations || seen.has(r.href)) return
		seen.add(r.href)
		out.push(r)
	}
	// Progress first: a learner who just finished a path is offered the one that follows it.
	const finished = input.availablePaths.find((p) => p.slug === input.lastCompletedPath)
	const following = finished ? nextPathAfter(finished, input) : null
	if (finished && following) add(pathRecommendation(following, `The next step after ${finished.title}.`, config))
	for (const step of config.segments[input.segment].steps) {
		// Mid-journey (a path just finished and another follows) the next path is the ask, not advocacy.
		if (step.kind === 'advocacy' && following) continue
		for (const r of stepRecommendations(step, input, open, config)) add(r)
	}
	return out
}

/**
 * The path to take after finishing `finished`, among the paths the reader may open and has not
 * finished: none below the finished path's level while one at or above it remains, then the
 * easiest level first, then one that issues a certificate, then the most shared skill tags.
 */
export function nextPathAfter(
	finished: Pick<AvailablePath, 'slug' | 'level' | 'skillTags'>,
	input: Pick<RecommendationInput, 'reader' | 'availablePaths' | 'completedPaths'>,
): AvailablePath | null {
	const done = new Set([...input.completedPaths, finished.slug])
	const floor = levelRank(finished.level)
	const shared = (p: AvailablePath) => p.skillTags.filter((tag) => finished.skillTags.includes(tag)).length
	const below = (p: AvailablePath) => (levelRank(p.level) < floor ? 1 : 0)
	const candidates = input.availablePaths.filter((p) => !done.has(p.slug) && canRead(input.reader, p.audience))
	const ranked = [...candidates].sort(
		(a, b) =>
			below(a) - below(b) ||
			levelRank(a.level) - levelRank(b.level) ||
			Number(Boolean(b.certificate)) - Number(Boolean(a.certificate)) ||
			shared(b) - shared(a) ||
			a.title.localeCompare(b.title),
	)
	return ranked[0] ?? null
}

function stepRecommendations(
	step: RecommendationStep,
	input: RecommendationInput,
	open: readonly AvailablePath[],
	config: PlaybookConfig,
): Recommendation[] {
	switch (step.kind) {
		case 'gap-path':
			return gapPaths(input.skillGaps, open)
				.slice(0, step.limit)
				.map(({ path, covered }) => pathRecommendation(path, `Builds your skills in ${list(covered)}.`, config))
		case 'continue-path': {
			const enrolled = new Set(input.enrolledPaths ?? [])
			return open
				.filter((p) => enrolled.has(p.slug))
				.sort(byLevelThenTitle)
				.slice(0, step.limit)
				.map((p) => pathRecommendation(p, 'Pick up where you left off.', config))
		}
		case 'next-path':
			return open
				.filter((p) => step.level === undefined || p.level === step.level)
				.sort(byLevelThenTitle)
				.slice(0, step.limit)
				.map((p) => pathRecommendation(p, 'A good next step for your team.', config))
		case 'advanced-path':
			return open
				.filter((p) => p.level === 'advanced' || p.level === 'intermediate')
				.sort((a, b) => levelRank(b.level) - levelRank(a.level) || a.title.localeCompare(b.title))
				.slice(0, step.limit)
				.map((p) => pathRecommendation(p, 'Advanced material for what you already do well.', config))
		case 'short-win':
			return config.shortWins
				.filter((w) => canRead(input.reader, w.audience))
				.slice(0, step.limit)
				.map((w) => ({ kind: 'short-win', title: w.title, href: articleHref(w.article, config), reason: w.reason }))
		case 'article':
			return canRead(input.reader, step.audience)
				? [{ kind: 'article', title: step.title, href: articleHref(step.article, config), reason: step.reason }]
				: []
		case 'advocacy':
			return [{ kind: 'advocacy', ...config.advocacy }]
		case 'contact-csm':
			return [{ kind: 'contact-csm', ...config.contactCsm }]
	}
}

/** Paths covering at least one gap; a gap earlier in the list (weaker) counts more. */
function gapPaths(gaps: readonly string[], open: readonly AvailablePath[]) {
	const ranked: Array<{ path: AvailablePath; covered: string[]; score: number }> = []
	for (const path of open) {
		const covered: string[] = []
		let score = 0
		gaps.forEach((gap, index) => {
			if (path.skillTags.includes(gap)) {
				covered.push(gap)
				score += gaps.length - index
			}
		})
		if (covered.length > 0) ranked.push({ path, covered, score })
	}
	return ranked.sort((a, b) => b.score - a.score || byLevelThenTitle(a.path, b.path))
}

function pathRecommendation(path: AvailablePath, reason: string, config: PlaybookConfig): Recommendation {
	return { kind: 'path', title: path.title, href: config.hrefs.path.replace('{slug}', encodeURIComponent(path.slug)), reason }
}

function articleHref(slug: string, config: PlaybookConfig): string {
	return config.hrefs.article.replace('{slug}', encodeURIComponent(slug))
}

function levelRank(level: string): number {
	const rank = (PATH_LEVELS as readonly string[]).indexOf(level)
	return rank === -1 ? PATH_LEVELS.length : rank
}

function byLevelThenTitle(a: AvailablePath, b: AvailablePath): number {
	return levelRank(a.level) - levelRank(b.level) || a.title.localeCompare(b.title)
}

function list(items: readonly string[]): string {
	const words = items.map((t) => t.replace(/-/g, ' '))
	if (words.length <= 1) return words.join('')
	return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`
}

export type TaskKind = 'ROOT_CAUSE_CHECKIN' | 'EXIT_REVIEW' | 'PROACTIVE_CALL'
export type PlaybookTask = {
	/** Stable de-duplication key: the same cause never has two open tasks. */
	cause: string
	kind: TaskKind
	title: string
	evidence: string[]
}

export type TaskInput = {
	accountId: string
	accountName?: string
	previousSegment?: Segment | null
	segment: Segment
	skill?: number
	will?: number
	previousWill?: number | null
	/** Evidence sentences, e.g. from buildExitEvidence. */
	evidence?: readonly string[]
	/** The account's scores rest on little evidence. */
	lowEvidence?: boolean
}

/** The cause key of a task: one per kind of trouble per account, so a recompute never duplicates it. */
export function taskCause(kind: TaskKind, accountId: string): string {
	switch (kind) {
		case 'ROOT_CAUSE_CHECKIN':
			return `UNMOTIVATED:${accountId}`
		case 'EXIT_REVIEW':
			return `NEED_TO_EXIT:${accountId}`
		case 'PROACTIVE_CALL':
			return `HIGH_PERFORMER_AT_RISK:${accountId}`
	}
}

/**
 * The CSM tasks a segment (and a change of segment) calls for. Idempotent: the same input gives the
 * same causes, and the caller stores at most one open task per cause. A High Performer at risk
 * (left the segment, or will fell by `willDropPoints`) gets a proactive call instead of the new
 * segment's task; if the account stays down, the next recompute raises that task.
 */
export function tasksFor(input: TaskInput, config: PlaybookConfig = defaultPlaybookConfig): PlaybookTask[] {
	const t = config.tasks
	const name = input.accountName?.trim() || input.accountId
	const evidence = [...(input.evidence ?? [])]
	const scores = scoreLine(input)
	const moved =
		input.previousSegment && input.previousSegment !== input.segment
			? `Moved from ${SEGMENT_LABELS[input.previousSegment]} to ${SEGMENT_LABELS[input.segment]}`
			: undefined

	if (input.previousSegment === 'HIGH_PERFORMER') {
		const drop = typeof input.previousWill === 'number' && typeof input.will === 'number' ? input.previousWill - input.will : 0
		const atRisk = input.segment !== 'HIGH_PERFORMER' || drop >= t.willDropPoints
		if (atRisk) {
			if (!t.proactiveCall.enabled) return []
			const lines = [moved, drop > 0 ? `Will dropped from ${Math.round(input.previousWill!)} to ${Math.round(input.will!)}` : undefined, scores]
			return [task('PROACTIVE_CALL', input.accountId, t.proactiveCall.title, name, [...defined(lines), ...evidence])]
		}
	}
	if (input.lowEvidence && t.skipWhenLowEvidence) return []
	if (input.segment === 'UNMOTIVATED' && t.rootCauseCheckin.enabled) {
		return [task('ROOT_CAUSE_CHECKIN', input.accountId, t.rootCauseCheckin.title, name, [...defined([moved, scores]), ...evidence])]
	}
	if (input.segment === 'NEED_TO_EXIT' && t.exitReview.enabled) {
		return [task('EXIT_REVIEW', input.accountId, t.exitReview.title, name, [...defined([moved, scores]), ...evidence])]
	}
	return []
}

function task(kind: TaskKind, accountId: string, title: string, name: string, evidence: string[]): PlaybookTask {
	return { cause: taskCause(kind, accountId), kind, title: title.replaceAll('{account}', name), evidence }
}

function scoreLine(input: TaskInput): string | undefined {
	if (typeof input.skill !== 'number' || typeof input.will !== 'number') return undefined
	return `Skill ${Math.round(input.skill)}, will ${Math.round(input.will)} (${SEGMENT_LABELS[input.segment]})`
}

function defined(lines: ReadonlyArray<string | undefined>): string[] {
	return lines.filter((line): line is string => line !== undefined)
}
