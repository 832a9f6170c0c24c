import { describe, expect, test } from 'vitest'
import { defaultPlaybookConfig, parsePlaybookConfig, safeParsePlaybookConfig } from '#app/domain/playbooks/config.ts'
import { ConfigError } from '#app/utils/config-error.ts'

describe('playbook config', () => {
	test('defaults give every segment steps and every task a title', () => {
		expect(defaultPlaybookConfig.segments.UNTRAINED.steps[0]).toEqual({ kind: 'gap-path', limit: 1 })
		expect(defaultPlaybookConfig.segments.HIGH_PERFORMER.steps.map((s) => s.kind)).toEqual(['advanced-path', 'advocacy'])
		expect(defaultPlaybookConfig.segments.UNMOTIVATED.steps[0]!.kind).toBe('short-win')
		expect(defaultPlaybookConfig.tasks.proactiveCall.title).toContain('{account}')
		expect(defaultPlaybookConfig.tasks.willDropPoints).toBe(15)
	})

	test('a partial override keeps the rest', () => {
		const config = parsePlaybookConfig({ tasks: { exitReview: { enabled: false }, willDropPoints: 20 }, maxRecommendations: 2 })
		expect(config.tasks.exitReview).toEqual({ enabled: false, title: defaultPlaybookConfig.tasks.exitReview.title })
		expect(config.tasks.willDropPoints).toBe(20)
		expect(config.maxRecommendations).toBe(2)
		expect(config.segments).toEqual(defaultPlaybookConfig.segments)
	})

	test('errors are readable and name the field', () => {
		const result = safeParsePlaybookConfig({
			hrefs: { path: '/paths/' },
			segments: { UNTRAINED: { steps: [{ kind: 'teleport' }] } },
			shortWins: [{ article: 'Not A Slug', title: 'Hi', reason: 'Because it is short' }],
			advocacy: { title: 'Join us', href: 'javascript:alert(1)', reason: 'You are great' },
		})
		expect(result.ok).toBe(false)
		if (result.ok) return
		expect(result.issues).toEqual(
			expect.arrayContaining([
				'hrefs.path: must contain {slug}',
				expect.stringMatching(/^segments\.UNTRAINED\.steps\.0\.kind: /),
				'shortWins.0.article: must be a kebab-case slug',
				expect.stringMatching(/^shortWins\.0\.title: .*>=3/),
				'advocacy.href: must be a site path starting with / or an https:// URL',
			]),
		)
	})

	test('parsePlaybookConfig throws a ConfigError', () => {
		expect(() => parsePlaybookConfig({ tasks: { willDropPoints: 0 } })).toThrow(ConfigError)
		expect(() => parsePlaybookConfig({ tasks: { willDropPoints: 0 } })).toThrow(/tasks\.willDropPoints/)
	})
})
