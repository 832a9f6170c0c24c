import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { requireUser } from '#app/utils/auth.server.ts'

export const meta: MetaFunction = () => [{ title: 'Customer community · Success Portal' }]

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUser(request)
	return null
}

/** The invitation the High Performers playbook links to. */
export default function AdvocacyPage() {
	return (
		<div className="mx-auto max-w-xl space-y-4">
			<h1 className="text-2xl font-bold">Join the Prism customer community</h1>
			<p>Your team gets a lot out of Prism. Other teams would like to learn how. Ways to take part:</p>
			<ul className="list-disc space-y-1 pl-6">
				<li>Speak at a quarterly user group (30 minutes, remote or in person).</li>
				<li>Share a dashboard you are proud of in the community gallery.</li>
				<li>Be a reference for a company like yours that is evaluating Prism.</li>
				<li>Join the beta programme and shape what we build next.</li>
			</ul>
			<p>
				Interested? Write to <a href="mailto:community@prism.example">community@prism.example</a> and say which you would like to do.
			</p>
		</div>
	)
}
