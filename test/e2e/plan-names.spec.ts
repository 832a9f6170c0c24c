import { expect, test, type APIRequestContext } from '@playwright/test'
import { signIn } from './support.ts'

// Customers see their plan's name, never the company's internal tier names. Every page a customer
// (or a visitor) can reach by following links from the home page is fetched: its HTML, loader data
// included, must not carry them, and its main text must not call a plan "Tier 1/2/3".

const INTERNAL_NAMES = /Must-Have|Want-to-Have|Nice-to-Have/i
const TIER_AS_NAME = /.{0,30}\bTier [123]\b(?! Customer).{0,30}/
const MAX_PAGES = 400

/** The text of the page's <main>, without tags: the header's account line is checked separately. */
function mainText(html: string) {
	const main = /<main\b[^>]*>([\s\S]*?)<\/main>/.exec(html)?.[1] ?? ''
	return main.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
}

/** Same-origin page links in an HTML document, without fragments; sign-out and print views are skipped. */
function linksIn(html: string): string[] {
	return [...html.matchAll(/<a\b[^>]*\bhref="(\/[^"#]*)/g)]
		.map((m) => m[1]!.replace(/&amp;/g, '&'))
		.filter((href) => !href.startsWith('//') && !/\/print$/.test(href))
}

async function crawl(request: APIRequestContext) {
	const seen = new Set<string>(['/'])
	const queue = ['/']
	const offending: string[] = []
	while (queue.length && seen.size <= MAX_PAGES) {
		const url = queue.shift()!
		const response = await request.get(url, { maxRedirects: 0 })
		if (response.status() >= 300 && response.status() < 400) continue
		const type = response.headers()['content-type'] ?? ''
		if (!type.includes('text/html')) continue
		const html = await response.text()
		if (INTERNAL_NAMES.test(html)) offending.push(`${url}: ${INTERNAL_NAMES.exec(html)![0]}`)
		// Nor "Tier N" as the name of a plan in what the page says (the demo users are called "Tier N Customer").
		const main = mainText(html)
		if (TIER_AS_NAME.test(main)) offending.push(`${url}: …${TIER_AS_NAME.exec(main)![0]}…`)
		for (const link of linksIn(html)) {
			// Search pages multiply by query and facet; the plain page and one query are enough.
			const key = link.startsWith('/search?') ? '/search?q=dashboard' : link
			if (!seen.has(key)) {
				seen.add(key)
				queue.push(key)
			}
		}
	}
	return { offending, visited: seen.size }
}

for (const email of ['tier1@demo.test', 'tier2@demo.test', 'tier3@demo.test']) {
	test(`${email} meets no internal tier name on any page they can reach`, async ({ page }) => {
		test.setTimeout(120_000)
		await signIn(page, email)
		const { offending, visited } = await crawl(page.request)
		expect(visited).toBeGreaterThan(40)
		expect(offending).toEqual([])
		// And the header and home name the plan.
		await page.goto('/')
		await expect(page.getByTestId('account-tier')).toContainText(/(Enterprise|Business|Essentials) plan/)
		// "Name · Account · Plan": the plan part is the plan's name, not a tier (the demo users' own names say "Tier N Customer").
		await expect(page.getByTestId('signed-in-as')).toHaveText(/ · (Enterprise|Business|Essentials) plan$/)
		await expect(page.getByTestId('signed-in-as')).not.toContainText(/· Tier \d/)
	})
}

test('a visitor meets no internal tier name either', async ({ page }) => {
	test.setTimeout(120_000)
	const { offending, visited } = await crawl(page.request)
	expect(visited).toBeGreaterThan(10)
	expect(offending).toEqual([])
})

test('staff pages keep the internal tier names', async ({ page }) => {
	await signIn(page, 'csm@demo.test')
	await page.goto('/console/accounts')
	await expect(page.getByText(/Tier 1 · Must-Have/).first()).toBeVisible()
})
