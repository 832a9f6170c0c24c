import { recordEvents, type EventInput } from '#app/domain/engagement/record.server.ts'
import { importSignals } from '#app/domain/engagement/signals-import.server.ts'
import { type EventData, type EventKind } from '#app/domain/engagement/event-kinds.ts'
import { ScoringRunner } from '#app/domain/loop/runner.server.ts'
import { ALL_KEY, enqueueScoring } from '#app/domain/scoring/queue.server.ts'
import { prisma } from '#app/utils/db.server.ts'
import { demoAccounts, seededRandom } from './demo-accounts.ts'

/**
 * Demo engagement: 90 days of history for every demo customer, account product usage and survey
 * answers, then a full score recompute. Each account follows a profile, so the demo shows every
 * segment and playbook:
 *   - tier2@demo.test (Bluefin Media) is Untrained: busy in the portal, few results. Their home page
 *     recommends the path that closes their gap.
 *   - Atlas Retail Group (Tier 1, csm@demo.test) is Unmotivated: skilled, but quiet for a month with
 *     usage falling. It gets a five-whys check-in task with its evidence.
 *   - Northwind Logistics (tier1@demo.test) and others are High Performers; Quill Publishing (Tier 2,
 *     csm@demo.test too, so that CSM sees all four segments) needs an exit review.
 * Idempotent: events carry deterministic clientEventIds ("seed:<email>:<n>") and the signals go
 * through the import, which keys usage by (account, day, metric) and answers by their id.
 */

type Profile = 'HIGH_PERFORMER' | 'UNTRAINED' | 'UNMOTIVATED' | 'NEED_TO_EXIT'

const ACCOUNT_PROFILES: Record<string, Profile> = {
	'tier1.demo.test': 'HIGH_PERFORMER',
	'helios-health.example.com': 'UNTRAINED',
	'atlas-retail-group.example.com': 'UNMOTIVATED',
	'tier2.demo.test': 'UNTRAINED',
	'cedar-credit-union.example.com': 'HIGH_PERFORMER',
	'quill-publishing.example.com': 'NEED_TO_EXIT',
	'orbit-telecom.example.com': 'UNTRAINED',
	'juniper-foods.example.com': 'UNMOTIVATED',
	'vertex-manufacturing.example.com': 'HIGH_PERFORMER',
}
// The long tail: mostly Untrained, as the design expects, with every other segment present.
const TIER3_PATTERN: Profile[] = ['UNTRAINED', 'HIGH_PERFORMER', 'UNTRAINED', 'NEED_TO_EXIT', 'UNMOTIVATED', 'UNTRAINED', 'NEED_TO_EXIT', 'HIGH_PERFORMER', 'UNTRAINED', 'UNTRAINED']

const DAY = 86_400_000

const ARTICLES: Record<1 | 2 | 3, string[]> = {
	3: [
		'what-is-prism', 'prism-quickstart-checklist', 'navigate-the-prism-workspace', 'build-your-first-dashboard', 'share-a-dashboard',
		'connect-a-data-warehouse', 'upload-a-csv-file', 'create-a-metric-alert', 'scheduled-report-delivery', 'chart-types-in-prism',
		'metrics-layer-explained', 'dashboard-filters-and-drill-downs', 'build-a-tabular-report', 'export-reports-to-csv-and-pdf',
		'alert-conditions-and-thresholds', 'integrations-overview', 'connect-prism-to-slack', 'manage-roles-and-permissions',
	],
	2: ['configure-single-sign-on', 'define-a-governed-metric', 'embed-dashboards-in-your-app', 'parameterized-reports', 'troubleshoot-alerts-not-firing'],
	1: ['dedicated-warehouse-tuning', 'metric-certification-and-approvals', 'review-the-audit-log'],
}

