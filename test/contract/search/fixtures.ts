import { AUDIENCES, audienceRank, type Audience } from '#app/domain/accounts-tiers/audience.ts'
import { type SearchDoc } from '#app/domain/search/search-port.ts'

/** Every reader level that may read an item of this audience. */
export function levelsFor(audience: Audience): Audience[] {
	return AUDIENCES.filter((level) => audienceRank(level) >= audienceRank(audience))
}

let clock = Date.parse('2026-01-01T00:00:00Z')
/** Docs with distinct dates in creation order, so that 'newest first' is known. */
export function makeDoc(fields: Partial<SearchDoc> & Pick<SearchDoc, 'itemKey' | 'title'>): SearchDoc {
	clock += 86_400_000
	const audience = fields.audience ?? 'public'
	return {
		id: fields.itemKey,
		type: 'article',
		url: `/${fields.itemKey.replace(':', 's/')}`,
		summary: '',
		body: '',
		category: 'getting-started',
		tags: [],
		audience,
		levels: levelsFor(audience),
		updatedAt: new Date(clock).toISOString(),
		...fields,
	}
}

/**
 * A small Prism knowledge base. Words the tests query for are placed on purpose:
 * - 'dashboard' is in several docs of several audiences (one staff only);
 * - 'scheduled' is in the title of one doc and only in the body of another (field boost);
 * - 'escalation' is only in the Tier 1 variant of the alert thresholds article;
 * - 'snowflake' is in one customers doc (prefix and typo queries).
 */
export function knowledgeBase(): SearchDoc[] {
	return [
		makeDoc({
			itemKey: 'article:build-your-first-dashboard',
			title: 'Build your first dashboard',
			summary: 'Create a dashboard, add charts and share it with your team.',
			body: 'A dashboard collects charts on one page. Start from a blank dashboard, pick a data source, then add a chart for each question you want answered. Filters at the top apply to every chart.',
			category: 'dashboards',
			tags: ['dashboards', 'charts'],
			audience: 'public',
		}),
		makeDoc({
			itemKey: 'article:share-a-dashboard',
			title: 'Share a dashboard',
			summary: 'Give colleagues view or edit access, or publish a read-only link.',
			body: 'Open the dashboard and choose Share. Viewers see the same filters you saved. Editors can change charts. A public link shows a read-only copy that refreshes hourly.',
			category: 'dashboards',
			tags: ['dashboards', 'permissions'],
			audience: 'customers',
		}),
		makeDoc({
			itemKey: 'article:scheduled-deliveries',
			title: 'Scheduled deliveries',
			summary: 'Send a report or dashboard by email every morning.',
			body: 'Pick a report, choose the recipients and the time of day. Deliveries run in the time zone of the workspace.',
			category: 'reports',
			tags: ['reports', 'email'],
			audience: 'customers',
		}),
		makeDoc({
			itemKey: 'article:report-builder-basics',
			title: 'Report builder basics',
			summary: 'Tables, pivots and exports in the report builder.',
			body: 'Reports can be exported to CSV. Exports can also be scheduled from the deliveries page so that a fresh file arrives every week.',
			category: 'reports',
			tags: ['reports', 'exports'],
			audience: 'public',
		}),
		makeDoc({
			itemKey: 'article:connect-snowflake',
			title: 'Connect Snowflake',
			summary: 'Add your Snowflake warehouse as a data source with key-pair authentication.',
			body: 'Create a service user in Snowflake, grant it usage on the warehouse, and paste the private key in Prism. Queries run with the role you choose.',
			category: 'data-sources',
			tags: ['data-sources', 'warehouses'],
			audience: 'customers',
		}),
		// One item, two variants for disjoint reader levels (the <Audience min="tier1"> section).
		makeDoc({
			id: 'article:alert-thresholds:base',
			itemKey: 'article:alert-thresholds',
			title: 'Alert thresholds',
			summary: 'Trigger an alert when a metric crosses a threshold.',
			body: 'Choose a metric, a comparison and a threshold. Alerts are checked every fifteen minutes.',
			category: 'alerts',
			tags: ['alerts', 'metrics'],
			audience: 'customers',
			levels: ['customers', 'tier2'],
		}),
		makeDoc({
			id: 'article:alert-thresholds:tier1',
			itemKey: 'article:alert-thresholds',
			title: 'Alert thresholds',
			summary: 'Trigger an alert when a metric crosses a threshold.',
			body: 'Choose a metric, a comparison and a threshold. Alerts are checked every fifteen minutes. Tier 1 accounts can add an escalation to their customer success manager.',
			category: 'alerts',
			tags: ['alerts', 'metrics'],
			audience: 'customers',
			levels: ['tier1', 'staff'],
		}),
		makeDoc({
			itemKey: 'lesson:dashboard-layouts',
			type: 'lesson',
			title: 'Lesson: dashboard layouts',
			summary: 'Arrange charts in a grid that reads well on any screen.',
			body: 'Put the most important number top left. Group related charts. Keep a dashboard to one screen where you can.',
			category: 'dashboards',
			tags: ['dashboards', 'design'],
			audience: 'tier2',
		}),
		makeDoc({
			itemKey: 'path:prism-fundamentals',
			type: 'path',
			title: 'Prism fundamentals',
			summary: 'From first login to your first shared dashboard.',
			body: 'Five lessons and a quiz covering data sources, reports and dashboards.',
			category: 'getting-started',
			tags: ['onboarding'],
			audience: 'customers',
		}),
		makeDoc({
			itemKey: 'assessment:metrics-check',
			type: 'assessment',
			title: 'Metrics layer check',
			summary: 'Ten questions on governed metric definitions.',
			body: 'Answer questions on metric definitions, owners and certification.',
			category: 'metrics',
			tags: ['metrics'],
			audience: 'public',
		}),
		makeDoc({
			itemKey: 'article:renewal-risk-playbook',
			title: 'Renewal risk playbook',
			summary: 'What a CSM does when an account goes quiet before renewal.',
			body: 'Check the usage dashboard for the account, call the champion, and book an executive review. Confidential pricing guidance follows.',
			category: 'best-practices',
			tags: ['renewals'],
			audience: 'staff',
		}),
		makeDoc({
			itemKey: 'article:embed-iframes',
			title: 'Embed <iframe> tags & <script> safely',
			summary: 'Put Prism charts inside your own web pages.',
			body: 'Paste the embed code from the sharing dialog. Only allow-listed domains can host the iframe.',
			category: 'integrations',
			tags: ['embedding'],
			audience: 'public',
		}),
	]
}
