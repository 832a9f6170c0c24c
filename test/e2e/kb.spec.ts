import { expect, test } from '@playwright/test'
import { signIn } from './support.ts'

const TIER1_BLOCK = 'executive dashboard review with your success manager'

test('a Tier 1 block shows to tier1 and neither its text nor its code reaches tier3', async ({ page, browser }) => {
	await signIn(page, 'tier1@demo.test')
	await page.goto('/kb/build-your-first-dashboard')
	await expect(page.getByTestId('article-body')).toContainText(TIER1_BLOCK)

	const tier3 = await browser.newPage()
	await signIn(tier3, 'tier3@demo.test')
	const response = await tier3.goto('/kb/build-your-first-dashboard')
	await expect(tier3.getByRole('heading', { level: 1 })).toContainText('Build your first dashboard')
	const html = await response!.text()
	expect(html).not.toContain(TIER1_BLOCK)
	expect(html).not.toContain('executive dashboard review')
	// The client-side data request carries the compiled code: it must not hold the block either.
	const data = await tier3.request.get('/kb/build-your-first-dashboard.data')
	expect(await data.text()).not.toContain('executive dashboard review')
	await tier3.close()
})

test('tier3 reads a customers article and is refused a tier1 article without its body; tier1 reads it', async ({ page, browser }) => {
	await signIn(page, 'tier3@demo.test')
	await page.goto('/kb/scheduled-report-delivery')
	await expect(page.getByTestId('article-body')).toBeVisible()
	const refused = await page.goto('/kb/dedicated-warehouse-tuning')
	expect(refused!.status()).toBe(403)
	await expect(page.getByText('Not included in your plan')).toBeVisible()
	expect(await refused!.text()).not.toContain('quasarcache')

	const tier1 = await browser.newPage()
	await signIn(tier1, 'tier1@demo.test')
	await tier1.goto('/kb/dedicated-warehouse-tuning')
	await expect(tier1.getByTestId('article-body')).toContainText('quasarcache')
	await tier1.close()
})

test('a signed-out visitor reads a public article, and signs in from a customers one to come back to it', async ({ page }) => {
	await page.goto('/kb/what-is-prism')
	await expect(page.getByTestId('article-body')).toBeVisible()
	await page.goto('/kb/scheduled-report-delivery')
	await expect(page.getByTestId('sign-in-notice')).toBeVisible()
	await page.getByTestId('sign-in-notice').getByRole('link', { name: 'Sign in' }).click()
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Fkb%2Fscheduled-report-delivery/)
	await page.getByLabel('Email').fill('tier3@demo.test')
	await page.getByLabel('Password').fill('demo-password')
	await page.getByLabel('Password').press('Tab')
	await page.getByRole('button', { name: 'Sign in' }).click()
	await expect(page).toHaveURL(/\/kb\/scheduled-report-delivery$/)
})

test('a helpful vote is recorded and changes on a second click', async ({ page }) => {
	await signIn(page, 'tier2@demo.test')
	await page.goto('/kb/share-a-dashboard')
	await page.getByText('👍 Yes').click()
	await page.getByRole('button', { name: 'Send feedback' }).click()
	await expect(page.getByTestId('vote-status')).toHaveText(/Your vote: helpful/)
	await page.reload()
	await expect(page.getByTestId('vote-status')).toHaveText(/Your vote: helpful/)
	await page.getByText('👎 No').click()
	await page.getByRole('button', { name: 'Send feedback' }).click()
	await expect(page.getByTestId('vote-status')).toHaveText(/Your vote: not helpful/)
	await expect(page.getByTestId('next-steps')).toBeVisible()
	await page.reload()
	await expect(page.getByTestId('vote-status')).toHaveText(/Your vote: not helpful/)
})
