import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { tierLabel } from '#app/domain/accounts-tiers/tier-rules.ts'
import { completeTask, listAccountTasks } from '#app/domain/playbooks/tasks.server.ts'
import {
	getAccountHistory,
	getCurrentAccountScore,
	listAccountUserScores,
} from '#app/domain/scoring/queries.server.ts'
import { getScoringRunner } from '#app/domain/loop/runner.server.ts'
import { accountKey } from '#app/domain/scoring/queue.server.ts'
import { getChartLines } from '#app/domain/scoring/portfolio.server.ts'
import { isSegment } from '#app/domain/scoring/segments.ts'
import { getAccountTimeline } from '#app/domain/engagement/timeline.server.ts'
import { listAccountPlans } from '#app/domain/plans/queries.server.ts'
import { AccountUsersMatrix } from '#app/components/console/portfolio-charts.tsx'
import { QuadrantBadge, SegmentBadge } from '#app/components/engagement/badges.tsx'
import { ScoreBreakdownList } from '#app/components/engagement/score-breakdown.tsx'
import { ScoreHistoryChart } from '#app/components/engagement/score-history.tsx'
import { TaskCard } from '#app/components/engagement/task-card.tsx'
import { COMPLETE_TASK_INTENT, CompleteTaskSchema } from '#app/domain/playbooks/task-queue.ts'
import { requireAccountAccess } from '#app/utils/account-access.server.ts'
import { prisma } from '#app/utils/db.server.ts'

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.account.name ?? 'Account'} · Console` }]

const RECOMPUTE_INTENT = 'recompute'

/** The account's CSM or an admin (requireAccountAccess); another CSM's account is a 404, as for plans. */
async function requireAccount(request: Request, accountId: string | undefined) {
	const { user } = await requireAccountAccess(request, accountId)
	const account = await prisma.account.findUniqueOrThrow({
		where: { id: accountId },
		select: { id: true, name: true, tier: true, emailDomain: true, arr: true, costToServe: true, nps: true, csat: true, csm: { select: { name: true } } },
	})
	return { user, account }
}

/** Reads only: an account not scored yet shows so (scoring runs in the queue or by "Recompute now"). */
export async function loader({ request, params }: LoaderFunctionArgs) {
	const { account } = await requireAccount(request, params.accountId)
	const [score, history, users, tasks, lines, timeline, plans] = await Promise.all([
		getCurrentAccountScore(account.id),
		getAccountHistory(account.id, 60),
		listAccountUserScores(account.id),
		listAccountTasks(account.id),
		getChartLines(),
		getAccountTimeline(account.id),
		listAccountPlans(account.id),
	])
	return { account, score, history, users, tasks, lines, timeline, plans }
}

const ActionSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal(RECOMPUTE_INTENT) }),
	CompleteTaskSchema,
])

export async function action({ request, params }: ActionFunctionArgs) {
	const { user, account } = await requireAccount(request, params.accountId)
	const parsed = ActionSchema.safeParse(Object.fromEntries(await request.formData()))
	if (!parsed.success) return data({ error: parsed.error.issues[0]?.message ?? 'Unknown action.' }, { status: 400 })
	switch (parsed.data.intent) {
		case RECOMPUTE_INTENT:
			// Through the queue like every trigger, run here so the page shows the result.
			await getScoringRunner().scoreNow([accountKey(account.id)], 'console')
			break
		case COMPLETE_TASK_INTENT: {
			const { taskId, outcome, note } = parsed.data
			const result = await completeTask(user, taskId, { outcome, note, accountId: account.id })
			if (!result.ok) return data({ error: result.error }, { status: result.status })
			break
		}
	}
	return redirect(`/console/accounts/${account.id}`)
}

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 })
const day = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', year: 'numeric' })
const dayTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })

export default function AccountPage() {
	const { account, score, history, users, tasks, lines, timeline, plans } = useLoaderData<typeof loader>()
	const userPoints = users.flatMap((u) =>
		u.score && isSegment(u.score.segment) ? [{ id: u.id, name: u.name, skill: u.score.skill, will: u.score.will, segment: u.score.segment }] : [],
	)
	const busy = useNavigation().state !== 'idle'
	const b = score?.breakdown
	return (
		<div className="space-y-8">
			<div>
				<p className="text-sm">
					<Link to="/console/accounts">Accounts</Link>
				</p>
				<div className="mt-1 flex flex-wrap items-center gap-3">
					<h1 className="mr-auto text-2xl font-bold">{account.name}</h1>
					{score ? <SegmentBadge segment={score.segment} leaning={score.leaning} /> : null}
					{score?.quadrant ? <QuadrantBadge quadrant={score.quadrant} /> : null}
				</div>
				<p className="mt-1 text-sm text-slate-600">
					{tierLabel(account.tier)} · {account.emailDomain} · ARR {money.format(account.arr)} · cost to serve {money.format(account.costToServe)}
					{account.csm ? ` · CSM ${account.csm.name}` : ''} · <Link to={`/console/accounts/${account.id}/settings`}>Settings</Link>
				</p>
			</div>

			{score && b ? (
				<section aria-labelledby="why" className="grid gap-6 rounded-lg border border-slate-200 bg-white p-6 md:grid-cols-3">
					<div className="space-y-2">
						<h2 id="why" className="font-semibold">
							Why this segment
						</h2>
						<ul className="list-disc space-y-1 pl-5 text-sm" data-testid="account-explanations">
							{b.explanations.map((line) => (
								<li key={line}>{line}</li>
							))}
						</ul>
						{b.lowEvidence ? <p className="text-sm text-amber-700">Little evidence yet: read these scores with care.</p> : null}
						<p className="text-xs text-slate-500">Computed {dayTime.format(new Date(score.computedAt))} UTC</p>
						<Form method="post">
							<button
								type="submit"
								name="intent"
								value={RECOMPUTE_INTENT}
								disabled={busy}
								className="mt-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50 disabled:opacity-50"
							>
								Recompute now
							</button>
						</Form>
					</div>
					<ScoreBreakdownList title="Skill" score={score.skill} components={b.drivers.skill} testId="account-skill" />
					<ScoreBreakdownList title="Will" score={score.will} components={b.drivers.will} testId="account-will" />
					<p className="text-xs text-slate-500 md:col-span-3">
						Components show the average points each input added to the users' scores; the account score weighs recently active users
						more and takes product usage into account.
					</p>
				</section>
			) : (
				<p className="text-slate-600">Not scored yet.</p>
			)}

			{b ? (
				<section aria-labelledby="quadrant" className="rounded-lg border border-slate-200 bg-white p-6">
					<h2 id="quadrant" className="font-semibold">
						Happiness × value
					</h2>
					<dl className="mt-3 grid gap-4 text-sm sm:grid-cols-2">
						<div>
							<dt className="font-medium">Customer happiness {b.happiness.score}</dt>
							<dd className="text-slate-600">{b.happiness.explanation}</dd>
						</div>
						<div>
							<dt className="font-medium">Company value {b.value.score}</dt>
							<dd className="text-slate-600">{b.value.explanation}</dd>
						</div>
					</dl>
				</section>
			) : null}

			<section aria-labelledby="tasks-heading" className="space-y-3">
				<h2 id="tasks-heading" className="text-lg font-semibold">
					Tasks
				</h2>
				{tasks.length === 0 ? <p className="text-sm text-slate-600">No tasks raised for this account.</p> : null}
				{tasks.map((task) => (
					<TaskCard key={task.id} task={task} showAccount={false} />
				))}
			</section>

			<section aria-labelledby="plans-heading" className="space-y-2">
				<h2 id="plans-heading" className="text-lg font-semibold">
					Success plans
				</h2>
				{plans.length === 0 ? (
					<p className="text-sm text-slate-600">
						No success plan yet. <Link to="/console/plans">Success plans</Link>
					</p>
				) : (
					<ul className="list-disc pl-5 text-sm" data-testid="account-plans">
						{plans.map((p) => (
							<li key={p.id}>
								<Link to={`/console/plans/${p.id}`}>{p.title}</Link> · {p.status.toLowerCase().replace(/_/g, ' ')}
								{p.active ? '' : ' (past plan)'}
							</li>
						))}
					</ul>
				)}
			</section>

			<section aria-labelledby="users-heading" className="space-y-3">
				<h2 id="users-heading" className="text-lg font-semibold">
					Users
				</h2>
				<AccountUsersMatrix points={userPoints} apart={users.length - userPoints.length} skillLine={lines.skill} willLine={lines.will} />
				<table className="mt-3 w-full border-collapse bg-white text-sm">
					<thead>
						<tr className="border-b border-slate-200 text-left">
							<th className="p-2">User</th>
							<th className="p-2 text-right">Skill</th>
							<th className="p-2 text-right">Will</th>
							<th className="p-2">Segment</th>
							<th className="p-2">Last active</th>
							<th className="p-2">Why</th>
						</tr>
					</thead>
					<tbody>
						{users.map((u) => (
							<tr key={u.id} className="border-b border-slate-100 align-top" data-testid="account-user">
								<td className="p-2">
									{u.name}
									<div className="text-xs text-slate-500">{u.email}</div>
								</td>
								<td className="p-2 text-right tabular-nums">{u.score?.skill ?? '—'}</td>
								<td className="p-2 text-right tabular-nums">{u.score?.will ?? '—'}</td>
								<td className="p-2">{u.score ? <SegmentBadge segment={u.score.segment} leaning={u.score.leaning} /> : '—'}</td>
								<td className="p-2">{u.lastActiveAt ? day.format(new Date(u.lastActiveAt)) : 'Never'}</td>
								<td className="p-2 text-xs text-slate-600">
									{u.summary ? (
										<>
											<div>Skill: {u.summary.skill}</div>
											<div>Will: {u.summary.will}</div>
										</>
									) : null}
								</td>
							</tr>
						))}
					</tbody>
				</table>
			</section>

			<section aria-labelledby="timeline-heading" className="space-y-3">
				<h2 id="timeline-heading" className="text-lg font-semibold">
					Engagement by week
				</h2>
				<table className="w-full border-collapse bg-white text-sm" data-testid="engagement-timeline">
					<caption className="sr-only">The account&apos;s engagement in the portal over the last 12 weeks</caption>
					<thead>
						<tr className="border-b border-slate-200 text-left">
							<th className="p-2">Week of</th>
							<th className="p-2 text-right">Active users</th>
							<th className="p-2 text-right">Sign-ins</th>
							<th className="p-2 text-right">Reads and videos</th>
							<th className="p-2 text-right">Learning steps</th>
							<th className="p-2 text-right">Searches</th>
						</tr>
					</thead>
					<tbody>
						{timeline.map((w) => (
							<tr key={w.weekStart} className="border-b border-slate-100">
								<td className="p-2">{day.format(new Date(w.weekStart))}</td>
								<td className="p-2 text-right tabular-nums">{w.activeUsers}</td>
								<td className="p-2 text-right tabular-nums">{w.signIns}</td>
								<td className="p-2 text-right tabular-nums">{w.reads}</td>
								<td className="p-2 text-right tabular-nums">{w.learning}</td>
								<td className="p-2 text-right tabular-nums">{w.searches}</td>
							</tr>
						))}
					</tbody>
				</table>
			</section>

			<section aria-labelledby="history-heading" className="space-y-3">
				<h2 id="history-heading" className="text-lg font-semibold">
					History
				</h2>
				<ScoreHistoryChart points={history} skillLine={lines.skill} willLine={lines.will} />
				<table className="w-full border-collapse bg-white text-sm" data-testid="score-history">
					<thead>
						<tr className="border-b border-slate-200 text-left">
							<th className="p-2">Since</th>
							<th className="p-2 text-right">Skill</th>
							<th className="p-2 text-right">Will</th>
							<th className="p-2">Segment</th>
							<th className="p-2">Quadrant</th>
						</tr>
					</thead>
					<tbody>
						{history.map((h, i) => (
							<tr key={i} className="border-b border-slate-100">
								<td className="p-2">{dayTime.format(new Date(h.computedAt))} UTC</td>
								<td className="p-2 text-right tabular-nums">{h.skill}</td>
								<td className="p-2 text-right tabular-nums">{h.will}</td>
								<td className="p-2">
									<SegmentBadge segment={h.segment} />
								</td>
								<td className="p-2">{h.quadrant ? <QuadrantBadge quadrant={h.quadrant} /> : '—'}</td>
							</tr>
						))}
					</tbody>
				</table>
			</section>
		</div>
	)
}
