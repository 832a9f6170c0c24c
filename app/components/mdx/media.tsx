import { isAllowedImageSrc, isAllowedVideoSrc } from '#app/domain/content/embeds.ts'

/**
 * Embedded video. The host allowlist was enforced at compile time; it is checked again here so a
 * stored bundle from an older policy cannot embed anything else.
 */
export function Video({ src, title }: { src?: string; title?: string }) {
	if (!src || !isAllowedVideoSrc(src)) {
		return <p className="my-4 text-sm text-slate-500">This video is not available.</p>
	}
	return (
		<div className="my-6 aspect-video overflow-hidden rounded-lg bg-slate-900">
			<iframe
				src={src}
				title={title || 'Embedded video'}
				loading="lazy"
				sandbox="allow-scripts allow-same-origin allow-presentation"
				allow="encrypted-media; fullscreen; picture-in-picture"
				allowFullScreen
				referrerPolicy="strict-origin-when-cross-origin"
				className="h-full w-full border-0"
			/>
		</div>
	)
}

export function Image({ src, alt, caption }: { src?: string; alt?: string; caption?: string }) {
	if (!src || !isAllowedImageSrc(src)) return null
	return (
		<figure className="my-6">
			<img src={src} alt={alt ?? ''} loading="lazy" decoding="async" className="mx-auto h-auto max-w-full rounded-md border border-slate-200" />
			{caption ? <figcaption className="mt-2 text-center text-sm text-slate-500">{caption}</figcaption> : null}
		</figure>
	)
}
