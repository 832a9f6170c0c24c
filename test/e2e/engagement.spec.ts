import { expect, test } from '@playwright/test'
import { signIn } from './support.ts'

// Runs on the seeded demo data (prisma/seed-engagement.ts): tier2@demo.test is Untrained, and Atlas
// Retail Group, a Tier 1 account of csm@demo.test, is Unmotivated with a five-whys check-in task.

test('an Untrained customer sees a recommended training path on their home page', async ({ page }) => {
	await signIn(page, 'tier2@demo.test')
	await page.goto('/')
	const steps = page.getByTestId('recommended-steps')
	await expect(steps.getByRole('heading', { name: 'Recommended next steps' })).toBeVisible()
	const first = steps.locator('li').first()
	await expect(first).toHaveAttribute('data-kind', 'path')
	await expect(first).toContainText('Builds your skills in')
	// The customer never sees how we segment them.
	await expect(page.locator('body')).not.toContainText('Untrained')
	const link = first.getByRole('link')
	const title = (await link.textContent())!.trim()
	await link.click()
	await expect(page).toHaveURL(/\/paths\/[a-z0-9-]+$/)
	await expect(page.getByRole('heading', { level: 1 })).toContainText(title)
})

test('the CSM sees the task raised for an Unmotivated account, with its evidence, and marks it done', async ({ page }) => {
	await signIn(page, 'csm@demo.test')
	await page.goto('/console/accounts')
	const atlasRow = page.getByRole('row').filter({ hasText: 'Atlas Retail Group' })
	await expect(atlasRow.getByTestId('segment')).toHaveText('Unmotivated')

	await page.getByRole('link', { name: 'Tasks' }).first().click()
	await expect(page).toHaveURL(/\/console\/tasks$/)
	const task = page.getByTestId('task').filter({ hasText: 'Atlas Retail Group' })
	await expect(task).toHaveAttribute('data-kind', 'ROOT_CAUSE_CHECKIN')
	await expect(task.getByRole('heading')).toHaveText('Five-whys check-in with Atlas Retail Group: find why engagement dropped')
	const evidence = task.getByTestId('task-evidence')
	await expect(evidence).toContainText(/Skill \d+, will \d+ \(Unmotivated\)/)
	await expect(evidence).toContainText(/active minutes\/week against 120 expected/)
	await expect(evidence).toContainText("Objective 'Stores using the daily sales dashboard'")

	// The account page explains the segment.
	await task.getByRole('link', { name: 'Atlas Retail Group' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Atlas Retail Group')
	await expect(page.getByTestId('segment').first()).toHaveText('Unmotivated')
	await expect(page.getByTestId('account-explanations')).toContainText('In the product, ')
	await expect(page.getByTestId('account-user')).toHaveCount(4)

	await page.goto('/console/tasks')
	const atlasTask = page.getByTestId('task').filter({ hasText: 'Atlas Retail Group' })
	await atlasTask.getByLabel('Outcome').selectOption({ label: 'Resolved' })
	await atlasTask.getByRole('button', { name: 'Mark done' }).click()
	await expect(page.getByTestId('task-done')).toContainText('Five-whys check-in with Atlas Retail Group')
	await expect(page.getByTestId('task').filter({ hasText: 'Atlas Retail Group' })).toHaveCount(0)
})

test('an article visit sends one view and one read-through beacon; a vote and its revalidation send no other view', async ({ page }) => {
	test.setTimeout(45_000)
	await signIn(page, 'tier2@demo.test')
	const posted: Array<{ kind: string; itemKey?: string }> = []
	page.on('request', (r) => {
		if (r.url().endsWith('/api/events') && r.method() === 'POST') posted.push(r.postDataJSON() as { kind: string; itemKey?: string })
	})
	const isKind = (kind: string) => (r: import('@playwright/test').Response) =>
		r.url().endsWith('/api/events') && r.request().method() === 'POST' && (r.request().postDataJSON() as { kind?: string }).kind === kind
	const view = page.waitForResponse(isKind('article_view'), { timeout: 30_000 })
	const beacon = page.waitForResponse(isKind('article_read'), { timeout: 30_000 })
	await page.goto('/kb/share-a-dashboard')
	expect([200, 201]).toContain((await view).status())
	await page.getByTestId('read-marker').scrollIntoViewIfNeeded()
	const response = await beacon
	expect(response.status()).toBe(201)
	const body = response.request().postDataJSON() as { kind: string; itemKey: string; clientEventId: string }
	expect(body).toMatchObject({ kind: 'article_read', itemKey: 'article:share-a-dashboard' })
	// A retry of the same beacon is counted once.
	const retry = await page.request.post('/api/events', { data: body })
	expect(retry.status()).toBe(200)
	expect(await retry.json()).toEqual({ recorded: 0, duplicates: 1 })

	// Remix revalidates the page after the vote: the loader runs again, the page does not remount.
	await page.getByText('👍 Yes').click()
	await page.getByRole('button', { name: 'Send feedback' }).click()
	await expect(page.getByTestId('vote-status')).toHaveText(/Your vote: helpful/)
	expect(posted.filter((p) => p.kind === 'article_view')).toEqual([expect.objectContaining({ itemKey: 'article:share-a-dashboard' })])
})
