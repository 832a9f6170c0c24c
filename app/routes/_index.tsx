import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getAccountOverview } from '#app/domain/accounts-tiers/accounts.server.ts'
import { getRecommendationsFor } from '#app/domain/playbooks/recommendations.server.ts'
import { RecommendedSteps } from '#app/components/engagement/recommended-steps.tsx'
import { getUser, isStaff } from '#app/utils/auth.server.ts'

export const meta: MetaFunction = () => [{ title: 'Success Portal' }]

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await getUser(request)
	if (!user) return { kind: 'visitor' as const }
	if (isStaff(user)) throw redirect('/console')
	const account = user.accountId ? await getAccountOverview(user.accountId) : null
	if (!account) throw new Response('Your user is not linked to an account', { status: 403 })
	return { kind: 'customer' as const, name: user.name, account, nextSteps: await getRecommendationsFor(user) }
}

export default function HomePage() {
	const data = useLoaderData<typeof loader>()
	if (data.kind === 'visitor') {
		return (
			<section className="mx-auto max-w-2xl py-10 text-center">
				<h1 className="text-3xl font-bold">Everything you need to succeed with Prism</h1>
				<p className="mt-4 text-slate-600">
					Guides, training paths and self-assessments, tailored to your plan. Sign in with your work email to see
					everything your company's plan includes.
				</p>
				<div className="mt-8 flex justify-center gap-4">
					<Link to="/login" className="rounded-md bg-brand-600 px-4 py-2 text-white no-underline">
						Sign in
					</Link>
					<Link to="/kb" className="rounded-md border border-slate-300 px-4 py-2 no-underline">
						Browse the knowledge base
					</Link>
				</div>
			</section>
		)
	}
	const { account } = data
	return (
		<div className="space-y-8">
			<section>
				<h1 className="text-2xl font-bold">Welcome back, {data.name}</h1>
				<p className="mt-1 text-slate-600" data-testid="account-tier">
					{account.name} · {account.tierLabel}
				</p>
			</section>
			<RecommendedSteps steps={data.nextSteps} />
			<section aria-labelledby="plan-includes" className="rounded-lg border border-slate-200 bg-white p-6">
				<h2 id="plan-includes" className="text-lg font-semibold">
					What your plan includes
				</h2>
				<ul className="mt-3 list-disc space-y-1 pl-6">
					{account.services.map((s) => (
						<li key={s}>{s}</li>
					))}
				</ul>
				{account.csm ? (
					<p className="mt-4 text-sm">
						Your success manager: <strong>{account.csm.name}</strong> (<a href={`mailto:${account.csm.email}`}>{account.csm.email}</a>)
					</p>
				) : null}
			</section>
		</div>
	)
}
