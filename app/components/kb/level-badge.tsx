import { Link } from '@remix-run/react'
import { CONTENT_LEVEL_LABELS, CONTENT_LEVELS, isContentLevel, type ContentLevel } from '#app/domain/content/levels.ts'

const COLORS: Record<ContentLevel, string> = {
	beginner: 'bg-emerald-50 text-emerald-800',
	intermediate: 'bg-sky-50 text-sky-800',
	advanced: 'bg-violet-50 text-violet-800',
}

/** How deep an article goes; nothing for a value the sync would not have stored. */
export function LevelBadge({ level }: { level: string }) {
	if (!isContentLevel(level)) return null
	return (
		<span className={`ml-2 rounded px-1.5 py-0.5 text-xs font-medium ${COLORS[level]}`} data-testid="level">
			{CONTENT_LEVEL_LABELS[level]}
		</span>
	)
}

/** "All · Beginner 4 · Intermediate 2 · Advanced 1" as links that set `?level=`; empty levels are left out. */
export function LevelFilter({ current, counts }: { current: ContentLevel | null; counts: Record<ContentLevel, number> }) {
	const levels = CONTENT_LEVELS.filter((level) => counts[level] > 0)
	if (levels.length < 2 && !current) return null
	const item = (to: string, label: string, active: boolean) => (
		<Link
			to={to}
			aria-current={active ? 'true' : undefined}
			className={`rounded-full px-3 py-1 no-underline ${active ? 'bg-slate-800 text-white' : 'bg-slate-100 text-slate-700'}`}
		>
			{label}
		</Link>
	)
	return (
		<nav aria-label="Filter by level" className="mb-4 flex flex-wrap items-center gap-2 text-sm">
			<span className="text-slate-500">Level:</span>
			{item('.', 'All', current === null)}
			{levels.map((level) => (
				<span key={level}>{item(`?level=${level}`, `${CONTENT_LEVEL_LABELS[level]} ${counts[level]}`, current === level)}</span>
			))}
		</nav>
	)
}
