import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { PrintablePlan } from '#app/components/plans/printable-plan.tsx'
import { planPageData, requirePlanMember } from './plans-guard.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.page.title ?? 'Success plan'} · printable` }]

/** A clean page of the plan for the customer's leadership: print it, or save it as PDF from the print dialog. */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const member = await requirePlanMember(request, params.planId)
	// A draft has nothing to print for a customer.
	if (!member.access.canSeeContent) throw new Response('Not found', { status: 404 })
	const { page } = await planPageData(member)
	if (!page.content) throw new Response('Not found', { status: 404 })
	return { page, content: page.content, printedAt: new Date() }
}

export default function PrintPlanPage() {
	const { page, content, printedAt } = useLoaderData<typeof loader>()
	return (
		<div>
			<div className="no-print mb-6 flex flex-wrap items-center gap-4">
				<button type="button" onClick={() => window.print()} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white">
					Print or save as PDF
				</button>
				<Link to={`/plans/${page.id}`}>Back to the plan</Link>
			</div>
			<PrintablePlan page={page} content={content} printedAt={printedAt} />
		</div>
	)
}
