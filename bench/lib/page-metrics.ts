import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { chromium } from '@playwright/test'

export type PageMetrics = { lcpMs: number; cls: number; jsKbGzip: number; scripts: number }

declare global {
	interface Window {
		__lcp?: number
		__cls?: number
	}
}

/**
 * Loads a page in Debian's Chromium with an empty cache, `runs` times, and reports the median
 * Largest Contentful Paint, the largest Cumulative Layout Shift, and the JavaScript the page loaded:
 * each script file under build/client gzipped as the server sends it, summed.
 */
export async function measurePage(url: string, opts: { clientDir: string; cookie?: { name: string; value: string }; runs?: number }): Promise<PageMetrics> {
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
	})
	try {
		const lcps: number[] = []
		let cls = 0
		let scriptPaths: string[] = []
		for (let run = 0; run < (opts.runs ?? 3); run++) {
			const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
			if (opts.cookie) await context.addCookies([{ ...opts.cookie, url: new URL(url).origin }])
			const page = await context.newPage()
			await page.addInitScript(() => {
				window.__lcp = 0
				window.__cls = 0
				new PerformanceObserver((list) => {
					for (const entry of list.getEntries()) window.__lcp = entry.startTime
				}).observe({ type: 'largest-contentful-paint', buffered: true })
				new PerformanceObserver((list) => {
					for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
						if (!entry.hadRecentInput) window.__cls! += entry.value
					}
				}).observe({ type: 'layout-shift', buffered: true })
			})
			await page.goto(url, { waitUntil: 'networkidle' })
			const seen = await page.evaluate(() => ({
				lcp: window.__lcp ?? 0,
				cls: window.__cls ?? 0,
				scripts: performance
					.getEntriesByType('resource')
					.map((entry) => new URL(entry.name).pathname)
					.filter((pathname) => pathname.endsWith('.js')),
			}))
			lcps.push(seen.lcp)
			cls = Math.max(cls, seen.cls)
			scriptPaths = seen.scripts
			await context.close()
		}
		const gzipped = [...new Set(scriptPaths)].map((pathname) => {
			const file = path.join(opts.clientDir, pathname)
			return fs.existsSync(file) ? zlib.gzipSync(fs.readFileSync(file)).length : 0
		})
		lcps.sort((a, b) => a - b)
		return {
			lcpMs: Math.round(lcps[Math.floor(lcps.length / 2)]!),
			cls: Number(cls.toFixed(4)),
			jsKbGzip: Math.round(gzipped.reduce((a, b) => a + b, 0) / 102.4) / 10,
			scripts: gzipped.length,
		}
	} finally {
		await browser.close()
	}
}
