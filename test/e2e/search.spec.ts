import { expect, test } from '@playwright/test'
import { signIn } from './support.ts'

test('a typo query ("reprot") finds the scheduled report article', async ({ page }) => {
	await signIn(page, 'tier3@demo.test')
	await page.goto('/search?q=reprot')
	await expect(page.getByTestId('search-results')).toContainText('Schedule')
	await expect(page.getByTestId('search-results').getByRole('link', { name: /report/i }).first()).toBeVisible()
	const urls = await page.getByTestId('search-results').getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')))
	expect(urls).toContain('/kb/scheduled-report-delivery')
})

test('tier3 searching a term only a tier1 article holds gets no hit and no snippet of it', async ({ page }) => {
	await signIn(page, 'tier3@demo.test')
	const response = await page.goto('/search?q=quasarcache')
	await expect(page.getByTestId('search-empty')).toBeVisible()
	const html = await response!.text()
	expect(html.toLowerCase()).not.toContain('dedicated-warehouse-tuning')
	const api = await page.request.get('/api/search?q=quasarcache')
	const body = await api.json()
	expect(body.total).toBe(0)
	expect(JSON.stringify(body)).not.toContain('quasarcache</')
	expect(body.hits).toEqual([])
})

test('the header search navigates to a result by keyboard', async ({ page }) => {
	await signIn(page, 'tier2@demo.test')
	const box = page.getByRole('combobox', { name: 'Search' })
	await box.fill('schedul')
	await expect(page.getByRole('listbox', { name: 'Search suggestions' }).getByRole('option').first()).toBeVisible()
	await box.press('ArrowDown')
	const first = page.getByRole('option').first()
	await expect(first).toHaveAttribute('aria-selected', 'true')
	const title = (await first.locator('span').first().textContent())!
	await box.press('Enter')
	await expect(page.getByRole('heading', { level: 1 })).toContainText(title)
})
