/** A realistic article body that uses every allowed component, shared by the content tests. */
export const FULL_ARTICLE_BODY = `Alerts let Prism watch a number for you.

<Video src="https://www.youtube-nocookie.com/embed/Hq7vT2mXk4E" title="Creating your first alert" />

## Before you start

- You need the **Editor** role.
- See [roles](/articles/manage-roles-and-permissions) or [mail us](mailto:help@example.com).

<Callout type="warning" title="CSV sources">
Alerts on CSV uploads are evaluated only once.
</Callout>

## Create the alert

<Steps>
<Step title="Open the metric">
Go to **Metrics** and open \`weekly_active_accounts\`.
</Step>
<Step title="Set the condition">
Choose **Threshold** and enter the value.
</Step>
</Steps>

### Query the value yourself

<Tabs>
<Tab label="Snowflake">
\`\`\`sql
select count(*) from signups where created_at > dateadd(day, -7, current_date)
\`\`\`
</Tab>
<Tab label="BigQuery">
Use the same query with \`DATE_SUB\`.
</Tab>
</Tabs>

<Image src="/images/alerts/alert-editor.png" alt="The alert editor" caption="The alert editor with a threshold condition" />

| State | Meaning |
| --- | --- |
| OK | Did not match |
| Triggered | Matched |

<Check id="check-alert-states" />

<Audience min="tier1">
## Anomaly detection

Tier 1 workspaces get the **Anomaly** condition.
</Audience>
`

export function articleFile(overrides: Record<string, string> = {}, body = FULL_ARTICLE_BODY): string {
	const fields: Record<string, string> = {
		title: 'Create a metric alert',
		slug: 'create-a-metric-alert',
		summary: 'Set up an alert that watches a governed metric and notifies your team.',
		category: 'alerts',
		tags: '[alerts, metrics]',
		audience: 'customers',
		productArea: 'Alerts',
		updated: '2026-09-08',
		related: '[alert-conditions-and-thresholds]',
		...overrides,
	}
	const yaml = Object.entries(fields)
		.filter(([, value]) => value !== '<omit>')
		.map(([key, value]) => `${key}: ${value}`)
		.join('\n')
	return `---\n${yaml}\n---\n${body}`
}
