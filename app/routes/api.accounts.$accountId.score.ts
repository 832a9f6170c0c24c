import { type LoaderFunctionArgs } from '@remix-run/node'
import { canManageAccount } from '#app/domain/accounts-tiers/account-access.ts'
import { accountScoreJson, getCurrentAccountScore, notScoredJson } from '#app/domain/scoring/queries.server.ts'
import { getUser, isStaff } from '#app/utils/auth.server.ts'
import { prisma } from '#app/utils/db.server.ts'

/**
 * GET /api/accounts/:accountId/score: current skill, will, segment, quadrant and breakdown.
 * Staff read the accounts they may manage (canManageAccount: an admin any, a CSM their own, an editor
 * none); a customer reads their own account's scores, without segment or quadrant. Any other account
 * answers the same 404 as an unknown id, so ids cannot be probed.
 * Reads only: an account never scored yet answers 200 with `score: null` and the reason.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await getUser(request)
	if (!user) return Response.json({ error: 'Sign in first.' }, { status: 401 })
	const accountId = params.accountId ?? ''
	const staff = isStaff(user)
	if (!staff && user.accountId !== accountId) return Response.json({ error: 'Not found.' }, { status: 404 })
	const found = await prisma.account.findUnique({ where: { id: accountId }, select: { id: true, name: true, tier: true, csmId: true } })
	if (!found || (staff && !canManageAccount(user, found))) return Response.json({ error: 'Not found.' }, { status: 404 })
	const account = { id: found.id, name: found.name, tier: found.tier }
	const headers = { 'Cache-Control': 'private, no-store' }
	const score = await getCurrentAccountScore(account.id)
	if (!score) return Response.json(notScoredJson({ type: 'account', id: account.id, name: account.name, tier: account.tier }), { headers })
	return Response.json(accountScoreJson(account, score, staff), { headers })
}
