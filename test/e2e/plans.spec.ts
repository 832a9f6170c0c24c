import { expect, test, type Browser, type Page } from '@playwright/test'

// Runs on the seeded demo data: Northwind Logistics (tier1@demo.test) has a draft plan with three
// objectives, Helios Health a proposed one, Atlas Retail Group an agreed one and a past one.

const PASSWORD = 'demo-password'

async function signIn(page: Page, email: string) {
	await page.goto('/login')
	await page.getByLabel('Email').fill(email)
	await page.getByLabel('Password').fill(PASSWORD)
	await page.getByLabel('Password').press('Tab')
	await page.getByRole('button', { name: 'Sign in' }).click()
	await expect(page.getByTestId('signed-in-as')).toBeVisible()
}

async function signedIn(browser: Browser, email: string) {
	const context = await browser.newContext()
	const page = await context.newPage()
	await signIn(page, email)
	return page
}

const objective = (page: Page, metric: string) =>
	page.getByTestId('objective').filter({ has: page.getByRole('heading', { name: metric, exact: true }) })

test('the CSM proposes, the customer agrees to two measures and asks for a change on a third, the CSM sees it, history shows every step', async ({
	browser,
}) => {
	const csm = await signedIn(browser, 'csm@demo.test')
	await csm.goto('/console/plans')
	const northwind = csm.getByTestId('console-plan-row').filter({ hasText: 'Northwind Logistics' })
	await northwind.getByRole('link', { name: 'Warehouse analytics rollout' }).click()
	await expect(csm.getByRole('heading', { level: 1, name: 'Warehouse analytics rollout' })).toBeVisible()
	await csm.getByRole('button', { name: 'Propose to the customer' }).click()
	await expect(csm.getByTestId('plan-status')).toHaveText('Awaiting agreement')

	const customer = await signedIn(browser, 'tier1@demo.test')
	await customer.getByRole('link', { name: 'Success plan' }).click()
	await expect(customer).toHaveURL(/\/plan$/)
	await expect(customer.getByRole('heading', { level: 1, name: 'Warehouse analytics rollout' })).toBeVisible()
	await expect(customer.getByTestId('plan-status')).toHaveText('Awaiting agreement')
	for (const metric of ['Weekly active dashboard users', 'Time to produce the morning report']) {
		await objective(customer, metric).getByRole('button', { name: /Agree to this measure/ }).click()
		await expect(objective(customer, metric).getByTestId('objective-agreement')).toHaveText(/Agreed/)
	}
	// The plan itself waits for the third measure.
	await expect(customer.getByRole('button', { name: /Agree to the plan/ })).toBeDisabled()
	const sites = objective(customer, 'Sites live on Prism')
	await sites.getByText('Ask for a change to this measure').click()
	await sites.getByLabel('What would you like changed?').fill('Twelve sites is too many this year: can we say eight?')
	await sites.getByLabel('What would you like changed?').press('Tab')
	await sites.getByRole('button', { name: 'Ask for a change' }).click()
	await expect(sites.getByTestId('objective-agreement')).toHaveText('Changes requested')
	await expect(customer.getByTestId('plan-status')).toHaveText('Changes requested')

	// The CSM's list highlights the request, and the plan shows it.
	await csm.goto('/console/plans')
	const highlighted = csm.getByTestId('console-plan-row').first()
	await expect(highlighted).toContainText('Northwind Logistics')
	await expect(highlighted).toHaveAttribute('data-needs-answer', 'true')
	await expect(highlighted.getByTestId('change-request')).toContainText('Twelve sites is too many this year')
	await highlighted.getByRole('link', { name: 'Warehouse analytics rollout' }).click()
	await expect(csm.getByRole('heading', { level: 1, name: 'Warehouse analytics rollout' })).toBeVisible()
	await expect(csm.getByTestId('plan-status')).toHaveText('Changes requested')
	const csmSites = objective(csm, 'Sites live on Prism')
	await expect(csmSites.getByTestId('objective-agreement')).toHaveText('Changes requested')
	await expect(csmSites.getByTestId('plan-comment')).toContainText('Twelve sites is too many this year: can we say eight?')

	const steps = [
		/Casey Success\s*Proposed the plan for agreement/,
		/Tier 1 Customer\s*Agreed to the measure of “Weekly active dashboard users”/,
		/Tier 1 Customer\s*Agreed to the measure of “Time to produce the morning report”/,
		/Tier 1 Customer\s*Asked for changes to “Sites live on Prism”: “Twelve sites is too many this year: can we say eight\?”/,
	]
	for (const page of [csm, customer]) {
		if (page === customer) await customer.reload()
		const history = page.getByTestId('plan-history').getByRole('listitem')
		const lastFour = (await history.allInnerTexts()).slice(-4)
		expect(lastFour).toHaveLength(4)
		steps.forEach((step, i) => expect(lastFour[i]).toMatch(step))
	}
})

test('an agreed plan shows progress over time as a chart, prints cleanly, and stays hidden from other customers', async ({ browser }) => {
	const csm = await signedIn(browser, 'csm@demo.test')
	await csm.goto('/console/plans')
	await csm.getByRole('link', { name: 'Store performance programme' }).click()
	await expect(csm.getByRole('heading', { level: 1, name: 'Store performance programme' })).toBeVisible()
	const planId = new URL(csm.url()).pathname.split('/').pop()!
	// Recharts draws in the browser: one line per objective.
	await expect(csm.locator('.recharts-line')).toHaveCount(3)
	await expect(objective(csm, 'Stores using the daily sales dashboard').getByTestId('objective-status')).toHaveText('On track')
	await expect(objective(csm, 'Loyalty programme churn').getByTestId('objective-status')).toHaveText('At risk')

	await csm.getByRole('link', { name: 'Printable view' }).click()
	await expect(csm.getByTestId('printable-plan')).toContainText('Loyalty programme churn')
	await expect(csm.getByRole('button', { name: 'Print or save as PDF' })).toBeVisible()
	await csm.emulateMedia({ media: 'print' })
	await expect(csm.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden()
	await expect(csm.getByTestId('signed-in-as')).toBeHidden()

	const outsider = await signedIn(browser, 'tier1@demo.test')
	for (const path of [`/plans/${planId}`, `/plans/${planId}/print`, `/console/plans/${planId}`]) {
		const response = await outsider.goto(path)
		expect(response?.status(), path).toBe(404)
	}
	await expect(outsider.getByRole('heading', { name: 'Page not found' })).toBeVisible()
})
