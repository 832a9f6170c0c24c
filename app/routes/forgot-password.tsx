import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation } from '@remix-run/react'
import { ForgotPasswordSchema } from '#app/domain/accounts-tiers/credentials.ts'
import { RESET_LINK_MINUTES } from '#app/domain/accounts-tiers/recovery.ts'
import { requestPasswordReset } from '#app/domain/accounts-tiers/recovery.server.ts'
import { Button, ErrorList, Field } from '#app/components/ui/field.tsx'
import { getUser, requireSameOrigin } from '#app/utils/auth.server.ts'
import { clientAddress } from '#app/utils/request-trust.server.ts'
import { plural } from '#app/utils/plural.ts'

export const meta: MetaFunction = () => [{ title: 'Forgot your password? · Success Portal' }]

export async function loader({ request }: LoaderFunctionArgs) {
	// A signed-in user changes their password in their account settings.
	if (await getUser(request)) throw redirect('/account')
	return null
}

/** Always the same answer for a valid email, whether or not it has an account. */
export async function action({ request, context }: ActionFunctionArgs) {
	requireSameOrigin(request)
	const submission = parseWithZod(await request.formData(), { schema: ForgotPasswordSchema })
	if (submission.status !== 'success') return data({ result: submission.reply(), sent: false }, { status: 400 })
	const outcome = await requestPasswordReset({ email: submission.value.email, ip: clientAddress(request, context) })
	if (!outcome.ok) {
		const minutes = plural(outcome.retryInMinutes, 'minute')
		return data({ result: submission.reply({ formErrors: [`Too many reset requests from your network. Try again in ${minutes}.`] }), sent: false }, { status: 429 })
	}
	return { result: submission.reply(), sent: true }
}

export default function ForgotPasswordPage() {
	const actionData = useActionData<typeof action>()
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id: 'forgot-password',
		lastResult: actionData?.result,
		constraint: getZodConstraint(ForgotPasswordSchema),
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ForgotPasswordSchema }),
		shouldRevalidate: 'onBlur',
	})
	return (
		<div className="mx-auto max-w-sm">
			<h1 className="text-2xl font-bold">Forgot your password?</h1>
			{actionData?.sent ? (
				<div role="status" className="mt-6 rounded-lg border border-slate-200 bg-white p-4" data-testid="reset-requested">
					<p className="font-medium">Check your email.</p>
					<p className="mt-2 text-sm text-slate-700">
						If an account exists for that address, we sent it a link to choose a new password. The link works once, for {RESET_LINK_MINUTES}{' '}
						minutes.
					</p>
				</div>
			) : (
				<>
					<p className="mt-2 text-sm text-slate-600">Enter the email you sign in with and we will send you a link to choose a new password.</p>
					<Form method="post" {...getFormProps(form)} className="mt-6 space-y-4">
						<Field label="Email" meta={fields.email} type="email" autoComplete="email" />
						<ErrorList id={form.errorId} errors={form.errors} />
						<Button type="submit" disabled={navigation.state === 'submitting'} className="w-full">
							Send reset link
						</Button>
					</Form>
				</>
			)}
			<p className="mt-4 text-sm text-slate-600">
				Remembered it? <Link to="/login">Sign in</Link>.
			</p>
		</div>
	)
}
