import { expect, test, type Page } from '@playwright/test'
import { demoArticles, demoLessons, type ContentPage } from './demo-content.ts'
import { signIn } from './support.ts'

// A 390 x 844 phone: no page of demo content is wider than the screen, the header is one short row,
// and search results start on the first screen. At 1280 px the table of contents stays on screen.

const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1280, height: 800 }
const pages = [...demoArticles(), ...demoLessons()]
const forCustomers = pages.filter((p) => p.audience !== 'staff')
const forStaff = pages.filter((p) => p.audience === 'staff')

/** Pages whose document is wider than the viewport, with both widths; empty when all fit. */
async function overflowing(page: Page, urls: ContentPage[]) {
	const wide: string[] = []
	for (const { url } of urls) {
		const response = await page.goto(url)
		expect(response?.status(), url).toBe(200)
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
		const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }))
		if (scrollWidth > innerWidth) wide.push(`${url}: ${scrollWidth} > ${innerWidth}`)
	}
	return wide
}

test.describe('on a phone', () => {
	test.use({ viewport: PHONE })

	test('no article or lesson is wider than the screen (Tier 1 sees every customer page)', async ({ page }) => {
		test.setTimeout(180_000)
		expect(forCustomers.length).toBeGreaterThan(50)
		await signIn(page, 'tier1@demo.test')
		expect(await overflowing(page, forCustomers)).toEqual([])
	})

	test('no staff article or lesson is wider than the screen', async ({ page }) => {
		test.setTimeout(60_000)
		expect(forStaff.length).toBeGreaterThan(0)
		await signIn(page, 'csm@demo.test')
		expect(await overflowing(page, forStaff)).toEqual([])
	})

	test('signed out: public articles and the sign-in notice of a customers one fit', async ({ page }) => {
		const sample = [...pages.filter((p) => p.audience === 'public').slice(0, 4), ...pages.filter((p) => p.audience === 'customers').slice(0, 2)]
		for (const { url, audience } of sample) {
			await page.goto(url)
			if (audience !== 'public') await expect(page.getByTestId('sign-in-notice')).toBeVisible()
			const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)
			expect(fits, url).toBe(true)
		}
		await page.goto('/')
		expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'home').toBe(true)
	})

	test('the signed-in header is one row of at most 64 px; its menu opens behind a named button', async ({ page }) => {
		await signIn(page, 'tier1@demo.test')
		for (const url of ['/', '/kb', '/kb/connect-a-data-warehouse', '/search?q=dashboard']) {
			await page.goto(url)
			const header = page.locator('body > header')
			const box = await header.boundingBox()
			expect(box?.height, url).toBeLessThanOrEqual(64)
			expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), url).toBe(true)
		}
		// The account line and navigation wait behind the menu button; the name truncates rather than wraps.
		const menu = page.getByRole('button', { name: 'Menu' })
		await expect(menu).toHaveAttribute('aria-expanded', 'false')
		await expect(page.getByTestId('signed-in-as')).toBeHidden()
		await menu.click()
		await expect(menu).toHaveAttribute('aria-expanded', 'true')
		const account = page.getByTestId('signed-in-as')
		await expect(account).toBeVisible()
		await expect(account).toContainText('Enterprise plan')
		const lineHeight = await account.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight))
		expect((await account.boundingBox())!.height).toBeLessThanOrEqual(lineHeight + 1)
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Training' }).click()
		await expect(page).toHaveURL(/\/paths$/)
		await expect(menu).toHaveAttribute('aria-expanded', 'false')
	})

	test('the first search result is on the first screen; filters open from a toggle', async ({ page }) => {
		await signIn(page, 'tier2@demo.test')
		await page.goto('/search?q=dashboard')
		const first = page.getByTestId('search-results').locator('li').first()
		await expect(first).toBeVisible()
		expect(await page.evaluate(() => window.scrollY)).toBe(0)
		await expect(first).toBeInViewport({ ratio: 1 })
		const filters = page.getByRole('button', { name: /^Filters/ })
		await expect(page.getByRole('complementary', { name: 'Filters' })).toBeHidden()
		await filters.click()
		await expect(filters).toHaveAttribute('aria-expanded', 'true')
		await expect(page.getByRole('complementary', { name: 'Filters' }).getByText('Type')).toBeVisible()
	})
})

test.describe('on a desktop', () => {
	test.use({ viewport: DESKTOP })

	for (const width of [1024, 1280]) {
		test(`at ${width} px the header of the longest navigation (admin) is one row and nothing in it is cut off`, async ({ page }) => {
			await page.setViewportSize({ width, height: 800 })
			await signIn(page, 'admin@demo.test')
			await page.goto('/console')
			const header = page.locator('body > header')
			expect((await header.boundingBox())!.height).toBeLessThanOrEqual(64)
			const row = header.locator('> div')
			expect(await row.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true)
			expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
		})
	}

	test('every article fits and keeps its table of contents on screen', async ({ page }) => {
		test.setTimeout(120_000)
		await signIn(page, 'tier1@demo.test')
		const articles = forCustomers.filter((p) => p.url.startsWith('/kb/'))
		const problems: string[] = []
		let withToc = 0
		for (const { url } of articles) {
			await page.goto(url)
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
			const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }))
			if (widths.scroll > widths.inner) problems.push(`${url}: page ${widths.scroll} > ${widths.inner}`)
			const toc = page.getByRole('navigation', { name: 'On this page' })
			if (await toc.count()) {
				withToc++
				const box = (await toc.boundingBox())!
				if (box.x < 0 || box.x + box.width > widths.inner) problems.push(`${url}: table of contents at ${box.x}..${box.x + box.width}`)
			}
		}
		expect(withToc).toBeGreaterThan(10)
		expect(problems).toEqual([])
	})
})
