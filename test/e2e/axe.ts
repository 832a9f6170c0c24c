import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

// axe-core: WCAG 2.0/2.1/2.2 A and AA plus best practices, failing on any serious or critical violation.
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']
const BLOCKING = new Set(['serious', 'critical'])

export async function expectNoSeriousViolations(page: Page, name: string) {
	await page.waitForLoadState('load')
	// Settle first where the page lets us; Chromium's network idle can stay unreached after a
	// client-side navigation from a page whose video frame failed to load (no network here), so it
	// is waited for a while, not required.
	await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {})
	const results = await new AxeBuilder({ page }).withTags(TAGS).analyze()
	const blocking = results.violations.filter((violation) => BLOCKING.has(violation.impact ?? ''))
	const report = blocking.flatMap((violation) =>
		violation.nodes.map((node) => `${violation.impact} ${violation.id}: ${node.target.join(' ')}\n    ${node.failureSummary?.replace(/\n/g, '\n    ') ?? ''}`),
	)
	expect.soft(report, `${name} (${page.url()}): serious or critical axe violations`).toEqual([])
}
