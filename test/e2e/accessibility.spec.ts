import { expect, test } from '@playwright/test'
import { expectNoSeriousViolations } from './axe.ts'
import { signIn } from './support.ts'

// axe-core over the pages a customer uses most: WCAG 2.0/2.1/2.2 A and AA plus best practices,
// failing on any serious or critical violation. Tier 1 (Northwind Logistics) has a success plan.

test.describe('a customer meets no serious or critical axe violation', () => {
	test.beforeEach(async ({ page }) => {
		await signIn(page, 'tier1@demo.test')
	})

	test('home, knowledge base, article and search', async ({ page }) => {
		await page.goto('/')
		await expectNoSeriousViolations(page, 'home')

		await page.goto('/kb')
		await expectNoSeriousViolations(page, 'knowledge base')

		await page.goto('/kb/build-your-first-dashboard')
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
		await expectNoSeriousViolations(page, 'article')

		await page.goto('/search?q=report')
		await expectNoSeriousViolations(page, 'search')
	})

	test('path, lesson, quiz and self-assessment, before and during an attempt', async ({ page }) => {
		await page.goto('/paths/prism-fundamentals')
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Prism fundamentals')
		await expectNoSeriousViolations(page, 'path')
		await page.getByRole('button', { name: 'Enrol in this path' }).click()
		await expect(page.getByRole('button', { name: 'Mark complete and continue' })).toBeVisible()
		await expectNoSeriousViolations(page, 'lesson')

		await page.goto('/paths/prism-fundamentals/quizzes/fundamentals-check')
		await expectNoSeriousViolations(page, 'quiz')
		await page.getByRole('button', { name: 'Start' }).click()
		await expect(page.getByTestId('quiz-form')).toBeVisible()
		await expectNoSeriousViolations(page, 'quiz attempt')

		await page.goto('/assessments/analytics-maturity')
		await expectNoSeriousViolations(page, 'self-assessment')
		await page.getByRole('button', { name: 'Start' }).click()
		await expect(page.getByTestId('quiz-form')).toBeVisible()
		await expectNoSeriousViolations(page, 'self-assessment attempt')
	})

	test('success plan', async ({ page }) => {
		await page.goto('/plan')
		await expect(page.getByTestId('plan-status')).toBeVisible()
		await expectNoSeriousViolations(page, 'plan')
	})
})

test.describe('the pages a visitor and a phone user meet have no serious or critical axe violation', () => {
	test('signed-out help-centre home, contact link, sign-in notice of a customers article', async ({ page }) => {
		await page.goto('/')
		await expect(page.getByRole('heading', { name: 'How can we help?' })).toBeVisible()
		await expectNoSeriousViolations(page, 'visitor home')

		await page.goto('/kb/scheduled-report-delivery')
		await expect(page.getByTestId('sign-in-notice')).toBeVisible()
		await expectNoSeriousViolations(page, 'sign-in notice')
	})

	test('on a phone: header with its menu open, article, search with filters open, contact', async ({ page }) => {
		await page.setViewportSize({ width: 390, height: 844 })
		await signIn(page, 'tier3@demo.test')
		await page.getByRole('button', { name: 'Menu' }).click()
		await expect(page.getByTestId('signed-in-as')).toBeVisible()
		await expectNoSeriousViolations(page, 'phone home, menu open')

		await page.goto('/kb/connect-a-data-warehouse')
		await expect(page.getByTestId('article-body')).toBeVisible()
		await expectNoSeriousViolations(page, 'phone article')

		await page.goto('/search?q=dashboard')
		await page.getByRole('button', { name: /^Filters/ }).click()
		await expectNoSeriousViolations(page, 'phone search, filters open')

		await page.goto('/contact')
		await expectNoSeriousViolations(page, 'contact')
	})
})
