import { describe, expect, test } from 'vitest'
import { parsePlaybookConfig } from '#app/domain/playbooks/config.ts'
import { buildExitEvidence } from '#app/domain/playbooks/exit-evidence.ts'

describe('buildExitEvidence', () => {
	test('usage, content and quiz sentences', () => {
		expect(
			buildExitEvidence({ weeklyActiveMinutes: 12.4, articlesRead: 3, articlesAvailable: 40, pathsCompleted: 0, quizAverage: 41.2 }),
		).toEqual(['Usage 12 active minutes/week against 120 expected', '3 of 40 articles read; 0 paths completed', 'Quiz average 41%'])
	})

	test('expected usage comes from the input or the playbook config', () => {
		expect(buildExitEvidence({ weeklyActiveMinutes: 5, expectedWeeklyActiveMinutes: 300 })).toEqual(['Usage 5 active minutes/week against 300 expected'])
		const config = parsePlaybookConfig({ exitEvidence: { expectedWeeklyActiveMinutes: 60 } })
		expect(buildExitEvidence({ weeklyActiveMinutes: 5 }, config)).toEqual(['Usage 5 active minutes/week against 60 expected'])
	})

	test('outcomes against expectations: only objectives behind target', () => {
		const lines = buildExitEvidence({
			objectives: [
				{ name: 'Weekly dashboard viewers', unit: 'users', baseline: 0, target: 50, current: 12 },
				{ name: 'Report build time', unit: 'hours', baseline: 10, target: 2, current: 8 },
				{ name: 'Alerts in use', target: 5, current: 7 },
				{ name: 'Exec sign-off', target: 1, current: null },
			],
		})
		expect(lines).toEqual([
			"Objective 'Weekly dashboard viewers': 12 users against a target of 50 users (progress 24%)",
			"Objective 'Report build time': 8 hours against a target of 2 hours (progress 25%)",
			"Objective 'Exec sign-off': no measurement yet against a target of 1",
		])
	})

	test('seats, services, and no quiz at all', () => {
		expect(buildExitEvidence({ activeUsers: 2, seats: 25, servicesNotUsed: ['onboarding webinar', ' ', 'office hours'], quizAverage: null })).toEqual([
			'2 of 25 seats active',
			'No quiz taken',
			'Services not used: onboarding webinar, office hours',
		])
	})

	test('missing or non-finite inputs are left out, never guessed', () => {
		expect(buildExitEvidence({})).toEqual([])
		expect(buildExitEvidence({ weeklyActiveMinutes: Number.NaN, articlesRead: Number.POSITIVE_INFINITY, quizAverage: Number.NaN })).toEqual([])
		expect(buildExitEvidence({ quizAverage: 180 })).toEqual(['Quiz average 100%'])
	})
})
