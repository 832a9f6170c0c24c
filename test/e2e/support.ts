import { expect, type Page } from '@playwright/test'

export const DEMO_PASSWORD = 'demo-password'

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
	await page.goto('/login')
	await page.getByLabel('Email').fill(email)
	await page.getByLabel('Password').fill(password)
	await page.getByLabel('Password').press('Tab')
	await page.getByRole('button', { name: 'Sign in' }).click()
	if (password === DEMO_PASSWORD) await expect(page).not.toHaveURL(/\/login/)
}
