import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { DEMO_PASSWORD, signIn } from './support.ts'

// Against our own production server (server/app.ts): security headers, the cross-site guard in front
// of Remix, and pages that still hydrate and work under the Content-Security-Policy.

const CROSS_SITE: Array<[string, Record<string, string>]> = [
	['a foreign Origin', { Origin: 'https://evil.example' }],
	['Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site' }],
	// Same-site (a sibling subdomain) is not same-origin; browsers may leave Origin out.
	['Sec-Fetch-Site: same-site without an Origin', { 'Sec-Fetch-Site': 'same-site' }],
]

/** Console errors and CSP violations a page reports while the test drives it. */
function watchForErrors(page: Page) {
	const errors: string[] = []
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text())
	})
	page.on('pageerror', (error) => errors.push(error.message))
	return errors
}

test('every response carries the security headers; the CSP nonce is new per response and on every inline script', async ({ request }) => {
	const first = await request.get('/')
	const headers = first.headers()
	const csp = headers['content-security-policy']!
	expect(csp).toContain("frame-ancestors 'none'")
	expect(csp).toContain("object-src 'none'")
	const nonce = /'nonce-([^']+)'/.exec(csp)?.[1]
	expect(nonce).toBeTruthy()
	expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/)
	expect(headers['x-content-type-options']).toBe('nosniff')
	expect(headers['referrer-policy']).toBe('same-origin')
	expect(headers['x-powered-by']).toBeUndefined()

	const html = await first.text()
	const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])
	expect(scripts.length).toBeGreaterThan(0)
	for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`)
	const second = await request.get('/')
	expect(second.headers()['content-security-policy']).not.toContain(nonce!)

	// Hashed assets are cached for a year; refusals and static files carry the headers too.
	const asset = /\/assets\/[^"]+\.js/.exec(html)![0]
	const assetResponse = await request.get(asset)
	expect(assetResponse.headers()['cache-control']).toMatch(/max-age=31536000.*immutable/)
	expect(assetResponse.headers()['x-content-type-options']).toBe('nosniff')
	const refused = await request.post('/login', { headers: { Origin: 'https://evil.example' }, form: { email: 'x@example.com', password: 'x' } })
	expect(refused.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
})

test('the session cookie is not Secure over plain http, and X-Forwarded-Proto from an untrusted client does not change that', async ({
	request,
	baseURL,
}) => {
	const response = await request.post('/login', {
		headers: { Origin: baseURL!, 'X-Forwarded-Proto': 'https' },
		form: { email: 'tier3@demo.test', password: DEMO_PASSWORD, redirectTo: '/' },
		maxRedirects: 0,
	})
	expect(response.status()).toBe(302)
	const cookie = response.headers()['set-cookie']!
	expect(cookie).toContain('__portal_session=')
	expect(cookie).not.toMatch(/Secure/i)
})

test('cross-site posts to sign-in and registration answer 403, sign no one in and create no one', async ({ request, baseURL }) => {
	const newEmail = `csrf-${Date.now()}@tier3.demo.test`
	const joinForm = { name: 'Mallory', email: newEmail, password: 'a-long-enough-password', confirmPassword: 'a-long-enough-password' }
	for (const [label, headers] of CROSS_SITE) {
		for (const path of ['/login', '/login.data']) {
			const response = await request.post(path, { headers, form: { email: 'tier1@demo.test', password: DEMO_PASSWORD, redirectTo: '/' }, maxRedirects: 0 })
			expect(response.status(), `${label} ${path}`).toBe(403)
			expect(await response.text()).toBe('Cross-site request refused')
			expect(response.headers()['set-cookie'], `${label} ${path}`).toBeUndefined()
		}
		for (const path of ['/join', '/join.data']) {
			const response = await request.post(path, { headers, form: joinForm, maxRedirects: 0 })
			expect(response.status(), `${label} ${path}`).toBe(403)
			expect(response.headers()['set-cookie']).toBeUndefined()
		}
	}
	// A client that asks for JSON gets JSON.
	const json = await request.post('/login', { headers: { Origin: 'https://evil.example', Accept: 'application/json' }, form: { email: 'x@example.com' } })
	expect(json.status()).toBe(403)
	expect(await json.json()).toEqual({ error: 'Cross-site request refused' })

	// The same posts from our own origin work: nothing above created the user or spent an attempt.
	const signedIn = await request.post('/login', {
		headers: { Origin: baseURL!, 'Sec-Fetch-Site': 'same-origin' },
		form: { email: 'tier1@demo.test', password: DEMO_PASSWORD, redirectTo: '/' },
		maxRedirects: 0,
	})
	expect(signedIn.status()).toBe(302)
	expect(signedIn.headers()['set-cookie']).toContain('__portal_session=')
	const joined = await request.post('/join', { headers: { Origin: baseURL! }, form: joinForm, maxRedirects: 0 })
	expect(joined.status()).toBe(302)
	expect(joined.headers()['set-cookie']).toContain('__portal_session=')
})

async function signedInRequest(page: Page, email: string): Promise<APIRequestContext> {
	await signIn(page, email)
	return page.request
}

test('cross-site posts to a plan and an article answer 403 and change nothing; the same post from our origin works', async ({ page, baseURL }) => {
	const request = await signedInRequest(page, 'tier1@demo.test')
	await page.goto('/plan')
	const planId = await page.evaluate(() => {
		const router = (window as unknown as { __remixRouter: { state: { loaderData: Record<string, { page?: { id: string } }> } } }).__remixRouter
		return router.state.loaderData['routes/plan']?.page?.id
	})
	expect(planId).toBeTruthy()

	for (const [label, headers] of CROSS_SITE) {
		const marker = `csrf-marker-${label.replace(/\W+/g, '-')}`
		for (const path of [`/plans/${planId}`, `/plans/${planId}.data`]) {
			const response = await request.post(path, { headers, form: { intent: 'comment', body: marker }, maxRedirects: 0 })
			expect(response.status(), `${label} ${path}`).toBe(403)
		}
		for (const path of ['/kb/what-is-prism', '/kb/what-is-prism.data']) {
			const response = await request.post(path, { headers, form: { intent: 'vote', helpful: 'no', comment: marker }, maxRedirects: 0 })
			expect(response.status(), `${label} ${path}`).toBe(403)
		}
		expect(await (await request.get(`/plans/${planId}`)).text()).not.toContain(marker)
		expect(await (await request.get('/kb/what-is-prism')).text()).not.toContain(marker)
	}

	const sameOrigin = await request.post('/kb/what-is-prism.data', {
		headers: { Origin: baseURL!, 'Sec-Fetch-Site': 'same-origin' },
		form: { intent: 'vote', helpful: 'no', comment: 'same-origin-vote' },
	})
	expect(sameOrigin.status()).toBe(200)
	expect(await (await request.get('/kb/what-is-prism')).text()).toContain('same-origin-vote')
})

test('pages hydrate and work under the CSP: no violation, no console error', async ({ page }) => {
	const errors = watchForErrors(page)
	await page.goto('/')
	// Client-side navigation needs the hydrated router.
	await page.getByRole('link', { name: 'Browse the whole knowledge base' }).click()
	await expect(page).toHaveURL(/\/kb$/)
	await signIn(page, 'tier1@demo.test')
	// An article runs its compiled MDX in the browser.
	await page.goto('/kb/build-your-first-dashboard')
	await expect(page.getByTestId('article-body')).toBeVisible()
	await page.getByRole('combobox', { name: 'Search' }).fill('dashboard')
	await expect(page.getByRole('listbox', { name: 'Search suggestions' }).getByRole('option').first()).toBeVisible()
	for (const path of ['/search?q=report', '/paths', '/assessments', '/plan', '/certificates']) {
		const response = await page.goto(path)
		expect(response!.status(), path).toBeLessThan(400)
		// Up to 5 s, not required: under load Chromium may not declare network idle in time (as in the accessibility checks).
		await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined)
	}
	expect(await page.evaluate(() => Boolean((window as unknown as { __remixRouter?: unknown }).__remixRouter))).toBe(true)
	expect(errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([])
	expect(errors).toEqual([])
})

/** Records the CSP violations each document reports (`securitypolicyviolation`), from before its first script runs. */
async function recordCspViolations(page: Page) {
	await page.addInitScript(() => {
		const seen: string[] = []
		;(window as unknown as { __cspViolations: string[] }).__cspViolations = seen
		document.addEventListener('securitypolicyviolation', (event) => {
			seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`)
		})
	})
}

