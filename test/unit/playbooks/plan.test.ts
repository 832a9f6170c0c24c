import { describe, expect, test } from 'vitest'
import { type Reader } from '#app/domain/accounts-tiers/audience.ts'
import { parsePlaybookConfig } from '#app/domain/playbooks/config.ts'
import { type AvailablePath, nextPathAfter, recommendationsFor, taskCause, tasksFor } from '#app/domain/playbooks/plan.ts'

const paths: AvailablePath[] = [
	{ slug: 'getting-started-in-a-day', title: 'Getting started in a day', level: 'beginner', audience: 'public', skillTags: ['getting-started', 'dashboards'] },
	{ slug: 'prism-fundamentals', title: 'Prism fundamentals', level: 'beginner', audience: 'customers', skillTags: ['data-sources', 'metrics', 'dashboards'] },
	{ slug: 'advanced-dashboards', title: 'Advanced dashboards', level: 'intermediate', audience: 'tier2', skillTags: ['dashboards', 'performance'] },
	{ slug: 'enterprise-governance', title: 'Enterprise governance', level: 'advanced', audience: 'tier1', skillTags: ['sso', 'governance', 'metrics'] },
]
const tier1: Reader = { kind: 'customer', tier: 1 }
const tier3: Reader = { kind: 'customer', tier: 3 }

describe('recommendationsFor', () => {
	test('Untrained: the path that closes the worst gaps first', () => {
		const recs = recommendationsFor({ segment: 'UNTRAINED', reader: tier1, skillGaps: ['metrics', 'data-sources'], availablePaths: paths, completedPaths: [] })
		expect(recs[0]).toEqual({
			kind: 'path',
			title: 'Prism fundamentals',
			href: '/paths/prism-fundamentals',
			reason: 'Builds your skills in metrics and data sources.',
		})
		// then the easiest unfinished path, never the same one twice
		expect(recs.map((r) => r.href)).toEqual(['/paths/prism-fundamentals', '/paths/getting-started-in-a-day'])
	})

	test('never recommends a path the reader may not read, nor one already completed', () => {
		const recs = recommendationsFor({ segment: 'UNTRAINED', reader: tier3, skillGaps: ['governance', 'performance', 'metrics'], availablePaths: paths, completedPaths: ['prism-fundamentals'] })
		const hrefs = recs.map((r) => r.href)
		expect(hrefs).not.toContain('/paths/enterprise-governance')
		expect(hrefs).not.toContain('/paths/advanced-dashboards')
		expect(hrefs).not.toContain('/paths/prism-fundamentals')
		expect(hrefs).toEqual(['/paths/getting-started-in-a-day'])
	})

	test('Untrained with a path in progress: continue it', () => {
		const recs = recommendationsFor({ segment: 'UNTRAINED', reader: tier1, skillGaps: [], availablePaths: paths, completedPaths: [], enrolledPaths: ['advanced-dashboards'] })
		expect(recs[0]).toMatchObject({ href: '/paths/advanced-dashboards', reason: 'Pick up where you left off.' })
	})

	test('High Performers: advanced content, then an invitation to advocacy', () => {
		const recs = recommendationsFor({ segment: 'HIGH_PERFORMER', reader: tier1, skillGaps: [], availablePaths: paths, completedPaths: [] })
		expect(recs.map((r) => r.kind)).toEqual(['path', 'path', 'advocacy'])
		expect(recs[0]!.href).toBe('/paths/enterprise-governance')
		expect(recs[1]!.href).toBe('/paths/advanced-dashboards')
		const tier3Recs = recommendationsFor({ segment: 'HIGH_PERFORMER', reader: tier3, skillGaps: [], availablePaths: paths, completedPaths: [] })
		expect(tier3Recs.map((r) => r.kind)).toEqual(['advocacy'])
	})

	test('Unmotivated: short wins first', () => {
		const recs = recommendationsFor({ segment: 'UNMOTIVATED', reader: tier3, skillGaps: [], availablePaths: paths, completedPaths: [] })
		expect(recs.map((r) => r.kind)).toEqual(['short-win', 'short-win'])
		expect(recs[0]!.href).toBe('/kb/prism-quickstart-checklist')
	})

	test('Need to Exit: a beginner path and a way to reach us, never the segment name', () => {
		const recs = recommendationsFor({ segment: 'NEED_TO_EXIT', reader: tier3, skillGaps: [], availablePaths: paths, completedPaths: [] })
		expect(recs.map((r) => r.kind)).toEqual(['path', 'short-win', 'contact-csm'])
		expect(JSON.stringify(recs)).not.toMatch(/exit/i)
	})

	test('signed-out readers get public content only; short wins respect audiences', () => {
		const config = parsePlaybookConfig({
			shortWins: [
				{ article: 'share-a-dashboard', title: 'Share a dashboard', reason: 'Quick and useful', audience: 'customers' },
				{ article: 'what-is-prism', title: 'What is Prism', reason: 'Two minutes', audience: 'public' },
			],
		})
		const recs = recommendationsFor({ segment: 'UNMOTIVATED', reader: { kind: 'anonymous' }, skillGaps: [], availablePaths: paths, completedPaths: [] }, config)
		expect(recs.map((r) => r.href)).toEqual(['/kb/what-is-prism'])
	})

	test('caps the list and follows the configured order and hrefs', () => {
		const config = parsePlaybookConfig({
			maxRecommendations: 2,
			hrefs: { path: '/learn/{slug}' },
			segments: { UNTRAINED: { steps: [{ kind: 'contact-csm' }, { kind: 'next-path', limit: 3 }] } },
		})
		const recs = recommendationsFor({ segment: 'UNTRAINED', reader: tier1, skillGaps: [], availablePaths: paths, completedPaths: [] }, config)
		expect(recs.map((r) => r.href)).toEqual(['/contact', '/learn/getting-started-in-a-day'])
	})
})

