import { canRead, parseAudience, readerFor } from '#app/domain/accounts-tiers/audience.ts'
import { recommendationsFor, type AvailablePath, type Recommendation } from '#app/domain/playbooks/plan.ts'
import { loadUserEvents } from '#app/domain/scoring/activity.server.ts'
import { eventHorizonDays } from '#app/domain/scoring/config.ts'
import { DAY_MS } from '#app/utils/time.ts'
import { getCurrentUserScore } from '#app/domain/scoring/queries.server.ts'
import { scoreUser } from '#app/domain/scoring/score-user.ts'
import { isSegment, type Segment } from '#app/domain/scoring/segments.ts'
import { getScoringConfig } from '#app/domain/scoring/settings.server.ts'
import { skillGapsFor } from '#app/domain/scoring/skill-gaps.ts'
import { prisma } from '#app/utils/db.server.ts'

/**
 * The customer's next steps on the portal home: their segment's playbook (from the stored score,
 * or scored in memory for someone never scored; without enough evidence, the Untrained play), their skill gaps against the paths they may
 * take, and what they already finished or started. The segment itself never reaches the page.
 */
export async function getRecommendationsFor(
	user: { id: string; role: string; account: { tier: number } | null },
	now = new Date(),
): Promise<Recommendation[]> {
	const reader = readerFor(user)
	if (reader.kind !== 'customer') return []
	const config = getScoringConfig()
	const since = new Date(now.getTime() - eventHorizonDays(config) * DAY_MS)
	const [stored, paths, enrolments, eventsByUser, checkPaths] = await Promise.all([
		getCurrentUserScore(user.id),
		prisma.path.findMany({
			where: { status: 'published' },
			select: { slug: true, title: true, level: true, skillTags: true, audience: true, certificate: true },
			orderBy: { slug: 'asc' },
		}),
		prisma.enrollment.findMany({ where: { userId: user.id }, select: { completedAt: true, path: { select: { slug: true } } } }),
		loadUserEvents([user.id], since),
		checkPathSlugs(),
	])
	const events = eventsByUser.get(user.id) ?? []
	const status = stored?.segment ?? scoreUser({ now, events }, config).segment
	// Too little evidence to tell yet: a newcomer is offered what closes their gaps, the Untrained play.
	const segment: Segment = isSegment(status) ? status : 'UNTRAINED'

	const available: AvailablePath[] = paths.map((p) => ({ ...p, skillTags: parseTags(p.skillTags), audience: parseAudience(p.audience) }))
	const tagsBySlug = new Map(available.map((p) => [p.slug, p.skillTags]))
	// Beginner paths' tags first: the gaps a newcomer should close first rank first among equals.
	const tags = [...new Set(available.filter((p) => canRead(reader, p.audience)).sort(byLevel).flatMap((p) => p.skillTags))]
	const skillGaps = skillGapsFor(
		{ now, events, tags, tagsOf: (itemKey) => tagsBySlug.get(pathSlugOf(itemKey, checkPaths) ?? '') },
		config,
	)
	const completed = new Set(enrolments.filter((e) => e.completedAt).map((e) => e.path.slug))
	for (const e of events) if (e.kind === 'path_complete' && e.itemKey?.startsWith('path:')) completed.add(e.itemKey.slice(5))
	const enrolled = enrolments.filter((e) => !e.completedAt).map((e) => e.path.slug)
	const lastCompleted = enrolments
		.filter((e) => e.completedAt)
		.sort((a, b) => b.completedAt!.getTime() - a.completedAt!.getTime())[0]
	return recommendationsFor({
		segment,
		reader,
		skillGaps,
		availablePaths: available,
		completedPaths: [...completed],
		enrolledPaths: enrolled,
		lastCompletedPath: lastCompleted?.path.slug ?? null,
	})
}

/** The path an item belongs to: path:<slug>, quiz:<slug>/<id>, lesson:<slug>/<lesson>, check:<id>. */
function pathSlugOf(itemKey: string, checkPaths: Map<string, string>): string | undefined {
	const [kind, rest] = [itemKey.slice(0, itemKey.indexOf(':')), itemKey.slice(itemKey.indexOf(':') + 1)]
	if (kind === 'path') return rest
	if (kind === 'quiz' || kind === 'lesson') return rest.split('/')[0]
	if (kind === 'check') return checkPaths.get(rest)
	return undefined
}

/** Knowledge checks are embedded in lessons: each check's path, from the compiled lesson variants. */
async function checkPathSlugs(): Promise<Map<string, string>> {
	const variants = await prisma.lessonVariant.findMany({ select: { checkIds: true, lesson: { select: { path: { select: { slug: true } } } } } })
	const map = new Map<string, string>()
	for (const v of variants) for (const id of parseTags(v.checkIds)) if (!map.has(id)) map.set(id, v.lesson.path.slug)
	return map
}

const LEVELS = ['beginner', 'intermediate', 'advanced']
function byLevel(a: { level: string; slug: string }, b: { level: string; slug: string }) {
	return LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || a.slug.localeCompare(b.slug)
}

function parseTags(json: string): string[] {
	try {
		const value: unknown = JSON.parse(json)
		return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
	} catch {
		return []
	}
}
