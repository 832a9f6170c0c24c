import { describe, expect, test } from 'vitest'
import { buildAudienceVariants, levelsThatCanRead, variantFor } from '#app/domain/content/audience-variants.ts'
import { checkSafeMdx } from '#app/domain/content/safe-mdx.ts'
import type { Audience } from '#app/domain/accounts-tiers/audience.ts'

const ONE_TIER1_BLOCK = `Everyone reads this.

<Audience min="tier1">
## Dedicated warehouse

Secret tier 1 detail.
</Audience>

Closing words.
`

describe('buildAudienceVariants', () => {
	test('a customers article with one tier1 block gives two variants', () => {
		const variants = buildAudienceVariants(ONE_TIER1_BLOCK, 'customers')
		expect(variants).toEqual([
			{ levels: ['customers', 'tier2'], body: 'Everyone reads this.\n\nClosing words.\n' },
			{ levels: ['tier1', 'staff'], body: ONE_TIER1_BLOCK },
		])
	})

	test('a body without gated blocks is one variant for every level that can read the item', () => {
		expect(buildAudienceVariants('Plain text.\n', 'public')).toEqual([
			{ levels: ['public', 'customers', 'tier2', 'tier1', 'staff'], body: 'Plain text.\n' },
		])
	})

	test('only levels at or above the item audience get a variant', () => {
		expect(levelsThatCanRead('tier2')).toEqual(['tier2', 'tier1', 'staff'])
		const variants = buildAudienceVariants(ONE_TIER1_BLOCK, 'tier2')
		expect(variants.flatMap((variant) => variant.levels)).toEqual(['tier2', 'tier1', 'staff'])
	})

	test('nested blocks are cut per level, and no gated text reaches a lower variant', () => {
		const body = `Intro for customers.

<Audience min="tier2">
Tier 2 paragraph.

<Audience min="staff">
Staff-only note with an internal URL.
</Audience>

More tier 2 text.
</Audience>

Outro.
`
		const variants = buildAudienceVariants(body, 'customers')
		expect(variants.map((variant) => variant.levels)).toEqual([['customers'], ['tier2', 'tier1'], ['staff']])

		const [customers, tier2, staff] = variants
		expect(customers.body).toBe('Intro for customers.\n\nOutro.\n')
		expect(customers.body).not.toMatch(/Tier 2|Staff|Audience/)

		expect(tier2.body).toContain('Tier 2 paragraph.')
		expect(tier2.body).toContain('More tier 2 text.')
		expect(tier2.body).not.toContain('Staff-only')
		expect(tier2.body).not.toContain('min="staff"')

		expect(staff.body).toBe(body)
		// Every variant is still valid, policy-clean MDX.
		for (const variant of variants) expect(checkSafeMdx(variant.body)).toEqual({ ok: true })
	})

	test('an inline block inside a paragraph is cut too', () => {
		const body = 'Prices start at 100 <Audience min="tier1">(Tier 1 discount: 20%)</Audience> per seat.\n'
		const [lower, higher] = buildAudienceVariants(body, 'customers')
		expect(lower.body).toBe('Prices start at 100  per seat.\n')
		expect(higher.body).toBe(body)
	})

	test('blocks at or below the item audience are kept for everyone', () => {
		const body = 'A\n\n<Audience min="customers">\nFor customers.\n</Audience>\n'
		expect(buildAudienceVariants(body, 'tier2')).toEqual([{ levels: ['tier2', 'tier1', 'staff'], body }])
	})

	test('a block with an invalid min is treated as staff-only (fail closed)', () => {
		const body = 'A\n\n<Audience min="everyone">\nHidden.\n</Audience>\n'
		const variants = buildAudienceVariants(body, 'public')
		expect(variants[0].levels).toEqual(['public', 'customers', 'tier2', 'tier1'])
		expect(variants[0].body).not.toContain('Hidden')
	})

	test('two blocks of different levels give three variants', () => {
		const body = 'A\n\n<Audience min="tier2">\nB\n</Audience>\n\n<Audience min="tier1">\nC\n</Audience>\n\nD\n'
		const variants = buildAudienceVariants(body, 'customers')
		expect(variants.map((variant) => [variant.levels, variant.body.replace(/<\/?Audience[^>]*>\n?/g, '')])).toEqual([
			[['customers'], 'A\n\nD\n'],
			[['tier2'], 'A\n\nB\n\nD\n'],
			[['tier1', 'staff'], 'A\n\nB\n\nC\n\nD\n'],
		])
	})
})

