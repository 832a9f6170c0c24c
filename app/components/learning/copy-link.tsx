import { useState } from 'react'

/**
 * A link to share, in a read-only field (selectable without JavaScript) with a button that copies it.
 * The outcome is announced through a status region.
 */
export function CopyLink({ url, label }: { url: string; label: string }) {
	const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle')
	async function copy() {
		try {
			await navigator.clipboard.writeText(url)
			setStatus('copied')
		} catch {
			// No clipboard permission (or an old browser): the field stays there to copy by hand.
			setStatus('failed')
		}
	}
	return (
		<div>
			<label htmlFor="share-url" className="block text-sm font-medium">
				{label}
			</label>
			<div className="mt-1 flex gap-2">
				<input
					id="share-url"
					readOnly
					value={url}
					onFocus={(event) => event.currentTarget.select()}
					className="min-w-0 flex-1 rounded-md border border-slate-300 px-3 py-2 font-mono text-sm"
					data-testid="share-url"
				/>
				<button type="button" onClick={copy} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50">
					Copy link
				</button>
			</div>
			<p role="status" className="mt-1 text-sm text-slate-600">
				{status === 'copied' ? 'Link copied.' : status === 'failed' ? 'Could not copy: select the link and copy it.' : ''}
			</p>
		</div>
	)
}
