import fs from 'node:fs'
import path from 'node:path'

type CpuProfile = { nodes: Array<{ id: number; callFrame: { functionName: string; url: string } }>; samples: number[] }

export type ProfileSummary = { samples: number; idleShare: number; gcShare: number; top: Array<{ name: string; share: number }> }

/**
 * The share of samples the main thread spent idle (waiting in the event loop: for I/O, a lock, a
 * timer or the client) and in garbage collection, and the functions with the most self time.
 */
export function summarizeProfile(file: string, topN = 8): ProfileSummary {
	const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile
	const nodeById = new Map(profile.nodes.map((n) => [n.id, n]))
	const selfByName = new Map<string, number>()
	for (const id of profile.samples) {
		const frame = nodeById.get(id)!.callFrame
		const name = `${frame.functionName || '(anonymous)'}${frame.url ? ` ${frame.url.split('/').slice(-2).join('/')}` : ''}`
		selfByName.set(name, (selfByName.get(name) ?? 0) + 1)
	}
	const total = profile.samples.length || 1
	const share = (name: string) => (selfByName.get(name) ?? 0) / total
	return {
		samples: profile.samples.length,
		idleShare: share('(idle)'),
		gcShare: share('(garbage collector)'),
		top: [...selfByName]
			.filter(([name]) => name !== '(idle)')
			.sort((a, b) => b[1] - a[1])
			.slice(0, topN)
			.map(([name, count]) => ({ name, share: count / total })),
	}
}

/** The newest .cpuprofile in a directory. */
export function newestProfile(dir: string): string {
	const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))
	if (!files.length) throw new Error(`no .cpuprofile in ${dir}`)
	return path.join(dir, files.sort((a, b) => fs.statSync(path.join(dir, b)).mtimeMs - fs.statSync(path.join(dir, a)).mtimeMs)[0]!)
}
