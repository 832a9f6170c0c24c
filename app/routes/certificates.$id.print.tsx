import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { findOwnCertificate } from '#app/domain/learning/certificates.server.ts'
import { CertificateCard } from '#app/components/learning/certificate-card.tsx'
import { notFound } from '#app/components/learning/route-guards.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { publicOrigin } from '#app/utils/public-origin.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: data ? `Certificate · ${data.certificate.holderName}` : 'Certificate' },
	{ name: 'robots', content: 'noindex' },
]

/** The holder's copy, with the verification code: others get the share link's page, which leaves the code out. */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requireUser(request)
	const found = await findOwnCertificate(params.id ?? '', user.id)
	if (found.kind === 'not-found') throw notFound()
	if (found.kind === 'not-owner') throw new Response('Only the holder of this certificate may print it.', { status: 403 })
	const { certificate } = found
	// Absolute: a printed page has no address bar to resolve a relative link against.
	return { certificate, verifyUrl: `${publicOrigin(request)}/certificates/${certificate.id}` }
}

/** The certificate alone, for printing: site chrome carries `no-print`; the print button is hidden on paper too. */
export default function PrintableCertificate() {
	const { certificate, verifyUrl } = useLoaderData<typeof loader>()
	return (
		<div className="space-y-6">
			<div className="no-print flex justify-center gap-4 text-sm">
				<button type="button" onClick={() => window.print()} className="rounded-md bg-brand-600 px-4 py-2 text-white">
					Print
				</button>
				<a href={`/certificates/${certificate.id}/pdf`} className="self-center" download>
					Download PDF
				</a>
				<Link to={`/certificates/${certificate.id}`} className="self-center">
					Back to the certificate
				</Link>
			</div>
			<CertificateCard certificate={certificate} />
			<p className="text-center text-xs text-slate-600" data-testid="verify-url">
				Verify at {verifyUrl} with the code above.
			</p>
		</div>
	)
}
