import { formatIssued } from '#app/domain/learning/certificate-date.ts'
import type { SharedCertificate } from '#app/domain/learning/certificates.server.ts'

export { formatIssued }

/**
 * The certificate itself, as shown on the public page and printed. The verification code is shown
 * when given (the holder's views); the share link's page states validity instead.
 */
export function CertificateCard({ certificate }: { certificate: SharedCertificate & { verificationCode?: string } }) {
	return (
		<section
			aria-label="Certificate"
			data-testid="certificate"
			className="mx-auto max-w-2xl rounded-xl border-4 border-double border-brand-600 bg-white px-8 py-10 text-center shadow-sm print:shadow-none"
		>
			<p className="text-sm font-semibold tracking-widest text-brand-700 uppercase">Certificate of completion</p>
			<p className="mt-6 text-slate-600">This certifies that</p>
			<p className="mt-2 text-3xl font-bold" data-testid="certificate-holder">
				{certificate.holderName}
			</p>
			<p className="mt-4 text-slate-600">completed the training path</p>
			<p className="mt-2 text-2xl font-semibold" data-testid="certificate-path">
				{certificate.pathTitle}
			</p>
			<p className="mt-6 text-slate-600">
				on <time dateTime={new Date(certificate.issuedAt).toISOString()}>{formatIssued(certificate.issuedAt)}</time>
			</p>
			{certificate.verificationCode ? (
				<p className="mt-8 text-sm text-slate-600">
					Verification code <span className="font-mono font-semibold text-slate-900" data-testid="certificate-code">{certificate.verificationCode}</span>
				</p>
			) : (
				<p className="mt-8 text-sm font-medium text-emerald-800" data-testid="certificate-validity">
					Valid: issued by Success Portal
				</p>
			)}
			<p className="mt-1 text-xs text-slate-600">Success Portal · Prism</p>
		</section>
	)
}
