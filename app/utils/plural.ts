/** "1 attempt", "3 attempts": a count with its noun. */
export function plural(n: number, one: string, many = `${one}s`): string {
	return `${n} ${n === 1 ? one : many}`
}
