import { getFormProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation } from '@remix-run/react'
import { RegisterSchema } from '#app/domain/accounts-tiers/credentials.ts'
import { registerCustomer } from '#app/domain/accounts-tiers/users.server.ts'
import { Button, ErrorList, Field } from '#app/components/ui/field.tsx'
import { getUser } from '#app/utils/auth.server.ts'
import { commitSessionCookie } from '#app/utils/session.server.ts'

export const meta: MetaFunction = () => [{ title: 'Create an account · Success Portal' }]

export async function loader({ request }: LoaderFunctionArgs) {
	if (await getUser(request)) throw redirect('/')
	return null
}

export async function action({ request }: ActionFunctionArgs) {
	await getUser(request) // origin check for this mutation
	const submission = parseWithZod(await request.formData(), { schema: RegisterSchema })
	if (submission.status !== 'success') {
		return data(submission.reply({ hideFields: ['password', 'confirmPassword'] }), { status: 400 })
	}
	const result = await registerCustomer(submission.value)
	if (!result.ok) {
		return data(submission.reply({ fieldErrors: { [result.field]: [result.message] }, hideFields: ['password', 'confirmPassword'] }), {
			status: 400,
		})
	}
	return redirect('/', { headers: { 'Set-Cookie': await commitSessionCookie(result.sessionId, request) } })
}

export default function JoinPage() {
	const lastResult = useActionData<typeof action>()
	const navigation = useNavigation()
	const [form, fields] = useForm({
		id: 'join',
		lastResult,
		constraint: getZodConstraint(RegisterSchema),
		onValidate: ({ formData }) => parseWithZod(formData, { schema: RegisterSchema }),
		shouldRevalidate: 'onBlur',
	})
	return (
		<div className="mx-auto max-w-sm">
			<h1 className="text-2xl font-bold">Create your account</h1>
			<p className="mt-2 text-sm text-slate-600">
				Use your work email: if your company is a customer, you join its account straight away.
			</p>
			<Form method="post" {...getFormProps(form)} className="mt-6 space-y-4">
				<Field label="Name" meta={fields.name} autoComplete="name" />
				<Field label="Work email" meta={fields.email} type="email" autoComplete="email" />
				<Field label="Password" meta={fields.password} type="password" autoComplete="new-password" hint="At least 10 characters; long passphrases welcome." />
				<Field label="Repeat password" meta={fields.confirmPassword} type="password" autoComplete="new-password" />
				<ErrorList id={form.errorId} errors={form.errors} />
				<Button type="submit" disabled={navigation.state === 'submitting'} className="w-full">
					Create account
				</Button>
			</Form>
			<p className="mt-4 text-sm text-slate-600">
				Already registered? <Link to="/login">Sign in</Link>.
			</p>
		</div>
	)
}