async function expectNoCspViolation(page: Page, errors: string[], label: string) {
	expect(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations), label).toEqual([])
	expect(errors, label).toEqual([])
}

test('articles, lessons, knowledge checks and quizzes render and hydrate under a CSP without unsafe-eval', async ({ page, request }) => {
	// Sign-up, two articles, enrolment, two lessons and a quiz in one test.
	test.slow()
	const csp = (await request.get('/')).headers()['content-security-policy']!
	expect(csp).toMatch(/script-src [^;]*'nonce-/)
	expect(csp).not.toContain('unsafe-eval')

	await recordCspViolations(page)
	const errors = watchForErrors(page)
	// A new member of the Tier 3 demo account: enrolling changes nothing other tests rely on.
	await page.goto('/join')
	await page.getByLabel('Name').fill('CSP Reader')
	await page.getByLabel('Work email').fill(`csp-${Date.now()}@tier3.demo.test`)
	await page.getByLabel('Password', { exact: true }).fill('a-long-passphrase-1')
	await page.getByLabel('Repeat password').fill('a-long-passphrase-1')
	await page.getByLabel('Repeat password').press('Tab')
	await page.getByRole('button', { name: 'Create account' }).click()
	await expect(page.getByTestId('signed-in-as')).toBeVisible()

	// An article served with its body: the tabs switch, so the compiled body hydrated.
	await page.goto('/kb/alert-notification-channels')
	await expect(page.getByTestId('article-body')).toBeVisible()
	const slack = page.getByTestId('article-body').getByRole('tab', { name: 'Slack' })
	await expect(slack).toHaveAttribute('aria-selected', 'false')
	await slack.click()
	await expect(slack).toHaveAttribute('aria-selected', 'true')
	await expectNoCspViolation(page, errors, 'article')

	// An article rendered in the browser from loader data (client-side navigation).
	await page.goto('/kb')
	await page.getByRole('link', { name: 'Build your first dashboard' }).first().click()
	await expect(page).toHaveURL(/\/kb\/build-your-first-dashboard$/)
	await expect(page.getByTestId('article-body').getByRole('heading', { level: 2 }).first()).toBeVisible()
	await expectNoCspViolation(page, errors, 'article after client-side navigation')

	// A lesson with a knowledge check: answered in place through the hydrated form.
	await page.goto('/paths/prism-fundamentals')
	await page.getByRole('button', { name: 'Enrol in this path' }).click()
	await expect(page.getByTestId('lesson-body')).toBeVisible()
	await page.getByTestId('lesson-body').getByLabel('Analyst', { exact: true }).check()
	await page.getByTestId('lesson-body').getByRole('button', { name: 'Check answer' }).click()
	await expect(page.getByTestId('lesson-body')).toContainText('Correct.')
	await expect(page).toHaveURL(/\/lessons\/welcome-to-prism$/)
	// The next lesson is rendered in the browser after the completion is posted.
	await page.getByRole('button', { name: 'Mark complete and continue' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connect a data source')
	await expect(page.getByTestId('lesson-body').getByRole('button', { name: 'Check answer' }).first()).toBeVisible()
	await expectNoCspViolation(page, errors, 'lesson')

	// A quiz attempt.
	await page.goto('/paths/prism-fundamentals/quizzes/fundamentals-check')
	await page.getByRole('button', { name: 'Start' }).click()
	await expect(page.getByTestId('quiz-form')).toBeVisible()
	await expectNoCspViolation(page, errors, 'quiz')
	expect(await page.evaluate(() => Boolean((window as unknown as { __remixRouter?: unknown }).__remixRouter))).toBe(true)
})
