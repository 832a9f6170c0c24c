import { renderToStaticMarkup } from 'react-dom/server'
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router-dom/server.js'
import { beforeAll, describe, expect, test } from 'vitest'
import { KnowledgeCheckContext, type KnowledgeCheckContextValue } from '#app/components/mdx/knowledge-check.tsx'
import { Video } from '#app/components/mdx/media.tsx'
import { MdxContent, PLAIN_HTML_NAMES } from '#app/components/mdx/mdx-content.tsx'
import { compileMdx } from '#app/domain/content/compile.server.ts'
import { PLAIN_HTML_ELEMENTS } from '#app/domain/content/safe-mdx.ts'
import { FULL_ARTICLE_BODY } from './fixtures.ts'
import { AUDIENCE_NAMES } from '#app/domain/accounts-tiers/customer-plans.ts'

let code: string
beforeAll(async () => {
	code = (await compileMdx(FULL_ARTICLE_BODY)).code
})

/** Server-renders inside a static data router, which `useFetcher` needs. */
async function renderInRouter(element: React.ReactElement): Promise<string> {
	const routes = [{ path: '/', element }]
	const handler = createStaticHandler(routes)
	const context = await handler.query(new Request('http://localhost/'))
	if (context instanceof Response) throw new Error('unexpected redirect')
	const router = createStaticRouter(handler.dataRoutes, context)
	return renderToStaticMarkup(<StaticRouterProvider router={router} context={context} hydrate={false} />)
}

describe('MdxContent', () => {
	test('renders every component of a compiled article with accessible markup', () => {
		const html = renderToStaticMarkup(<MdxContent code={code} />)

		expect(html).toContain('class="prose-portal"')
		// Video: sandboxed, lazy, titled iframe.
		expect(html).toMatch(/<iframe[^>]*src="https:\/\/www\.youtube-nocookie\.com\/embed\/Hq7vT2mXk4E"/)
		expect(html).toMatch(/<iframe[^>]*title="Creating your first alert"/)
		expect(html).toMatch(/<iframe[^>]*loading="lazy"/)
		expect(html).toMatch(/<iframe[^>]*sandbox="allow-scripts allow-same-origin allow-presentation"/)
		// Callout, numbered steps, tabs, figure.
		expect(html).toMatch(/<aside role="note" aria-label="CSV sources"/)
		expect(html).toMatch(/<ol[^>]*>.*<li[^>]*>.*>1<\/span>.*Open the metric.*>2<\/span>.*Set the condition/s)
		expect(html).toMatch(/role="tablist"/)
		expect(html.match(/role="tab"/g)).toHaveLength(2)
		expect(html).toMatch(/<button[^>]*role="tab"[^>]*aria-selected="true"[^>]*>Snowflake</)
		expect(html).toMatch(/role="tabpanel"[^>]*hidden=""/)
		expect(html).toMatch(/<figure[^>]*><img src="\/images\/alerts\/alert-editor.png" alt="The alert editor"/)
		expect(html).toContain('<figcaption')
		// Labelled with the plan name customers know, never the internal tier.
		expect(html).toContain(`<section aria-label="${AUDIENCE_NAMES.tier1} section"`)
		// Headings carry their ids for the table of contents.
		expect(html).toContain('<h2 id="before-you-start">')
	})

	test('Check renders nothing without a question for it', () => {
		const html = renderToStaticMarkup(<MdxContent code={code} />)
		expect(html).not.toContain('Check your understanding')
	})

	test('Check renders the question as a form posting to the context action', async () => {
		const checks: KnowledgeCheckContextValue = {
			action: '/resources/knowledge-check',
			questions: {
				'check-alert-states': {
					id: 'check-alert-states',
					type: 'single',
					prompt: 'Which state means the condition matched?',
					options: [
						{ id: 'a', text: 'OK' },
						{ id: 'b', text: 'Triggered' },
					],
				},
			},
		}
		const html = await renderInRouter(
			<KnowledgeCheckContext.Provider value={checks}>
				<MdxContent code={code} />
			</KnowledgeCheckContext.Provider>,
		)
		expect(html).toContain('Which state means the condition matched?')
		expect(html).toMatch(/<form[^>]*method="post"[^>]*action="\/resources\/knowledge-check"/)
		expect(html).toContain('name="checkId" value="check-alert-states"')
		expect(html.match(/type="radio" name="answer"/g)).toHaveLength(2)
		expect(html).toContain('aria-live="polite"')
	})

	test('Video refuses a host outside the allowlist even if a bundle carries one', () => {
		const html = renderToStaticMarkup(<Video src="https://evil.example.com/embed/x" title="x" />)
		expect(html).not.toContain('<iframe')
	})

	test('a render tree is shown without evaluating code: table and pre take the scrolling wrappers, code keeps its highlighting', () => {
		const html = renderToStaticMarkup(<MdxContent code={code} />)
		expect(html).toMatch(/<div class="overflow-x-auto"><table>/)
		expect(html).toMatch(/<pre tabindex="0"><code class="hljs language-/)
	})

	test('a tree naming anything but an allowed component, or carrying an expression, is refused', () => {
		const tree = (children: unknown[]) => JSON.stringify({ type: 'root', children })
		const element = (name: string, attributes: unknown[] = []) => ({ type: 'mdxJsxFlowElement', name, attributes, children: [] })
		// Names the renderer could resolve only by evaluating them.
		for (const name of ['Script', 'script', 'constructor', 'toString', '__proto__', 'window.alert', 'div']) {
			expect(() => renderToStaticMarkup(<MdxContent code={tree([element(name)])} />), name).toThrow()
		}
		const expression = { type: 'mdxJsxAttributeValueExpression', value: 'alert(1)' }
		expect(() => renderToStaticMarkup(<MdxContent code={tree([element('Callout', [{ type: 'mdxJsxAttribute', name: 'type', value: expression }])])} />)).toThrow()
		expect(() => renderToStaticMarkup(<MdxContent code={tree([element('Callout', [{ type: 'mdxJsxExpressionAttribute', value: '...props' }])])} />)).toThrow()
		expect(() => renderToStaticMarkup(<MdxContent code={tree([{ type: 'mdxFlowExpression', value: 'alert(1)' }])} />)).toThrow()
		expect(() => renderToStaticMarkup(<MdxContent code={tree([{ type: 'mdxjsEsm', value: 'export const x = 1' }])} />)).toThrow()
		expect(() => renderToStaticMarkup(<MdxContent code={tree([{ type: 'element', tagName: 'script', properties: {}, children: [] }])} />)).toThrow()
		// The allowed ones still render.
		expect(renderToStaticMarkup(<MdxContent code={tree([element('Callout', [{ type: 'mdxJsxAttribute', name: 'type', value: 'tip' }])])} />)).toContain('<aside role="note"')
	})

	test('the plain HTML elements the policy allows render as themselves, and the renderer knows the same list', async () => {
		expect([...PLAIN_HTML_NAMES].sort()).toEqual([...PLAIN_HTML_ELEMENTS].sort())
		const { code: plain } = await compileMdx('Press <kbd>Ctrl</kbd> and H<sub>2</sub>O<sup>1</sup>.<br />\n\n<details>\n<summary>More</summary>\n\nHidden text.\n\n</details>\n')
		const html = renderToStaticMarkup(<MdxContent code={plain} />)
		expect(html).toContain('<kbd>Ctrl</kbd>')
		expect(html).toContain('<sub>2</sub>')
		expect(html).toContain('<sup>1</sup>')
		expect(html).toContain('<br/>')
		expect(html).toMatch(/<details><summary>More<\/summary>/)
	})
})