type PathSpec = { slug: string; level: string; tier: 1 | 2 | 3; lessons: string[]; quiz: string; difficulty: 1 | 2 | 3; checks: string[] }
const PATHS: PathSpec[] = [
	{
		slug: 'getting-started-in-a-day',
		level: 'beginner',
		tier: 3,
		lessons: ['plan-your-first-day', 'morning-connect-and-explore', 'afternoon-build-and-share', 'end-of-day-review'],
		quiz: 'day-one-check',
		difficulty: 1,
		checks: ['check-csv-upload', 'check-dashboard-filter'],
	},
	{
		slug: 'prism-fundamentals',
		level: 'beginner',
		tier: 3,
		lessons: ['welcome-to-prism', 'connect-a-source', 'datasets-and-metrics', 'build-your-first-dashboard', 'share-and-schedule'],
		quiz: 'fundamentals-check',
		difficulty: 1,
		checks: ['check-roles', 'check-saas-sync'],
	},
	{
		slug: 'advanced-dashboards',
		level: 'intermediate',
		tier: 2,
		lessons: ['cross-filtering-and-drilldowns', 'calculated-fields', 'dashboard-performance', 'embedded-dashboards'],
		quiz: 'advanced-dashboards-check',
		difficulty: 2,
		checks: ['check-cache'],
	},
	{
		slug: 'enterprise-governance',
		level: 'advanced',
		tier: 1,
		lessons: ['sso-and-scim', 'row-level-security', 'metric-change-review', 'audit-and-policy-enforcement'],
		quiz: 'governance-check',
		difficulty: 3,
		checks: ['check-certified-metric'],
	},
]

type Planned = { kind: EventKind; daysAgo: number; itemKey?: string; data?: EventData }

/** One user's 90 days, as (days ago, event) pairs; `quiet` makes one user of a busy account less busy. */
function historyFor(profile: Profile, tier: 1 | 2 | 3, rand: () => number, quiet: boolean, first: boolean): Planned[] {
	const events: Planned[] = []
	const articles = ([1, 2, 3] as const).filter((t) => t >= tier).flatMap((t) => ARTICLES[t])
	const paths = PATHS.filter((p) => p.tier >= tier)
	const pick = <T,>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!
	const activeChance = (daysAgo: number): number => {
		const base =
			profile === 'HIGH_PERFORMER'
				? 0.55
				: profile === 'UNTRAINED'
					? daysAgo < 60
						? 0.6
						: 0.3
					: profile === 'UNMOTIVATED'
						? daysAgo < 35
							? 0
							: 0.45
						: 0.03
		return quiet ? base * 0.5 : base
	}
	for (let d = 89; d >= 0; d--) {
		if (rand() >= activeChance(d)) continue
		events.push({ kind: 'sign_in', daysAgo: d })
		const reads = 1 + Math.floor(rand() * 2)
		for (let i = 0; i < reads; i++) {
			const slug = pick(articles)
			events.push({ kind: 'article_view', daysAgo: d, itemKey: `article:${slug}` })
			if (rand() < 0.6) events.push({ kind: 'article_read', daysAgo: d, itemKey: `article:${slug}`, data: { seconds: 60 + Math.floor(rand() * 240), reachedEnd: true } })
		}
		if (rand() < 0.25) events.push({ kind: 'search', daysAgo: d, data: { hits: Math.floor(rand() * 9) } })
		if (rand() < 0.1) events.push({ kind: 'video_play', daysAgo: d, itemKey: `video:${pick(articles)}` })
	}
	// Someone at an Unmotivated account still signs in now and then.
	if (profile === 'UNMOTIVATED' && first) events.push({ kind: 'sign_in', daysAgo: 12 })

	if (profile === 'HIGH_PERFORMER' || profile === 'UNMOTIVATED') {
		// Learning done well: recently for a High Performer, one to three months ago for the Unmotivated.
		const [from, to] = profile === 'HIGH_PERFORMER' ? [5, 55] : [35, 85]
		const when = () => from + Math.floor(rand() * (to - from))
		for (const path of paths) {
			const start = when()
			events.push({ kind: 'path_enrol', daysAgo: start, itemKey: `path:${path.slug}` })
			path.lessons.forEach((lesson, i) =>
				events.push({ kind: 'lesson_complete', daysAgo: Math.max(from, start - i), itemKey: `lesson:${path.slug}/${lesson}` }),
			)
			for (const check of path.checks) events.push({ kind: 'check_answer', daysAgo: Math.max(from, start - 1), itemKey: `check:${check}`, data: { correct: rand() < 0.9 } })
			const done = Math.max(from, start - path.lessons.length)
			const score = 80 + Math.floor(rand() * 5) * 5
			events.push({ kind: 'quiz_attempt', daysAgo: done, itemKey: `quiz:${path.slug}/${path.quiz}`, data: { score, difficulty: path.difficulty, passed: true } })
			events.push({ kind: 'path_complete', daysAgo: done, itemKey: `path:${path.slug}`, data: { level: path.level } })
		}
		events.push({ kind: 'quiz_attempt', daysAgo: when(), itemKey: 'assessment:analytics-maturity', data: { score: 88, difficulty: 2, passed: true } })
	}
	if (profile === 'UNTRAINED') {
		// Started the beginner path, struggled with its checks and quiz.
		const path = PATHS[1]!
		events.push({ kind: 'path_enrol', daysAgo: 40, itemKey: `path:${path.slug}` })
		events.push({ kind: 'lesson_complete', daysAgo: 38, itemKey: `lesson:${path.slug}/${path.lessons[0]}` })
		events.push({ kind: 'check_answer', daysAgo: 38, itemKey: `check:${path.checks[0]}`, data: { correct: false } })
		events.push({ kind: 'quiz_attempt', daysAgo: 20, itemKey: 'assessment:analytics-maturity', data: { score: 38, difficulty: 2, passed: false } })
	}
	return events
}

