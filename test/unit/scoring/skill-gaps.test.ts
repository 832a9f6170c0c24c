import { describe, expect, test } from 'vitest'
import { skillEvidenceByTag, skillGapsFor } from '#app/domain/scoring/skill-gaps.ts'
import { event, NOW, quiz } from './activity-builders.ts'

const tagsByItem: Record<string, string[]> = {
	'quiz:fundamentals': ['dashboards', 'data-sources'],
	'quiz:alerts': ['alerts'],
	'path:fundamentals': ['dashboards', 'data-sources', 'metrics'],
	'article:alerts': ['alerts'],
}
const tagsOf = (key: string) => tagsByItem[key]
const tags = ['dashboards', 'data-sources', 'metrics', 'alerts', 'sso']

describe('skill gaps', () => {
	test('with no history every tag is a gap, in the given order', () => {
		expect(skillGapsFor({ now: NOW, events: [], tags, tagsOf })).toEqual(tags)
	})

	test('quizzes and paths close gaps; reading does not', () => {
		const events = [
			quiz(1, 'quiz:fundamentals', 100, 2),
			event('article_read', 1, 'article:alerts'),
			event('path_complete', 1, 'path:fundamentals', { level: 'beginner' }),
		]
		const gaps = skillGapsFor({ now: NOW, events, tags, tagsOf })
		// dashboards and data-sources: ~1 + 0.6; metrics: 0.6 (a gap); alerts and sso: 0
		expect(gaps).toEqual(['alerts', 'sso', 'metrics'])
	})

	test('a failed quiz leaves a gap and a retake counts once, at its latest result', () => {
		const events = [quiz(20, 'quiz:alerts', 100), quiz(1, 'quiz:alerts', 30)]
		const evidence = skillEvidenceByTag({ now: NOW, events, tags: ['alerts'], tagsOf })
		expect(evidence[0]!.evidence).toBeCloseTo(0.3 * Math.pow(0.5, 1 / 180), 6)
		expect(skillGapsFor({ now: NOW, events, tags: ['alerts'], tagsOf })).toEqual(['alerts'])
	})

	test('unknown items, NaN scores and invalid dates add nothing', () => {
		const events = [
			quiz(1, 'quiz:unknown', 100),
			quiz(1, 'quiz:alerts', Number.NaN),
			{ kind: 'quiz_attempt' as const, at: new Date(Number.NaN), itemKey: 'quiz:fundamentals', data: { score: 100 } },
		]
		for (const entry of skillEvidenceByTag({ now: NOW, events, tags, tagsOf })) expect(entry.evidence).toBe(0)
	})
})
