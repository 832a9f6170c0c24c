import { expect, test } from '@playwright/test'
import { demoArticles } from './demo-content.ts'
import { signIn } from './support.ts'

// The signed-out home is a help centre, every page has a footer with contact, and a visitor who
// opens a customers-only article learns its title and why to sign in, and nothing of its body.

const articles = demoArticles()

test('the signed-out home: search in the hero, categories, popular public articles, footer with contact and sign-in', async ({ page }) => {
	await page.goto('/')
	const hero = page.getByRole('search', { name: 'Search the help centre' })
	await hero.getByLabel('Search the help centre').fill('dashboard')
	await expect(page.getByRole('heading', { name: 'Browse by topic' })).toBeVisible()
	const popular = page.getByRole('region', { name: 'Popular articles' }).getByRole('listitem').getByRole('link')
	await expect(popular.first()).toBeVisible()
	// Only public articles are listed to a visitor.
	const publicUrls = new Set(articles.filter((a) => a.audience === 'public').map((a) => a.url))
	for (const href of await popular.evaluateAll((links) => links.map((a) => a.getAttribute('href')))) expect(publicUrls).toContain(href)
	const footer = page.getByRole('contentinfo')
	await expect(footer.getByRole('link', { name: 'Contact us' })).toHaveAttribute('href', '/contact')
	await expect(footer.getByRole('link', { name: 'Sign in' })).toBeVisible()
	await hero.getByRole('button', { name: 'Search' }).click()
	await expect(page).toHaveURL(/\/search\?q=dashboard/)
	await expect(page.getByTestId('search-results')).toBeVisible()
})

test('a signed-in customer keeps their home and has contact in the footer', async ({ page }) => {
	await signIn(page, 'tier3@demo.test')
	await expect(page.getByRole('heading', { name: /Welcome back/ })).toBeVisible()
	await page.getByRole('contentinfo').getByRole('link', { name: 'Contact us' }).click()
	await expect(page).toHaveURL(/\/contact$/)
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
	await expect(page.getByRole('main')).not.toContainText(/Tier \d|Nice-to-Have/)
})

test('a visitor opening a customers-only article sees its title and why to sign in; no body in the HTML or the .data', async ({ page, browser }) => {
	const article = articles.find((a) => a.url === '/kb/scheduled-report-delivery')!
	expect(article.audience).toBe('customers')
	const response = await page.goto(article.url)
	expect(response!.status()).toBe(401)
	const notice = page.getByTestId('sign-in-notice')
	await expect(notice.getByRole('heading', { level: 1 })).toHaveText(article.title!)
	await expect(notice).toContainText('This article is for Prism customers')
	await expect(page.getByTestId('article-body')).toHaveCount(0)

	// A line of the body as a customer reads it, and the summary: in neither response for a visitor.
	const reader = await browser.newPage()
	await signIn(reader, 'tier3@demo.test')
	await reader.goto(article.url)
	const bodyText = await reader.getByTestId('article-body').innerText()
	await reader.close()
	const bodyPhrase = bodyText.split('\n').find((line) => line.length > 60)!.slice(0, 40)
	const html = await response!.text()
	const data = await (await page.request.get(`${article.url}.data`)).text()
	for (const leaked of [bodyPhrase, article.summary!.slice(0, 40)]) {
		expect(html, leaked).not.toContain(leaked)
		expect(data, leaked).not.toContain(leaked)
	}
	expect(data).not.toContain('"code"')
	expect(data).toContain(article.title!)

	await notice.getByRole('link', { name: 'Sign in' }).click()
	await page.getByLabel('Email').fill('tier3@demo.test')
	await page.getByLabel('Password').fill('demo-password')
	await page.getByLabel('Password').press('Tab')
	await page.getByRole('button', { name: 'Sign in' }).click()
	await expect(page).toHaveURL(new RegExp(`${article.url}$`))
	await expect(page.getByTestId('article-body')).toBeVisible()
})

test('a staff-only article is a plain 404 for a visitor, without its title', async ({ page }) => {
	const staff = articles.find((a) => a.audience === 'staff')!
	const response = await page.goto(staff.url)
	expect(response!.status()).toBe(404)
	await expect(page.getByTestId('sign-in-notice')).toHaveCount(0)
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')
	expect(await response!.text()).not.toContain(staff.title!)
})