/** Product usage per day for 90 days: active users, minutes, and key features adopted (weekly). */
function usageRows(domain: string, profile: Profile, users: number, rand: () => number, today: number): string[] {
	const rows: string[] = []
	const adopted = { HIGH_PERFORMER: 8, UNTRAINED: 4, UNMOTIVATED: 7, NEED_TO_EXIT: 2 }[profile]
	for (let d = 89; d >= 0; d--) {
		const day = new Date(today - d * DAY).toISOString().slice(0, 10)
		const share =
			profile === 'HIGH_PERFORMER'
				? 0.6 + rand() * 0.3
				: profile === 'UNTRAINED'
					? 0.45 + rand() * 0.25
					: profile === 'UNMOTIVATED'
						? // Falling from about 60 % three months ago to almost nobody now.
							Math.max(0, (d / 89) * 0.6 - 0.05 + rand() * 0.05)
						: rand() < 0.1
							? 0.2
							: 0
		const active = Math.round(users * share)
		rows.push(JSON.stringify({ type: 'usage', account: domain, day, metric: 'active_users', value: active }))
		rows.push(JSON.stringify({ type: 'usage', account: domain, day, metric: 'active_minutes', value: active * (20 + Math.floor(rand() * 15)) }))
		if (d % 7 === 0) {
			rows.push(JSON.stringify({ type: 'usage', account: domain, day, metric: 'features_adopted', value: adopted }))
			rows.push(JSON.stringify({ type: 'usage', account: domain, day, metric: 'features_available', value: 10 }))
			rows.push(JSON.stringify({ type: 'usage', account: domain, day, metric: 'seats', value: users }))
		}
	}
	return rows
}