describe('tasksFor', () => {
	test('Unmotivated: a five-whys check-in with a stable cause', () => {
		const tasks = tasksFor({ accountId: 'acct_1', accountName: 'Acme', segment: 'UNMOTIVATED', skill: 72, will: 31, evidence: ['2 active days in the last 30'] })
		expect(tasks).toEqual([
			{
				cause: 'UNMOTIVATED:acct_1',
				kind: 'ROOT_CAUSE_CHECKIN',
				title: 'Five-whys check-in with Acme: find why engagement dropped',
				evidence: ['Skill 72, will 31 (Unmotivated)', '2 active days in the last 30'],
			},
		])
	})

	test('Need to Exit: an exit review carrying the evidence case', () => {
		const tasks = tasksFor({ accountId: 'acct_2', previousSegment: 'UNTRAINED', segment: 'NEED_TO_EXIT', evidence: ['Quiz average 41%'] })
		expect(tasks).toHaveLength(1)
		expect(tasks[0]).toMatchObject({ cause: 'NEED_TO_EXIT:acct_2', kind: 'EXIT_REVIEW', title: 'Exit review for acct_2: assemble the case' })
		expect(tasks[0]!.evidence).toEqual(['Moved from Untrained to Need to Exit', 'Quiz average 41%'])
	})

	test('High Performers and Untrained raise nothing while steady', () => {
		expect(tasksFor({ accountId: 'a', previousSegment: 'HIGH_PERFORMER', segment: 'HIGH_PERFORMER', previousWill: 80, will: 70 })).toEqual([])
		expect(tasksFor({ accountId: 'a', previousSegment: 'UNTRAINED', segment: 'UNTRAINED' })).toEqual([])
	})

	test('a High Performer whose will drops by the configured points gets a proactive call', () => {
		const exactly = tasksFor({ accountId: 'a', previousSegment: 'HIGH_PERFORMER', segment: 'HIGH_PERFORMER', previousWill: 85, will: 70, skill: 80 })
		expect(exactly).toEqual([
			{
				cause: 'HIGH_PERFORMER_AT_RISK:a',
				kind: 'PROACTIVE_CALL',
				title: 'Proactive call with a: a High Performer at risk',
				evidence: ['Will dropped from 85 to 70', 'Skill 80, will 70 (High Performers)'],
			},
		])
		expect(tasksFor({ accountId: 'a', previousSegment: 'HIGH_PERFORMER', segment: 'HIGH_PERFORMER', previousWill: 85, will: 71 })).toEqual([])
	})

	test('a High Performer moving down gets a proactive call instead of the new segment task', () => {
		const tasks = tasksFor({ accountId: 'a', previousSegment: 'HIGH_PERFORMER', segment: 'UNMOTIVATED', previousWill: 60, will: 45 })
		expect(tasks.map((t) => t.kind)).toEqual(['PROACTIVE_CALL'])
		expect(tasks[0]!.evidence[0]).toBe('Moved from High Performers to Unmotivated')
		// If it stays down, the next recompute raises the check-in.
		expect(tasksFor({ accountId: 'a', previousSegment: 'UNMOTIVATED', segment: 'UNMOTIVATED' }).map((t) => t.kind)).toEqual(['ROOT_CAUSE_CHECKIN'])
	})

	test('the same situation always gives the same cause, so a recompute never duplicates a task', () => {
		const input = { accountId: 'acct_9', previousSegment: 'NEED_TO_EXIT' as const, segment: 'NEED_TO_EXIT' as const, evidence: ['x'] }
		const first = tasksFor(input).map((t) => t.cause)
		const second = tasksFor({ ...input, evidence: ['y', 'z'] }).map((t) => t.cause)
		expect(first).toEqual(second)
		expect(taskCause('EXIT_REVIEW', 'acct_9')).toBe('NEED_TO_EXIT:acct_9')
		expect(taskCause('ROOT_CAUSE_CHECKIN', 'acct_9')).toBe('UNMOTIVATED:acct_9')
		expect(taskCause('PROACTIVE_CALL', 'acct_9')).toBe('HIGH_PERFORMER_AT_RISK:acct_9')
		// Different accounts never share a cause.
		expect(taskCause('EXIT_REVIEW', 'acct_1')).not.toBe(taskCause('EXIT_REVIEW', 'acct_10'))
	})

	test('low evidence holds back check-ins and exit reviews; disabled tasks are never raised', () => {
		expect(tasksFor({ accountId: 'new', segment: 'NEED_TO_EXIT', lowEvidence: true })).toEqual([])
		const config = parsePlaybookConfig({ tasks: { rootCauseCheckin: { enabled: false }, skipWhenLowEvidence: false } })
		expect(tasksFor({ accountId: 'a', segment: 'UNMOTIVATED' }, config)).toEqual([])
		expect(tasksFor({ accountId: 'new', segment: 'NEED_TO_EXIT', lowEvidence: true }, config)).toHaveLength(1)
	})
})

