import { expect, test, type Browser } from '@playwright/test'
import { expectNoSeriousViolations } from './axe.ts'
import { emailTo, readOutbox } from './outbox.ts'
import { signIn } from './support.ts'

// Demo data: tier1@demo.test belongs to Northwind Logistics, whose named CSM is csm@demo.test
// (Casey Success); Helios Health (Tier 1, same CSM) has a proposed plan.

async function signedIn(browser: Browser, email: string) {
	const page = await (await browser.newContext()).newPage()
	await signIn(page, email)
	return page
}

test('"Not helpful" leads to a contact form whose message reaches the CSM’s notifications and inbox', async ({ browser }) => {
	const customer = await signedIn(browser, 'tier1@demo.test')
	await customer.goto('/kb/build-your-first-dashboard')
	await customer.getByText('👎 No').click()
	await customer.getByRole('button', { name: 'Send feedback' }).click()
	await expect(customer.getByTestId('vote-status')).toHaveText(/not helpful/)
	await customer.getByTestId('ask-a-person').getByRole('link', { name: 'Ask a person' }).click()

	await expect(customer).toHaveURL(/\/contact\?about=build-your-first-dashboard$/)
	await expect(customer.getByText('Your success manager is Casey Success')).toBeVisible()
	await expectNoSeriousViolations(customer, 'contact')
	// Bad input is refused in place.
	await customer.getByLabel('Subject').fill('Hi')
	await customer.getByLabel('Subject').press('Tab')
	await customer.getByRole('button', { name: 'Send message' }).click()
	await expect(customer.getByText('The subject needs at least 3 characters')).toBeVisible()
	await expect(customer.getByText('Write your message')).toBeVisible()
	await customer.getByLabel('Subject').fill('The first dashboard shows no data')
	await customer.getByLabel('Message').fill('I followed every step but the chart stays empty after connecting our warehouse.')
	await customer.getByLabel('Message').press('Tab')
	await customer.getByRole('button', { name: 'Send message' }).click()
	await expect(customer.getByTestId('contact-sent')).toContainText('Casey Success will get back to you')

	const csm = await signedIn(browser, 'csm@demo.test')
	await expect(csm.getByTestId('notification-count')).toBeVisible()
	await csm.getByTestId('notification-bell').click()
	await expect(csm).toHaveURL(/\/notifications$/)
	const message = csm.getByTestId('notification-list').getByRole('listitem').filter({ hasText: 'The first dashboard shows no data' })
	await expect(message).toHaveAttribute('data-unread', 'true')
	await expect(message).toContainText('the chart stays empty')
	await expect(message).toContainText('/kb/build-your-first-dashboard')
	await expect(message).toContainText('tier1@demo.test')
	await expectNoSeriousViolations(csm, 'notifications')
	await message.getByRole('button', { name: /Mark as read/ }).click()
	await expect(message).not.toHaveAttribute('data-unread', 'true')

	const email = await emailTo('csm@demo.test', /The first dashboard shows no data/)
	expect(email.text).toContain('the chart stays empty')
})

test('a change request tells the CSM; the plan proposed again appears in the Tier 1 customer’s notifications and email', async ({ browser }) => {
	const csm = await signedIn(browser, 'csm@demo.test')
	await csm.goto('/console/accounts')
	await csm.getByRole('link', { name: 'Helios Health' }).first().click()
	const helios = (await csm.locator('section[aria-labelledby="users-heading"]').getByText(/@helios-health\.example\.com$/).first().textContent())!.trim()

	const customer = await signedIn(browser, helios)
	await customer.goto('/plan')
	await customer.getByLabel('Ask for changes to the plan').fill('Please add a measure for the ward report rollout.')
	await customer.getByLabel('Ask for changes to the plan').press('Tab')
	await customer.getByRole('button', { name: 'Ask for changes' }).click()
	await expect(customer.getByTestId('plan-status')).toHaveText('Changes requested')

	await csm.goto('/notifications')
	const request = csm.getByTestId('notification-list').getByRole('listitem').filter({ hasText: 'Helios Health asked for changes to the success plan' })
	await expect(request).toContainText('ward report rollout')
	await request.getByRole('link').click()
	await expect(csm).toHaveURL(/\/console\/plans\//)
	await csm.getByRole('button', { name: 'Propose again' }).click()
	await expect(csm.getByTestId('plan-status')).toHaveText('Awaiting agreement')

	await customer.goto('/')
	await expect(customer.getByTestId('notification-count')).toHaveText('1')
	await customer.getByTestId('notification-bell').click()
	const proposal = customer.getByTestId('notification-list').getByRole('listitem').filter({ hasText: 'Your success plan was revised' })
	await expect(proposal).toHaveAttribute('data-unread', 'true')
	await proposal.getByRole('link').click()
	await expect(customer).toHaveURL(/\/plans\//)
	await expect(customer.getByTestId('plan-status')).toHaveText('Awaiting agreement')

	const email = await emailTo(helios, /Your success plan was revised/)
	expect(email.text).toMatch(/Open it in the portal: http:\/\/localhost:\d+\/plans\//)
	// Nobody outside the account got that email.
	const proposalEmails = readOutbox().filter((m) => /Your success plan was revised/.test(m.subject))
	expect(proposalEmails.flatMap((m) => m.to).every((to) => to.endsWith('@helios-health.example.com'))).toBe(true)

	await customer.goto('/notifications')
	await customer.getByRole('button', { name: 'Mark all as read' }).click()
	await expect(customer.getByTestId('unread-summary')).toContainText('Nothing unread')
	await expect(customer.getByTestId('notification-count')).toHaveCount(0)
})
