import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { listCertificates } from '#app/domain/learning/certificates.server.ts'
import { formatIssued } from '#app/components/learning/certificate-card.tsx'
import { requireUser } from '#app/utils/auth.server.ts'

export const meta: MetaFunction = () => [{ title: 'Your certificates · Success Portal' }]

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireUser(request)
	return { certificates: await listCertificates(user.id) }
}

export default function MyCertificates() {
	const { certificates } = useLoaderData<typeof loader>()
	return (
		<div className="max-w-3xl space-y-6">
			<h1 className="text-2xl font-bold">Your certificates</h1>
			{certificates.length === 0 ? (
				<p className="text-slate-600">
					None yet. Finish a <Link to="/paths">training path</Link> that offers a certificate to earn one.
				</p>
			) : (
				<ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
					{certificates.map((certificate) => (
						<li key={certificate.id} className="flex flex-wrap items-center justify-between gap-2 p-4">
							<div>
								<Link to={`/certificates/${certificate.id}`} className="font-medium">
									{certificate.pathTitle}
								</Link>
								<p className="text-sm text-slate-500">
									Issued {formatIssued(certificate.issuedAt)} · code <span className="font-mono">{certificate.verificationCode}</span>
								</p>
							</div>
							<div className="flex gap-4 text-sm">
								<a href={`/certificates/${certificate.id}/pdf`} download>
									Download PDF
								</a>
								<Link to={`/certificates/${certificate.id}/print`}>Printable view</Link>
							</div>
						</li>
					))}
				</ul>
			)}
		</div>
	)
}
