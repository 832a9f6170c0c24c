import { syncAssessments } from '#app/domain/learning/assessment-sync.server.ts'
import { syncChecks } from '#app/domain/learning/check-sync.server.ts'
import { syncPaths } from '#app/domain/learning/path-sync.server.ts'
import { contentChanged } from './content-cache.server.ts'
import { emptyReport, syncArticles, type SyncReport } from './article-sync.server.ts'

/** Every kind of content, in dependency order. Each step adds to one report. */
export async function syncAllContent(contentDir: string): Promise<SyncReport> {
	const report = emptyReport()
	await syncArticles(contentDir, report)
	await syncPaths(contentDir, report)
	// Checks after paths: the check sync reports lessons that embed an unknown check id.
	await syncChecks(contentDir, report)
	// Assessments last: each recommends paths that must exist.
	await syncAssessments(contentDir, report)
	// This instance's caches now; other instances see the content stamp move (content-cache.server.ts).
	contentChanged()
	return report
}
