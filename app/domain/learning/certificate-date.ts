/** The issue date as printed on a certificate (page, print view and PDF alike): "3 March 2026", in UTC. */
export function formatIssued(value: string | Date) {
	return new Date(value).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
}
