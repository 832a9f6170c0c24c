import { expect, test } from '@playwright/test'
import { expectNoSeriousViolations } from './axe.ts'
import { emailTo } from './outbox.ts'
import { DEMO_PASSWORD, signIn } from './support.ts'

// tier3@demo.test forgets their password, resets it by email, then changes it back to the demo
// password from their account settings, so later tests still sign in with it.
const EMAIL = 'tier3@demo.test'
const NEW_PASSWORD = 'a fresh passphrase for tier three'

test('a password reset works end to end, ends other sessions, and the link fails on second use', async ({ page, browser }) => {
	// Two sign-ins, a reset and a change: five slow password hashes and many pages.
	test.setTimeout(90_000)
	const elsewhere = await (await browser.newContext()).newPage()
	await signIn(elsewhere, EMAIL)

	await page.goto('/login')
	await page.getByRole('link', { name: 'Forgot password?' }).click()
	await expect(page).toHaveURL(/\/forgot-password$/)
	await expectNoSeriousViolations(page, 'forgot password')

	// An unknown address gets the same answer as a known one.
	await page.getByLabel('Email').fill('nobody-at-all@example.com')
	await page.getByLabel('Email').press('Tab')
	await page.getByRole('button', { name: 'Send reset link' }).click()
	const unknownAnswer = await page.getByTestId('reset-requested').textContent()
	await page.goto('/forgot-password')
	await page.getByLabel('Email').fill(EMAIL)
	await page.getByLabel('Email').press('Tab')
	await page.getByRole('button', { name: 'Send reset link' }).click()
	await expect(page.getByTestId('reset-requested')).toHaveText(unknownAnswer!)

	const email = await emailTo(EMAIL, /Reset your Success Portal password/)
	const link = new URL(/https?:\/\/\S+\/reset-password\/\S+/.exec(email.text)![0])
	await page.goto(link.pathname)
	await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD)
	await page.getByLabel('Repeat new password').fill(NEW_PASSWORD)
	await page.getByLabel('Repeat new password').press('Tab')
	await page.getByRole('button', { name: 'Set new password' }).click()
	await expect(page.getByTestId('signed-in-as')).toBeVisible()

	// The other browser was signed out.
	await elsewhere.goto('/account')
	await expect(elsewhere).toHaveURL(/\/login\?/)

	// The link works once.
	await page.goto(link.pathname)
	await expect(page.getByTestId('reset-link-invalid')).toContainText('expired or was already used')

	// Change it back from the account settings: the current password is required.
	await page.goto('/account')
	await expectNoSeriousViolations(page, 'account')
	await page.getByLabel('Current password').fill('not the password')
	await page.getByLabel('New password', { exact: true }).fill(DEMO_PASSWORD)
	await page.getByLabel('Repeat new password').fill(DEMO_PASSWORD)
	await page.getByLabel('Repeat new password').press('Tab')
	await page.getByRole('button', { name: 'Change password' }).click()
	await expect(page.getByText('That is not your current password.')).toBeVisible()
	await page.getByLabel('Current password').fill(NEW_PASSWORD)
	await page.getByLabel('New password', { exact: true }).fill(DEMO_PASSWORD)
	await page.getByLabel('Repeat new password').fill(DEMO_PASSWORD)
	await page.getByLabel('Repeat new password').press('Tab')
	await page.getByRole('button', { name: 'Change password' }).click()
	await expect(page.getByRole('status').filter({ hasText: 'Password changed.' })).toBeVisible()

	await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click()
	// Wait for the sign-out to land: /login sends a signed-in reader away.
	await expect(page.getByTestId('signed-in-as')).toHaveCount(0)
	await signIn(page, EMAIL, DEMO_PASSWORD)
	await expect(page.getByTestId('signed-in-as')).toBeVisible()
})
