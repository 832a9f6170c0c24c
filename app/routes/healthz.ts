import { prisma } from '#app/utils/db.server.ts'

/** Liveness and database check for the load balancer. */
export async function loader() {
	try {
		await prisma.$queryRawUnsafe('SELECT 1')
		return Response.json({ status: 'ok', database: 'ok' }, { headers: { 'Cache-Control': 'no-store' } })
	} catch {
		return Response.json({ status: 'error', database: 'unreachable' }, { status: 503, headers: { 'Cache-Control': 'no-store' } })
	}
}
