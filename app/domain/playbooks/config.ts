import { z } from 'zod'
import { AudienceSchema } from '#app/domain/accounts-tiers/audience.ts'
import { ConfigError, formatIssues } from '#app/utils/config-error.ts'
import { type ParseResult } from '#app/domain/scoring/config.ts'

/**
 * What each skill/will segment triggers: the customer's recommended next steps, in order, and the
 * CSM tasks. Any field may be left out and takes the default below. Text here is shown to
 * customers, so it never names the segment ("Need to Exit" stays a staff word).
 */

export const PATH_LEVELS = ['beginner', 'intermediate', 'advanced'] as const
export type PathLevel = (typeof PATH_LEVELS)[number]
export const PathLevelSchema = z.enum(PATH_LEVELS)

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case slug')
const text = z.string().trim().min(3).max(200)
const href = z
	.string()
	.regex(/^\/(?!\/)[^\s]*$|^https:\/\/[^\s]+$/, 'must be a site path starting with / or an https:// URL')
const limit = z.number().int().min(1).max(5)

/** A kind of recommendation step; each yields zero or more recommendations, in config order. */
export const RecommendationStepSchema = z.discriminatedUnion('kind', [
	/** Paths that cover the user's skill gaps, most gaps (and the worst gaps) first. */
	z.strictObject({ kind: z.literal('gap-path'), limit: limit.default(1) }),
	/** Paths the user enrolled in but has not finished. */
	z.strictObject({ kind: z.literal('continue-path'), limit: limit.default(1) }),
	/** The easiest unfinished path (or the given level). */
	z.strictObject({ kind: z.literal('next-path'), level: PathLevelSchema.optional(), limit: limit.default(1) }),
	/** Unfinished advanced, then intermediate, paths. */
	z.strictObject({ kind: z.literal('advanced-path'), limit: limit.default(1) }),
	z.strictObject({ kind: z.literal('short-win'), limit: limit.default(2) }),
	z.strictObject({ kind: z.literal('advocacy') }),
	z.strictObject({ kind: z.literal('contact-csm') }),
	z.strictObject({
		kind: z.literal('article'),
		article: slug,
		title: text,
		reason: text,
		audience: AudienceSchema.default('customers'),
	}),
])
export type RecommendationStep = z.output<typeof RecommendationStepSchema>

const SegmentPlaySchema = z.strictObject({ steps: z.array(RecommendationStepSchema).max(10) })

const LinkSchema = z.strictObject({ title: text, href, reason: text })

const ShortWinSchema = z.strictObject({
	article: slug,
	title: text,
	reason: text,
	audience: AudienceSchema.default('customers'),
})

/** `{account}` in a title is replaced by the account name (or id). */
const task = (title: string) =>
	z.strictObject({ enabled: z.boolean().default(true), title: text.default(title) }).prefault({})

const template = (placeholder: string) =>
	z.string().refine((value) => value.includes(placeholder), `must contain ${placeholder}`)

export const PlaybookConfigSchema = z.strictObject({
	hrefs: z
		.strictObject({
			path: template('{slug}').default('/paths/{slug}'),
			article: template('{slug}').default('/kb/{slug}'),
		})
		.prefault({}),
	maxRecommendations: z.number().int().min(1).max(10).default(4),
	segments: z
		.strictObject({
			HIGH_PERFORMER: SegmentPlaySchema.default({
				steps: [{ kind: 'advanced-path', limit: 2 }, { kind: 'advocacy' }],
			}),
			UNTRAINED: SegmentPlaySchema.default({
				steps: [{ kind: 'gap-path', limit: 1 }, { kind: 'continue-path', limit: 1 }, { kind: 'next-path', limit: 1 }],
			}),
			UNMOTIVATED: SegmentPlaySchema.default({ steps: [{ kind: 'short-win', limit: 2 }, { kind: 'continue-path', limit: 1 }] }),
			NEED_TO_EXIT: SegmentPlaySchema.default({
				steps: [{ kind: 'next-path', level: 'beginner', limit: 1 }, { kind: 'short-win', limit: 1 }, { kind: 'contact-csm' }],
			}),
		})
		.prefault({}),
	shortWins: z
		.array(ShortWinSchema)
		.max(20)
		.default([
			{
				article: 'prism-quickstart-checklist',
				title: 'Prism quickstart checklist',
				reason: 'Ten minutes, and your workspace is set up the way successful teams run it.',
				audience: 'public',
			},
			{
				article: 'share-a-dashboard',
				title: 'Share a dashboard',
				reason: 'One share puts your work in front of the people who need it.',
				audience: 'customers',
			},
			{
				article: 'create-a-metric-alert',
				title: 'Create a metric alert',
				reason: 'Let Prism watch a number for you: five minutes to set up.',
				audience: 'customers',
			},
		]),
	advocacy: LinkSchema.default({
		title: 'Share how your team uses Prism',
		href: '/advocacy',
		reason: 'You are getting a lot out of Prism: join our customer community and speak at a user group.',
	}),
	contactCsm: LinkSchema.default({
		title: 'Talk to our success team',
		href: '/contact',
		reason: 'Tell us what you need from Prism and we will help you get there.',
	}),
	tasks: z
		.strictObject({
			rootCauseCheckin: task('Five-whys check-in with {account}: find why engagement dropped'),
			exitReview: task('Exit review for {account}: assemble the case'),
			proactiveCall: task('Proactive call with {account}: a High Performer at risk'),
			/** A High Performer whose will drops by this many points is at risk even without changing segment. */
			willDropPoints: z.number().min(1).max(100).default(15),
			/** No check-in or exit review for an account whose scores rest on too little evidence. */
			skipWhenLowEvidence: z.boolean().default(true),
		})
		.prefault({}),
	exitEvidence: z
		.strictObject({
			expectedWeeklyActiveMinutes: z.number().min(0).default(120),
		})
		.prefault({}),
})

export type PlaybookConfig = z.output<typeof PlaybookConfigSchema>
export type PlaybookConfigInput = z.input<typeof PlaybookConfigSchema>

export function safeParsePlaybookConfig(input: unknown): ParseResult<PlaybookConfig> {
	const result = PlaybookConfigSchema.safeParse(input ?? {})
	return result.success ? { ok: true, config: result.data } : { ok: false, issues: formatIssues(result.error) }
}

export function parsePlaybookConfig(input: unknown): PlaybookConfig {
	const result = safeParsePlaybookConfig(input)
	if (!result.ok) throw new ConfigError('playbook config', result.issues)
	return result.config
}

export const defaultPlaybookConfig: PlaybookConfig = parsePlaybookConfig({})
