import { emptyReport, syncArticles, type SyncReport } from './article-sync.server.ts'

/** Every kind of content, in dependency order. Each step adds to one report. */
export async function syncAllContent(contentDir: string): Promise<SyncReport> {
	const report = emptyReport()
	await syncArticles(contentDir, report)
	return report
}