describe('variantFor', () => {
	const variants = buildAudienceVariants(ONE_TIER1_BLOCK, 'customers')

	test('picks the variant that lists the reader level', () => {
		expect(variantFor('tier2', variants)?.body).not.toContain('Secret')
		expect(variantFor('tier1', variants)?.body).toContain('Secret')
		expect(variantFor('staff', variants)?.body).toContain('Secret')
	})

	test('gives nothing to a reader below the item audience', () => {
		expect(variantFor('public', variants)).toBeNull()
	})
})

describe('cutting gated blocks keeps the text around them exact (mutation testing)', () => {
	const bodyFor = (body: string, level: Audience) => variantFor(level, buildAudienceVariants(body, 'public'))!.body

	test('the larger run of newlines around a cut survives, so paragraphs stay apart and do not grow apart', () => {
		const body = 'Intro\n\n<Audience min="tier1">\nSecret\n</Audience>\nOutro\n'
		expect(bodyFor(body, 'public')).toBe('Intro\n\nOutro\n')
		expect(bodyFor('Intro\n<Audience min="tier1">\nSecret\n</Audience>\n\n\nOutro\n', 'public')).toBe('Intro\n\n\nOutro\n')
		expect(bodyFor(body, 'tier1')).toBe(body)
	})

	test('a block at the very start or end is cut with nothing glued on', () => {
		expect(bodyFor('<Audience min="staff">\nSecret\n</Audience>\n\nOutro\n', 'tier1')).toBe('\n\nOutro\n')
		expect(bodyFor('Intro\n\n<Audience min="staff">\nSecret\n</Audience>', 'tier1')).toBe('Intro\n\n')
	})

	test('two blocks cut from one body, the nested one with its parent', () => {
		const body = 'A\n\n<Audience min="tier2">\nB\n\n<Audience min="tier1">\nC\n</Audience>\n</Audience>\n\nD\n\n<Audience min="staff">\nE\n</Audience>\n\nF\n'
		expect(bodyFor(body, 'customers')).toBe('A\n\nD\n\nF\n')
		expect(bodyFor(body, 'tier2')).not.toContain('C')
		expect(bodyFor(body, 'tier2')).toContain('B')
	})
})

describe('only Audience blocks are cut, by their min attribute (mutation testing)', () => {
	test('other components stay in every variant', () => {
		const body = 'A\n\n<Callout type="tip">\nFor all.\n</Callout>\n\n<Steps>\n<Step title="One">Do.</Step>\n</Steps>\n\n<Check id="a-check" />\n'
		expect(buildAudienceVariants(body, 'public')).toEqual([{ levels: ['public', 'customers', 'tier2', 'tier1', 'staff'], body }])
	})

	test('min is read by name, wherever it stands among the attributes', () => {
		const body = 'A\n\n<Audience title="Tier 1" min="tier1">\nGated.\n</Audience>\n'
		expect(buildAudienceVariants(body, 'customers').map((variant) => variant.levels)).toEqual([
			['customers', 'tier2'],
			['tier1', 'staff'],
		])
	})

	test('a block without min, or with an expression for it, is staff-only', () => {
		for (const open of ['<Audience>', '<Audience min={level}>']) {
			const body = `A\n\n${open}\nHidden.\n</Audience>\n`
			const variants = buildAudienceVariants(body, 'public')
			expect(variants.map((variant) => variant.levels)).toEqual([['public', 'customers', 'tier2', 'tier1'], ['staff']])
			expect(variants[0]!.body).toBe('A\n\n')
		}
	})
})
