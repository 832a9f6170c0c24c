import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { checkCertificateCode, getPublicCertificate } from '#app/domain/learning/certificates.server.ts'
import { CertificateCard } from '#app/components/learning/certificate-card.tsx'
import { notFound } from '#app/components/learning/route-guards.server.ts'
import { Button } from '#app/components/ui/field.tsx'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: data ? `${data.certificate.pathTitle} certificate · ${data.certificate.holderName}` : 'Certificate · Success Portal' },
	// Public to anyone with the link, but not listed by search engines.
	{ name: 'robots', content: 'noindex' },
]

/** Public: anyone with the link sees the certificate and may check a code against it (a GET, nothing changes). */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const certificate = await getPublicCertificate(params.id ?? '')
	if (!certificate) throw notFound()
	const code = new URL(request.url).searchParams.get('code')?.slice(0, 40) ?? null
	return { certificate, code, valid: code ? checkCertificateCode(certificate.id, code) : null }
}

export default function CertificatePage() {
	const { certificate, code, valid } = useLoaderData<typeof loader>()
	return (
		<div className="space-y-8">
			<CertificateCard certificate={certificate} />
			<p className="no-print text-center text-sm">
				<Link to={`/certificates/${certificate.id}/print`}>Printable view</Link>
			</p>
			<section aria-labelledby="verify-heading" className="no-print mx-auto max-w-md rounded-lg border border-slate-200 bg-white p-5">
				<h2 id="verify-heading" className="font-semibold">
					Verify a code
				</h2>
				<p className="mt-1 text-sm text-slate-600">Type the code printed on the certificate to check it was issued by this portal.</p>
				<Form method="get" className="mt-3 flex gap-2">
					<label htmlFor="code" className="sr-only">
						Verification code
					</label>
					<input
						id="code"
						name="code"
						defaultValue={code ?? ''}
						required
						maxLength={40}
						autoComplete="off"
						placeholder="XXXX-XXXX-XX"
						className="flex-1 rounded-md border border-slate-300 px-3 py-2 font-mono"
					/>
					<Button type="submit">Verify</Button>
				</Form>
				{valid === true ? (
					<p role="status" className="mt-3 text-sm text-emerald-800" data-testid="verify-result">
						Valid: this code belongs to this certificate, issued to {certificate.holderName} for {certificate.pathTitle}.
					</p>
				) : null}
				{valid === false ? (
					<p role="alert" className="mt-3 text-sm text-red-700" data-testid="verify-result">
						Not valid: this code does not belong to this certificate.
					</p>
				) : null}
			</section>
		</div>
	)
}
