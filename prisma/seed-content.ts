import { approveArticle, saveArticleDraft, submitForReview } from '#app/domain/content/publishing.server.ts'
import type { ArticleFormValues } from '#app/domain/content/publishing.ts'
import { prisma } from '#app/utils/db.server.ts'

/**
 * Console articles for the demo, so /console/content shows the workflow: two drafts in review, one
 * plain draft and one scheduled article. Written through the publishing domain (saved, compiled,
 * submitted, approved) exactly as the console does; slugs that content/ does not use, so a
 * content:sync leaves them alone. Idempotent: an existing slug is skipped.
 */
type DemoArticle = { form: Omit<ArticleFormValues, 'baseRevision'>; state: 'draft' | 'in_review' | 'scheduled' }

const base = { category: 'data-sources', productArea: 'Data sources', level: 'beginner' as const, updated: '2026-11-20', related: [] as string[] }

const DEMO_ARTICLES: DemoArticle[] = [
	{
		state: 'in_review',
		form: {
			...base,
			title: 'Rotate warehouse credentials without downtime',
			slug: 'rotate-warehouse-credentials',
			summary: 'Swap the service account Prism uses for your warehouse while dashboards keep refreshing.',
			tags: ['data-sources', 'security'],
			audience: 'customers',
			level: 'intermediate',
			body: '## Before you start\n\nCreate the new service account in your warehouse with the same grants as the old one.\n\n<Steps>\n<Step title="Add the new credentials">\nOpen the connection, choose **Edit credentials** and paste the new key.\n</Step>\n<Step title="Test and save">\nPrism tests the connection before it saves; refreshes in flight finish with the old key.\n</Step>\n</Steps>\n\n<Callout type="warning">\nRevoke the old key only after the next scheduled refresh has succeeded.\n</Callout>\n',
		},
	},
	{
		state: 'in_review',
		form: {
			...base,
			category: 'dashboards',
			productArea: 'Dashboards',
			title: 'Dashboard refresh questions, answered',
			slug: 'dashboard-refresh-faq',
			summary: 'Why a tile shows older data than the warehouse, and how refresh intervals and caches interact.',
			tags: ['dashboards', 'refresh'],
			audience: 'public',
			body: '## Why is my tile older than the warehouse?\n\nEach tile reads the cache of its dataset; the cache follows the sync schedule of the source.\n\n<Audience min="tier1">\n## Ask your success manager\n\nTier 1 accounts can ask for a custom refresh window for month-end closes.\n</Audience>\n',
		},
	},
	{
		state: 'draft',
		form: {
			...base,
			category: 'alerts',
			productArea: 'Alerts',
			title: 'An alerting playbook for finance teams',
			slug: 'alerting-playbook-finance',
			summary: 'Which alerts a finance team sets up first, with thresholds that avoid noise at month end.',
			tags: ['alerts'],
			audience: 'tier2',
			level: 'intermediate',
			body: '## First three alerts\n\n1. Revenue below forecast by more than 10%\n2. Failed invoice sync\n3. Spend above budget per cost centre\n',
		},
	},
	{
		state: 'scheduled',
		form: {
			...base,
			category: 'getting-started',
			productArea: 'Workspace',
			title: "What's new in Prism this quarter",
			slug: 'whats-new-this-quarter',
			summary: 'The features that shipped this quarter: faster dashboards, governed metrics in alerts, and SCIM groups.',
			tags: ['release-notes'],
			audience: 'customers',
			body: '## Faster dashboards\n\nTiles load from a shared cache.\n\n## Governed metrics in alerts\n\nAlerts can watch certified metrics.\n',
		},
	},
]

export async function seedConsoleArticles(now = new Date()): Promise<number> {
	const [editor, admin] = await Promise.all([
		prisma.user.findUnique({ where: { email: 'editor@demo.test' }, select: { id: true } }),
		prisma.user.findUnique({ where: { email: 'admin@demo.test' }, select: { id: true } }),
	])
	if (!editor || !admin) return 0
	let created = 0
	for (const demo of DEMO_ARTICLES) {
		if (await prisma.article.findUnique({ where: { slug: demo.form.slug }, select: { id: true } })) continue
		const saved = await saveArticleDraft({ existingSlug: null, form: { ...demo.form, baseRevision: 0 }, authorId: editor.id })
		if (saved.kind !== 'saved' || saved.problems.length) throw new Error(`Demo article ${demo.form.slug} did not save cleanly: ${JSON.stringify(saved)}`)
		created++
		if (demo.state === 'draft') continue
		await submitForReview({ slug: saved.slug, revision: saved.revision })
		if (demo.state === 'scheduled') {
			// Three days out: the console shows it scheduled; the server publishes it when due.
			await approveArticle({ slug: saved.slug, revision: saved.revision, reviewerId: admin.id, publishAt: new Date(now.getTime() + 3 * 86_400_000), now })
		}
	}
	return created
}
