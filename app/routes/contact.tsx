import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { planName } from '#app/domain/accounts-tiers/customer-plans.ts'
import { ContactSchema } from '#app/domain/notifications/contact.ts'
import { aboutPath, contactRecipient, submitContactRequest } from '#app/domain/notifications/contact.server.ts'
import { TextAreaField } from '#app/components/plans/fields.tsx'
import { Button, ErrorList, Field } from '#app/components/ui/field.tsx'
import { requireUser } from '#app/utils/auth.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { plural } from '#app/utils/plural.ts'

export const meta: MetaFunction = () => [{ title: 'Contact your success team · Success Portal' }]

/** Where a customer reaches a human: their named CSM when the plan includes one, else the support team. */
export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request)
	const { account, csm } = await contactRecipient(user.accountId)
	return {
		csm: csm && { name: csm.name, email: csm.email },
		planName: account ? planName(account.tier) : null,
		supportEmail: getEnv().SUPPORT_EMAIL,
		about: aboutPath(new URL(request.url).searchParams.get('about')),
	}
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requireUser(request)
	const submission = parseWithZod(await request.formData(), { schema: ContactSchema })
	if (submission.status !== 'success') return data({ result: submission.reply(), sentTo: null }, { status: 400 })
	const outcome = await submitContactRequest(user, submission.value)
	if (!outcome.ok) {
		const minutes = plural(outcome.retryInMinutes, 'minute')
		return data({ result: submission.reply({ formErrors: [`You have sent many messages this hour. Try again in ${minutes}.`] }), sentTo: null }, { status: 429 })
	}
	return { result: submission.reply({ resetForm: true }), sentTo: outcome.sentTo }
}

export default function ContactPage() {
	const { csm, planName, supportEmail, about } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id: 'contact',
		lastResult: actionData?.result,
		constraint: getZodConstraint(ContactSchema),
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ContactSchema }),
		shouldRevalidate: 'onBlur',
	})
	const sentTo = actionData?.sentTo
	return (
		<div className="mx-auto max-w-xl space-y-4">
			<h1 className="text-2xl font-bold">Contact your success team</h1>
			{csm ? (
				<p>
					Your success manager is <strong>{csm.name}</strong> (<a href={`mailto:${csm.email}`}>{csm.email}</a>). Your message goes straight to
					them; they answer within one working day.
				</p>
			) : (
				<p>
					{planName ? `Your ${planName} is served by our shared support team. ` : ''}Your message goes to {supportEmail}; we answer within two
					working days.
				</p>
			)}
			{sentTo ? (
				<div role="status" className="rounded-lg border border-green-300 bg-green-50 p-4" data-testid="contact-sent">
					<p className="font-medium">Thank you: your message was sent.</p>
					<p className="mt-1 text-sm text-slate-700">
						{sentTo.kind === 'csm' ? `${sentTo.name} will get back to you by email.` : `Our support team (${sentTo.email}) will get back to you by email.`}
					</p>
					{about ? (
						<p className="mt-2 text-sm">
							<Link to={about}>Back to the page you were on</Link>
						</p>
					) : null}
				</div>
			) : null}
			<Form method="post" {...getFormProps(form)} className="space-y-4">
				{about ? (
					<p className="text-sm text-slate-600">
						About: <Link to={about}>{about}</Link>
					</p>
				) : null}
				<input type="hidden" name={fields.about.name} value={about ?? ''} />
				<Field label="Subject" meta={fields.subject} />
				<TextAreaField label="Message" meta={fields.message} rows={6} hint="What were you trying to do, and what happened?" />
				<ErrorList id={form.errorId} errors={form.errors} />
				<Button type="submit" disabled={navigation.state === 'submitting'}>
					Send message
				</Button>
			</Form>
			<p className="text-sm text-slate-600">Tip: most questions are answered faster by the search box at the top of every page.</p>
		</div>
	)
}
