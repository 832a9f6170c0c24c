import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { ResetPasswordSchema } from '#app/domain/accounts-tiers/credentials.ts'
import { RESET_LINK_INVALID } from '#app/domain/accounts-tiers/recovery.ts'
import { isResetTokenUsable, resetPassword } from '#app/domain/accounts-tiers/recovery.server.ts'
import { Button, ErrorList, Field } from '#app/components/ui/field.tsx'
import { requireSameOrigin } from '#app/utils/auth.server.ts'
import { commitSessionCookie } from '#app/utils/session.server.ts'

export const meta: MetaFunction = () => [{ title: 'Choose a new password · Success Portal' }]

/** Reads only: whether the link can still be used. Using it happens in the action. */
export async function loader({ params }: LoaderFunctionArgs) {
	const usable = await isResetTokenUsable(params.token ?? '')
	return data({ usable }, { status: usable ? 200 : 410 })
}

export async function action({ request, params }: ActionFunctionArgs) {
	requireSameOrigin(request)
	const submission = parseWithZod(await request.formData(), { schema: ResetPasswordSchema })
	const hidden = { hideFields: ['password', 'confirmPassword'] }
	if (submission.status !== 'success') return data(submission.reply(hidden), { status: 400 })
	const result = await resetPassword(params.token ?? '', submission.value.password)
	if (!result.ok) return data(submission.reply({ formErrors: [result.message], ...hidden }), { status: 410 })
	// Every other session of the user ended; this browser is signed in with the new password.
	return redirect('/', { headers: { 'Set-Cookie': await commitSessionCookie(result.sessionId, request) } })
}

export default function ResetPasswordPage() {
	const { usable } = useLoaderData<typeof loader>()
	const lastResult = useActionData<typeof action>()
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id: 'reset-password',
		lastResult,
		constraint: getZodConstraint(ResetPasswordSchema),
		onValidate: ({ formData }) => parseWithZod(formData, { schema: ResetPasswordSchema }),
		shouldRevalidate: 'onBlur',
	})
	return (
		<div className="mx-auto max-w-sm">
			<h1 className="text-2xl font-bold">Choose a new password</h1>
			{usable ? (
				<Form method="post" {...getFormProps(form)} className="mt-6 space-y-4">
					<Field label="New password" meta={fields.password} type="password" autoComplete="new-password" hint="At least 10 characters; long passphrases welcome." />
					<Field label="Repeat new password" meta={fields.confirmPassword} type="password" autoComplete="new-password" />
					<ErrorList id={form.errorId} errors={form.errors} />
					<p className="text-sm text-slate-600">Setting a new password signs you out everywhere else.</p>
					<Button type="submit" disabled={navigation.state === 'submitting'} className="w-full">
						Set new password
					</Button>
				</Form>
			) : (
				<p role="alert" className="mt-6 text-slate-700" data-testid="reset-link-invalid">
					{RESET_LINK_INVALID}
				</p>
			)}
			<p className="mt-4 text-sm text-slate-600">
				<Link to="/forgot-password">Send me a new link</Link> · <Link to="/login">Sign in</Link>
			</p>
		</div>
	)
}
