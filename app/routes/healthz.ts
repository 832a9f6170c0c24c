import { prisma } from '#app/utils/db.server.ts'
import { sqliteRead } from '#app/utils/sqlite-read.server.ts'

/** Liveness and database check for the load balancer. */
export async function loader() {
	try {
		// On SQLite the read connection answers (no query compiler in a probe a load balancer sends often).
		const probe = sqliteRead('SELECT 1')
		if (probe) probe.get()
		else await prisma.$queryRawUnsafe('SELECT 1')
		return Response.json({ status: 'ok', database: 'ok' }, { headers: { 'Cache-Control': 'no-store' } })
	} catch {
		return Response.json({ status: 'error', database: 'unreachable' }, { status: 503, headers: { 'Cache-Control': 'no-store' } })
	}
}
