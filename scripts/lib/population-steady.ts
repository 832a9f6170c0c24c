/**
 * A second, simpler population for calibration cross-checks: steady users whose latent skill and
 * will never change, after an onboarding stretch where everyone learns (the behaviour model of the
 * first simulator). Articles carry no level, quiz rows no pass mark. A config that only works on
 * `population.ts` and not here is tuned to one generator's quirks, not to behaviour.
 */
import { type EventData, type EventKind } from '#app/domain/engagement/event-kinds.ts'
import { type Population, type SimAccount, type SimEvent, type SimUser, segmentOf } from './population.ts'

const DAY = 86_400_000

export function generateSteadyPopulation(options: { accounts: number; days: number; seed: number; end?: Date }): Population {
	let state = options.seed * 2654435761 + 1
	const rand = () => {
		state = (state * 1664525 + 1013904223) % 4294967296
		return state / 4294967296
	}
	const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand())
	const clamp01 = (x: number) => Math.min(1, Math.max(0, x))
	const end = options.end ?? new Date(Date.UTC(2026, 5, 1, 18))
	const start = new Date(end.getTime() - options.days * DAY)
	const onboardingDays = Math.min(options.days, Math.max(14, Math.round(options.days / 3)))
	const paths = [
		{ slug: 'st-basics', level: 'beginner', difficulty: 1, lessons: 4 },
		{ slug: 'st-dashboards', level: 'intermediate', difficulty: 2, lessons: 4 },
		{ slug: 'st-governance', level: 'advanced', difficulty: 3, lessons: 4 },
	] as const
	const accounts: SimAccount[] = []
	for (let a = 0; a < options.accounts; a++) {
		const baseSkill = rand()
		const baseWill = rand()
		const users: SimUser[] = []
		const size = 3 + Math.floor(rand() * 6)
		for (let u = 0; u < size; u++) {
			const skill = clamp01(baseSkill + normal() * 0.15)
			const will = clamp01(baseWill + normal() * 0.15)
			users.push({
				id: `st-${a}-${u}`,
				email: `u${u}@st${a}.example.com`,
				name: `St ${a}-${u}`,
				accountId: `st-acct-${a}`,
				joinedAt: start,
				archetype: 'steady',
				skill,
				will,
				willStart: will,
				truth: { segment: segmentOf(skill, will) },
				events: [],
				usage: [],
			})
		}
		const skill = users.reduce((s, u) => s + u.skill, 0) / users.length
		const will = users.reduce((s, u) => s + u.will, 0) / users.length
		accounts.push({
			id: `st-acct-${a}`,
			name: `St ${a}`,
			emailDomain: `st${a}.example.com`,
			timeZone: 'UTC',
			seats: users.length,
			arr: 20_000,
			costToServe: 5_000,
			kind: 'mixed',
			usageSource: 'account',
			truth: { skill, will, segment: segmentOf(skill, will) },
			users,
			usage: [],
		})
	}
	for (let d = 0; d < options.days; d++) {
		const dayStart = start.getTime() + d * DAY
		const weekend = new Date(dayStart).getUTCDay() % 6 === 0
		const onboarding = d < onboardingDays
		for (const account of accounts) {
			let activeUsers = 0
			let minutes = 0
			for (const user of account.users) {
				const will = onboarding ? Math.max(user.will, 0.6) : user.will
				if (rand() >= (0.03 + 0.72 * will ** 1.3) * (weekend ? 0.3 : 1)) continue
				activeUsers++
				minutes += Math.round(10 + 50 * user.skill * rand())
				let clock = dayStart + (8 + Math.floor(rand() * 8)) * 3_600_000
				const push = (kind: EventKind, itemKey: string | null, data: EventData = {}) => {
					clock += 60_000 + Math.floor(rand() * 600_000)
					user.events.push({ kind, at: new Date(Math.min(clock, end.getTime())), itemKey, data } satisfies SimEvent)
				}
				push('sign_in', null)
				const reads = Math.floor(rand() * (1 + 3 * will))
				for (let r = 0; r < reads; r++) {
					const article = `article:st-${Math.floor(rand() * 40)}`
					push('article_view', article)
					if (rand() < 0.3 + 0.5 * will) push('article_read', article, { seconds: 60 + Math.floor(rand() * 300) })
				}
				if (rand() < 0.2 + 0.3 * will) push('search', null, { hits: Math.floor(rand() * 10) })
				if (rand() < (onboarding ? 0.8 : 0.1 + 0.4 * will)) {
					const progress = user as SimUser & { path?: number; lesson?: number }
					const path = paths[progress.path ?? 0]
					if (path) {
						const lesson = progress.lesson ?? 0
						if (lesson < path.lessons && !(lesson > 0 && rand() < user.skill * 0.5)) {
							progress.lesson = lesson + 1
							push('lesson_complete', `lesson:${path.slug}/l${lesson}`)
							if (rand() < 0.5) push('check_answer', `check:${path.slug}-${lesson}`, { correct: rand() < 0.15 + 0.8 * user.skill })
						} else {
							const score = Math.round(100 * clamp01(user.skill - 0.08 * (path.difficulty - 2) + normal() * 0.12))
							push('quiz_attempt', `quiz:${path.slug}/check`, { score, difficulty: path.difficulty, passed: score >= 70 })
							if (score >= 70) {
								push('path_complete', `path:${path.slug}`, { level: path.level })
								progress.path = (progress.path ?? 0) + 1
								progress.lesson = 0
							}
						}
					}
				}
				if (rand() < 0.03 + 0.07 * user.skill) {
					const score = Math.round(100 * clamp01(user.skill + normal() * 0.12))
					push('quiz_attempt', `assessment:st-${Math.floor(rand() * 2)}`, { score, difficulty: 2, passed: score >= 50 })
				}
			}
			const day = new Date(dayStart).toISOString().slice(0, 10)
			const usage: SimAccount['usage'][number] = { day, activeUsers, activeMinutes: minutes }
			if (d % 7 === 6) {
				const meanSkill = account.users.reduce((s, u) => s + u.skill, 0) / account.users.length
				usage.featuresAdopted = Math.round(10 * clamp01(meanSkill + normal() * 0.08))
				usage.featuresAvailable = 10
			}
			account.usage.push(usage)
		}
	}
	return { seed: options.seed, days: options.days, start, end, accounts, users: accounts.flatMap((a) => a.users), catalogue: { articles: [], paths: [], assessments: [] } }
}
