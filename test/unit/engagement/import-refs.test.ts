import { afterEach, describe, expect, test } from 'vitest'
import { InstantCell } from '#app/domain/engagement/import-format.server.ts'
import { daysBetween, isDomainRef, isPublicEmailDomain, nameFromDomain, nameFromEmail, placeholderDomain } from '#app/domain/engagement/import-refs.ts'
import { UsageRowSchema } from '#app/domain/engagement/import-usage.server.ts'

describe('what an import row names', () => {
	test('a reference with a dot and a top-level domain is a domain; anything else an external id', () => {
		expect(isDomainRef('acme.com')).toBe(true)
		expect(isDomainRef('EU.Acme.co.uk')).toBe(true)
		expect(isDomainRef('HUB-20417')).toBe(false)
		expect(isDomainRef('0015g00000AbCdE')).toBe(false)
		expect(isDomainRef('acme')).toBe(false)
		expect(isPublicEmailDomain('Gmail.com')).toBe(true)
		expect(isPublicEmailDomain('acme.com')).toBe(false)
	})

	test('names and placeholder domains for created accounts and users', () => {
		expect(nameFromDomain('acme.com')).toBe('Acme')
		expect(nameFromDomain('www.acme-labs.co.uk')).toBe('Acme Labs')
		expect(nameFromDomain('larkspur.example.com')).toBe('Larkspur Example')
		expect(nameFromEmail('ada.lovelace+crm@acme.com')).toBe('Ada Lovelace')
		const placeholder = placeholderDomain('HUB 20417')
		expect(placeholder).toMatch(/^hub-20417-[0-9a-f]{6}\.import\.invalid$/)
		expect(isDomainRef(placeholder)).toBe(true)
		expect(placeholderDomain('hub_20417')).not.toBe(placeholderDomain('hub-20417'))
	})

	test('periods: week, days and from/to agree or the row is refused', () => {
		const parse = (row: Record<string, unknown>) => UsageRowSchema.safeParse({ account: 'acme.com', metric: 'active_minutes', value: '5', ...row })
		expect(parse({ day: '2026-05-04', period: 'week' }).data).toMatchObject({ day: '2026-05-04', periodDays: 7, value: 5 })
		expect(parse({ from: '2026-02-01', to: '2026-02-28', days: '28' }).data).toMatchObject({ day: '2026-02-01', periodDays: 28 })
		expect(parse({ from: '2026-02-01', to: '2026-02-28', period: 'week' }).error?.issues[0]?.message).toBe('says 7 days but to says 28')
		expect(parse({ day: '2026-05-04', period: 'week', metric: 'active_days', value: '4' }).data).toMatchObject({ periodDays: 7, value: 4 })
		expect(parse({ day: '2026-05-04', period: 'week', metric: 'active_days', value: 8 }).error?.issues[0]?.message).toMatch(/at most the 7/)
		expect(parse({ day: '2026-05-04', metric: 'active_days', value: 0.5 }).success).toBe(false)
		expect(daysBetween('2026-03-28', '2026-04-03')).toBe(7)
	})
})

describe('instants without a zone', () => {
	const zone = process.env.TZ
	afterEach(() => {
		process.env.TZ = zone
	})
	test('are read as UTC whatever the server zone', () => {
		process.env.TZ = 'America/New_York'
		expect(InstantCell.parse('2026-03-01T09:30:00').toISOString()).toBe('2026-03-01T09:30:00.000Z')
		expect(InstantCell.parse('2026-03-01 09:30').toISOString()).toBe('2026-03-01T09:30:00.000Z')
		expect(InstantCell.parse('2026-03-01T09:30:00+02:00').toISOString()).toBe('2026-03-01T07:30:00.000Z')
	})
})
