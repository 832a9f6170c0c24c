import { expect, test, type Page } from '@playwright/test'
import { expectNoSeriousViolations } from './axe.ts'
import { signIn } from './support.ts'

// Seeded demo data (prisma/seed.ts, seed-engagement.ts): csm@demo.test manages Northwind Logistics
// (High Performers), Helios Health (Untrained) and Atlas Retail Group (Unmotivated), all Tier 1, and
// Quill Publishing (Need to Exit, Tier 2).

async function accountIdFromTable(page: Page, section: string, name: string) {
	const href = await page.getByTestId(section).locator('details table').getByRole('link', { name, includeHidden: true }).getAttribute('href')
	return href!.split('/').pop()!
}

test('the CSM sees both charts with their tables, filters them, and drills down from a point', async ({ page }) => {
	test.setTimeout(60_000)
	await signIn(page, 'csm@demo.test')
	// Hydration mismatches and chart warnings show up as console errors.
	const errors: string[] = []
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text())
	})
	page.on('pageerror', (error) => errors.push(error.message))
	await page.goto('/console/accounts')

	const matrix = page.getByTestId('skill-will-matrix')
	const matrixSvg = matrix.locator('svg[role="img"]')
	await expect(matrixSvg).toHaveAttribute('aria-label', /^Skill\/will matrix: 4 accounts plotted/)
	await expect(matrixSvg).toHaveAttribute('aria-label', /High Performers 1, Untrained 1, Unmotivated 1, Need to Exit 1\./)
	await expect(matrix.getByTestId('chart-point')).toHaveCount(4)
	for (const segment of ['High Performers', 'Untrained', 'Unmotivated', 'Need to Exit']) await expect(matrixSvg).toContainText(segment)
	const quadrant = page.getByTestId('happiness-value-quadrant')
	await expect(quadrant.locator('svg[role="img"]')).toHaveAttribute('aria-label', /^Happiness × value quadrant: 4 accounts plotted/)
	await expect(quadrant.getByTestId('chart-point')).toHaveCount(4)

	// The same data as a table, behind "Show as table".
	await matrix.getByText('Show as table').click()
	const matrixTable = matrix.getByRole('table', { name: 'Skill/will matrix as a table' })
	await expect(matrixTable.getByRole('row').filter({ hasText: 'Atlas Retail Group' })).toContainText('Unmotivated')
	await expect(matrixTable.getByRole('row').filter({ hasText: 'Quill Publishing' })).toContainText('Need to Exit')
	await quadrant.getByText('Show as table').click()
	await expect(quadrant.getByRole('table', { name: 'Happiness × value quadrant as a table' }).getByRole('row')).toHaveCount(5)
	await expectNoSeriousViolations(page, 'console accounts with charts')

	// Filters narrow the table and both charts: Tier 1 leaves Quill Publishing out.
	await page.getByLabel('Tier').selectOption('1')
	await page.getByRole('button', { name: 'Apply filters' }).click()
	await expect(page).toHaveURL(/tier=1/)
	await expect(page.getByTestId('portfolio-count')).toHaveText('3 of 4 accounts')
	await expect(matrix.getByTestId('chart-point')).toHaveCount(3)
	await page.getByLabel('Tier').selectOption('')
	await page.getByLabel('Segment', { exact: true }).selectOption({ label: 'Unmotivated' })
	await page.getByRole('button', { name: 'Apply filters' }).click()
	await expect(page).toHaveURL(/segment=UNMOTIVATED/)
	await expect(page.getByTestId('portfolio-count')).toHaveText('1 of 4 accounts')
	await expect(matrix.getByTestId('chart-point')).toHaveCount(1)
	await expect(quadrant.getByTestId('chart-point')).toHaveCount(1)
	await page.getByLabel('Tier').selectOption('1')
	await page.getByRole('button', { name: 'Apply filters' }).click()
	await expect(page).toHaveURL(/tier=1/)
	await expect(page.getByTestId('portfolio-count')).toHaveText('1 of 4 accounts')

	// Hover shows who it is; a click opens the account.
	const atlasId = await accountIdFromTable(page, 'skill-will-matrix', 'Atlas Retail Group')
	const point = matrix.locator(`[data-account-id="${atlasId}"]`)
	await point.hover()
	await expect(matrix.getByTestId('chart-tooltip')).toContainText('Atlas Retail Group')
	await expect(matrix.getByTestId('chart-tooltip')).toContainText('Unmotivated')
	await point.click()
	await expect(page).toHaveURL(new RegExp(`/console/accounts/${atlasId}$`))
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Atlas Retail Group')

	// The quadrant chart drills down the same way.
	await page.goto('/console/accounts')
	const heliosId = await accountIdFromTable(page, 'happiness-value-quadrant', 'Helios Health')
	await quadrant.locator(`[data-account-id="${heliosId}"]`).click()
	await expect(page).toHaveURL(new RegExp(`/console/accounts/${heliosId}$`))
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Helios Health')
	expect(errors).toEqual([])
})

test('an admin filters the charts by CSM', async ({ page }) => {
	await signIn(page, 'admin@demo.test')
	await page.goto('/console/accounts')
	const all = Number((await page.getByTestId('skill-will-matrix').locator('svg[role="img"]').getAttribute('aria-label'))!.match(/: (\d+) accounts? plotted/)![1])
	expect(all).toBeGreaterThan(3)
	await page.getByLabel('CSM').selectOption({ label: 'Casey Success' })
	await page.getByRole('button', { name: 'Apply filters' }).click()
	await expect(page.getByTestId('skill-will-matrix').getByTestId('chart-point')).toHaveCount(4)
	await expect(page.getByRole('table', { name: /Accounts with tier/ }).getByRole('row')).toHaveCount(5)
})
