import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useMemo } from 'react'
import { getAccountSettings, setAccountTimeZone } from '#app/domain/accounts-tiers/account-settings.server.ts'
import { accountTimeZoneSchema, SET_TIME_ZONE_INTENT, supportedTimeZones } from '#app/domain/accounts-tiers/time-zone.ts'
import { Button, ErrorList } from '#app/components/ui/field.tsx'
import { requireAccountAccess } from '#app/utils/account-access.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Settings · ${data?.account.name ?? 'Account'} · Console` }]

/** The account's CSM or an admin (requireAccountAccess); another CSM's account is a 404, as for plans. */
async function requireAccountStaff(request: Request, accountId: string | undefined) {
	const { account } = await requireAccountAccess(request, accountId)
	const settings = await getAccountSettings(account.id)
	if (!settings) throw new Response('Not found', { status: 404 })
	return settings
}

export async function loader({ request, params }: LoaderFunctionArgs) {
	const account = await requireAccountStaff(request, params.accountId)
	const saved = new URL(request.url).searchParams.has('saved')
	return { account: { id: account.id, name: account.name, timeZone: account.timeZone }, timeZones: supportedTimeZones(), saved }
}

export async function action({ request, params }: ActionFunctionArgs) {
	const account = await requireAccountStaff(request, params.accountId)
	const submission = parseWithZod(await request.formData(), { schema: accountTimeZoneSchema(supportedTimeZones()) })
	if (submission.status !== 'success') return data(submission.reply(), { status: 400 })
	await setAccountTimeZone(account.id, submission.value.timeZone)
	return redirect(`/console/accounts/${account.id}/settings?saved`)
}

export default function AccountSettingsPage() {
	const { account, timeZones, saved } = useLoaderData<typeof loader>()
	const lastResult = useActionData<typeof action>()
	const busy = useNavigation().state !== 'idle'
	const schema = useMemo(() => accountTimeZoneSchema(timeZones), [timeZones])
	const [form, fields] = useForm({
		id: 'account-time-zone',
		lastResult,
		constraint: getZodConstraint(schema),
		onValidate: ({ formData }) => parseWithZod(formData, { schema }),
		shouldRevalidate: 'onBlur',
		defaultValue: { timeZone: account.timeZone },
	})
	return (
		<div className="max-w-xl space-y-6">
			<div>
				<p className="text-sm">
					<Link to="/console/accounts">Accounts</Link> / <Link to={`/console/accounts/${account.id}`}>{account.name}</Link>
				</p>
				<h1 className="mt-1 text-2xl font-bold">Account settings</h1>
			</div>
			{saved && !lastResult ? (
				<p role="status" className="rounded-md bg-green-50 p-3 text-sm text-green-900" data-testid="settings-saved">
					Saved. The account's scores are being recomputed with active days in {account.timeZone}.
				</p>
			) : null}
			<Form method="post" {...getFormProps(form)} className="space-y-3 rounded-lg border border-slate-200 bg-white p-6">
				<input type="hidden" name="intent" value={SET_TIME_ZONE_INTENT} />
				<div className="space-y-1">
					<label htmlFor={fields.timeZone.id} className="block text-sm font-medium text-slate-700">
						Time zone
					</label>
					<input
						{...getInputProps(fields.timeZone, { type: 'text' })}
						list="time-zones"
						autoComplete="off"
						className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm aria-[invalid]:border-red-500"
					/>
					<datalist id="time-zones">
						{timeZones.map((zone) => (
							<option key={zone} value={zone} />
						))}
					</datalist>
					<p className="text-xs text-slate-500">
						An IANA name such as Europe/Paris or America/New_York. Active days in the skill and will scores are counted in this zone.
					</p>
					<ErrorList id={fields.timeZone.errorId} errors={fields.timeZone.errors} />
				</div>
				<ErrorList id={form.errorId} errors={form.errors} />
				<Button type="submit" disabled={busy}>
					Save time zone
				</Button>
			</Form>
		</div>
	)
}
