import { Link } from '@remix-run/react'
import { formatIssued } from '#app/domain/learning/certificate-date.ts'
import { ProgressBar } from '#app/components/learning/progress-bar.tsx'

export type ContinueView = {
	path: { slug: string; title: string }
	percent: number
	completed: number
	total: number
	next: { title: string; href: string; kind: string }
}

export type HomeCertificate = { id: string; pathTitle: string; issuedAt: string | Date }

/** On the signed-in home: the path in progress with its next step, and the certificates earned. */
export function LearnerJourney({ continueLearning, certificates }: { continueLearning: ContinueView | null; certificates: HomeCertificate[] }) {
	if (!continueLearning && certificates.length === 0) return null
	return (
		<div className="grid gap-6 md:grid-cols-2">
			{continueLearning ? (
				<section aria-labelledby="continue-heading" className="rounded-lg border border-slate-200 bg-white p-6" data-testid="continue-learning">
					<h2 id="continue-heading" className="text-lg font-semibold">
						Continue where you left off
					</h2>
					<p className="mt-2">
						<Link to={`/paths/${continueLearning.path.slug}`} className="font-medium">
							{continueLearning.path.title}
						</Link>
					</p>
					<div className="mt-3">
						<ProgressBar percent={continueLearning.percent} label={`${continueLearning.completed} of ${continueLearning.total} steps done`} />
					</div>
					<Link
						to={continueLearning.next.href}
						className="mt-4 inline-block rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white no-underline"
					>
						{continueLearning.completed === 0 ? 'Start' : 'Continue'}: {continueLearning.next.title}
					</Link>
				</section>
			) : null}
			{certificates.length > 0 ? (
				<section aria-labelledby="certificates-heading" className="rounded-lg border border-slate-200 bg-white p-6" data-testid="home-certificates">
					<h2 id="certificates-heading" className="text-lg font-semibold">
						Your certificates
					</h2>
					<ul className="mt-3 space-y-2">
						{certificates.map((certificate) => (
							<li key={certificate.id}>
								<Link to={`/certificates/${certificate.id}`} className="font-medium">
									{certificate.pathTitle}
								</Link>
								<span className="text-sm text-slate-600"> · issued {formatIssued(certificate.issuedAt)}</span>
							</li>
						))}
					</ul>
					<p className="mt-3 text-sm">
						<Link to="/certificates">All your certificates</Link>
					</p>
				</section>
			) : null}
		</div>
	)
}
