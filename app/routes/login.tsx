import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react'
import { SignInSchema } from '#app/domain/accounts-tiers/credentials.ts'
import { signIn } from '#app/domain/accounts-tiers/users.server.ts'
import { Button, ErrorList, Field } from '#app/components/ui/field.tsx'
import { getUser, safeRedirect } from '#app/utils/auth.server.ts'
import { clientAddress } from '#app/utils/request-trust.server.ts'
import { commitSessionCookie } from '#app/utils/session.server.ts'

export const meta: MetaFunction = () => [{ title: 'Sign in · Success Portal' }]

export async function loader({ request }: LoaderFunctionArgs) {
	if (await getUser(request)) throw redirect('/')
	return null
}

export async function action({ request, context }: ActionFunctionArgs) {
	await getUser(request) // origin check for this mutation
	const formData = await request.formData()
	const submission = parseWithZod(formData, { schema: SignInSchema })
	if (submission.status !== 'success') {
		return data(submission.reply({ hideFields: ['password'] }), { status: 400 })
	}
	const { email, password } = submission.value
	// Settled before any session exists: a bad target falls back to the home page, never to an error.
	const redirectTo = safeRedirect(submission.value.redirectTo)
	const result = await signIn({ email, password, ip: clientAddress(request, context) })
	if (!result.ok) {
		const message =
			result.reason === 'rate-limited'
				? `Too many sign-in attempts. Try again in ${result.retryInMinutes} minute${result.retryInMinutes === 1 ? '' : 's'}.`
				: 'Wrong email or password.'
		return data(submission.reply({ formErrors: [message], hideFields: ['password'] }), {
			status: result.reason === 'rate-limited' ? 429 : 400,
		})
	}
	return redirect(redirectTo, { headers: { 'Set-Cookie': await commitSessionCookie(result.sessionId, request) } })
}

export default function LoginPage() {
	const lastResult = useActionData<typeof action>()
	const [searchParams] = useSearchParams()
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id: 'sign-in',
		lastResult,
		constraint: getZodConstraint(SignInSchema),
		onValidate: ({ formData }) => parseWithZod(formData, { schema: SignInSchema }),
		shouldRevalidate: 'onBlur',
	})
	return (
		<div className="mx-auto max-w-sm">
			<h1 className="text-2xl font-bold">Sign in</h1>
			<Form method="post" {...getFormProps(form)} className="mt-6 space-y-4">
				<input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? '/'} />
				<Field label="Email" meta={fields.email} type="email" autoComplete="email" />
				<Field label="Password" meta={fields.password} type="password" autoComplete="current-password" />
				<ErrorList id={form.errorId} errors={form.errors} />
				<Button type="submit" disabled={navigation.state === 'submitting'} className="w-full">
					Sign in
				</Button>
			</Form>
			<p className="mt-4 text-sm text-slate-600">
				<Link to="/forgot-password">Forgot password?</Link>
			</p>
			<p className="mt-2 text-sm text-slate-600">
				New here? <Link to="/join">Create an account with your work email</Link>.
			</p>
		</div>
	)
}
