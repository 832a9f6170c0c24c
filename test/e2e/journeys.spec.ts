import fs from 'node:fs/promises'
import { expect, test, type Page, type Response } from '@playwright/test'
import { expectNoSeriousViolations } from './axe.ts'
import { signIn } from './support.ts'

// Issue 12, journeys that lead somewhere: a Tier 3 learner finishes "Getting started in a day",
// is offered the next path, and reaches a certificate from the home page. Runs on the demo data.

const DAY_ONE = '/paths/getting-started-in-a-day'

/** Fills one question, found by its prompt (the fieldset's legend). */
async function answer(page: Page, prompt: string, choice: string | string[]) {
	const question = page.getByRole('group', { name: prompt })
	for (const option of [choice].flat()) {
		if (/^-?\d+$/.test(option)) await question.getByLabel('Your answer').fill(option)
		else await question.getByLabel(option, { exact: true }).check()
	}
}

const DAY_ONE_WRONG: Array<[string, string | string[]]> = [
	['Which makes the best first question to build a Prism dashboard around?', 'Show me everything about sales'],
	['Before building charts, you should check that one known number in Prism matches the system you trust today, or explain the difference.', 'False'],
	['What is the largest CSV file, in MB, that Prism accepts as an upload?', '10'],
	['Which tiles belong on a focused first dashboard? Select all that apply.', 'Every column of the dataset in one large table'],
	['A colleague will build dashboards for their team but will not define datasets or metrics. Which role fits?', 'Viewer'],
	['A scheduled delivery shows each recipient only the rows that recipient may see, without any extra setting.', 'True'],
]
const DAY_ONE_RIGHT: Array<[string, string | string[]]> = [
	[DAY_ONE_WRONG[0]![0], 'How many new trials did we get last week, and from which channel?'],
	[DAY_ONE_WRONG[1]![0], 'True'],
	[DAY_ONE_WRONG[2]![0], '50'],
	[DAY_ONE_WRONG[3]![0], ['A number tile with the headline figure compared with the previous period', 'A line chart of the same measure by week', 'A bar chart by the dimension the reader cares about']],
	[DAY_ONE_WRONG[4]![0], 'Editor'],
	[DAY_ONE_WRONG[5]![0], 'False'],
]
// What would give the day-one answer key away: the right option texts and the explanations.
const DAY_ONE_KEY = [
	'How many new trials did we get last week',
	'Reconciling one number in the morning',
	'CSV uploads are accepted up to 50 MB',
	'Lead with the answer, then show its trend',
	'Editors create and edit dashboards',
	'A delivery runs with the permissions of the schedule owner',
	'Right answer',
]

async function submit(page: Page, answers: Array<[string, string | string[]]>) {
	await expect(page.getByTestId('quiz-form')).toBeVisible()
	for (const [prompt, choice] of answers) await answer(page, prompt, choice)
	await page.getByRole('button', { name: 'Submit answers' }).click()
	await expect(page.getByTestId('quiz-result')).toBeVisible()
}

