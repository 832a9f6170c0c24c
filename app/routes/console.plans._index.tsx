import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { tierLabel } from '#app/domain/accounts-tiers/tier-rules.ts'
import { createPlan } from '#app/domain/plans/commands.server.ts'
import { listConsolePlans, type ConsolePlanRow } from '#app/domain/plans/queries.server.ts'
import { CREATE_PLAN_INTENT, intentOf, NewPlanSchema } from '#app/domain/plans/schemas.ts'
import { PlanStatusBadge } from '#app/components/plans/badges.tsx'
import { formatDateTime } from '#app/components/plans/format.ts'
import { Button, ErrorList } from '#app/components/ui/field.tsx'
import { isAccountMember, requireUserWithRole } from '#app/utils/auth.server.ts'

export const meta: MetaFunction = () => [{ title: 'Success plans · Console' }]

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUserWithRole(request, 'CSM', 'ADMIN')
	return { rows: await listConsolePlans(user) }
}

/** Starts a plan for an account the user may act on; its current plan, if any, is archived. */
export async function action({ request }: ActionFunctionArgs) {
	const user = await requireUserWithRole(request, 'CSM', 'ADMIN')
	const formData = await request.formData()
	if (intentOf(formData) !== CREATE_PLAN_INTENT) throw new Response('Unknown action', { status: 400 })
	const submission = parseWithZod(formData, { schema: NewPlanSchema })
	if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
	if (!(await isAccountMember(user, submission.value.accountId))) throw new Response('Not found', { status: 404 })
	const result = await createPlan({ accountId: submission.value.accountId, title: submission.value.title, actorId: user.id })
	if (!result.ok) return data(submission.reply({ formErrors: [result.message] }), { status: result.status })
	return redirect(`/console/plans/${result.planId}`)
}

export default function ConsolePlansPage() {
	const { rows } = useLoaderData<typeof loader>()
	return (
		<div className="space-y-6">
			<h1 className="text-2xl font-bold">Success plans</h1>
			<p className="text-slate-600">Plans of your Tier 1 accounts. Plans where the customer asked for changes come first.</p>
			{rows.length === 0 ? <p className="text-slate-600">None of your accounts has a success plan.</p> : null}
			<ul className="space-y-4">
				{rows.map((row) => (
					<PlanRow key={row.account.id} row={row} />
				))}
			</ul>
		</div>
	)
}

function PlanRow({ row }: { row: ConsolePlanRow }) {
	const plan = row.activePlan
	return (
		<li
			className={`rounded-lg border bg-white p-5 ${row.needsAnswer ? 'border-red-300 ring-2 ring-red-100' : 'border-slate-200'}`}
			data-testid="console-plan-row"
			data-needs-answer={row.needsAnswer ? 'true' : 'false'}
		>
			<div className="flex flex-wrap items-center gap-3">
				<h2 className="mr-auto text-lg font-semibold">{row.account.name}</h2>
				<span className="text-sm text-slate-500">{tierLabel(row.account.tier)}</span>
				{plan ? <PlanStatusBadge status={plan.status} /> : null}
			</div>
			{plan ? (
				<div className="mt-2 space-y-1 text-sm">
					<p>
						<Link to={`/console/plans/${plan.id}`}>{plan.title}</Link> · {plan.objectives} objectives, {plan.agreed} agreed
						{plan.changeRequests ? <strong className="text-red-700"> · {plan.changeRequests} with changes requested</strong> : null}
					</p>
					{row.lastRequest ? (
						<p className="rounded-md bg-red-50 p-2 text-red-900" data-testid="change-request">
							{row.lastRequest.by} · {formatDateTime(row.lastRequest.at)}: {row.lastRequest.summary}
						</p>
					) : null}
				</div>
			) : (
				<p className="mt-2 text-sm text-slate-600">{row.account.hasPlans ? 'No active plan.' : 'Left Tier 1: past plans are read-only.'}</p>
			)}
			{row.pastPlans.length ? (
				<p className="mt-2 text-sm text-slate-600">
					Past plans:{' '}
					{row.pastPlans.map((p, i) => (
						<span key={p.id}>
							{i > 0 ? ', ' : ''}
							<Link to={`/console/plans/${p.id}`}>{p.title}</Link>
						</span>
					))}
				</p>
			) : null}
			{row.account.hasPlans ? <NewPlanForm accountId={row.account.id} replaces={Boolean(plan)} /> : null}
		</li>
	)
}

function NewPlanForm({ accountId, replaces }: { accountId: string; replaces: boolean }) {
	const lastResult = useActionData<typeof action>()
	const navigation = useNavigation()
	const mine = navigation.formData?.get('accountId') === accountId
	const [form, fields] = useForm({
		id: `new-plan-${accountId}`,
		lastResult: lastResult && 'initialValue' in lastResult && lastResult.initialValue?.accountId === accountId ? lastResult : undefined,
		constraint: getZodConstraint(NewPlanSchema),
		onValidate: ({ formData }) => parseWithZod(formData, { schema: NewPlanSchema }),
		shouldRevalidate: 'onBlur',
	})
	return (
		<details className="mt-3">
			<summary className="cursor-pointer text-sm text-brand-700">{replaces ? 'Start a new plan (archives the current one)' : 'Start a plan'}</summary>
			<Form method="post" {...getFormProps(form)} className="mt-2 flex flex-wrap items-start gap-3">
				<input type="hidden" name="intent" value={CREATE_PLAN_INTENT} />
				<input type="hidden" name="accountId" value={accountId} />
				<div className="space-y-1">
					<label htmlFor={fields.title.id} className="block text-sm font-medium text-slate-700">
						Title of the new plan
					</label>
					<input {...getInputProps(fields.title, { type: 'text' })} className="block rounded-md border border-slate-300 px-3 py-2 text-sm aria-[invalid]:border-red-500" />
					<ErrorList id={fields.title.errorId} errors={fields.title.errors} />
				</div>
				<div className="pt-6">
					<Button type="submit" disabled={mine && navigation.state === 'submitting'}>
						Create plan
					</Button>
				</div>
				<ErrorList id={form.errorId} errors={form.errors} />
			</Form>
		</details>
	)
}
