import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useNavigation } from '@remix-run/react'
import { ArticleEditor } from '#app/components/console/article-editor.tsx'
import { requireContentTeam, saveFromForm } from './console-content.server.ts'

export const meta: MetaFunction = () => [{ title: 'New article · Content · Console' }]

export async function loader({ request }: LoaderFunctionArgs) {
	await requireContentTeam(request)
	return { today: new Date().toISOString().slice(0, 10) }
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requireContentTeam(request)
	const saved = await saveFromForm(await request.formData(), null, user.id)
	if (saved.kind === 'reply') return saved.response
	return redirect(`/console/content/${saved.slug}?saved=revision-${saved.revision}`)
}

const EMPTY = { title: '', slug: '', summary: '', category: '', tags: '', audience: 'customers', productArea: '', level: 'beginner', related: '', body: '## Overview\n\n' }

export default function NewArticlePage() {
	const actionData = useActionData<typeof action>()
	const busy = useNavigation().state !== 'idle'
	return (
		<div className="max-w-4xl space-y-6">
			<header>
				<p className="text-sm">
					<Link to="/console/content">Content</Link> / New article
				</p>
				<h1 className="mt-1 text-2xl font-bold">New article</h1>
				<p className="mt-1 text-sm text-slate-600">Saved as a draft. Problems in the body are listed after saving and must be fixed before review.</p>
			</header>
			<ArticleEditor defaults={{ ...EMPTY, updated: new Date().toISOString().slice(0, 10) }} baseRevision={0} lastResult={actionData?.lastResult} slugLocked={false} busy={busy} />
		</div>
	)
}
