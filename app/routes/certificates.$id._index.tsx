import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { checkCertificateCode, findOwnCertificate, getPublicCertificate, sharedView } from '#app/domain/learning/certificates.server.ts'
import { CertificateCard } from '#app/components/learning/certificate-card.tsx'
import { CopyLink } from '#app/components/learning/copy-link.tsx'
import { notFound } from '#app/components/learning/route-guards.server.ts'
import { Button } from '#app/components/ui/field.tsx'
import { getUser } from '#app/utils/auth.server.ts'
import { publicOrigin } from '#app/utils/public-origin.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: data ? `${data.certificate.pathTitle} certificate · ${data.certificate.holderName}` : 'Certificate · Success Portal' },
	// Public to anyone with the link, but not listed by search engines.
	{ name: 'robots', content: 'noindex' },
]

/**
 * The share link. Anyone with it sees the holder's name, the course, the date and that the
 * certificate is valid, and may check a printed code against it (a GET, nothing changes). The
 * holder also sees the code and the ways to share, print and download it.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const id = params.id ?? ''
	const user = await getUser(request)
	const owned = user ? await findOwnCertificate(id, user.id) : null
	const full = owned?.kind === 'owner' ? owned.certificate : await getPublicCertificate(id)
	if (!full) throw notFound()
	const code = new URL(request.url).searchParams.get('code')?.slice(0, 40) ?? null
	const valid = code ? checkCertificateCode(full.id, code) : null
	if (owned?.kind !== 'owner') return { certificate: sharedView(full), owner: null, code, valid }
	return { certificate: full, owner: { shareUrl: `${publicOrigin(request)}/certificates/${full.id}` }, code, valid }
}

export default function CertificatePage() {
	const { certificate, owner, code, valid } = useLoaderData<typeof loader>()
	return (
		<div className="space-y-8">
			<CertificateCard certificate={certificate} />
			{owner ? (
				<section aria-labelledby="share-heading" className="no-print mx-auto max-w-md space-y-4 rounded-lg border border-slate-200 bg-white p-5" data-testid="certificate-owner-tools">
					<h2 id="share-heading" className="font-semibold">
						Share or keep your certificate
					</h2>
					<CopyLink url={owner.shareUrl} label="Share link (shows your name, the course, the date and that it is valid)" />
					<div className="flex flex-wrap gap-4 text-sm">
						<a href={`/certificates/${certificate.id}/pdf`} download className="rounded-md bg-brand-600 px-4 py-2 font-medium text-white no-underline">
							Download PDF
						</a>
						<Link to={`/certificates/${certificate.id}/print`} className="self-center">
							Printable view
						</Link>
					</div>
				</section>
			) : null}
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
