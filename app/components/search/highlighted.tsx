import type { Segment } from '#app/domain/search/search-port.ts'

/** Text with its matched parts in <mark>; built from segments, never from HTML strings. */
export function Highlighted({ segments }: { segments: Segment[] }) {
	return (
		<>
			{segments.map((s, i) =>
				s.match ? (
					<mark key={i} className="rounded bg-yellow-100 px-0.5 text-inherit">
						{s.text}
					</mark>
				) : (
					<span key={i}>{s.text}</span>
				),
			)}
		</>
	)
}