/** Marks every lesson complete from the current lesson on, until the path's quiz opens. */
async function completeLessons(page: Page, count: number) {
	for (let done = 0; done < count; done++) {
		await expect(page).toHaveURL(/\/lessons\//)
		const lesson = new URL(page.url()).pathname
		await page.getByRole('button', { name: 'Mark complete and continue' }).click()
		await expect(page).not.toHaveURL((url) => url.pathname === lesson)
	}
	await expect(page).toHaveURL(/\/quizzes\//)
}

test('a Tier 3 learner goes from the beginner day to the next path and a certificate, without being handed the answers', async ({ page, browser }) => {
	test.setTimeout(180_000)
	await signIn(page, 'tier3@demo.test')

	// Getting started in a day: enrol, four lessons, then its quiz.
	await page.goto(DAY_ONE)
	await page.getByRole('button', { name: 'Enrol in this path' }).click()
	await completeLessons(page, 4)
	await expect(page.getByTestId('attempt-allowance')).toHaveText('You have unlimited attempts.')

	// A failed attempt: wrong questions marked with lessons to review, no right answers in the page or on the wire.
	await page.getByRole('button', { name: 'Start' }).click()
	// Listen from the moment the open attempt (whose options are public) has fully loaded.
	await expect(page.getByTestId('quiz-form')).toBeVisible()
	await page.waitForLoadState('networkidle')
	const bodies: Array<Promise<string>> = []
	const collect = (response: Response) => {
		if (new URL(response.url()).pathname.startsWith('/paths/')) bodies.push(response.text().catch(() => ''))
	}
	page.on('response', collect)
	await submit(page, DAY_ONE_WRONG)
	await expect(page.getByRole('heading', { name: 'Not passed yet' })).toBeVisible()
	await expect(page.getByTestId('answers-withheld')).toContainText('6 answers were wrong')
	await expect(page.locator('[data-testid="result-item"][data-correct="false"]')).toHaveCount(6)
	const reviewLinks = page.getByTestId('review-lesson').getByRole('link')
	await expect(reviewLinks).toHaveCount(6)
	await expect(reviewLinks.first()).toHaveAttribute('href', `${DAY_ONE}/lessons/plan-your-first-day`)
	await expect(page.getByTestId('review-lesson').getByRole('link', { name: 'End of day: review and schedule' })).toHaveCount(2)
	await page.reload()
	await expect(page.getByTestId('quiz-result')).toBeVisible()
	page.off('response', collect)
	const seen = await Promise.all(bodies)
	expect(seen.length).toBeGreaterThanOrEqual(2)
	const dom = await page.locator('main').innerText()
	for (const secret of DAY_ONE_KEY) {
		expect(dom, 'page text').not.toContain(secret)
		for (const body of seen) expect(body, 'a response after submitting').not.toContain(secret)
	}
	await expectNoSeriousViolations(page, 'failed quiz result')

	// A review link leads to its lesson.
	await reviewLinks.first().click()
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Plan your first day')
	await page.goBack()

	// The pass completes a path without a certificate: the next path is the main button, retaking is secondary.
	await page.getByRole('button', { name: 'Try again' }).click()
	await submit(page, DAY_ONE_RIGHT)
	await expect(page.getByRole('heading', { name: 'Passed' })).toBeVisible()
	await expect(page.getByTestId('quiz-result')).toContainText('Reconciling one number in the morning') // passed: explanations are shown
	await expect(page.getByTestId('follow-up-primary')).toHaveText('Next path: Prism fundamentals')
	await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0)
	await expect(page.getByRole('button', { name: 'Retake to improve your score' })).toBeVisible()
	await expect(page.locator('main')).not.toContainText('remaining steps')
	await expectNoSeriousViolations(page, 'passed quiz with its next step')

	// The finished path shows its next step too.
	await page.goto(DAY_ONE)
	await expect(page.getByTestId('next-path').getByRole('link')).toHaveText('Prism fundamentals')
	await expectNoSeriousViolations(page, 'finished path')

	// Home: the next path leads the recommendations, with no advocacy request.
	await page.goto('/')
	const steps = page.getByTestId('recommended-steps')
	await expect(steps.getByRole('listitem').first()).toContainText('Prism fundamentals')
	await expect(steps.getByRole('listitem').first()).toContainText('The next step after Getting started in a day.')
	await expect(steps.locator('[data-kind="advocacy"]')).toHaveCount(0)
	await steps.getByRole('link', { name: 'Prism fundamentals' }).click()
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Prism fundamentals')
	await page.getByRole('button', { name: 'Enrol in this path' }).click()
	await page.getByRole('button', { name: 'Mark complete and continue' }).click()
	// Wait for the step to be recorded (the next lesson opens) before leaving the page.
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connect a data source')

	// Home again, mid-path: continue where you left off, at the next lesson.
	await page.goto('/')
	const resume = page.getByTestId('continue-learning')
	await expect(resume).toContainText('Prism fundamentals')
	await expect(resume.getByRole('link', { name: 'Continue: Connect a data source' })).toBeVisible()
	await expectNoSeriousViolations(page, 'home with a path in progress')
	await resume.getByRole('link', { name: 'Continue: Connect a data source' }).click()
	await completeLessons(page, 4)

	// The limit is stated before the attempt; the pass puts the certificate first.
	await expect(page.getByTestId('attempt-allowance')).toHaveText('You have 5 attempts; 5 left.')
	await page.getByRole('button', { name: 'Start' }).click()
	await expect(page.getByTestId('quiz-form')).toBeVisible()
	for (const choice of ['Viewer', 'Upload a new version', 'A certified metric', 'True', 'A scheduled delivery']) await page.getByLabel(choice, { exact: true }).check()
	await page.getByRole('button', { name: 'Submit answers' }).click()
	await expect(page.getByRole('heading', { name: 'Passed' })).toBeVisible()
	await expect(page.getByTestId('follow-up-primary')).toHaveText('View your certificate')

	// From the home page to the certificate.
	await page.goto('/')
	const certificates = page.getByTestId('home-certificates')
	await expectNoSeriousViolations(page, 'home with a certificate')
	await certificates.getByRole('link', { name: 'Prism fundamentals' }).click()
	await expect(page).toHaveURL(/\/certificates\/[A-Za-z0-9_-]+$/)
	const certificateUrl = page.url()
	const id = certificateUrl.split('/').pop()!
	await expect(page.getByTestId('certificate-holder')).toHaveText('Tier 3 Customer')
	await expect(page.getByTestId('share-url')).toHaveValue(certificateUrl)
	await expectNoSeriousViolations(page, 'certificate, as its holder')

	// The PDF, downloaded by its holder.
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download PDF' }).click()])
	expect(download.suggestedFilename()).toBe('certificate-prism-fundamentals.pdf')
	const pdf = await fs.readFile((await download.path())!)
	expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
	const response = await page.request.get(`/certificates/${id}/pdf`)
	expect(response.status()).toBe(200)
	expect(response.headers()['content-type']).toBe('application/pdf')
	expect(response.headers()['content-disposition']).toMatch(/^attachment;/)

	// The printed copy carries the absolute verification URL.
	await page.goto(`/certificates/${id}/print`)
	await expect(page.getByTestId('verify-url')).toContainText(`Verify at ${certificateUrl}`)
	await expectNoSeriousViolations(page, 'printable certificate')

	// Another customer is refused the PDF and the printable copy; the share link shows name, course, date and validity only.
	const otherContext = await browser.newContext()
	const other = await otherContext.newPage()
	await signIn(other, 'tier2@demo.test')
	expect((await other.request.get(`/certificates/${id}/pdf`)).status()).toBe(403)
	expect((await other.goto(`/certificates/${id}/print`))?.status()).toBe(403)
	await other.goto(certificateUrl)
	await expect(other.getByTestId('certificate-holder')).toHaveText('Tier 3 Customer')
	await expect(other.getByTestId('certificate-path')).toHaveText('Prism fundamentals')
	await expect(other.getByTestId('certificate-validity')).toBeVisible()
	await expect(other.getByTestId('certificate-code')).toHaveCount(0)
	await expect(other.getByTestId('certificate-owner-tools')).toHaveCount(0)
	await expectNoSeriousViolations(other, 'certificate, through the share link')
	await otherContext.close()
})
