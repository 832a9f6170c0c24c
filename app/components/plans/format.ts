/** Dates are shown in UTC so the server's HTML and the browser's hydration agree. */
const dayFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' })
const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' })

const asDate = (d: Date | string) => (typeof d === 'string' ? new Date(d) : d)

export function formatDay(d: Date | string | null | undefined): string {
	return d ? dayFormat.format(asDate(d)) : '—'
}

export function formatDateTime(d: Date | string): string {
	return `${timeFormat.format(asDate(d))} UTC`
}

/** The value of a date input: YYYY-MM-DD. */
export function dateInputValue(d: Date | string | null | undefined): string {
	return d ? asDate(d).toISOString().slice(0, 10) : ''
}

export function percent(share: number): string {
	return `${Math.round(share * 100)}%`
}
