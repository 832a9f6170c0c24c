import { expect, test } from '@playwright/test'
import { signIn } from './support.ts'

test.describe('sign-in per role', () => {
	for (const [email, tier] of [
		['tier1@demo.test', 'Enterprise plan'],
		['tier2@demo.test', 'Business plan'],
		['tier3@demo.test', 'Essentials plan'],
	] as const) {
		test(`${email} sees their account home with its plan`, async ({ page }) => {
			await signIn(page, email)
			await expect(page.getByTestId('account-tier')).toContainText(tier)
			await expect(page.getByRole('heading', { name: 'What your plan includes' })).toBeVisible()
		})
	}

	for (const [email, role] of [
		['admin@demo.test', 'ADMIN'],
		['csm@demo.test', 'CSM'],
		['editor@demo.test', 'EDITOR'],
	] as const) {
		test(`${email} lands on the staff console`, async ({ page }) => {
			await signIn(page, email)
			await expect(page).toHaveURL(/\/console$/)
			await expect(page.getByTestId('console-role')).toContainText(role)
		})
	}
})

test('a wrong password shows an error and no session', async ({ page }) => {
	await signIn(page, 'tier3@demo.test', 'definitely-wrong')
	await expect(page.getByRole('alert')).toContainText('Wrong email or password.')
	await expect(page).toHaveURL(/\/login/)
})

test('a customer requesting a staff page is refused', async ({ page }) => {
	await signIn(page, 'tier2@demo.test')
	await expect(page.getByTestId('account-tier')).toBeVisible()
	const response = await page.goto('/console/accounts')
	expect(response?.status()).toBe(403)
	await expect(page.getByRole('heading', { name: 'You do not have access to this page' })).toBeVisible()
})

test('sign-out ends the session: the old cookie no longer works', async ({ page, context, browser }) => {
	await signIn(page, 'csm@demo.test')
	await expect(page).toHaveURL(/\/console$/)
	const cookies = await context.cookies()
	await page.getByRole('button', { name: 'Sign out' }).click()
	await expect(page).toHaveURL(/\/login/)
	// Replay the old cookie in a fresh browser context: it must not open the console.
	const replay = await browser.newContext()
	await replay.addCookies(cookies)
	const other = await replay.newPage()
	await other.goto('/console')
	await expect(other).toHaveURL(/\/login\?redirectTo=%2Fconsole/)
	await replay.close()
})
