import { diffLines } from 'diff'

export type DiffLine =
	| { kind: 'same' | 'added' | 'removed'; text: string; oldLine: number | null; newLine: number | null }
	| { kind: 'skipped'; count: number }

/** Unchanged lines kept around each change; longer unchanged runs are folded. */
const CONTEXT = 3

/** A line-by-line diff of two revisions, unchanged stretches folded, for people to read. */
export function revisionDiff(before: string, after: string): { lines: DiffLine[]; added: number; removed: number } {
	const all: Array<Extract<DiffLine, { text: string }>> = []
	let oldLine = 1
	let newLine = 1
	let added = 0
	let removed = 0
	for (const part of diffLines(before, after)) {
		const texts = part.value.replace(/\n$/, '').split('\n')
		for (const text of texts) {
			if (part.added) {
				all.push({ kind: 'added', text, oldLine: null, newLine: newLine++ })
				added++
			} else if (part.removed) {
				all.push({ kind: 'removed', text, oldLine: oldLine++, newLine: null })
				removed++
			} else all.push({ kind: 'same', text, oldLine: oldLine++, newLine: newLine++ })
		}
	}
	const near = all.map(() => false)
	all.forEach((line, i) => {
		if (line.kind === 'same') return
		for (let j = Math.max(0, i - CONTEXT); j <= Math.min(all.length - 1, i + CONTEXT); j++) near[j] = true
	})
	const lines: DiffLine[] = []
	let skipped = 0
	all.forEach((line, i) => {
		if (line.kind === 'same' && !near[i]) {
			skipped++
			return
		}
		if (skipped) lines.push({ kind: 'skipped', count: skipped })
		skipped = 0
		lines.push(line)
	})
	if (skipped) lines.push({ kind: 'skipped', count: skipped })
	return { lines, added, removed }
}