describe('the next path after a finished one', () => {
	const withCertificates: AvailablePath[] = [
		...paths.map((p) => ({ ...p, certificate: p.slug !== 'getting-started-in-a-day' })),
		{ slug: 'metrics-deep-dive', title: 'A metrics deep dive', level: 'intermediate', audience: 'customers', skillTags: ['metrics'], certificate: false },
	]
	const finished = (slug: string) => withCertificates.find((p) => p.slug === slug)!
	const next = (slug: string, reader: Reader, completedPaths: string[] = []) =>
		nextPathAfter(finished(slug), { reader, availablePaths: withCertificates, completedPaths })?.slug ?? null

	test('after the beginner day, the other beginner path (it issues a certificate)', () => {
		expect(next('getting-started-in-a-day', tier3)).toBe('prism-fundamentals')
	})

	test('never above the reader: Tier 3 goes on to the customers path, Tier 1 may reach the advanced one', () => {
		expect(next('prism-fundamentals', tier3, ['getting-started-in-a-day'])).toBe('metrics-deep-dive')
		expect(next('metrics-deep-dive', tier3, ['getting-started-in-a-day', 'prism-fundamentals'])).toBeNull()
		expect(next('advanced-dashboards', tier1, ['getting-started-in-a-day', 'prism-fundamentals', 'metrics-deep-dive'])).toBe('enterprise-governance')
	})

	test('not below the finished level while something at or above it is left; then back to what was skipped', () => {
		expect(next('advanced-dashboards', tier1)).toBe('metrics-deep-dive')
		expect(next('enterprise-governance', tier1, ['advanced-dashboards', 'metrics-deep-dive'])).toBe('prism-fundamentals')
	})

	test('among equals, the one with more shared skills', () => {
		const twins: AvailablePath[] = [
			{ slug: 'start', title: 'Start', level: 'beginner', audience: 'public', skillTags: ['metrics', 'alerts'] },
			{ slug: 'b-unrelated', title: 'B unrelated', level: 'intermediate', audience: 'public', skillTags: ['sso'] },
			{ slug: 'z-related', title: 'Z related', level: 'intermediate', audience: 'public', skillTags: ['alerts'] },
		]
		expect(nextPathAfter(twins[0]!, { reader: tier3, availablePaths: twins, completedPaths: [] })?.slug).toBe('z-related')
	})

	test('recommendations lead with it, and a High Performer mid-journey is not asked for advocacy', () => {
		const recs = recommendationsFor({
			segment: 'HIGH_PERFORMER',
			reader: tier3,
			skillGaps: [],
			availablePaths: withCertificates,
			completedPaths: ['getting-started-in-a-day'],
			lastCompletedPath: 'getting-started-in-a-day',
		})
		expect(recs[0]).toEqual({ kind: 'path', title: 'Prism fundamentals', href: '/paths/prism-fundamentals', reason: 'The next step after Getting started in a day.' })
		expect(recs.map((r) => r.kind)).not.toContain('advocacy')
		expect(recs.map((r) => r.href)).not.toContain('/paths/enterprise-governance')
		expect(recs.map((r) => r.href)).not.toContain('/paths/advanced-dashboards')
	})

	test('with every path open to them finished, the playbook takes over (advocacy for a High Performer)', () => {
		const all = ['getting-started-in-a-day', 'prism-fundamentals', 'metrics-deep-dive']
		const recs = recommendationsFor({ segment: 'HIGH_PERFORMER', reader: tier3, skillGaps: [], availablePaths: withCertificates, completedPaths: all, lastCompletedPath: 'metrics-deep-dive' })
		expect(recs.map((r) => r.kind)).toEqual(['advocacy'])
	})
})