function surveyRows(domain: string, profile: Profile, tier: number, rand: () => number, today: number): string[] {
	if (tier === 3 && rand() < 0.5) return []
	const rows: string[] = []
	const [lo, hi] = { HIGH_PERFORMER: [8, 10], UNTRAINED: [7, 10], UNMOTIVATED: [3, 7], NEED_TO_EXIT: [1, 5] }[profile]
	const answers = tier === 3 ? 2 : 4
	for (let i = 0; i < answers; i++) {
		const respondedAt = new Date(today - (10 + i * 20) * DAY + 9 * 3600_000).toISOString()
		const score = lo! + Math.floor(rand() * (hi! - lo! + 1))
		rows.push(JSON.stringify({ type: 'survey', id: `seed-nps-${domain}-${i}`, account: domain, kind: 'NPS', score, respondedAt }))
	}
	const csat = Math.min(5, Math.max(1, Math.round((lo! + hi!) / 4)))
	rows.push(
		JSON.stringify({ type: 'survey', id: `seed-csat-${domain}`, account: domain, kind: 'CSAT', score: csat, respondedAt: new Date(today - 15 * DAY).toISOString() }),
	)
	return rows
}

export async function seedEngagement(now = new Date()) {
	const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())
	let tier3Index = 0
	let created = 0
	const signals: string[] = []
	for (const input of demoAccounts()) {
		const profile = ACCOUNT_PROFILES[input.emailDomain] ?? TIER3_PATTERN[tier3Index++ % TIER3_PATTERN.length]!
		const account = await prisma.account.findUnique({
			where: { emailDomain: input.emailDomain },
			select: { id: true, tier: true, users: { where: { role: 'CUSTOMER' }, select: { id: true, email: true }, orderBy: { email: 'asc' } } },
		})
		if (!account) continue
		const tier = (account.tier === 1 || account.tier === 2 ? account.tier : 3) as 1 | 2 | 3
		for (const [index, user] of account.users.entries()) {
			const rand = seededRandom(hash(user.email))
			// The documented demo sign-ins (tier1@demo.test...) sort last: they are never the quiet one.
			const quiet = index === 0 && account.users.length > 1 && profile !== 'NEED_TO_EXIT'
			const planned = historyFor(profile, tier, rand, quiet, index === account.users.length - 1)
			const events: EventInput[] = planned.map((p, n) => ({
				kind: p.kind,
				userId: user.id,
				accountId: account.id,
				itemKey: p.itemKey ?? null,
				data: p.data,
				// Spread over the working day, never in the future.
				occurredAt: new Date(Math.min(now.getTime() - 60_000, today - p.daysAgo * DAY + (8 + (n % 9)) * 3600_000 + (n % 60) * 60_000)),
				clientEventId: `seed:${user.email}:${n}`,
			}))
			created += await insertMissing(events)
		}
		const rand = seededRandom(hash(input.emailDomain))
		signals.push(...usageRows(input.emailDomain, profile, account.users.length, rand, today))
		signals.push(...surveyRows(input.emailDomain, profile, tier, rand, today))
	}
	const report = await importSignals(signals.join('\n'), { format: 'ndjson' })
	if (report.errors.length) throw new Error(`Demo signals refused: ${report.errors.map((e) => `line ${e.line}: ${e.message}`).join('; ')}`)
	const signalsChanged = report.created + report.updated
	// A second seed over the same data changes nothing, scores included; the schedule keeps them fresh.
	const scored = await prisma.scoreSnapshot.count({ where: { subjectType: 'ACCOUNT', isCurrent: true } })
	if (created === 0 && signalsChanged === 0 && scored > 0) return { events: 0, signals: 0, recompute: 'scores already current' }
	// Through the queue, so it never runs beside a running portal's own full recompute.
	await enqueueScoring(prisma, { key: ALL_KEY, reason: 'seed' })
	const run = await new ScoringRunner({ holder: 'seed', recompute: { now } }).drain()
	return { events: created, signals: signalsChanged, recompute: run.full ? run : 'queued behind a running recompute' }
}

async function insertMissing(events: EventInput[]): Promise<number> {
	const stored = await prisma.engagementEvent.findMany({
		where: { clientEventId: { in: events.map((e) => e.clientEventId!) } },
		select: { clientEventId: true },
	})
	const known = new Set(stored.map((s) => s.clientEventId))
	return recordEvents(prisma, events.filter((e) => !known.has(e.clientEventId!)))
}

function hash(text: string): number {
	let h = 2166136261
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619)
	return h >>> 0
}
