import { type LoaderFunctionArgs } from '@remix-run/node'
import { canManageAccount } from '#app/domain/accounts-tiers/account-access.ts'
import { getCurrentUserScore, notScoredJson, userScoreJson } from '#app/domain/scoring/queries.server.ts'
import { getUser, isStaff } from '#app/utils/auth.server.ts'
import { prisma } from '#app/utils/db.server.ts'

/**
 * GET /api/users/:userId/score: current skill, will, segment and breakdown. The user themself, or staff
 * who may manage the user's account (canManageAccount: an admin any, a CSM their own, an editor none).
 * Reads only: a customer never scored yet answers 200 with `score: null` and the reason.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await getUser(request)
	if (!user) return Response.json({ error: 'Sign in first.' }, { status: 401 })
	const userId = params.userId ?? ''
	const staff = isStaff(user)
	// Anyone else's id reads as unknown, so ids cannot be probed.
	if (!staff && user.id !== userId) return Response.json({ error: 'Not found.' }, { status: 404 })
	const subject = await prisma.user.findUnique({
		where: { id: userId },
		select: { id: true, name: true, role: true, accountId: true, account: { select: { csmId: true } } },
	})
	if (!subject) return Response.json({ error: 'Not found.' }, { status: 404 })
	// Checked before the role, so a CSM cannot tell a staff id (no account) from an unknown one.
	if (staff && !canManageAccount(user, subject.account ?? { csmId: null })) {
		return Response.json({ error: 'Not found.' }, { status: 404 })
	}
	if (subject.role !== 'CUSTOMER' || !subject.accountId) {
		return Response.json({ error: 'Only customers of an account are scored.' }, { status: 404 })
	}
	const headers = { 'Cache-Control': 'private, no-store' }
	const score = await getCurrentUserScore(subject.id)
	if (!score) {
		return Response.json(notScoredJson({ type: 'user', id: subject.id, name: subject.name, accountId: subject.accountId }), { headers })
	}
	return Response.json(userScoreJson(subject, score, staff), { headers })
}
