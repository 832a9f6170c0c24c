export type ImportReportData = {
	format: string
	rows: number
	created: number
	updated: number
	unchanged: number
	errors: Array<{ line: number; message: string }>
	moreErrors: number
	changed: number
	/** Created for rows that named them, with create-missing. */
	accountsCreated?: number
	usersCreated?: number
	/** Learning records derived from imported lesson and quiz events. */
	derived?: { enrolments: number; lessonCompletions: number; quizAttempts: number; pathCompletions: number }
}

/** What an import did: counts, then every bad row by line so it can be fixed in the file. */
export function ImportReportView({ fileName, kind, report }: { fileName: string; kind: 'signals' | 'events'; report: ImportReportData }) {
	const bad = report.errors.length + report.moreErrors
	const derived = report.derived
	return (
		<section aria-labelledby="import-result" className="rounded-lg border border-slate-200 bg-white p-6" data-testid="import-report">
			<h2 id="import-result" className="font-semibold">
				{fileName} ({report.format.toUpperCase()})
			</h2>
			<p className="mt-2 text-sm" role="status">
				{report.rows} rows read: {report.created} new, {report.updated} updated, {report.unchanged} unchanged, {bad} refused.
				{report.changed > 0
					? kind === 'signals'
						? ` Scores of ${report.changed} account(s) are being recomputed.`
						: ` ${report.changed} user(s) will be rescored.`
					: ''}
			</p>
			{report.accountsCreated || report.usersCreated ? (
				<p className="mt-1 text-sm" data-testid="import-created">
					Created {report.accountsCreated ?? 0} account(s) and {report.usersCreated ?? 0} user(s) the file named.
				</p>
			) : null}
			{derived && derived.enrolments + derived.lessonCompletions + derived.quizAttempts + derived.pathCompletions > 0 ? (
				<p className="mt-1 text-sm">
					Derived from lessons and quizzes: {derived.enrolments} path enrolment(s), {derived.lessonCompletions} lesson completion(s),{' '}
					{derived.quizAttempts} quiz attempt(s), {derived.pathCompletions} path completion(s).
				</p>
			) : null}
			{bad > 0 ? (
				<>
					<h3 className="mt-4 text-sm font-semibold text-red-800">Refused rows</h3>
					<ul className="mt-1 space-y-1 text-sm text-red-800" data-testid="import-errors">
						{report.errors.map((e, i) => (
							<li key={i}>
								Line {e.line}: {e.message}
							</li>
						))}
						{report.moreErrors > 0 ? <li>…and {report.moreErrors} more</li> : null}
					</ul>
				</>
			) : null}
		</section>
	)
}
