import { Link } from '@remix-run/react'

/** A finished path's next step: the certificate when it issued one, and the path that follows. */
export function PathFinished({ certificateId, nextPath }: { certificateId: string | null; nextPath: { title: string; href: string } | null }) {
	return (
		<div className="space-y-3 rounded-md border border-emerald-300 bg-emerald-50 p-4 text-sm" data-testid="path-finished">
			<p data-testid={certificateId ? 'certificate-link' : undefined}>
				You completed this path.
				{certificateId ? (
					<>
						{' '}
						<Link to={`/certificates/${certificateId}`}>View your certificate</Link>
					</>
				) : null}
			</p>
			{nextPath ? (
				<p data-testid="next-path">
					Next step:{' '}
					<Link to={nextPath.href} className="inline-block rounded-md bg-brand-600 px-3 py-1.5 font-medium text-white no-underline">
						{nextPath.title}
					</Link>
				</p>
			) : (
				<p>
					You have finished every path open to you. <Link to="/paths">Browse training paths</Link>
				</p>
			)}
		</div>
	)
}
