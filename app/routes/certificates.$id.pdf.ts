import type { LoaderFunctionArgs } from '@remix-run/node'
import { renderCertificatePdf } from '#app/domain/learning/certificate-pdf.server.ts'
import { findOwnCertificate } from '#app/domain/learning/certificates.server.ts'
import { notFound } from '#app/components/learning/route-guards.server.ts'
import { requireUser } from '#app/utils/auth.server.ts'
import { publicOrigin } from '#app/utils/public-origin.server.ts'

/** The certificate as a PDF download, for its holder only (anyone else: 403; the share link is the public view). */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requireUser(request)
	const found = await findOwnCertificate(params.id ?? '', user.id)
	if (found.kind === 'not-found') throw notFound()
	if (found.kind === 'not-owner') throw new Response('Only the holder of this certificate may download it.', { status: 403 })
	const { certificate } = found
	// A copy on its own ArrayBuffer, which is what Response accepts as a body.
	const pdf = new Uint8Array(await renderCertificatePdf({ ...certificate, verifyUrl: `${publicOrigin(request)}/certificates/${certificate.id}` }))
	return new Response(pdf, {
		headers: {
			'Content-Type': 'application/pdf',
			'Content-Disposition': `attachment; filename="certificate-${certificate.pathSlug}.pdf"`,
			'Content-Length': String(pdf.byteLength),
			'Cache-Control': 'private, no-store',
		},
	})
}
