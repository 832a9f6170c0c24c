import {
	data,
	MaxPartSizeExceededError,
	unstable_createMemoryUploadHandler,
	unstable_parseMultipartFormData,
	type ActionFunctionArgs,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { Form, useActionData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { importEvents } from '#app/domain/engagement/events-import.server.ts'
import { importSignals } from '#app/domain/engagement/signals-import.server.ts'
import { accountKey, enqueueScoringMany } from '#app/domain/scoring/queue.server.ts'
import { ImportReportView } from '#app/components/engagement/import-report.tsx'
import { requireUserWithRole } from '#app/utils/auth.server.ts'
import { prisma } from '#app/utils/db.server.ts'

export const meta: MetaFunction = () => [{ title: 'Import signals · Console' }]

const MAX_FILE_BYTES = 10 * 1024 * 1024

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUserWithRole(request, 'CSM', 'ADMIN')
	return null
}

const UploadSchema = z.object({
	kind: z.enum(['signals', 'events'], { error: 'Choose what the file holds' }),
	file: z
		.instanceof(File, { error: 'Choose a file' })
		.refine((f) => f.size > 0, 'The file is empty')
		.refine((f) => /\.(csv|ndjson|jsonl)$/i.test(f.name), 'Upload a .csv, .ndjson or .jsonl file'),
	// A checkbox: present ("on") when ticked, absent otherwise.
	createMissing: z.literal('on', { error: 'Tick the box or leave it empty' }).nullable(),
})

export async function action({ request }: ActionFunctionArgs) {
	const user = await requireUserWithRole(request, 'CSM', 'ADMIN')
	let form: FormData
	try {
		form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_FILE_BYTES }))
	} catch (error) {
		if (error instanceof MaxPartSizeExceededError) {
			return data({ ok: false as const, error: 'The file is larger than 10 MB: use npm run signals:import on the server.' }, { status: 413 })
		}
		return data({ ok: false as const, error: 'Send the file as a form upload.' }, { status: 400 })
	}
	const parsed = UploadSchema.safeParse({ kind: form.get('kind'), file: form.get('file'), createMissing: form.get('createMissing') })
	if (!parsed.success) return data({ ok: false as const, error: parsed.error.issues[0]!.message }, { status: 400 })
	const { kind, file } = parsed.data
	const createMissing = parsed.data.createMissing === 'on'
	// Rows about accounts this user may not manage (canManageAccount) are refused by line.
	const actor = { id: user.id, role: user.role }
	const text = await file.text()
	if (kind === 'signals') {
		const report = await importSignals(text, { fileName: file.name, createMissing, actor })
		// Scores follow in the background (the runner drains the queue): the upload answers as soon as the rows are stored.
		await enqueueScoringMany(prisma, report.changedAccountIds.map(accountKey), { reason: 'import' })
		return { ok: true as const, kind, fileName: file.name, report: { ...report, changed: report.changedAccountIds.length } }
	}
	const report = await importEvents(text, { fileName: file.name, createMissing, actor })
	return { ok: true as const, kind, fileName: file.name, report: { ...report, updated: 0, changed: report.changedUserIds.length } }
}

export default function SignalsPage() {
	const result = useActionData<typeof action>()
	const busy = useNavigation().state === 'submitting'
	return (
		<div className="space-y-6">
			<div>
				<h1 className="text-2xl font-bold">Import signals</h1>
				<p className="mt-1 max-w-3xl text-slate-600">
					Load what your team already measures: product usage per account or user, by day or week, NPS and CSAT answers, or
					engagement history from your analytics tool. NDJSON or CSV with a header row. Bad rows are listed by line and skipped; the
					good rows load. Loading the same file again changes nothing. The formats are in docs/imports.md.
				</p>
			</div>
			<Form method="post" encType="multipart/form-data" className="space-y-4 rounded-lg border border-slate-200 bg-white p-6">
				<fieldset className="space-y-2">
					<legend className="text-sm font-medium text-slate-700">The file holds</legend>
					<label className="flex items-center gap-2 text-sm">
						<input type="radio" name="kind" value="signals" defaultChecked /> Product usage and survey answers
					</label>
					<label className="flex items-center gap-2 text-sm">
						<input type="radio" name="kind" value="events" /> Engagement events
					</label>
				</fieldset>
				<div className="space-y-1">
					<label htmlFor="file" className="block text-sm font-medium text-slate-700">
						File (.csv, .ndjson or .jsonl, up to 10 MB)
					</label>
					<input
						id="file"
						name="file"
						type="file"
						accept=".csv,.ndjson,.jsonl"
						required
						aria-invalid={result && !result.ok ? true : undefined}
						aria-describedby={result && !result.ok ? 'file-error' : undefined}
					/>
					{result && !result.ok ? (
						<p id="file-error" role="alert" className="text-sm text-red-700">
							{result.error}
						</p>
					) : null}
				</div>
				<div className="space-y-1">
					<label className="flex items-center gap-2 text-sm">
						<input type="checkbox" name="createMissing" aria-describedby="create-missing-help" /> Create missing accounts and users
					</label>
					<p id="create-missing-help" className="text-sm text-slate-500">
						Rows naming an account (by email domain or external id) or a user (by email) the portal does not know are refused unless
						this is ticked. Created accounts start at Tier 3 with no revenue (a CSM's are theirs); created users are customers who set a
						password later. Rows about accounts you do not manage are refused.
					</p>
				</div>
				<button type="submit" disabled={busy} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white disabled:opacity-50">
					{busy ? 'Importing…' : 'Import'}
				</button>
				<details className="text-sm text-slate-600">
					<summary className="cursor-pointer">Row formats</summary>
					<pre className="mt-2 overflow-x-auto rounded bg-slate-100 p-3 text-xs">{FORMATS}</pre>
				</details>
			</Form>
			{result?.ok ? <ImportReportView fileName={result.fileName} kind={result.kind} report={result.report} /> : null}
		</div>
	)
}

const FORMATS = `Usage:  {"type":"usage","account":"acme.example.com","day":"2026-03-01","metric":"active_users","value":12}
        {"type":"usage","user":"pat@acme.example.com","day":"2026-03-02","period":"week","metric":"active_minutes","value":95}
        per user or per account; a period: "period":"week", "days":7, or "from" and "to" (stored on the first day)
        metrics scored: active_minutes, active_days, active_users, features_adopted, features_available, key_feature_adoption, seats
Survey: {"type":"survey","id":"survey-123","account":"acme.example.com","kind":"NPS","score":9,"respondedAt":"2026-03-01T10:00:00Z"}
Event:  {"id":"evt-1","kind":"article_read","user":"pat@acme.example.com","occurredAt":"2026-03-01T10:00:00Z","itemKey":"article:share-a-dashboard"}
        "account" may place the user; lesson and quiz events enrol and complete paths
CSV: the same names as header columns; account = account id, external id or email domain; user = email or user id.`
