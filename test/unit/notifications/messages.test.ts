import { describe, expect, test } from 'vitest'
import {
	notificationEmail,
	passwordResetEmail,
	planChangesRequestedText,
	planProposedText,
	supportEmailText,
	tasksRaisedText,
} from '#app/domain/notifications/messages.ts'

const plan = { id: 'p1', title: 'Warehouse analytics rollout', accountName: 'Northwind Logistics' }

describe('notification texts', () => {
	test('one new task is named; many are counted, five listed and the rest summed up', () => {
		expect(tasksRaisedText([{ title: 'Call Acme', accountName: 'Acme' }])).toMatchObject({ title: 'New task: Call Acme', link: '/console/tasks' })
		const seven = Array.from({ length: 7 }, (_, i) => ({ title: `Task ${i + 1}`, accountName: `Account ${i + 1}` }))
		const text = tasksRaisedText(seven)
		expect(text.title).toBe('7 new tasks in your queue')
		expect(text.body.split('\n')).toEqual(['• Task 1 (Account 1)', '• Task 2 (Account 2)', '• Task 3 (Account 3)', '• Task 4 (Account 4)', '• Task 5 (Account 5)', '…and 2 more.'])
	})

	test('a first proposal and a proposal after changes read differently; both link to the customer’s plan page', () => {
		expect(planProposedText(plan, 'Casey', false).title).toMatch(/ready for review/)
		expect(planProposedText(plan, 'Casey', true).title).toMatch(/was revised/)
		expect(planProposedText(plan, 'Casey', true).link).toBe('/plans/p1')
	})

	test('a change request names the objective when it is about one, and quotes the request', () => {
		const onPlan = planChangesRequestedText(plan, 'Tier 1 Customer', 'More sites please')
		const onObjective = planChangesRequestedText(plan, 'Tier 1 Customer', 'Eight, not twelve', 'Sites live on Prism')
		expect(onPlan.body).toBe('Tier 1 Customer asked for changes to “Warehouse analytics rollout”: “More sites please”')
		expect(onObjective.body).toContain('“Sites live on Prism” in “Warehouse analytics rollout”')
		expect(onObjective.link).toBe('/console/plans/p1')
	})

	test('an email turns the in-portal link into an absolute one and says how to stop emails', () => {
		const email = notificationEmail({ title: 'T', body: 'B', link: '/plans/p1' }, 'https://success.example.com')
		expect(email.subject).toBe('T')
		expect(email.text).toContain('Open it in the portal: https://success.example.com/plans/p1')
		expect(email.text).toContain('https://success.example.com/account')
		expect(notificationEmail({ title: 'T', body: 'B', link: null }, 'https://x.example').text).not.toContain('Open it')
	})

	test('the support email says who wrote and about which page; the reset email states the expiry', () => {
		const support = supportEmailText({ from: { name: 'Ann', email: 'ann@example.com' }, accountName: 'Acme', subject: 'Help', message: 'It broke.', aboutPath: '/kb/x' })
		expect(support.subject).toBe('[Portal contact] Help')
		expect(support.text).toContain('From Ann <ann@example.com> (Acme).')
		expect(support.text).toContain('About: /kb/x')
		expect(passwordResetEmail('https://x.example/reset-password/abc', 30).text).toMatch(/works once and expires in 30 minutes/)
	})
})
