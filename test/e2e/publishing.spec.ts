import { expect, test, type Browser, type Page } from '@playwright/test'
import { signIn } from './support.ts'

// Words no demo article holds, so search and preview checks find only this article.
const SLUG = 'publishing-journey-check'
const EVERYONE = 'zanzibarquest'
const TIER1_ONLY = 'obsidianfalcon'

async function signedIn(browser: Browser, email: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage()
	await signIn(page, email)
	return page
}

test('editor writes, previews per tier and submits; admin publishes; tier 3 finds and reads it; editor archives it', async ({ browser }) => {
	test.setTimeout(120_000)
	const editor = await signedIn(browser, 'editor@demo.test')
	await editor.goto('/console/content/new')
	await editor.getByLabel('Title').fill('Publishing journey check')
	await editor.getByLabel('Slug').fill(SLUG)
	await editor.getByLabel('Summary').fill('An article written, reviewed and published in the browser.')
	await editor.getByLabel('Category').fill('reports')
	await editor.getByLabel('Tags').fill('reports, sharing')
	await editor.getByLabel('Product area').fill('Reports')
	await editor.getByLabel('Audience').selectOption('customers')
	// Line 5 of the body holds a forbidden expression.
	await editor.getByLabel('Body (MDX)').fill(`## Start\n\nEveryone reads ${EVERYONE}.\n\nTotal: {1 + 1}\n`)
	await editor.getByLabel('Body (MDX)').press('Tab')
	await editor.getByRole('button', { name: 'Save draft' }).click()

	const problems = editor.getByTestId('revision-problems')
	await expect(problems).toContainText('Line 5: {expressions} are not allowed')
	await expect(editor.getByRole('button', { name: 'Submit for review' })).toBeDisabled()

	await editor.getByLabel('Body (MDX)').fill(`## Start\n\nEveryone reads ${EVERYONE}.\n\n<Audience min="tier1">\nTier 1 readers also get ${TIER1_ONLY}.\n</Audience>\n`)
	await editor.getByLabel('Body (MDX)').press('Tab')
	await editor.getByRole('button', { name: 'Save draft' }).click()
	await expect(editor.getByTestId('saved-note')).toContainText('Saved as revision 2')
	await expect(problems).toHaveCount(0)

	const preview = editor.getByTestId('preview')
	await editor.getByRole('navigation', { name: 'Preview as' }).getByRole('link', { name: 'Tier 3' }).click()
	await expect(editor).toHaveURL(/as=customers/)
	await expect(preview).toContainText(EVERYONE)
	await expect(preview).not.toContainText(TIER1_ONLY)
	await editor.getByRole('navigation', { name: 'Preview as' }).getByRole('link', { name: 'Tier 1' }).click()
	await expect(editor).toHaveURL(/as=tier1/)
	await expect(preview).toContainText(TIER1_ONLY)

	await editor.getByRole('button', { name: 'Submit for review' }).click()
	await expect(editor.getByTestId('article-state')).toContainText('In review')
	// The author may not approve their own change.
	await expect(editor.getByTestId('cannot-approve')).toBeVisible()

	const admin = await signedIn(browser, 'admin@demo.test')
	await admin.goto('/console/content?status=in_review')
	await admin.getByTestId('workflow-list').getByRole('link', { name: 'Publishing journey check' }).click()
	await admin.getByRole('button', { name: 'Approve and publish now' }).click()
	await expect(admin.getByTestId('saved-note')).toContainText('Published')

	const reader = await signedIn(browser, 'tier3@demo.test')
	await reader.goto(`/search?q=${EVERYONE}`)
	await reader.getByTestId('search-results').getByRole('link', { name: 'Publishing journey check' }).click()
	await expect(reader).toHaveURL(new RegExp(`/kb/${SLUG}$`))
	await expect(reader.getByTestId('article-body')).toContainText(EVERYONE)
	await expect(reader.getByTestId('article-body')).not.toContainText(TIER1_ONLY)

	await editor.goto(`/console/content/${SLUG}`)
	await editor.getByLabel('Replacement article (slug, optional)').fill('')
	await editor.getByRole('button', { name: 'Archive' }).click()
	await expect(editor.getByTestId('saved-note')).toContainText('Archived')

	const gone = await reader.goto(`/kb/${SLUG}`)
	expect(gone?.status()).toBe(410)
	await expect(reader.getByTestId('article-archived')).toBeVisible()
	await reader.goto(`/search?q=${EVERYONE}`)
	await expect(reader.getByTestId('search-empty')).toBeVisible()
})

test('CSMs and customers get no content console', async ({ browser }) => {
	for (const email of ['csm@demo.test', 'tier1@demo.test']) {
		const page = await signedIn(browser, email)
		for (const path of ['/console/content', '/console/content/new']) {
			const response = await page.goto(path)
			expect(response?.status(), `${email} ${path}`).toBe(403)
		}
	}
})
