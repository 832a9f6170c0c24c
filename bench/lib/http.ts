import { spawn, type ChildProcess } from 'node:child_process'
import autocannon from 'autocannon'

export type LoadResult = { label: string; requestsPerSecond: number; p50: number; p99: number; non2xx: number; errors: number }

/**
 * autocannon against one URL: 50 connections, no pipelining, like BASELINES.md. With `paths`, the
 * requests go to those paths in turn (mixed queries).
 */
export async function load(
	label: string,
	url: string,
	opts: { seconds?: number; headers?: Record<string, string>; connections?: number; paths?: string[] } = {},
): Promise<LoadResult> {
	let n = 0
	const paths = opts.paths
	const result = await autocannon({
		url,
		connections: opts.connections ?? 50,
		pipelining: 1,
		duration: opts.seconds ?? 10,
		headers: opts.headers,
		requests: paths ? [{ setupRequest: (req) => ({ ...req, path: paths[n++ % paths.length]! }) }] : undefined,
	})
	return {
		label,
		requestsPerSecond: Math.round(result.requests.average),
		p50: result.latency.p50,
		p99: result.latency.p99,
		non2xx: result.non2xx,
		errors: result.errors + result.timeouts,
	}
}

/**
 * The plain node:http ceiling, measured beside the app so the ratio cancels machine noise. The server
 * runs in its own process, as the portal does, so it does not share an event loop with autocannon.
 */
export async function plainNodeBaseline(seconds = 10, port = 3899): Promise<LoadResult> {
	const source = `require('node:http').createServer((q, r) => r.end('ok')).listen(${port}, '127.0.0.1')`
	const child = spawn(process.execPath, ['-e', source], { stdio: 'ignore' })
	try {
		await waitFor(`http://127.0.0.1:${port}/`)
		return await load('plain node:http "ok"', `http://127.0.0.1:${port}/`, { seconds })
	} finally {
		child.kill()
	}
}

async function waitFor(url: string) {
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(url)).ok) return
		} catch {
			// Not listening yet: try again.
		}
		await new Promise((r) => setTimeout(r, 200))
	}
	throw new Error(`${url} did not come up`)
}

/** Starts the production build with the portal's own server (build/server.js) on a port and waits for /healthz. */
export async function startPortal(port: number, env: Record<string, string>, nodeArgs: string[] = []): Promise<ChildProcess> {
	// node itself rather than through npm, so killing the child stops the server.
	const child = spawn(process.execPath, [...nodeArgs, 'build/server.js'], {
		// No scheduled full recompute during a measurement unless the bench asks for one.
		env: { ...process.env, SCORING_INTERVAL_MINUTES: '0', ...env, PORT: String(port), NODE_ENV: 'production' },
		stdio: ['ignore', 'ignore', 'inherit'],
	})
	try {
		await waitFor(`http://127.0.0.1:${port}/healthz`)
		return child
	} catch (error) {
		child.kill()
		throw error
	}
}

/** SIGTERM and wait for the exit (a --cpu-prof profile is written then). */
export async function stopPortal(child: ChildProcess) {
	if (child.exitCode !== null || child.signalCode !== null) return
	const exited = new Promise((resolve) => child.once('exit', resolve))
	child.kill('SIGTERM')
	await exited
}

export function printTable(rows: LoadResult[], reference: LoadResult) {
	console.log('| route | req/s | p50 ms | p99 ms | non-2xx | ratio to reference |')
	console.log('| --- | --- | --- | --- | --- | --- |')
	for (const r of rows) {
		console.log(`| ${r.label} | ${r.requestsPerSecond} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${(r.requestsPerSecond / reference.requestsPerSecond).toFixed(2)} |`)
	}
}
