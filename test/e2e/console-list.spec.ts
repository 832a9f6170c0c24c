import fs from 'node:fs/promises'
import { expect, test } from '@playwright/test'
import { expectNoSeriousViolations } from './axe.ts'
import { signIn } from './support.ts'

// Demo data: csm@demo.test manages Northwind Logistics, Helios Health, Atlas Retail Group (Tier 1)
// and Quill Publishing (Tier 2, Need to Exit, with an exit-review task).

test('the CSM searches, sorts and pages the account list through the URL, and exports the view as CSV', async ({ page }) => {
	test.setTimeout(60_000)
	await signIn(page, 'csm@demo.test')
	await page.goto('/console/accounts')
	const list = page.getByTestId('account-list')
	await expect(list.getByTestId('account-row')).toHaveCount(4)

	// Sort by name: the header says so, and the URL holds it.
	await list.getByTestId('sort-name').click()
	await expect(page).toHaveURL(/sort=name&dir=asc/)
	await expect(list.locator('th[aria-sort="ascending"]')).toContainText('Name')
	await expect(list.getByTestId('account-row').first()).toContainText('Atlas Retail Group')
	await list.getByTestId('sort-name').click()
	await expect(page).toHaveURL(/sort=name&dir=desc/)
	await expect(list.getByTestId('account-row').first()).toContainText('Quill Publishing')

	// Search keeps the sort; back returns to the unfiltered list.
	await page.getByLabel('Search accounts').fill('health')
	await page.getByRole('button', { name: 'Apply filters' }).click()
	await expect(page).toHaveURL(/q=health/)
	await expect(page).toHaveURL(/sort=name/)
	await expect(list.getByTestId('account-row')).toHaveCount(1)
	await expect(list.getByTestId('account-row')).toContainText('Helios Health')
	await expect(page.getByTestId('portfolio-count')).toHaveText('1 of 4 accounts')
	await expectNoSeriousViolations(page, 'console account list, searched')
	await page.goBack()
	await expect(list.getByTestId('account-row')).toHaveCount(4)

	// The quadrant filter and the CSV of that view.
	await page.goto('/console/accounts?sort=name')
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-export').click()])
	expect(download.suggestedFilename()).toMatch(/^accounts-\d{4}-\d{2}-\d{2}\.csv$/)
	const csv = await fs.readFile((await download.path())!, 'utf8')
	const lines = csv.trimEnd().split('\r\n')
	expect(lines[0]).toMatch(/^Account,Domain,Tier,ARR,/)
	expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['Atlas Retail Group', 'Helios Health', 'Northwind Logistics', 'Quill Publishing'])
	expect(lines.find((l) => l.startsWith('Quill Publishing'))).toContain('Need to Exit')

	// A CSM asking the export for everything still gets their own accounts.
	const all = await page.request.get('/console/accounts/export.csv?csm=anyone')
	expect(all.status()).toBe(200)
	expect((await all.text()).trimEnd().split('\r\n')).toHaveLength(5)
})

test('the CSM completes a task with an outcome from the queue, and the account page shows how it ended', async ({ page }) => {
	test.setTimeout(60_000)
	await signIn(page, 'csm@demo.test')
	await page.goto('/console')
	await expect(page.getByTestId('open-task-count')).toContainText(/\d+ open tasks?/)
	await expectNoSeriousViolations(page, 'console home')
	await page.getByTestId('open-task-count').getByRole('link').first().click()
	await expect(page).toHaveURL(/\/console\/tasks$/)
	await expectNoSeriousViolations(page, 'console task queue')

	const quill = page.getByTestId('task').filter({ hasText: 'Quill Publishing' })
	await expect(quill).toHaveAttribute('data-kind', 'EXIT_REVIEW')
	// Without an outcome the browser does not send the form.
	await quill.getByRole('button', { name: 'Mark done' }).click()
	await expect(quill).toHaveCount(1)
	await quill.getByLabel('Outcome').selectOption({ label: 'Escalated' })
	await quill.getByLabel('Note').fill('Exit case sent to the account director.')
	await quill.getByRole('button', { name: 'Mark done' }).click()
	await expect(page.getByTestId('task-done')).toContainText('Marked done: Exit review for Quill Publishing')
	await expect(page.getByTestId('task').filter({ hasText: 'Quill Publishing' })).toHaveCount(0)

	// The account page lists it as done, with the outcome, who and the note; its users are on their own chart.
	await page.goto('/console/accounts?q=quill')
	await page.getByTestId('account-list').getByRole('link', { name: 'Quill Publishing' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quill Publishing')
	const done = page.getByTestId('task').filter({ hasText: 'Exit review for Quill Publishing' })
	await expect(done.getByTestId('task-outcome')).toContainText('Done: Escalated · by Casey Success')
	await expect(done.getByTestId('task-outcome')).toContainText('Exit case sent to the account director.')
	await expect(page.getByTestId('users-matrix').locator('svg[role="img"]')).toHaveAttribute('aria-label', /^Users' skill\/will matrix: \d+ users? plotted/)
	await expect(page.getByTestId('engagement-timeline').getByRole('row')).toHaveCount(13)
	await expectNoSeriousViolations(page, 'console account page')
})
