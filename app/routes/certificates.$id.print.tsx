import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getPublicCertificate } from '#app/domain/learning/certificates.server.ts'
import { CertificateCard } from '#app/components/learning/certificate-card.tsx'
import { notFound } from '#app/components/learning/route-guards.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: data ? `Certificate · ${data.certificate.holderName}` : 'Certificate' },
	{ name: 'robots', content: 'noindex' },
]

export async function loader({ params }: LoaderFunctionArgs) {
	const certificate = await getPublicCertificate(params.id ?? '')
	if (!certificate) throw notFound()
	return { certificate, verifyUrl: `/certificates/${certificate.id}` }
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
				<Link to={verifyUrl} className="self-center">
					Back to the certificate
				</Link>
			</div>
			<CertificateCard certificate={certificate} />
			<p className="text-center text-xs text-slate-500">Verify at {verifyUrl} with the code above.</p>
		</div>
	)
}
