/**
 * SQLite takes at most 999 bound parameters a statement, and Prisma only splits a bare `in` list:
 * any query with an id list and another condition goes through this.
 */
export const MAX_IDS_PER_QUERY = 500

export function chunked<T>(list: readonly T[], size = MAX_IDS_PER_QUERY): T[][] {
	const out: T[][] = []
	for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size))
	return out
}
