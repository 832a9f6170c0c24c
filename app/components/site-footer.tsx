import { Link } from '@remix-run/react'

/** On every page: a way to reach a person, and the sign-in for visitors (the phone menu needs JavaScript; these links do not). */
export function SiteFooter({ signedIn }: { signedIn: boolean }) {
	return (
		<footer className="no-print mt-12 border-t border-slate-200 bg-white">
			<div className="mx-auto flex max-w-6xl flex-col gap-4 px-4 py-6 text-sm text-slate-600 sm:flex-row sm:items-center sm:justify-between">
				<p>Need a hand? Reach our success team, or search the knowledge base.</p>
				<nav aria-label="Footer">
					<ul className="flex flex-wrap gap-x-5 gap-y-2">
						<li>
							<Link to="/contact">Contact us</Link>
						</li>
						<li>
							<Link to="/kb">Knowledge base</Link>
						</li>
						<li>
							<Link to="/paths">Training</Link>
						</li>
						{signedIn ? null : (
							<li>
								<Link to="/login">Sign in</Link>
							</li>
						)}
					</ul>
				</nav>
			</div>
		</footer>
	)
}
