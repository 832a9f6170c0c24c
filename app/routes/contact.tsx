import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { getAccountOverview } from '#app/domain/accounts-tiers/accounts.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'

export const meta: MetaFunction = () => [{ title: 'Contact your success team · Success Portal' }]

/** Where a customer reaches a human: their named CSM when the tier includes one, else the shared team. */
const TEAM_MAILBOX = 'success@prism.example'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request)
	const account = user.accountId ? await getAccountOverview(user.accountId) : null
	return { csm: account?.csm ?? null, planName: account?.planName ?? null, teamMailbox: TEAM_MAILBOX }
}

export default function ContactPage() {
	const { csm, planName, teamMailbox } = useLoaderData<typeof loader>()
	return (
		<div className="mx-auto max-w-xl space-y-4">
			<h1 className="text-2xl font-bold">Contact your success team</h1>
			{csm ? (
				<p>
					Your success manager is <strong>{csm.name}</strong>. Write to <a href={`mailto:${csm.email}`}>{csm.email}</a>; they answer within
					one working day.
				</p>
			) : (
				<p>
					{planName ? `Your ${planName} is served by our shared success team. ` : ''}Write to{' '}
					<a href={`mailto:${teamMailbox}`}>{teamMailbox}</a> with your question and the article or path you were on; we answer within two
					working days.
				</p>
			)}
			<p className="text-sm text-slate-600">Tip: most questions are answered faster by the search box at the top of every page.</p>
		</div>
	)
}
