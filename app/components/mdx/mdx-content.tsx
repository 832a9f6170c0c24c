import { getMDXComponent } from 'mdx-bundler/client'
import { useMemo, type ComponentProps } from 'react'
import { AudienceSection } from '#app/components/mdx/audience-section.tsx'
import { Callout } from '#app/components/mdx/callout.tsx'
import { Check } from '#app/components/mdx/knowledge-check.tsx'
import { Image, Video } from '#app/components/mdx/media.tsx'
import { Step, Steps } from '#app/components/mdx/steps.tsx'
import { Tab, Tabs } from '#app/components/mdx/tabs.tsx'

/** Wide tables scroll on their own instead of widening the page. */
function ScrollingTable(props: ComponentProps<'table'>) {
	return (
		<div className="overflow-x-auto">
			<table {...props} />
		</div>
	)
}

/** Code blocks scroll sideways on a phone; focusable so a keyboard can scroll them too (WCAG 2.1.1). */
function ScrollingPre(props: ComponentProps<'pre'>) {
	return <pre tabIndex={0} {...props} />
}

/**
 * The one component map every compiled body renders with. Its keys match the safe-MDX allowlist
 * (app/domain/content/safe-mdx.ts); a name the policy allows but this map lacks would crash the page.
 */
export const MDX_COMPONENTS = {
	Callout,
	Steps,
	Step,
	Tabs,
	Tab,
	Video,
	Image,
	Audience: AudienceSection,
	Check,
	table: ScrollingTable,
	pre: ScrollingPre,
}

// Evaluating a bundle (new Function + module setup) costs far more than rendering it. On the server
// every request would redo it, so evaluated components are kept per code string, oldest dropped first.
const MAX_CACHED_COMPONENTS = 300
const evaluated = new Map<string, ReturnType<typeof getMDXComponent>>()

function evaluateOnce(code: string) {
	let component = evaluated.get(code)
	if (!component) {
		component = getMDXComponent(code)
		evaluated.set(code, component)
		if (evaluated.size > MAX_CACHED_COMPONENTS) evaluated.delete(evaluated.keys().next().value!)
	}
	return component
}

/** Renders a body compiled by compile.server.ts. Wrap it in KnowledgeCheckContext to enable `<Check>`. */
export function MdxContent({ code, className = 'prose-portal' }: { code: string; className?: string }) {
	const Component = useMemo(() => evaluateOnce(code), [code])
	return (
		<div className={className}>
			{/* eslint-disable-next-line react-hooks/static-components -- one component per code string, memoised here and cached in evaluateOnce: it is not recreated on re-render */}
			<Component components={MDX_COMPONENTS} />
		</div>
	)
}
