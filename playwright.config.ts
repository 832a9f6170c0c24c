import { defineConfig, devices } from '@playwright/test'

const PORT = Number(process.env.E2E_PORT ?? 3100)

// Browser tests drive Debian's Chromium against the production build on a fresh demo database.
export default defineConfig({
	testDir: './test/e2e',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	timeout: 30_000,
	// E2E_REPORT: the PostgreSQL pass of npm test writes its own report (scripts/test.sh).
	reporter: [['list'], ['json', { outputFile: process.env.E2E_REPORT ?? '.tmp/playwright-results.json' }]],
	use: {
		baseURL: `http://localhost:${PORT}`,
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
		},
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
	webServer: {
		command: 'bash scripts/e2e-server.sh',
		url: `http://localhost:${PORT}/healthz`,
		reuseExistingServer: false,
		// Seeding and syncing through PostgreSQL's round trips takes longer than on the SQLite file.
		timeout: process.env.E2E_DATABASE === 'postgresql' ? 600_000 : 240_000,
		stdout: 'ignore',
		stderr: 'pipe',
	},
})
